from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "steunpunt.core"
    label = "core"
    verbose_name = _("Core")

    def ready(self):
        from . import access_generation, admin_csp
        from .page_cache import connect_signals

        connect_signals()
        access_generation.connect_signals()
        admin_csp.install()
