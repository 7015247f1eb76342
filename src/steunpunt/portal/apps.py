from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "steunpunt.portal"
    label = "portal"
    verbose_name = _("Public websites")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from steunpunt.tenants.services import register_home_page_maker

        from .services import support_point_home_page_create

        register_home_page_maker(support_point_home_page_create)
