"""Reads for screens and exports; every list for a user goes through the permission check."""

import copy
import time
from typing import TYPE_CHECKING, Any, TypedDict

from django.conf import settings
from django.core.cache import cache
from django.db.models import Count, Q, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404

from lantoa.core.generations import Generation
from lantoa.orgs import access
from lantoa.orgs.models import SEGMENTS, Enterprise, Membership, OrgUnit
from lantoa.orgs.services import province_code

if TYPE_CHECKING:
    from django_stubs_ext import WithAnnotations

# Moves when a unit or an enterprise is saved, deleted or imported: what other apps derive from the tree is stale.
structure_generation = Generation("orgs:structure")


class ChildCount(TypedDict):
    child_count: int


WORKER_CONTEXTS_KEPT = 4096  # enterprises a process keeps in memory at most (every enterprise of a large province)
_worker_contexts: dict[str, tuple[int, float, Enterprise]] = {}  # code → (structure generation, expiry, enterprise)


def enterprise_for_worker_context(*, code: str) -> Enterprise | None:
    """The enterprise of a worker's `/e/<code>` cookie. Every worker page asks, so a found one is kept in the
    process (no cache read on a hit) and in the cache, each for `ORGS_WORKER_CONTEXT_CACHE_SECONDS` and only in
    the current `structure_generation`: a change saved to any unit or enterprise reaches every worker page within
    GENERATION_CHECK_SECONDS, one made without signals (a bulk update) within the cache period. Unknown codes are not kept, so made-up codes cannot fill either. A code is letters
    and digits: anything else (spaces, control or accented characters, from a cookie or a form) is no code, and
    never reaches the cache as a key. Each call gets its own copy: a page that changes it changes no other's."""
    if not code or len(code) > 8 or not (code.isascii() and code.isalnum()):
        return None
    code = code.upper()
    current, now = structure_generation.current(), time.monotonic()
    generation, expiry, enterprise = _worker_contexts.get(code, (current, now, None))
    if enterprise is None or generation != current or expiry <= now:
        key = f"orgs:worker-context:{current}:{code}"
        enterprise = cache.get(key)
        if enterprise is None:
            enterprise = Enterprise.objects.select_related("unit", "commune", "zone").filter(public_code=code).first()
            if enterprise is None:
                return None
            cache.set(key, enterprise, settings.ORGS_WORKER_CONTEXT_CACHE_SECONDS)
        if len(_worker_contexts) >= WORKER_CONTEXTS_KEPT:
            _worker_contexts.clear()
        _worker_contexts[code] = (current, now + settings.ORGS_WORKER_CONTEXT_CACHE_SECONDS, enterprise)
    return copy.copy(enterprise)


def enterprise_get_by_public_code(*, code: str) -> Enterprise:
    enterprise = enterprise_for_worker_context(code=code)
    if enterprise is None:
        raise Http404
    return enterprise


def enterprise_list_for_user(
    *, user: Any, action: str = "orgs.view_enterprise", search: str = "", commune: str = "", segment: str = ""
) -> QuerySet[Enterprise]:
    enterprises = Enterprise.objects.select_related("unit", "commune", "zone").filter(
        access.scope_q(user, action, path_fields=("unit__path", "zone__path"))
    )
    if search:
        enterprises = enterprises.filter(Q(unit__name__icontains=search) | Q(tax_code__startswith=search))
    if commune:
        enterprises = enterprises.filter(commune__code=commune)
    for known in SEGMENTS:
        if segment == known.code:
            enterprises = enterprises.filter(**{known.field: known.value})
    return enterprises.distinct().order_by("unit__name")


def enterprise_get_for_user(*, user: Any, pk: int, action: str = "orgs.view_enterprise") -> Enterprise:
    enterprise = get_object_or_404(Enterprise.objects.select_related("unit", "commune", "zone"), pk=pk)
    if not access.can(user, action, enterprise):
        raise Http404  # do not reveal that it exists
    return enterprise


def unit_roots_for_user(*, user: Any) -> list[OrgUnit]:
    if getattr(user, "is_superuser", False):
        return list(OrgUnit.objects.filter(parent__isnull=True))
    return access.scope_roots(user, "orgs.view_unit")


def unit_children_for_user(*, user: Any, code: str) -> tuple[OrgUnit, list["WithAnnotations[OrgUnit, ChildCount]"]]:
    """A unit the user may see and its children, each with the number of its own children."""
    unit = get_object_or_404(OrgUnit, code=code)
    if not access.can(user, "orgs.view_unit", unit):
        raise Http404
    children = list(unit.children.annotate(child_count=Count("children")).order_by("kind", "name"))
    return unit, children


def memberships_for_user(*, user: Any) -> QuerySet[Membership]:
    return Membership.objects.filter(person__user=user, ended_on__isnull=True).select_related("unit")


def province_labour_federation() -> OrgUnit | None:
    """The province's own Labour Federation: the first one set up directly under the configured province.

    Never "the first in sort order": a unit of that kind created elsewhere (by an import, under a union)
    must not receive the reports of every enterprise without a union.
    """
    return (
        OrgUnit.objects.filter(kind=OrgUnit.Kind.LABOUR_FEDERATION, parent__code=str(province_code()))
        .order_by("pk")
        .first()
    )


def province() -> OrgUnit | None:
    return OrgUnit.objects.filter(kind=OrgUnit.Kind.PROVINCE).order_by("path").first()


def communes_list() -> list[OrgUnit]:
    return list(OrgUnit.objects.filter(kind__in=OrgUnit.COMMUNE_KINDS).order_by("name"))


def zones_list() -> list[OrgUnit]:
    return list(OrgUnit.objects.filter(kind__in=OrgUnit.ZONE_KINDS).order_by("name"))
