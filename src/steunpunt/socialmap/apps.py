from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SocialMapConfig(AppConfig):
    name = "steunpunt.socialmap"
    label = "socialmap"
    verbose_name = _("Social map")
    default_auto_field = "django.db.models.BigAutoField"
    # The public pages the page cache keeps, and the content they show (steunpunt.core.page_cache).
    page_cache_paths = ("/hulp-in-de-buurt/",)
    page_cache_content = ("socialmap.Organisation",)
