from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FindabilityConfig(AppConfig):
    name = "steunpunt.findability"
    label = "findability"
    verbose_name = _("Findability")
    default_auto_field = "django.db.models.BigAutoField"
