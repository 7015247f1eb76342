from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DevelopmentConfig(AppConfig):
    """The steunpunt's own development: self-assessment, the eight-step plan, its network."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "steunpunt.development"
    verbose_name = _("Development")
