from django.db import models
from django.utils.translation import gettext_lazy as _

from ..audiences import Audience


class ArticleView(models.Model):
    """How often a version of an article was read on one site on one day.

    Counted in the server, without cookies, addresses or any identifier of the reader.
    """

    support_point = models.ForeignKey(
        "tenants.SupportPoint", verbose_name=_("steunpunt"), on_delete=models.CASCADE, related_name="+"
    )
    article = models.ForeignKey(
        "information.ArticlePage", verbose_name=_("article"), on_delete=models.CASCADE, related_name="views"
    )
    audience = models.CharField(_("audience"), max_length=10, choices=Audience.choices)
    day = models.DateField(_("date"))
    views = models.PositiveIntegerField(_("times read"), default=0)

    class Meta:
        verbose_name = _("article reads")
        verbose_name_plural = _("article reads")
        constraints = [
            models.UniqueConstraint(
                fields=["support_point", "article", "audience", "day"], name="one_view_count_per_day"
            )
        ]

    def __str__(self):
        return f"{self.article_id} {self.audience} {self.day}: {self.views}"
