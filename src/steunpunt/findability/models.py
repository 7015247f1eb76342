"""What the editors learn from the site search: which results were clicked, by position.

A click is counted per steunpunt, day, search, kind of result and position, and nothing else: no
address, no session, no user. Together with the searches counted per day
(:class:`steunpunt.information.models.SearchCount`) it gives the share of searches after which a
result was opened (the "found it" rate, :mod:`.selectors`).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ResultKind(models.TextChoices):
    ANSWER = "answer", _("Best answer")
    ARTICLE = "article", _("Information")
    GLOSSARY = "glossary", _("Words explained")
    ORGANISATION = "organisation", _("Help nearby")
    SCHOOL = "school", _("Schools")
    MEETING = "meeting", _("Meetings")
    STORY = "story", _("Experiences")


class ResultClick(models.Model):
    """How often a result at one position was opened after one search on one site on one day."""

    support_point = models.ForeignKey(
        "tenants.SupportPoint", verbose_name=_("steunpunt"), on_delete=models.CASCADE, related_name="+"
    )
    query = models.CharField(_("search"), max_length=200)
    day = models.DateField(_("date"))
    kind = models.CharField(_("kind of result"), max_length=20, choices=ResultKind.choices)
    position = models.PositiveSmallIntegerField(_("position"))
    clicks = models.PositiveIntegerField(_("number of clicks"), default=0)

    class Meta:
        verbose_name = _("click on a search result")
        verbose_name_plural = _("clicks on search results")
        constraints = [
            models.UniqueConstraint(
                fields=["support_point", "query", "day", "kind", "position"], name="one_click_count_per_day"
            )
        ]
        indexes = [models.Index(fields=["support_point", "day"], name="findability_click_day")]

    def __str__(self):
        return f"{self.query} #{self.position}"
