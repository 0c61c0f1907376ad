"""Labour parameters for the demo: the real figures of the data file (not demo data), loaded idempotently."""

from lantoa.calculators import services


def load(*, logins: list) -> str:
    result = services.parameters_load()
    return f"labour parameters created={result.created} unchanged={result.unchanged} kept={result.kept}"
