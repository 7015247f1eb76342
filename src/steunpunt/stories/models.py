"""Experiences (ervaringsverhalen) of parents and young people, published only after moderation."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Story(models.Model):
    class Status(models.TextChoices):
        SUBMITTED = "submitted", _("Waiting for moderation")
        PUBLISHED = "published", _("Published")
        REJECTED = "rejected", _("Not published")

    class Author(models.TextChoices):
        PARENT = "parent", _("Parent")
        YOUNG_PERSON = "young_person", _("Young person")
        OTHER = "other", _("Someone else")

    support_point = models.ForeignKey(
        "tenants.SupportPoint", verbose_name=_("steunpunt"), on_delete=models.CASCADE, related_name="stories"
    )
    author = models.CharField(_("written by"), max_length=15, choices=Author.choices)
    submitted_text = models.TextField(_("text as sent"))
    title = models.CharField(_("title"), max_length=150, blank=True)
    published_text = models.TextField(
        _("text to publish"),
        blank=True,
        help_text=_("Remove names, schools, places and anything else that identifies anyone."),
    )
    consent_to_publish = models.BooleanField(_("consent to publish"))
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.SUBMITTED)
    themes = models.ManyToManyField("information.Theme", verbose_name=_("themes"), blank=True)
    articles = models.ManyToManyField(
        "information.ArticlePage", verbose_name=_("articles"), blank=True, related_name="stories"
    )
    submitted_on = models.DateField(_("sent on"), auto_now_add=True)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("moderated by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    # Personal data, for the access layer (tenants/access.py): the text as sent may name a child (and
    # the story's text shows its start until it has a title); the moderated text is not.
    PERSONAL_FIELDS = ("submitted_text", "__str__")

    class Meta:
        verbose_name = _("experience")
        verbose_name_plural = _("experiences")
        ordering = ["-submitted_on", "-pk"]

    def __str__(self):
        return self.title or self.submitted_text[:40]
