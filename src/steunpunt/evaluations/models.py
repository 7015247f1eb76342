"""Asking parents and young people how the help was, without any link from an answer to a person.

An :class:`Invitation` is made when a question closes (if the person agreed to be asked); its
one-time link leads to the :class:`Questionnaire`. A :class:`Response` keeps only the steunpunt,
the month, the themes and the kinds of support: no invitation, no case, no time of day.
"""

import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Audience(models.TextChoices):
    PARENTS = "parents", _("Parents")
    YOUTH = "youth", _("Young people")


class QuestionKind(models.TextChoices):
    SCALE = "scale", _("A score from 1 to 5")
    YES_PARTLY_NO = "yes_partly_no", _("Yes, partly or no")
    YES_NO = "yes_no", _("Yes or no")
    TEXT = "text", _("Own words")


def answer_choices(kind):
    """The ``(stored value, label)`` pairs of a closed question, in the order they are asked and
    reported; ``[]`` for an answer in own words. The form and the board report both use these."""
    if kind == QuestionKind.SCALE:
        return [("1", _("1 – not at all")), ("2", "2"), ("3", "3"), ("4", "4"), ("5", _("5 – very much"))]
    if kind == QuestionKind.YES_PARTLY_NO:
        return [("yes", _("Yes")), ("partly", _("Partly")), ("no", _("No"))]
    if kind == QuestionKind.YES_NO:
        return [("yes", _("Yes")), ("no", _("No"))]
    return []


class Questionnaire(models.Model):
    """One version of the questions for one audience. Versions are never changed, only replaced,
    so answers from different periods stay comparable."""

    support_point = models.ForeignKey(
        "tenants.SupportPoint",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="questionnaires",
        help_text=_("Empty for the national starting version."),
    )
    audience = models.CharField(_("for"), max_length=10, choices=Audience.choices)
    version = models.PositiveIntegerField(_("version"))
    # [{"key": "heard", "text": "...", "kind": "scale"}, ...]
    questions = models.JSONField(_("questions"))
    created_at = models.DateTimeField(default=timezone.now)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True)

    class Meta:
        verbose_name = _("questionnaire")
        verbose_name_plural = _("questionnaires")
        ordering = ["support_point_id", "audience", "-version"]
        constraints = [
            models.UniqueConstraint(
                fields=["support_point", "audience", "version"], name="one_questionnaire_version"
            )
        ]

    def __str__(self):
        return f"{self.get_audience_display()} v{self.version}"


def _token():
    return secrets.token_urlsafe(32)


class Invitation(models.Model):
    """A one-time invitation. The e-mail address is kept only until the reminder has gone or the
    questions are answered."""

    token = models.CharField(max_length=64, unique=True, default=_token, editable=False)
    support_point = models.ForeignKey("tenants.SupportPoint", on_delete=models.CASCADE, related_name="+")
    questionnaire = models.ForeignKey(Questionnaire, on_delete=models.PROTECT, related_name="invitations")
    period = models.DateField(_("month"), help_text=_("The first day of the month the question closed."))
    themes = models.JSONField(default=list)
    support_kinds = models.JSONField(default=list)
    email = models.EmailField(blank=True)
    # The requester's language (the case's, core/languages.py): the mails and their link are in it.
    language = models.CharField(max_length=10, blank=True, default="")
    created_at = models.DateTimeField(default=timezone.now)
    reminder_sent_at = models.DateTimeField(null=True, blank=True)
    answered = models.BooleanField(default=False)

    class Meta:
        indexes = [models.Index(fields=["support_point", "period"])]

    def __str__(self):
        return f"{self.support_point_id} {self.period:%Y-%m}"


class Response(models.Model):
    """The answers, with nothing that leads back to a person."""

    support_point = models.ForeignKey("tenants.SupportPoint", on_delete=models.CASCADE, related_name="+")
    questionnaire = models.ForeignKey(Questionnaire, on_delete=models.PROTECT, related_name="responses")
    period = models.DateField(_("month"))
    themes = models.JSONField(default=list)
    support_kinds = models.JSONField(default=list)
    answers = models.JSONField(default=dict)

    class Meta:
        verbose_name = _("evaluation answer")
        verbose_name_plural = _("evaluation answers")
        indexes = [models.Index(fields=["support_point", "period"])]

    def __str__(self):
        return f"{self.support_point_id} {self.period:%Y-%m}"
