from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("legal", "0006_amendment_from_consolidated_text"),
    ]

    operations = [
        migrations.AlterField(
            model_name="adviserquestion",
            name="code_hash",
            field=models.CharField(max_length=80, unique=True),
        ),
    ]
