"""Count what content and learning report, without them importing reach."""

import secrets
from typing import Any

from lantoa.reach import services
from lantoa.reach.models import Kind

DEVICE_COOKIE = "lt_rd"
REACHED_COOKIE = "lt_rq"  # proof (keyed with the secret) that this device was counted this quarter in this enterprise


def page_viewed(sender: type, page_id: int, topic: str, request: Any, **kwargs: Any) -> None:
    enterprise = getattr(request, "worker_enterprise", None) or None
    kind = Kind.INFO_VIEWED if kwargs.get("what") == "clarification" else Kind.VIEWED
    services.reach_record(kind=kind, enterprise=enterprise, topic=topic, page_id=page_id)
    if enterprise is None:
        return
    device_id = request.COOKIES.get(DEVICE_COOKIE, "")
    if not device_id:
        device_id = secrets.token_urlsafe(16)
        request.reach_new_device_id = device_id  # the middleware sets the cookie on the response
    mark = services.device_mark(device_id=device_id, enterprise=enterprise)
    if request.COOKIES.get(REACHED_COOKIE, "") == mark:
        return  # counted already: a returning reader's view costs one INSERT, no device lookup
    services.device_reach_record(device_id=device_id, enterprise=enterprise, topic=topic)
    request.reach_mark = mark


def quiz_counted(sender: type, attempt: Any, **kwargs: Any) -> None:
    topic = attempt.lesson.get_parent().slug
    services.reach_record(kind=Kind.COMPLETED, enterprise=attempt.enterprise, topic=topic, page_id=attempt.lesson_id)
    if attempt.is_passed:
        services.reach_record(
            kind=Kind.QUIZ_PASSED, enterprise=attempt.enterprise, topic=topic, page_id=attempt.lesson_id
        )
