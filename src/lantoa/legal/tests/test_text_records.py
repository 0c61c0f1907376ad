"""`legal_eval --texts`: published texts read by the importer into the records the evaluation indexes."""

import datetime as dt
import io
import json
from pathlib import Path

from django.core.management import call_command

from lantoa.legal import text_records

NEW_ACT = """QUỐC HỘI
Luật số: 7/2025/QH15
Hà Nội, ngày 01 tháng 3 năm 2025
LUẬT
THỬ NGHIỆM
Quốc hội ban hành Luật Thử nghiệm.
Chương I
QUY ĐỊNH CHUNG
Điều 1. Phạm vi điều chỉnh
Luật này quy định về thử nghiệm máy dệt tại xưởng.
Điều 2. Giờ thử nghiệm máy dệt
1. Mỗi ca thử nghiệm máy dệt không quá 4 giờ.
2. Người lao động được nghỉ giữa ca.
Điều 3. Hiệu lực thi hành
1. Luật này có hiệu lực thi hành từ ngày 01 tháng 7 năm 2025.
2. Luật Thử nghiệm số 1/2000/QH10 hết hiệu lực kể từ ngày Luật này có hiệu lực thi hành.
"""

CONSOLIDATED = """VĂN PHÒNG QUỐC HỘI
Số: 9/VBHN-VPQH
Hà Nội, ngày 16 tháng 3 năm 2026
LUẬT
KIỂM TRA
Luật Kiểm tra số 2/2001/QH10 ngày 14 tháng 11 năm 2001 của Quốc hội, có hiệu lực kể từ ngày 01 tháng 7 năm 2002, \
được sửa đổi, bổ sung bởi:
1. Luật số 8/2025/QH15 ngày 27 tháng 11 năm 2025 của Quốc hội sửa đổi, bổ sung một số điều của Luật Kiểm tra, có \
hiệu lực kể từ ngày 01 tháng 7 năm 2026.
Quốc hội ban hành Luật Kiểm tra.
Điều 1. Kiểm tra định kỳ
1. Việc kiểm tra định kỳ được thực hiện mỗi năm hai lần.
Điều 1a. Kiểm tra đột xuất
Việc kiểm tra đột xuất do người đứng đầu quyết định.
"""

RECORDS = [
    {"doc_number": "1/2000/QH10", "article": "Điều 1", "article_title": "Cũ", "text": "Điều 1. Cũ\nNội dung cũ."},
    {
        "doc_number": "2/2001/QH10",
        "article": "Điều 1",
        "article_title": "Kiểm tra định kỳ",
        "text": "Điều 1. Kiểm tra định kỳ\n1. Việc kiểm tra định kỳ được thực hiện mỗi năm một lần.",
    },
]


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "texts"
    folder.mkdir()
    (folder / "luat-7-2025-qh15-thu-nghiem.txt").write_text(NEW_ACT, "utf-8")
    (folder / "luat-kiem-tra-vbhn-9-2026-hop-nhat.txt").write_text(CONSOLIDATED, "utf-8")
    return folder


def _by_key(records: list[dict]) -> dict[tuple[str, str], dict]:
    return {(r["doc_number"], r["article"]): r for r in records}


def test_texts_add_their_acts_replace_the_acts_they_end_and_give_consolidated_wording(tmp_path: Path) -> None:
    records = _by_key(text_records.records_with_texts(RECORDS, _folder(tmp_path), on=dt.date(2026, 12, 1)))
    new = records[("7/2025/QH15", "Điều 2")]
    assert new["status"] == "current" and new["article_title"] == "Giờ thử nghiệm máy dệt"
    assert new["text"].splitlines() == [
        "Điều 2. Giờ thử nghiệm máy dệt",
        "1. Mỗi ca thử nghiệm máy dệt không quá 4 giờ.",
        "2. Người lao động được nghỉ giữa ca.",
    ]
    assert records[("1/2000/QH10", "Điều 1")]["status"] == "superseded"  # "… số 1/2000/QH10 hết hiệu lực"
    consolidated = records[("2/2001/QH10", "Điều 1")]
    assert "mỗi năm hai lần" in consolidated["text"] and consolidated.get("status", "current") == "current"
    # A consolidated text is no act of its own, and the article it adds is not an article of the library.
    assert not any(number.startswith("9/VBHN") for number, _ in records)
    assert ("2/2001/QH10", "Điều 1a") not in records
    assert RECORDS[1]["text"].endswith("mỗi năm một lần.")  # the records passed in are left alone


def test_before_their_dates_texts_are_not_yet_in_force_and_change_nothing(tmp_path: Path) -> None:
    records = _by_key(text_records.records_with_texts(RECORDS, _folder(tmp_path), on=dt.date(2025, 6, 1)))
    assert {r["status"] for (number, _), r in records.items() if number == "7/2025/QH15"} == {"not_yet"}
    assert "status" not in records[("1/2000/QH10", "Điều 1")]  # still as the records say (current)
    assert records[("2/2001/QH10", "Điều 1")]["text"] == RECORDS[1]["text"]


def test_legal_eval_indexes_the_texts_it_is_given(tmp_path: Path) -> None:
    laws = tmp_path / "laws.jsonl"
    laws.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in RECORDS), "utf-8")
    qa = tmp_path / "qa.jsonl"
    question = {
        "id": "t1",
        "question": "ca thử nghiệm máy dệt mấy giờ",
        "relevant": [{"doc_number": "7/2025/QH15", "article": "Điều 2"}],
    }
    qa.write_text(json.dumps(question, ensure_ascii=False) + "\n", "utf-8")

    def mrr(*extra: str) -> float:
        out = io.StringIO()
        call_command("legal_eval", "--laws", str(laws), "--qa", str(qa), "--json", "--no-handbook", *extra, stdout=out)
        return json.loads(out.getvalue())["mrr@10"]

    assert mrr() == 0.0
    assert mrr("--texts", str(_folder(tmp_path)), "--on", "2026-12-01") == 1.0
