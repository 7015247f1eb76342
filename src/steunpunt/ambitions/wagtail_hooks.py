from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from steunpunt.tenants.policy import Action, support_point_ids_for

from . import admin_views, cost_views


@hooks.register("register_admin_urls")
def register_ambition_urls():
    return [
        path("ontwikkeling/ambities/", admin_views.ambition_list, name="ambitions_list"),
        path("ontwikkeling/ambities/nieuw/", admin_views.ambition_add, name="ambitions_add"),
        path("ontwikkeling/ambities/<int:pk>/bewerken/", admin_views.ambition_edit, name="ambitions_edit"),
        path(
            "ontwikkeling/ambities/<int:pk>/verwijderen/",
            admin_views.ambition_remove,
            name="ambitions_delete",
        ),
        path(
            "ontwikkeling/ambities/<int:pk>/criterium/nieuw/",
            admin_views.criterion_add,
            name="ambitions_criterion_add",
        ),
        path(
            "ontwikkeling/ambities/criterium/<int:pk>/bewerken/",
            admin_views.criterion_edit,
            name="ambitions_criterion_edit",
        ),
        path(
            "ontwikkeling/ambities/criterium/<int:pk>/verwijderen/",
            admin_views.criterion_remove,
            name="ambitions_criterion_delete",
        ),
        path("ontwikkeling/kosten/", cost_views.cost_overview, name="ambitions_costs"),
        path("ontwikkeling/kosten/uurtarief/", cost_views.rates, name="ambitions_rates"),
        path(
            "ontwikkeling/kosten/uurtarief/<int:pk>/verwijderen/",
            cost_views.rate_remove,
            name="ambitions_rate_delete",
        ),
        path("ontwikkeling/kosten/overig/", cost_views.other_costs, name="ambitions_other_costs"),
        path(
            "ontwikkeling/kosten/overig/<int:pk>/verwijderen/",
            cost_views.other_cost_remove,
            name="ambitions_other_cost_delete",
        ),
        path("ontwikkeling/leerlingen/", cost_views.pupils, name="ambitions_pupils"),
        path(
            "ontwikkeling/leerlingen/<int:pk>/verwijderen/",
            cost_views.pupil_remove,
            name="ambitions_pupil_delete",
        ),
    ]


class DevelopmentMenuItem(MenuItem):
    """Shown to those who manage the development of a steunpunt (its coordinators)."""

    def is_shown(self, request):
        return bool(support_point_ids_for(request.user, Action.DEVELOPMENT_MANAGE))


@hooks.register("register_development_menu_item")
def register_ambitions_menu_item():
    return DevelopmentMenuItem(_("Ambitions"), reverse("ambitions_list"), icon_name="pick", order=400)


@hooks.register("register_development_menu_item")
def register_costs_menu_item():
    return DevelopmentMenuItem(
        _("Costs and benefits"), reverse("ambitions_costs"), icon_name="table", order=410
    )


@hooks.register("register_development_menu_item")
def register_pupils_menu_item():
    return DevelopmentMenuItem(_("Pupil numbers"), reverse("ambitions_pupils"), icon_name="group", order=420)
