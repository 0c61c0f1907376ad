import datetime as dt

import pytest
from django.utils import timezone

from lantoa.opinion.hotspot_signals import is_about_wages_or_jobs
from lantoa.opinion.models import Topic
from lantoa.opinion.services import claims as claim_services
from lantoa.opinion.services import notes as note_services
from lantoa.orgs.models import Enterprise, User
from lantoa.voice.services.hotspots import week_signals, week_start


def test_rumours_about_wages_and_falling_mood_reach_the_hotspot_index(
    union_officer: User, enterprise_a: Enterprise
) -> None:
    monday = week_start(timezone.localdate())
    for text in ("Nghe nói công ty sắp cắt giảm lương", "nghe noi cong ty sap cat giam luong"):
        claim_services.claim_submit(text=text, enterprise=enterprise_a)
    topic = [Topic.objects.get(name="Tin đồn")]
    for weeks_ago, mood in ((2, 4), (0, 2)):
        start = monday - dt.timedelta(weeks=weeks_ago)
        note_services.note_record(
            user=union_officer,
            enterprise=enterprise_a,
            period_start=start,
            period_end=start + dt.timedelta(days=6),
            topics=topic,
            mood=mood,
            concerned=30,
        )
    signals, _reports = week_signals(week_on=monday)
    assert signals[enterprise_a.pk]["rumour_spreading"] == 2
    assert signals[enterprise_a.pk]["mood_falling"] == 1


@pytest.mark.parametrize(
    ("claim", "about_wages_or_jobs"),
    [
        ("Nghe nói công ty sắp cắt giảm lương", True),
        ("cong ty no luong thang 12", True),
        ("Năm nay không có thưởng Tết", True),
        ("Sau Tết công ty sa thải cả tổ may vì hết đơn hàng", True),
        ("nghe noi nghi viec thi mat het bhxh", True),
        ("Nghe nói giám đốc mới sẽ đổi ca làm việc", False),
        ("Tin đồn thẻ BHYT bị cắt từ tháng sau", False),
        ("Tết Âm lịch năm nay được nghỉ 5 ngày", False),
    ],
)
def test_a_rumour_counts_as_about_wages_or_jobs_by_its_terms_not_stray_words(
    claim: str, about_wages_or_jobs: bool
) -> None:
    assert is_about_wages_or_jobs(claim) is about_wages_or_jobs
