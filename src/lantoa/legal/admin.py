from lantoa.legal.calculators import admin as calculators_admin  # noqa: F401
