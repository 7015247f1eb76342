from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from steunpunt.tenants.policy import Action, support_point_ids_for

from . import views


@hooks.register("register_admin_urls")
def register_report_urls():
    return [
        path("rapportage/", views.report_page, name="reports_report"),
        path("rapportage/download.<str:kind>", views.report_download, name="reports_download"),
        path("rapportage/jaarverslag/", views.annual_page, name="reports_annual"),
        path("rapportage/jaarverslag/jaarverslag.pdf", views.annual_download, name="reports_annual_pdf"),
    ]


class ReportMenuItem(MenuItem):
    def is_shown(self, request):
        return bool(support_point_ids_for(request.user, Action.REPORT_VIEW))


@hooks.register("register_admin_menu_item")
def register_report_menu_item():
    return ReportMenuItem(_("Report"), reverse("reports_report"), icon_name="table", order=130)


class AnnualReportMenuItem(MenuItem):
    def is_shown(self, request):
        return bool(support_point_ids_for(request.user, Action.REPORT_VIEW))


@hooks.register("register_development_menu_item")
def register_annual_report_menu_item():
    return AnnualReportMenuItem(
        _("Annual report"), reverse("reports_annual"), icon_name="doc-full", order=900
    )
