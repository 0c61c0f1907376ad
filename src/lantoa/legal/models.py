from lantoa.legal.calculators.models import *  # noqa: F403
