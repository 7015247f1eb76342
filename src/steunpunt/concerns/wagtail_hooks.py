from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from steunpunt.tenants.policy import Action, support_point_ids_for

from . import admin_views as views


@hooks.register("register_admin_urls")
def register_concern_urls():
    return [
        path("signalen/", views.concern_list, name="concerns_list"),
        path("signalen/nieuw/", views.concern_add, name="concerns_add"),
        path("signalen/<int:pk>/", views.concern_detail, name="concerns_detail"),
        path("signalen/<int:pk>/bewerken/", views.concern_edit, name="concerns_edit"),
        path("signalen/<int:pk>/status/", views.concern_status, name="concerns_status"),
        path("signalen/<int:pk>/publiceren/", views.concern_publish_view, name="concerns_publish"),
    ]


class ConcernMenuItem(MenuItem):
    def is_shown(self, request):
        return bool(support_point_ids_for(request.user, Action.CONCERN_MANAGE))


@hooks.register("register_admin_menu_item")
def register_concern_menu_item():
    return ConcernMenuItem(_("Signals"), reverse("concerns_list"), icon_name="warning", order=110)
