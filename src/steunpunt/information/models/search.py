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


class SearchPosting(models.Model):
    """One term of one live article and how much it counts there (the site search's own index).

    ``weight`` is the term's BM25F term-frequency part, worked out when the article is indexed
    (:mod:`steunpunt.information.search_index`); the search multiplies it by the term's rarity.
    """

    pk = models.CompositePrimaryKey("term", "article")
    term = models.CharField(max_length=60)
    article = models.ForeignKey("information.ArticlePage", on_delete=models.CASCADE, related_name="+")
    weight = models.FloatField()

    class Meta:
        verbose_name = _("search index entry")
        verbose_name_plural = _("search index entries")

    def __str__(self):
        return f"{self.term} ({self.article_id})"


class SearchTerm(models.Model):
    """A term of the search vocabulary: in how many live articles it is, and a word it comes from
    (shown in "Bedoelde u …?")."""

    term = models.CharField(max_length=60, primary_key=True)
    word = models.CharField(max_length=60)
    articles = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("search term")
        verbose_name_plural = _("search terms")

    def __str__(self):
        return self.term
