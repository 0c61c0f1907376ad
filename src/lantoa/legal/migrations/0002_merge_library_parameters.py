# The library and the labour calculators were built side by side, each starting its own 0001.
from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("legal", "0001_labour_parameters"),
        ("legal", "0001_library"),
    ]

    operations = []
