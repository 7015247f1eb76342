"""Whether a translation of a national article has been checked against its Dutch text."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import AbstractGroupApprovalTask


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


class TranslationReviewTask(AbstractGroupApprovalTask):
    """A reviewer who reads the language checks a translation against its Dutch text; approving publishes.

    Separation of duties, as in the expert check: whoever submitted or wrote the revision does not
    approve it.
    """

    class Meta:
        verbose_name = _("translation check by a reviewer")
        verbose_name_plural = _("translation checks by a reviewer")

    def get_actions(self, obj, user):
        from .validation import submitted_by

        if not (user.is_superuser or self._user_in_groups(user)):
            return []
        if submitted_by(obj.current_workflow_task_state, user):
            return []
        return [
            ("reject", _("Request changes"), True),
            ("approve", _("Translation is correct: publish"), False),
        ]

    def get_task_states_user_can_moderate(self, user, **kwargs):
        states = super().get_task_states_user_can_moderate(user, **kwargs)
        return states.exclude(workflow_state__requested_by=user).exclude(revision__user=user)

    @classmethod
    def get_description(cls):
        return _("A reviewer who reads the language checks the translation; approving publishes it")
