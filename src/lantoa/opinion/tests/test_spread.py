import datetime as dt
from collections.abc import Callable, Sequence

from django.test import Client
from django.urls import reverse
from django.utils import timezone

from lantoa.legal.models import Provision
from lantoa.opinion.models import Clarification, Share, Topic
from lantoa.opinion.services import claims as services
from lantoa.opinion.services import notes as note_services
from lantoa.orgs.middleware import WORKER_CONTEXT_COOKIE
from lantoa.orgs.models import Enterprise, Role, User
from lantoa.reach.models import ReachEvent


def _publish(officer: User, text: str, provision: Provision, topics: Sequence[Topic] = ()) -> Clarification:
    group = services.claim_submit(text=text).claim.group
    return services.clarification_publish(
        user=officer,
        group=group,
        claim=text,
        verdict=Clarification.Verdict.FALSE,
        truth="Không đúng.",
        provisions=[provision],
        topics=topics,
    )


def test_a_propagandist_sees_what_matters_to_their_enterprise_and_marks_it_shared(
    client: Client,
    desk_officer: User,
    bhxh_article: Provision,
    enterprise_a: Enterprise,
    enterprise_b: Enterprise,
    make_official: Callable[..., User],
) -> None:
    propagandist = make_official(unit=enterprise_a.unit, role=Role.PROPAGANDIST, name="Tuyên truyền viên A")
    housing = Topic.objects.get(name="Nhà ở và giá cả")
    asked = services.claim_submit(text="Nghe nói sắp cấm rút BHXH một lần", enterprise=enterprise_a).claim
    asked_answer = services.clarification_publish(
        user=desk_officer,
        group=asked.group,
        claim="Sắp cấm rút BHXH một lần",
        verdict=Clarification.Verdict.PARTLY,
        truth="Vẫn được rút khi đủ điều kiện.",
        provisions=[bhxh_article],
    )
    by_topic = _publish(desk_officer, "Tiền thuê trọ được nhà nước trả thay", bhxh_article, [housing])
    elsewhere = _publish(desk_officer, "Công ty sắp phát tiền ăn ca gấp đôi", bhxh_article)
    monday = timezone.localdate() - dt.timedelta(days=timezone.localdate().weekday())
    note_services.note_record(
        user=propagandist,
        enterprise=enterprise_a,
        period_start=monday,
        period_end=monday + dt.timedelta(days=6),
        topics=[housing],
        mood=3,
        concerned=10,
    )
    # Two workers of enterprise A read the answer, one reader elsewhere: reach counts them without knowing who.
    reader = Client()
    reader.cookies[WORKER_CONTEXT_COOKIE] = enterprise_a.public_code
    for _time in range(2):
        assert reader.get(asked_answer.get_absolute_url()).status_code == 200
    assert Client().get(asked_answer.get_absolute_url()).status_code == 200
    events = ReachEvent.objects.filter(topic="thong-tin-chinh-thuc", page_id=asked_answer.pk, kind="info_viewed")
    assert events.count() == 3 and events.filter(enterprise=enterprise_a).count() == 2

    client.force_login(propagandist)
    page = client.get(reverse("opinion:spread")).content.decode()
    assert asked_answer.claim in page and by_topic.claim in page and elsewhere.claim not in page
    assert "Công nhân doanh nghiệp đã hỏi tin này (1 lượt)." in page
    assert "Ghi nhận gần đây nói về: Nhà ở và giá cả." in page
    assert (
        "THÔNG TIN CHÍNH THỨC – ĐÚNG MỘT PHẦN" in page and f"http://testserver{asked_answer.get_absolute_url()}" in page
    )
    assert "Lượt xem từ công nhân doanh nghiệp: 2" in page

    mark = reverse("opinion:spread-mark", args=[asked_answer.pk])
    for _time in range(2):
        assert client.post(mark, {"enterprise": enterprise_a.pk}).status_code == 302
    assert Share.objects.filter(clarification=asked_answer).count() == 1
    page = client.get(reverse("opinion:spread")).content.decode()
    assert "Bạn đã chia sẻ tin này." in page and "Đã chia sẻ ở doanh nghiệp: 1 lần" in page
    # Another enterprise is out of this propagandist's reach.
    assert client.post(mark, {"enterprise": enterprise_b.pk}).status_code == 403
    # The desk sees every view and share of each published answer.
    client.force_login(desk_officer)
    desk = client.get(reverse("opinion:desk"))
    reach = {item.pk: (views, shares) for item, _hours, views, shares in desk.context["items"]}
    assert reach[asked_answer.pk] == (3, 1) and reach[elsewhere.pk] == (0, 0)
