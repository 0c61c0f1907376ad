from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.module_loading import import_string
from django.views.decorators.http import require_GET, require_http_methods

from lantoa.core import public_files, registry
from lantoa.core import selectors as core_selectors
from lantoa.core.http import HtmxHttpRequest
from lantoa.core.links import absolute_url
from lantoa.core.qr import qr_svg
from lantoa.orgs import access, files, imports, selectors
from lantoa.orgs.forms import EnterpriseFilterForm, ImportUploadForm, PhoneLoginForm
from lantoa.orgs.middleware import WORKER_CONTEXT_COOKIE
from lantoa.orgs.models import SEGMENT_LABELS

WORKER_CONTEXT_MAX_AGE = 365 * 24 * 3600


class LoginView(auth_views.LoginView):
    template_name = "orgs/login.html"
    authentication_form = PhoneLoginForm
    redirect_authenticated_user = True


@require_GET
def worker_enter(request: HttpRequest, code: str) -> HttpResponse:
    """A worker scanned an enterprise's QR poster: remember the enterprise, not the person."""
    enterprise = selectors.enterprise_get_by_public_code(code=code)
    response = redirect("core:home")
    response.set_cookie(
        WORKER_CONTEXT_COOKIE, enterprise.public_code, max_age=WORKER_CONTEXT_MAX_AGE, samesite="Lax", httponly=True
    )
    return response


@require_GET
def enterprise_qr(request: HttpRequest, code: str) -> HttpResponse:
    enterprise = selectors.enterprise_get_by_public_code(code=code)
    url = absolute_url(reverse("orgs:worker-enter", args=[enterprise.public_code]), request)
    response = HttpResponse(qr_svg(url, scale=8, title=enterprise.name), content_type="image/svg+xml")
    response["Cache-Control"] = "public, max-age=86400"
    return response


@login_required
@require_GET
def office_home(request: HttpRequest) -> HttpResponse:
    memberships = selectors.memberships_for_user(user=request.user)
    links = [
        {"url": reverse(url_name), "label": label}
        for _config, entries in registry.declared("office_links")
        for action, url_name, label, *where in entries
        if access.can(request.user, action, import_string(where[0])() if where else None)
    ]
    return render(request, "orgs/office_home.html", {"memberships": memberships, "links": links})


@login_required
@require_GET
def unit_tree(request: HttpRequest) -> HttpResponse:
    roots = selectors.unit_roots_for_user(user=request.user)
    if not roots:
        raise PermissionDenied
    return render(request, "orgs/unit_tree.html", {"roots": roots})


@login_required
@require_GET
def unit_children(request: HttpRequest, code: str) -> HttpResponse:
    unit, children = selectors.unit_children_for_user(user=request.user, code=code)
    return render(request, "orgs/_unit_children.html", {"unit": unit, "children": children})


@login_required
@require_GET
def enterprise_list(request: HtmxHttpRequest) -> HttpResponse:
    if not access.can(request.user, "orgs.view_enterprise"):
        raise PermissionDenied
    form = EnterpriseFilterForm(request.GET or None, communes=selectors.communes_list())
    filters = form.cleaned_data if form.is_valid() else {}
    enterprises = selectors.enterprise_list_for_user(
        user=request.user,
        search=filters.get("q", ""),
        commune=filters.get("commune", ""),
        segment=filters.get("segment", ""),
    )
    page = Paginator(enterprises, 50).get_page(request.GET.get("page"))
    template = "orgs/enterprise_list.html#results" if request.htmx else "orgs/enterprise_list.html"
    return render(request, template, {"form": form, "page": page})


@login_required
@require_GET
def enterprise_detail(request: HttpRequest, pk: int) -> HttpResponse:
    enterprise = selectors.enterprise_get_for_user(user=request.user, pk=pk)
    segment_labels = [SEGMENT_LABELS[slug] for slug in enterprise.segments]
    return render(request, "orgs/enterprise_detail.html", {"enterprise": enterprise, "segment_labels": segment_labels})


@login_required
@require_http_methods(["GET", "POST"])
def import_upload(request: HttpRequest) -> HttpResponse:
    scopes = access.scope_roots(request.user, "orgs.import")
    if not scopes and not request.user.is_superuser:
        raise PermissionDenied
    form = ImportUploadForm(request.POST or None, request.FILES or None)
    if form.is_valid():
        upload = form.cleaned_data["file"]
        scope = scopes[0] if scopes else selectors.unit_roots_for_user(user=request.user)[0]
        try:
            job = imports.import_job_start(user=request.user, file_name=upload.name, data=upload.read(), scope=scope)
        except ValidationError as error:
            form.add_error("file", error)
        else:
            return redirect("core:job", pk=job.pk)
    return render(request, "orgs/import_upload.html", {"form": form, "scopes": scopes})


@login_required
@require_GET
def import_template(request: HttpRequest) -> HttpResponseBase:
    if not access.can(request.user, "orgs.import"):
        raise PermissionDenied
    return public_files.file_response(request, files.template_file())


@login_required
@require_GET
def jobs_overview(request: HttpRequest) -> HttpResponse:
    """Every unit's background jobs: only for those who hold the role over the whole province."""
    province = selectors.province()
    if province is None or not access.can(request.user, "orgs.view_jobs", province):
        raise PermissionDenied
    backlog = core_selectors.task_backlog()
    context = {
        "rows": core_selectors.jobs_recent(),
        "backlog": backlog,
        "oldest_minutes": int((backlog["oldest_age_seconds"] or 0) // 60),
    }
    return render(request, "orgs/jobs.html", context)
