"""Demo question bank: each seed lesson's quiz (the lessons come first, from content's demo loader)."""

import datetime as dt

from django.utils import timezone

from lantoa.learning import services
from lantoa.learning.models import Contest
from lantoa.orgs import selectors as org_selectors

DEMO_CONTEST_SLUG = "tim-hieu-phap-luat-lao-dong-2026"


def load(*, logins: list[tuple[str, str, str]]) -> str:
    result = services.questions_import()
    if result.problems:
        raise RuntimeError("; ".join(f"{p.file}: {p.message}" for p in result.problems))
    now = timezone.now()
    contest, _created = Contest.objects.get_or_create(
        slug=DEMO_CONTEST_SLUG,
        defaults={
            "title": "Cuộc thi tìm hiểu pháp luật lao động năm 2026 (minh họa)",
            "description": "Cuộc thi minh họa: 10 câu hỏi về hợp đồng, tiền lương, bảo hiểm, an toàn lao động, công đoàn.",
            "starts_at": now - dt.timedelta(days=1),
            "ends_at": now + dt.timedelta(days=60),
            "time_limit_minutes": 10,
            "question_count": 10,
            "is_demo": True,
        },
    )
    if contest.issuing_body is None:
        contest.issuing_body = org_selectors.province_labour_federation()
        contest.signer_title = "Chủ tịch Liên đoàn Lao động tỉnh (minh họa)"
        contest.save(update_fields=["issuing_body", "signer_title"])
    return f"contest /cuoc-thi/{DEMO_CONTEST_SLUG}/; questions created={result.created} updated={result.updated} unchanged={result.unchanged}"
