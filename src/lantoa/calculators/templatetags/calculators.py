from django import template

from lantoa.calculators.parameters import region_label

register = template.Library()
register.filter("region_label", region_label)
