"""The social-insurance law a sickness or maternity leave falls under, picked by the first day of leave.

Luật BHXH 58/2014/QH13 from 01/01/2016 (its Điều 124 khoản 1) to 30/06/2025, Luật BHXH 41/2024/QH15 from 01/07/2025.
A leave that began under 58/2014 stays under it to its end (41/2024 Điều 141 khoản 5 says so of maternity leave and
of long-term sickness), so the day that decides is the first day off work, not the day of the birth or the claim.
"""

import datetime as dt
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from lantoa.calculators.parameters import Citation


@dataclass(frozen=True)
class InsuranceLaw:
    document: str
    valid_from: dt.date
    valid_to: dt.date | None
    slug: str

    @property
    def is_2024(self) -> bool:
        return self.valid_to is None

    def cite(self, article: str) -> Citation:
        """ "Điều 45 khoản 2" → the citation linking to the article's permalink in the law library."""
        number = article.split()[1]
        return Citation(
            document=self.document,
            article=article,
            valid_from=self.valid_from,
            valid_to=self.valid_to,
            path=f"/phap-luat/{self.slug}/dieu-{number}",
        )


LAW_2014 = InsuranceLaw("Luật Bảo hiểm xã hội 58/2014/QH13", dt.date(2016, 1, 1), dt.date(2025, 6, 30), "58-2014-qh13")
LAW_2024 = InsuranceLaw("Luật Bảo hiểm xã hội 41/2024/QH15", dt.date(2025, 7, 1), None, "41-2024-qh15")
TRANSITION = LAW_2024.cite("Điều 141 khoản 5")


def insurance_law_on(on: dt.date, what: str) -> InsuranceLaw:
    if on >= LAW_2024.valid_from:
        return LAW_2024
    if on >= LAW_2014.valid_from:
        return LAW_2014
    raise ValidationError(
        _(
            "Công cụ tính %(what)s theo Luật Bảo hiểm xã hội 58/2014/QH13 (từ 01/01/2016) và 41/2024/QH15 (từ "
            "01/07/2025); ngày nghỉ %(day)s còn theo luật cũ hơn, chưa được tính ở đây."
        ),
        code="no_rule",
        params={"what": what, "day": on.strftime("%d/%m/%Y")},
    )
