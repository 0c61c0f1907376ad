# The labour parameters now belong to the `calculators` app, which keeps the table and its rows.
from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("legal", "0002_merge_library_parameters"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="LabourParameter")],
            database_operations=[],
        ),
    ]
