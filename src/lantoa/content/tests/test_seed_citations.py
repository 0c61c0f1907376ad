"""Every seed citation is checked against the shared law texts: the article exists and is in force."""

import json

from lantoa.content.importers import lessons_parse
from lantoa.core.tests.support import SHARED_DIR, require

# Documents that are not law texts in the shared folder, cited on purpose and reviewed by hand:
# the Secretariat's directive and the province's plan carrying it out (no articles to check).
REVIEWED_OUTSIDE_LIBRARY = {"58-CT/TW", "KH-TU-AG"}


def shared_laws() -> dict[tuple[str, str], str]:
    folder = SHARED_DIR / "legal"
    files = [folder / "laws.jsonl", folder / "laws_2024_2025.jsonl"]
    require(all(path.exists() for path in files), str(folder))
    status = {}
    for path in files:
        for line in path.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            status[(row["doc_number"], row["article"])] = row["status"]
    return status


def seed_citations() -> list[tuple[str, str, str]]:
    rows, problems = lessons_parse()
    assert not problems
    cited = []
    for row in rows:
        cited += [(row.file, c["doc_number"], c["article"]) for c in row.citations]
        cited += [(row.file, q["cite_doc"], q["cite_article"]) for q in row.quiz]
    return cited


def test_seed_has_at_least_20_lessons_and_3_on_directive_58():
    rows, _problems = lessons_parse()
    assert len(rows) >= 23
    assert sum(row.topic == "chi-thi-58" for row in rows) >= 3


def test_every_seed_citation_names_an_article_in_force_or_a_reviewed_document():
    laws = shared_laws()
    documents = {doc for doc, _article in laws}
    outside = set()
    wrong = []
    for file, doc, article in seed_citations():
        if doc not in documents:
            outside.add(doc)
            continue
        if laws.get((doc, article)) != "current":
            wrong.append(f"{file}: {doc} {article or '(no article)'} is {laws.get((doc, article), 'missing')}")
    assert wrong == []
    # A newly cited document outside the library fails here until someone reviews it and adds it above.
    assert outside == REVIEWED_OUTSIDE_LIBRARY, f"citations outside the legal library: {sorted(outside)}"
