"""The one JSON API of the site, `/api/v1/` with its OpenAPI schema at `/api/v1/openapi.json`.

Apps add their routers here (`api.add_router("/legal/", router)`) from their own `api.py`, listed below.
"""

from django.utils.module_loading import import_string
from ninja import NinjaAPI

api = NinjaAPI(title="Lan Tỏa API", version="1", urls_namespace="api-v1")

# app routers: (prefix, dotted path of a ninja Router)
ROUTERS = (("/legal/", "lantoa.legal.api.router"),)

for prefix, path in ROUTERS:
    api.add_router(prefix, import_string(path))
