from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SchoolsConfig(AppConfig):
    name = "steunpunt.schools"
    label = "schools"
    verbose_name = _("Schools")
    default_auto_field = "django.db.models.BigAutoField"
