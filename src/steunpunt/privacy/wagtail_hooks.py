from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from steunpunt.tenants.policy import Action, support_point_ids_for

from .views import audit_log


@hooks.register("register_admin_urls")
def register_audit_urls():
    return [path("privacy/logboek/", audit_log, name="privacy_audit_log")]


class AuditLogMenuItem(MenuItem):
    def is_shown(self, request):
        return bool(support_point_ids_for(request.user, Action.SUPPORT_POINT_EDIT))


@hooks.register("register_admin_menu_item")
def register_audit_menu_item():
    return AuditLogMenuItem(_("Audit log"), reverse("privacy_audit_log"), icon_name="history", order=900)
