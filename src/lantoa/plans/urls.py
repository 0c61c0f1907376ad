from django.urls import path

from lantoa.plans.views import dashboards, figures, plans, reports

app_name = "plans"
urlpatterns = [
    path("plans/", plans.home, name="home"),
    path("plans/plan/<int:pk>/", plans.plan_detail, name="plan-detail"),
    path("plans/plan/<int:pk>/targets/", figures.plan_targets, name="plan-targets"),
    path("plans/plan/<int:pk>/targets/<int:indicator_pk>/split/", figures.plan_target_split, name="plan-target-split"),
    path("plans/tasks/<int:pk>/assign/", plans.task_assign, name="task-assign"),
    path("plans/tasks/<int:pk>/progress/", plans.task_progress, name="task-progress"),
    path("plans/reports/", reports.report_list, name="report-list"),
    path("plans/reports/draft/", reports.report_draft, name="report-draft"),
    path("plans/reports/<int:pk>/", reports.report_detail, name="report-detail"),
    path("plans/reports/<int:pk>/edit/", reports.report_edit, name="report-edit"),
    path("plans/reports/<int:pk>/figures/", figures.report_entered, name="report-entered"),
    path("plans/reports/<int:pk>/submit/", reports.report_submit, name="report-submit"),
    path("plans/reports/<int:pk>/review/", reports.report_review, name="report-review"),
    path("plans/reports/<int:pk>/export.<str:fmt>", reports.report_export, name="report-export"),
    path("plans/dashboard/", dashboards.dashboard, name="dashboard"),
    path("plans/dashboard/export.xlsx", dashboards.dashboard_export, name="dashboard-export"),
    path("plans/records/<str:code>/", dashboards.figure_records, name="figure-records"),
    path("plans/inspections/", plans.inspection_list, name="inspection-list"),
    path("plans/inspections/<int:pk>/", plans.inspection_detail, name="inspection-detail"),
    path("plans/findings/<int:pk>/close/", plans.finding_close, name="finding-close"),
]
