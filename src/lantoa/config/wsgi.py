"""The WSGI entry point gunicorn serves. It defaults to the production settings: the demo and the tests name
their own (`manage.py` and `scripts/serve-demo.sh` use dev), so a server started without the variable never runs
with DEBUG and development keys."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lantoa.config.settings.prod")

application = get_wsgi_application()
