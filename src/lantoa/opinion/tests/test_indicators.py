import datetime as dt

from django.utils import timezone

from lantoa.core.registry import indicator_sources
from lantoa.legal.models import Provision
from lantoa.opinion import indicators
from lantoa.opinion.models import Clarification, Recommendation
from lantoa.opinion.services import claims as claim_services
from lantoa.opinion.services import recommendations as rec_services
from lantoa.orgs.models import OrgUnit, User


def test_plan_indicators_count_clarifications_time_and_answers(
    desk_officer: User, union_officer: User, labour_federation: OrgUnit, bhxh_article: Provision
) -> None:
    codes = {source.code for source in indicator_sources()}
    assert {"opinion.clarifications_published", "opinion.median_hours_to_clarification"} <= codes
    group = claim_services.claim_submit(text="Nghe nói không được rút BHXH một lần nữa").claim.group
    item = claim_services.clarification_publish(
        user=desk_officer,
        group=group,
        claim="Không được rút BHXH một lần nữa",
        verdict=Clarification.Verdict.PARTLY,
        truth="Vẫn được rút khi đủ điều kiện.",
        provisions=[bhxh_article],
    )
    today = timezone.localdate()
    period = {"start": today - dt.timedelta(days=1), "end": today}
    assert indicators.clarifications_published(**period) == {item.unit_id: 1}
    assert indicators.median_hours_to_clarification(**period) == {item.unit_id: 0}
    on_time = rec_services.recommendation_raise(
        user=union_officer,
        unit=labour_federation,
        text="Đề nghị tổ chức đối thoại.",
        due_on=today + dt.timedelta(days=5),
        source=Recommendation.Source.NOTES,
        addressee_name="Công ty A",
    )
    rec_services.recommendation_answer(user=union_officer, recommendation=on_time, answer="Đã tổ chức.")
    assert indicators.recommendations_answered_on_time(**period) == {labour_federation.pk: 1}
