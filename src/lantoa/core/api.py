"""The one JSON API of the site, `/api/v1/` with its OpenAPI schema at `/api/v1/openapi.json`.

Apps add their routers by declaring `api_router = (prefix, "dotted.path.router")` on their AppConfig.
"""

from typing import Any

from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _
from ninja import NinjaAPI
from ninja.errors import HttpError
from ninja.errors import ValidationError as NinjaValidationError
from ninja.openapi.schema import OpenAPISchema

from lantoa.core import dates, registry

INVALID_INPUT = {
    "description": "Dữ liệu gửi lên không hợp lệ",
    "content": {
        "application/json": {
            "schema": {
                "type": "object",
                "properties": {"detail": {"type": "string"}, "code": {"type": "string"}},
                "required": ["detail", "code"],
            }
        }
    },
}


class LanToaAPI(NinjaAPI):
    def get_openapi_schema(
        self, *, path_prefix: str | None = None, path_params: dict[str, Any] | None = None
    ) -> OpenAPISchema:
        """Every operation that takes input documents the 422 of `invalid_input` below, in one place."""
        schema = super().get_openapi_schema(path_prefix=path_prefix, path_params=path_params)
        for operations in schema["paths"].values():
            for operation in operations.values():
                if operation.get("parameters") or operation.get("requestBody"):
                    operation["responses"].setdefault(422, INVALID_INPUT)
        return schema


api = LanToaAPI(title="Lan Tỏa API", version="1", urls_namespace="api-v1")


@api.exception_handler(NinjaValidationError)
def invalid_input(request: HttpRequest, error: NinjaValidationError) -> HttpResponse:
    fields = sorted({str(item.get("loc", ["", ""])[-1]) for item in error.errors})
    detail = _("Dữ liệu gửi lên không hợp lệ (trường: %(fields)s).") % {"fields": ", ".join(fields)}
    # A date refused by `core.dates` says why in Vietnamese; pydantic's own messages are English and stay out.
    reasons = dict.fromkeys(str(item["msg"]) for item in error.errors if item.get("type") in dates.ERROR_CODES)
    detail = " ".join([detail, *reasons])
    return api.create_response(request, {"detail": detail, "code": "invalid_input"}, status=422)


@api.exception_handler(HttpError)
def unreadable_input(request: HttpRequest, error: HttpError) -> HttpResponse:
    """A body that is not JSON (ninja raises HttpError 400 in English): the same Vietnamese 422 as invalid input."""
    if error.status_code != 400:
        return api.create_response(request, {"detail": str(error), "code": "http_error"}, status=error.status_code)
    detail = _("Nội dung gửi lên không đọc được (không phải JSON hợp lệ).")
    return api.create_response(request, {"detail": detail, "code": "invalid_input"}, status=422)


@api.exception_handler(ValidationError)
def rule_broken(request: HttpRequest, error: ValidationError) -> HttpResponse:
    """A service refused the input: its Vietnamese message and stable code go back to the client."""
    return api.create_response(
        request, {"detail": " ".join(error.messages), "code": getattr(error, "code", "") or ""}, status=400
    )


for _config, (prefix, path) in registry.declared("api_router"):
    api.add_router(prefix, import_string(path))
