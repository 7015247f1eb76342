from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "steunpunt.portal"
    label = "portal"
    verbose_name = _("Public websites")
    default_auto_field = "django.db.models.BigAutoField"
