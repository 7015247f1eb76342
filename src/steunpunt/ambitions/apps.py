from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AmbitionsConfig(AppConfig):
    """Ambitions with evaluation criteria measured from the platform's own data, and costs."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "steunpunt.ambitions"
    verbose_name = _("Ambitions and costs")

    def ready(self):
        from steunpunt.reports.annual import register_section

        from .costs import cost_summary
        from .measures import criteria_results

        register_section("criteria", criteria_results)
        register_section("costs", cost_summary)
