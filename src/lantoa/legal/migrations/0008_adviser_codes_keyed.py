"""Re-key the follow-up codes of questions asked before codes were keyed.

Such a question kept `SHA-256(code)` of an 8-sign code. It now keeps `hmac$` + HMAC-SHA256(VOICE_RECEIPT_SALT,
"legal.question:" + that SHA-256), which is what `services.questions.code_digest` computes for the same code: the
worker's old code still opens the question, and the plain digest (open to a dictionary of 2^40 codes) is gone.
Rows already keyed start with `hmac$` and are left alone, so running this twice changes nothing.
"""

import hashlib
import hmac

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import migrations

SCHEME = "hmac$"


def rekey(apps, schema_editor):
    AdviserQuestion = apps.get_model("legal", "AdviserQuestion")
    pending = AdviserQuestion.objects.exclude(code_hash__startswith=SCHEME)
    if not pending.exists():
        return
    salt = settings.VOICE_RECEIPT_SALT
    if len(salt) < 16:
        raise ImproperlyConfigured("Set VOICE_RECEIPT_SALT before migrating: adviser question codes are keyed with it.")
    while batch := list(pending.only("pk", "code_hash")[:500]):
        for question in batch:
            keyed = hmac.new(salt.encode(), b"legal.question:" + question.code_hash.encode(), hashlib.sha256)
            question.code_hash = SCHEME + keyed.hexdigest()
        AdviserQuestion.objects.bulk_update(batch, ["code_hash"])


class Migration(migrations.Migration):
    dependencies = [("legal", "0007_widen_adviser_code_hash")]

    # Going back keeps the keyed digests: the HMAC cannot be undone, so code from before this migration no longer
    # opens those questions by their codes (the questions and answers themselves stay, for the advisers).
    operations = [migrations.RunPython(rekey, migrations.RunPython.noop)]
