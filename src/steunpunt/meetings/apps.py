from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MeetingsConfig(AppConfig):
    name = "steunpunt.meetings"
    label = "meetings"
    verbose_name = _("Meetings")
    default_auto_field = "django.db.models.BigAutoField"
    # The public pages the page cache keeps, and the content they show (steunpunt.core.page_cache).
    page_cache_content = ("meetings.Meeting",)
