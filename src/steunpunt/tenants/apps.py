from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TenantsConfig(AppConfig):
    name = "steunpunt.tenants"
    label = "tenants"
    verbose_name = _("Support points")
    default_auto_field = "django.db.models.BigAutoField"

    # The public pages the page cache keeps, and the content they show (steunpunt.core.page_cache).
    page_cache_content = ("tenants.SupportPoint", "tenants.OpeningPeriod", "tenants.Partnership")
    # Who may do what in the back office (steunpunt.core.access_generation): a user's roles.
    access_models = ("tenants.Membership",)

    def ready(self):
        import wagtail.admin.auth

        from . import checks  # noqa: F401  (registers the policy's system check)
        from .admin_scope import deny

        # Denial is always 404 (see admin_scope): Wagtail's views ask this module for their answer.
        wagtail.admin.auth.permission_denied = deny
