"""Thin views for grassroots screens, one module per sub-topic."""

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.forms import Form

from lantoa.orgs import access


def require(user: Any, *actions: str) -> None:
    """Allow the page when the user may do any of `actions` somewhere; else 403."""
    if not any(access.can(user, action) for action in actions):
        raise PermissionDenied


def form_error(form: Form, error: ValidationError) -> None:
    """Show a service's error on the form: per field when it names one, else at the top."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)
