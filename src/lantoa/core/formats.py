"""How dates and money look to a Vietnamese reader: dd/mm/yyyy in Asia/Ho_Chi_Minh and 1.234.567 đ."""

import datetime as dt

from django.utils import timezone


def local(value: dt.datetime) -> dt.datetime:
    """The moment as the reader's wall clock shows it; an aware UTC time is a day early before 07:00."""
    return timezone.localtime(value) if timezone.is_aware(value) else value


def local_day(value: dt.date | dt.datetime) -> dt.date:
    return local(value).date() if isinstance(value, dt.datetime) else value


def vn_date(value: dt.date | dt.datetime | None) -> str:
    if value is None:
        return ""
    return local_day(value).strftime("%d/%m/%Y")


def vn_datetime(value: dt.datetime | None) -> str:
    if value is None:
        return ""
    return local(value).strftime("%H:%M %d/%m/%Y")


def vn_number(value: int | None) -> str:
    if value is None:
        return ""
    return f"{value:,}".replace(",", ".")


def vnd(value: int | None) -> str:
    if value is None:
        return ""
    return f"{vn_number(value)} đ"
