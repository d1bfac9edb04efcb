"""The application's addresses."""

from __future__ import annotations

from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from ghg.web import views_auditor, views_authority, views_common, views_enterprise, views_reports
from ghg.web.api import api

urlpatterns = [
    path("", views_common.home, name="home"),
    path("login/", auth_views.LoginView.as_view(template_name="ghg/login.html"), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("enterprises/", views_common.enterprises, name="enterprises"),
    path("template/<str:lang>/", views_enterprise.template, name="template"),
    path("e/<str:enterprise>/", views_enterprise.enterprise_page, name="enterprise"),
    path("e/<str:enterprise>/upload/", views_enterprise.upload, name="upload"),
    path("e/<str:enterprise>/uploads/<int:upload_id>/", views_enterprise.upload_view, name="upload_view"),
    path("e/<str:enterprise>/uploads/<int:upload_id>/submit/", views_enterprise.submit, name="submit"),
    path(
        "e/<str:enterprise>/<int:year>/<int:revision>/review/",
        views_enterprise.send_for_review,
        name="send_for_review",
    ),
    path("e/<str:enterprise>/<int:year>/<int:revision>/", views_auditor.revision_lines, name="revision"),
    path("park/", views_authority.dashboard, name="dashboard"),
    path("park/acknowledge/", views_authority.acknowledge, name="acknowledge"),
    path("park/assess/", views_authority.assess, name="assess"),
    path("park/<str:enterprise>/<int:year>/<int:revision>/step/", views_authority.step, name="step"),
    path("park/log/", views_authority.audit_log, name="audit_log"),
    path("park/pathway/", views_authority.pathway, name="pathway"),
    path("reports/park.<str:lang>.html", views_reports.park_html, name="report_html"),
    path("reports/park.<str:lang>.xlsx", views_reports.park_workbook, name="report_xlsx"),
    path("reports/art43-<int:year>.<str:lang>.xlsx", views_reports.art43, name="report_art43"),
    path(
        "reports/form06/<str:enterprise>/<str:facility>/<int:first>-<int:last>.<str:lang>.xlsx",
        views_reports.form06_download,
        name="report_form06",
    ),
    path(
        "e/<str:enterprise>/<int:year>/<int:revision>/inputs/<str:sha256>/",
        views_reports.kept_input,
        name="kept_input",
    ),
    path("audit/", views_auditor.assigned, name="assigned"),
    path("audit/statement/", views_auditor.statement, name="statement"),
    path("api/v1/", api.urls),
    path("admin/", admin.site.urls),
]
