"""The figures of the data file as a ParameterBook, without the database: rule tests stay pure."""

from lantoa.calculators.models import LabourParameter
from lantoa.calculators.parameters import ParameterBook, param_from_row
from lantoa.calculators.services import PARAMETERS_FILE, parameter_rows_read


def book_from_file() -> ParameterBook:
    return ParameterBook(param_from_row(LabourParameter(**row)) for row in parameter_rows_read(path=PARAMETERS_FILE))
