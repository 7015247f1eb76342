"""Mail that could not be delivered, for the steunpunt it was sent for: the administrator (and the
coordinator) sees to whom, when and the mail server's reason, instead of only the log."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from steunpunt.tenants.access import ScopedModelViewSet
from steunpunt.tenants.policy import Action

from .models import OutboxMail


def failed_mails(user):
    """The mails refused for good, newest first (the access layer narrows them to the user's steunpunten)."""
    return OutboxMail.objects.filter(failed_at__isnull=False).order_by("-failed_at")


class FailedMailViewSet(ScopedModelViewSet):
    model = OutboxMail
    actions = {"view": Action.MEMBERSHIP_MANAGE}
    selector = failed_mails
    icon = "mail"
    menu_label = _("Undelivered e-mail")
    menu_order = 890
    add_to_admin_menu = True
    list_display = ["to", "subject", "failed_at", "last_error", "support_point"]
    list_filter = ["support_point"]
    search_fields = ["to", "subject"]
    ordering = ["-failed_at"]
    # Nothing is added or edited here (no "add" or "change" in ``actions``): those views answer 404.
    form_fields = ["subject"]

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(page_title=_("Undelivered e-mail"), **kwargs)


@hooks.register("register_admin_viewset")
def register_failed_mails():
    return FailedMailViewSet("failed_mails")
