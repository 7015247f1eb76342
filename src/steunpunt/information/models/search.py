from django.db import models
from django.utils.translation import gettext_lazy as _


class SearchSynonym(models.Model):
    """A word parents use, and the words the information uses for it ('rugzakje' → 'extra ondersteuning')."""

    term = models.CharField(_("word readers use"), max_length=100, unique=True)
    means = models.TextField(_("search also for"), help_text=_("One word or phrase per line."))

    class Meta:
        verbose_name = _("search synonym")
        verbose_name_plural = _("search synonyms")
        ordering = ["term"]

    def __str__(self):
        return self.term

    def expansions(self):
        return [line.strip() for line in self.means.splitlines() if line.strip()]


class SearchCount(models.Model):
    """How often a search was done on one site on one day, and how many results it had. No personal data."""

    support_point = models.ForeignKey(
        "tenants.SupportPoint", verbose_name=_("steunpunt"), on_delete=models.CASCADE, related_name="+"
    )
    query = models.CharField(_("search"), max_length=200)
    day = models.DateField(_("date"))
    searches = models.PositiveIntegerField(_("number of searches"), default=0)
    results = models.PositiveIntegerField(_("number of results"), default=0)

    class Meta:
        verbose_name = _("search count")
        verbose_name_plural = _("search counts")
        constraints = [
            models.UniqueConstraint(fields=["support_point", "query", "day"], name="one_count_per_day")
        ]

    def __str__(self):
        return self.query
