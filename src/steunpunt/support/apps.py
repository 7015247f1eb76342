from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SupportConfig(AppConfig):
    name = "steunpunt.support"
    label = "support"
    verbose_name = _("Questions and cases")
    default_auto_field = "django.db.models.BigAutoField"
