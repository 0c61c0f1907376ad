from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from lantoa.activities.forms.welfare import WelfareForm
from lantoa.activities.selectors import MANAGE_WELFARE, VIEW_ACTIONS
from lantoa.activities.selectors import welfare as selectors
from lantoa.activities.services import welfare as services
from lantoa.activities.views import form_error, require
from lantoa.orgs import access

MANAGE = MANAGE_WELFARE


@login_required
@require_GET
def welfare_list(request: HttpRequest) -> HttpResponse:
    require(request.user, *VIEW_ACTIONS, MANAGE)
    page = Paginator(selectors.welfare_list_for_user(user=request.user), 50).get_page(request.GET.get("page"))
    return render(
        request, "activities/welfare_list.html", {"page": page, "can_manage": access.can(request.user, MANAGE)}
    )


@login_required
@require_http_methods(["GET", "POST"])
def welfare_new(request: HttpRequest) -> HttpResponse:
    require(request.user, MANAGE)
    form = WelfareForm(request.POST or None, enterprises=selectors.welfare_enterprises_for_user(user=request.user))
    if form.is_valid():
        try:
            services.welfare_record(**form.record_fields())
        except ValidationError as error:
            form_error(form, error)
        else:
            messages.success(request, _("Đã lưu số liệu phúc lợi."))
            return redirect("activities:welfare-list")
    return render(
        request,
        "activities/simple_form.html",
        {
            "form": form,
            "title": _("Ghi số liệu phúc lợi của doanh nghiệp"),
            "intro": _("Kế hoạch khuyến khích doanh nghiệp hỗ trợ tiền ăn giữa ca, bố trí nhà ở tập thể, hỗ trợ tiền thuê nhà trọ và dành kinh phí cho văn hóa, thể thao của công nhân."),
        },
    )  # fmt: skip
