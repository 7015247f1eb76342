"""The three audiences an article speaks to, each in its own words."""

from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext_lazy as _


class Audience(models.TextChoices):
    PARENTS = "parents", _("Parents")
    YOUTH = "youth", _("Young people (12+)")
    CHILDREN = "children", _("Children (under 12)")


# The public URL segment of each audience, in Dutch.
URL_SEGMENTS = {Audience.PARENTS: "ouders", Audience.YOUTH: "jongeren", Audience.CHILDREN: "kinderen"}
AUDIENCE_BY_SEGMENT = {segment: audience for audience, segment in URL_SEGMENTS.items()}

# The versions a reader of each audience may be sent to, best first: never one in the other form of
# address (a young person is not sent to the parents' text).
READING_ORDER = {
    Audience.PARENTS: (Audience.PARENTS,),
    Audience.YOUTH: (Audience.YOUTH,),
    Audience.CHILDREN: (Audience.CHILDREN, Audience.YOUTH),
}


def reading_order(audience):
    return READING_ORDER[Audience(audience)]


# Flesch-Douma targets from quality.md A4.
READABILITY_TARGETS = {Audience.PARENTS: 60, Audience.YOUTH: 70, Audience.CHILDREN: 70}

# The largest share of words outside the 5,000 most frequent Dutch words (information.wordlist).
# Parents: B1 texts usually stay under 10% (content review). Young people and children read fewer
# uncommon words: 8% and 6% leave room for the few names a text needs (mentor, LAKS, Kinderombudsman).
UNCOMMON_SHARE_TARGETS = {Audience.PARENTS: 0.10, Audience.YOUTH: 0.08, Audience.CHILDREN: 0.06}


@dataclass(frozen=True)
class Version:
    """One audience's version of an article."""

    audience: str
    title: str
    summary: str
    body: object

    @property
    def label(self):
        return Audience(self.audience).label

    @property
    def segment(self):
        return URL_SEGMENTS[Audience(self.audience)]

    @property
    def path(self):
        """The address of this version relative to the article's own address."""
        return version_path(self.audience)


def version_path(audience):
    """The address of ``audience``'s version of an article, relative to the article's own address."""
    if audience == Audience.PARENTS:
        return ""
    return f"{URL_SEGMENTS[Audience(audience)]}/"
