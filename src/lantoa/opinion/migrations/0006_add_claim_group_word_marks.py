from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("opinion", "0005_add_claim_idempotency"),
    ]

    operations = [
        migrations.AddField(
            model_name="claimgroup",
            name="word_marks",
            field=models.TextField(editable=False, null=True),
        ),
    ]
