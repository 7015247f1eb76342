"""What a national article means in one steunpunt's region, and the check after a change."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class RegionalSupplement(models.Model):
    """'Wat betekent dit in onze regio?': one steunpunt's addition to a national article."""

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
    body = models.TextField(
        _("text"), help_text=_("What this means in your region: who to contact, what is different.")
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
