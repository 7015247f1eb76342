from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ConcernsConfig(AppConfig):
    name = "steunpunt.concerns"
    label = "concerns"
    verbose_name = _("Signals")
    default_auto_field = "django.db.models.BigAutoField"
    # The public pages the page cache keeps, and the content they show (steunpunt.core.page_cache).
    page_cache_paths = ("/wat-we-hoorden/",)
    page_cache_content = ("concerns.Concern",)
