from django.db import models
from django.utils.translation import gettext_lazy as _


class ArticleFeedback(models.Model):
    """'Heeft deze informatie je geholpen?': an answer without any personal data (no time, no address)."""

    article = models.ForeignKey(
        "information.ArticlePage",
        verbose_name=_("article"),
        on_delete=models.CASCADE,
        related_name="feedback",
    )
    support_point = models.ForeignKey(
        "tenants.SupportPoint",
        verbose_name=_("steunpunt"),
        on_delete=models.CASCADE,
        related_name="+",
        null=True,
    )
    audience = models.CharField(_("version"), max_length=10)
    helpful = models.BooleanField(_("helpful"))
    missing = models.TextField(_("what was missing"), blank=True, max_length=500)
    given_on = models.DateField(_("date"), auto_now_add=True)

    class Meta:
        verbose_name = _("answer to 'did this help?'")
        verbose_name_plural = _("answers to 'did this help?'")
        ordering = ["-given_on", "-pk"]

    def __str__(self):
        return f"{self.article} – {self.helpful}"
