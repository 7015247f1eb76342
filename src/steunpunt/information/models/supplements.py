"""What a national article means in one steunpunt's region, and the check after a change."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.fields import StreamField

from ..blocks import body_blocks


class RegionalSupplement(models.Model):
    """'Wat betekent dit in onze regio?': one steunpunt's addition to a national article.

    A version per audience (parents; young people and children where relevant). Readers see only
    the approved texts: a change waits for the steunpunt's own approval, by a colleague who did not
    write it (services.supplement_approve).
    """

    class Status(models.TextChoices):
        # State table: save → PENDING; approve (PENDING only) → APPROVED; save again → PENDING.
        PENDING = "pending", _("Waiting for approval")
        APPROVED = "approved", _("Approved")

    article = models.ForeignKey(
        "information.ArticlePage",
        verbose_name=_("article"),
        on_delete=models.CASCADE,
        related_name="supplements",
    )
    support_point = models.ForeignKey(
        "tenants.SupportPoint",
        verbose_name=_("steunpunt"),
        on_delete=models.CASCADE,
        related_name="supplements",
    )
    # The same blocks as a national article (information.blocks); images and documents come from the
    # steunpunt's own collection (SupplementForm checks it through the access layer).
    body = StreamField(
        body_blocks(),
        verbose_name=_("text for parents"),
        help_text=_("What this means in your region: who to contact, what is different."),
    )
    youth_body = StreamField(
        body_blocks(),
        verbose_name=_("text for young people"),
        blank=True,
        help_text=_("The same for young people (12+), in their words (je). Leave empty if not relevant."),
    )
    children_body = StreamField(
        body_blocks(),
        verbose_name=_("text for children"),
        blank=True,
        help_text=_("The same for children under 12 (je). Leave empty if not relevant."),
    )
    readability_reason = models.TextField(
        _("reason to publish below the readability target"),
        blank=True,
        help_text=_("Needed only when a version is harder to read than its target."),
    )
    status = models.CharField(_("status"), max_length=8, choices=Status.choices, default=Status.PENDING)
    approved_body = StreamField(body_blocks(), blank=True, editable=False)
    approved_youth_body = StreamField(body_blocks(), blank=True, editable=False)
    approved_children_body = StreamField(body_blocks(), blank=True, editable=False)
    approved_at = models.DateTimeField(_("approved on"), null=True, blank=True, editable=False)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("approved by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("regional supplement")
        verbose_name_plural = _("regional supplements")
        constraints = [
            models.UniqueConstraint(fields=["article", "support_point"], name="one_supplement_per_article")
        ]

    def __str__(self):
        return f"{self.article.title} – {self.support_point}"

    # The draft field and the field readers see, per audience.
    AUDIENCE_FIELDS = {
        "parents": ("body", "approved_body"),
        "youth": ("youth_body", "approved_youth_body"),
        "children": ("children_body", "approved_children_body"),
    }

    def draft_blocks(self, audience):
        """The blocks of ``audience``'s version as written, waiting for approval or approved."""
        return getattr(self, self.AUDIENCE_FIELDS[audience][0])

    def approved_blocks(self, audience):
        """What readers of ``audience`` see: the approved blocks of that audience (maybe none)."""
        return getattr(self, self.AUDIENCE_FIELDS[audience][1])


class SupplementCheck(models.Model):
    """'Controleer je regionale aanvulling': open until an editor of the steunpunt confirms it."""

    supplement = models.ForeignKey(RegionalSupplement, on_delete=models.CASCADE, related_name="checks")
    opened_at = models.DateTimeField(auto_now_add=True)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("supplement check")
        verbose_name_plural = _("supplement checks")
        constraints = [
            models.UniqueConstraint(
                fields=["supplement"], condition=models.Q(confirmed_at__isnull=True), name="one_open_check"
            )
        ]

    def __str__(self):
        return str(self.supplement)
