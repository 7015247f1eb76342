from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FindabilityConfig(AppConfig):
    name = "steunpunt.findability"
    label = "findability"
    verbose_name = _("Findability")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from steunpunt.core import page_cache
        from steunpunt.meetings.models import Meeting

        # The site search keeps what it found of a steunpunt's meetings under the content's
        # generation (sitesearch.py): a change of a meeting makes that stale.
        post_save.connect(page_cache.bump_generation, sender=Meeting, dispatch_uid="findability-meeting-save")
        post_delete.connect(
            page_cache.bump_generation, sender=Meeting, dispatch_uid="findability-meeting-delete"
        )
