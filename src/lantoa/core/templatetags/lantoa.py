from django import template

from lantoa.core import formats

register = template.Library()
register.filter("vn_date", formats.vn_date)
register.filter("vn_number", formats.vn_number)
register.filter("vnd", formats.vnd)
register.filter("vn_datetime", formats.vn_datetime)
