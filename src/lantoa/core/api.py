"""The one JSON API of the site, `/api/v1/` with its OpenAPI schema at `/api/v1/openapi.json`.

Apps add their routers by declaring `api_router = (prefix, "dotted.path.router")` on their AppConfig.
"""

from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _
from ninja import NinjaAPI
from ninja.errors import ValidationError as NinjaValidationError

from lantoa.core import registry

api = NinjaAPI(title="Lan Tỏa API", version="1", urls_namespace="api-v1")


@api.exception_handler(NinjaValidationError)
def invalid_input(request: HttpRequest, error: NinjaValidationError) -> HttpResponse:
    fields = sorted({str(item.get("loc", ["", ""])[-1]) for item in error.errors})
    detail = _("Dữ liệu gửi lên không hợp lệ (trường: %(fields)s).") % {"fields": ", ".join(fields)}
    return api.create_response(request, {"detail": detail, "code": "invalid_input"}, status=422)


@api.exception_handler(ValidationError)
def rule_broken(request: HttpRequest, error: ValidationError) -> HttpResponse:
    """A service refused the input: its Vietnamese message and stable code go back to the client."""
    return api.create_response(
        request, {"detail": " ".join(error.messages), "code": getattr(error, "code", "") or ""}, status=400
    )


for _config, (prefix, path) in registry.declared("api_router"):
    api.add_router(prefix, import_string(path))
