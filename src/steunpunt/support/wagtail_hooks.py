from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from steunpunt.tenants.policy import CASE_ACTIONS, support_point_ids_for

from . import admin_views as views
from .panels import CaseWorkPanel


@hooks.register("register_admin_urls")
def register_case_urls():
    return [
        path("vragen/", views.inbox, name="support_inbox"),
        path("mijn-school/<int:pk>/doorverwijzen/", views.school_referral, name="support_school_referral"),
        path("vragen/nieuw/", views.case_create, name="support_case_create"),
        path("vragen/werkverdeling/", views.workload, name="support_workload"),
        path("vragen/<int:pk>/", views.case_detail, name="support_case"),
        path("vragen/<int:pk>/bewerken/", views.case_edit, name="support_case_edit"),
        path("vragen/<int:pk>/bericht/", views.case_message, name="support_case_message"),
        path("vragen/<int:pk>/status/", views.case_status, name="support_case_status"),
        path("vragen/<int:pk>/toewijzen/", views.case_assign_view, name="support_case_assign"),
        path("vragen/<int:pk>/contact/", views.case_contact, name="support_case_contact"),
        path("vragen/<int:pk>/doorverwijzing/", views.case_referral, name="support_case_referral"),
        path(
            "vragen/<int:pk>/doorverwijzing/<int:referral_pk>/",
            views.case_referral_outcome,
            name="support_case_referral_outcome",
        ),
        path("vragen/<int:pk>/herinnering/", views.case_reminder, name="support_case_reminder"),
        path(
            "vragen/<int:pk>/bijlage/<int:attachment_pk>/",
            views.case_attachment,
            name="support_case_attachment",
        ),
        path("vragen/<int:pk>/gegevens/", views.requester_data, name="support_requester_data"),
        path(
            "vragen/<int:pk>/gegevens.<str:kind>",
            views.requester_data_download,
            name="support_requester_data_download",
        ),
        path(
            "vragen/<int:pk>/gegevens/wissen/",
            views.requester_data_erase,
            name="support_requester_data_erase",
        ),
        path(
            "vragen/<int:pk>/herinnering/<int:reminder_pk>/klaar/",
            views.case_reminder_done,
            name="support_case_reminder_done",
        ),
    ]


class CaseMenuItem(MenuItem):
    def is_shown(self, request):
        return any(support_point_ids_for(request.user, action) for action in CASE_ACTIONS)


@hooks.register("register_admin_menu_item")
def register_case_menu_item():
    return CaseMenuItem(_("Questions"), reverse("support_inbox"), icon_name="mail", order=100)


@hooks.register("construct_homepage_panels")
def add_case_work_panel(request, panels):
    panels.append(CaseWorkPanel(request))
