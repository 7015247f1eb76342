from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InformationConfig(AppConfig):
    name = "steunpunt.information"
    label = "information"
    verbose_name = _("Information")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import receivers, search_index  # noqa: F401

        search_index.connect_signals()
