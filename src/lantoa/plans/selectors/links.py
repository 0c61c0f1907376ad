"""Links from a number to the records behind it."""

from urllib.parse import urlencode

from django.urls import reverse

from lantoa.orgs.models import OrgUnit
from lantoa.plans.models import Indicator, ReportingPeriod
from lantoa.plans.selectors.figures import report_scope


def records_url(*, indicator: Indicator, unit: OrgUnit, period: ReportingPeriod) -> str:
    query = urlencode({"unit": report_scope(unit).code, "period": period.code})
    return f"{reverse('plans:figure-records', args=[indicator.code])}?{query}"
