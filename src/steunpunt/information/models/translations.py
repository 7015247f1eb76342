"""Whether a translation of a national article has been checked against its Dutch text."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class TranslationCheck(models.Model):
    """The review state of one translated article (a page in another locale than Dutch).

    Readers see "Translation – not yet checked" unless the state is ``CHECKED``; publishing a new
    Dutch text sets every translation of it back to ``SOURCE_CHANGED`` (information.translations).
    """

    class Status(models.TextChoices):
        UNCHECKED = "unchecked", _("Not yet checked")
        SOURCE_CHANGED = "source_changed", _("Dutch text changed: check again")
        CHECKED = "checked", _("Checked")

    page = models.OneToOneField(
        "information.ArticlePage", on_delete=models.CASCADE, related_name="translation_check"
    )
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.UNCHECKED)
    # The Dutch revision the translation was last checked against (or made from).
    source_revision = models.ForeignKey(
        "wagtailcore.Revision", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    checked_at = models.DateTimeField(_("checked at"), null=True, blank=True)
    checked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    source_changed_at = models.DateTimeField(_("Dutch text changed at"), null=True, blank=True)

    class Meta:
        verbose_name = _("translation check")
        verbose_name_plural = _("translation checks")

    def __str__(self):
        return f"{self.page} – {self.get_status_display()}"

    @property
    def needs_review(self):
        return self.status != self.Status.CHECKED
