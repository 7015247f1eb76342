from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import admin_views, selectors


@hooks.register("register_admin_urls")
def register_findability_urls():
    return [
        path("vindbaarheid/", admin_views.report, name="findability_report"),
        path("vindbaarheid/synoniem/", admin_views.synonym, name="findability_synonym"),
    ]


class FindabilityMenuItem(MenuItem):
    def is_shown(self, request):
        return selectors.may_view(request.user)


@hooks.register("register_admin_menu_item")
def register_findability_menu_item():
    return FindabilityMenuItem(_("Findability"), reverse("findability_report"), icon_name="search", order=330)
