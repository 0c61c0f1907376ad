from django import template

from lantoa.plans.selectors.documents import cell_text

register = template.Library()
register.filter("cell", cell_text)
