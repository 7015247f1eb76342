"""The "Ontwikkeling" menu of the back office. Its pages register themselves into it with
``@hooks.register("register_development_menu_item")`` (apps development and ambitions)."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem

from steunpunt.tenants.policy import Action, support_point_ids_for

from .admin_views import assessment, network, plan

development_menu = Menu(
    register_hook_name="register_development_menu_item",
    construct_hook_name="construct_development_menu",
)


@hooks.register("register_admin_menu_item")
def register_development_menu():
    # Shown when one of its items is shown (each item checks the policy itself).
    return SubmenuMenuItem(_("Development"), development_menu, icon_name="tasks", order=140)


@hooks.register("register_admin_urls")
def register_development_urls():
    return [
        path("ontwikkeling/", assessment.overview, name="development_overview"),
        path("ontwikkeling/zelfevaluatie/", assessment.history, name="development_history"),
        path("ontwikkeling/zelfevaluatie/nieuw/", assessment.assess, name="development_assess"),
        path(
            "ontwikkeling/zelfevaluatie/<int:pk>/",
            assessment.assessment_detail,
            name="development_assessment",
        ),
        path("ontwikkeling/bewijs/<int:pk>/", assessment.evidence_download, name="development_evidence"),
        path("ontwikkeling/plan/", plan.plan, name="development_plan"),
        path("ontwikkeling/plan/nieuwe-ronde/", plan.cycle_new, name="development_cycle_start"),
        path("ontwikkeling/plan/stap/<int:pk>/", plan.step_edit, name="development_step_edit"),
        path("ontwikkeling/netwerk/", network.network, name="development_network"),
        path("ontwikkeling/netwerk/nieuw/", network.member_add, name="development_member_add"),
        path("ontwikkeling/netwerk/<int:pk>/", network.member_edit, name="development_member_edit"),
        path(
            "ontwikkeling/netwerk/<int:pk>/verwijderen/",
            network.member_delete,
            name="development_member_remove",
        ),
        path("ontwikkeling/werkgroep/", network.meetings, name="development_meetings"),
        path("ontwikkeling/werkgroep/nieuw/", network.meeting_add, name="development_meeting_add"),
        path("ontwikkeling/werkgroep/<int:pk>/", network.meeting_detail, name="development_meeting"),
        path(
            "ontwikkeling/werkgroep/<int:pk>/bewerken/", network.meeting_edit, name="development_meeting_edit"
        ),
    ]


class DevelopmentMenuItem(MenuItem):
    """Shown only to users who manage the development of a steunpunt (coordinators)."""

    def is_shown(self, request):
        return bool(support_point_ids_for(request.user, Action.DEVELOPMENT_MANAGE))


@hooks.register("register_development_menu_item")
def register_stool_menu_item():
    return DevelopmentMenuItem(
        _("Stool and self-assessment"), reverse("development_overview"), icon_name="view", order=100
    )


@hooks.register("register_development_menu_item")
def register_plan_menu_item():
    return DevelopmentMenuItem(
        _("Plan in eight steps"), reverse("development_plan"), icon_name="list-ol", order=110
    )


@hooks.register("register_development_menu_item")
def register_network_menu_item():
    return DevelopmentMenuItem(_("Network"), reverse("development_network"), icon_name="group", order=120)


@hooks.register("register_development_menu_item")
def register_meetings_menu_item():
    return DevelopmentMenuItem(
        _("Working group"), reverse("development_meetings"), icon_name="date", order=130
    )
