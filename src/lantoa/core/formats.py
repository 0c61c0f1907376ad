"""How dates and money look to a Vietnamese reader: dd/mm/yyyy and 1.234.567 đ."""

import datetime as dt


def vn_date(value: dt.date | dt.datetime | None) -> str:
    if value is None:
        return ""
    return value.strftime("%d/%m/%Y")


def vn_number(value: int | None) -> str:
    if value is None:
        return ""
    return f"{value:,}".replace(",", ".")


def vnd(value: int | None) -> str:
    if value is None:
        return ""
    return f"{vn_number(value)} đ"
