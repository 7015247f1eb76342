from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ConsultationsConfig(AppConfig):
    name = "steunpunt.consultations"
    label = "consultations"
    verbose_name = _("Consultation hours")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import receivers  # noqa: F401  (booking details go with their case's; bookings on its timeline)
