from django.urls import path

from lantoa.calculators import views

app_name = "calculators"
urlpatterns = [
    path("tinh-toan/", views.index, name="index"),
    path("tinh-toan/luong-toi-thieu/", views.minimum_wage, name="minimum-wage"),
    path("tinh-toan/truy-linh-luong/", views.arrears, name="arrears"),
    path("tinh-toan/lam-them-gio/", views.overtime_view, name="overtime"),
    path("tinh-toan/nghi-phep-nam/", views.leave_view, name="leave"),
    path("tinh-toan/tro-cap-thoi-viec/", views.severance_view, name="severance"),
    path("tinh-toan/bao-hiem/", views.insurance_view, name="insurance"),
    path("tinh-toan/tro-cap-that-nghiep/", views.unemployment_view, name="unemployment-benefit"),
    path("tinh-toan/bhxh-mot-lan/", views.lump_sum_view, name="lump-sum"),
    path("tinh-toan/om-dau/", views.sickness_view, name="sickness"),
    path("tinh-toan/thai-san/", views.maternity_view, name="maternity"),
    path("tinh-toan/duong-suc/", views.recovery_view, name="recovery"),
    path("tinh-toan/tham-so/", views.parameter_list, name="parameter-list"),
]
