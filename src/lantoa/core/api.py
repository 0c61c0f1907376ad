"""The one JSON API of the site, `/api/v1/` with its OpenAPI schema at `/api/v1/openapi.json`.

Apps add their routers by declaring `api_router = (prefix, "dotted.path.router")` on their AppConfig.
"""

from django.utils.module_loading import import_string
from ninja import NinjaAPI

from lantoa.core import registry

api = NinjaAPI(title="Lan Tỏa API", version="1", urls_namespace="api-v1")

for _config, (prefix, path) in registry.declared("api_router"):
    api.add_router(prefix, import_string(path))
