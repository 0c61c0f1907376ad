from typing import Any

from django.http import HttpRequest


def worker_context(request: HttpRequest) -> dict[str, Any]:
    enterprise = getattr(request, "worker_enterprise", None)
    return {"worker_enterprise": enterprise if enterprise else None}
