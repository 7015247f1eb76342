from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from steunpunt.tenants.policy import Action, support_point_ids_for

from . import admin_views as views


@hooks.register("register_admin_urls")
def register_evaluation_urls():
    return [
        path("evaluaties/", views.overview, name="evaluations_overview"),
        path("evaluaties/<int:support_point_id>/<str:audience>/", views.edit, name="evaluations_edit"),
    ]


class EvaluationMenuItem(MenuItem):
    def is_shown(self, request):
        return bool(support_point_ids_for(request.user, Action.EVALUATION_MANAGE))


@hooks.register("register_admin_menu_item")
def register_evaluation_menu_item():
    return EvaluationMenuItem(
        _("Evaluations"), reverse("evaluations_overview"), icon_name="comment", order=120
    )
