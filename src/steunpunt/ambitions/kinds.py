"""The fixed list of evaluation criteria the platform can measure, with their units and limits.

Stored values are English constants; every label, title and definition is Dutch through gettext.
A kind's definition is the contract of its function in :mod:`.measures` and is shown on the pages.
"""

from dataclasses import dataclass
from decimal import Decimal

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext


class Kind(models.TextChoices):
    FIRST_CONTACT = "first_contact", _("First contact within N working days")
    CLOSING_MEDIAN = "closing_median", _("Median number of days to closing")
    EVALUATION_SCORE = "evaluation_score", _("Average evaluation score (1 to 5)")
    EVALUATION_YES = "evaluation_yes", _("Share of “yes” answers in the evaluation")
    EVALUATION_RESPONSE = "evaluation_response", _("Response to the evaluation")
    QUESTIONS_PER_PUPILS = "questions_per_pupils", _("Questions per 1,000 pupils")
    ARTICLES_VALID = "articles_valid", _("Articles validated and not overdue")
    SEARCHES_WITHOUT_RESULT = "searches_without_result", _("Searches without a result")
    CONCERNS_FOLLOWED_UP = "concerns_followed_up", _("Signals followed up within N weeks")


class Direction(models.TextChoices):
    AT_LEAST = "at_least", _("at least")
    AT_MOST = "at_most", _("at most")


class Unit(models.TextChoices):
    PERCENT = "percent", _("percent")
    DAYS = "days", _("days")
    SCORE = "score", _("score from 1 to 5")
    PER_1000 = "per_1000", _("per 1,000 pupils")


class Parameter(models.TextChoices):
    WORKING_DAYS = "working_days", _("working days")
    WEEKS = "weeks", _("weeks")


@dataclass(frozen=True)
class KindSpec:
    """What a kind measures in: its unit, the decimals shown (and allowed in a target), the range of a
    sensible target, the number N it needs (if any) with its range, and the usual direction."""

    unit: str
    decimals: int
    target_min: Decimal
    target_max: Decimal
    direction: str
    definition: str
    parameter: str | None = None
    parameter_min: int = 0
    parameter_max: int = 0


_PERCENT = {"unit": Unit.PERCENT, "decimals": 1, "target_min": Decimal(0), "target_max": Decimal(100)}

SPECS = {
    Kind.FIRST_CONTACT: KindSpec(
        **_PERCENT,
        direction=Direction.AT_LEAST,
        parameter=Parameter.WORKING_DAYS,
        parameter_min=1,
        parameter_max=20,
        definition=_(
            "Of the questions that came in during the period: the share where the first contact came at "
            "the latest on the N-th working day after the question came in. Working days are Monday to "
            "Friday; public holidays count as working days. A question without contact counts as not met "
            "once those working days have passed; until then it is not counted."
        ),
    ),
    Kind.CLOSING_MEDIAN: KindSpec(
        unit=Unit.DAYS,
        decimals=1,
        target_min=Decimal(0),
        target_max=Decimal(365),
        direction=Direction.AT_MOST,
        definition=_(
            "Of the questions closed in the period: the median number of days (calendar days) from coming "
            "in to closing. Half of these questions took less time, half took more."
        ),
    ),
    Kind.EVALUATION_SCORE: KindSpec(
        unit=Unit.SCORE,
        decimals=1,
        target_min=Decimal(1),
        target_max=Decimal(5),
        direction=Direction.AT_LEAST,
        definition=_(
            "The average of all answers on a scale from 1 to 5 in the evaluations of questions that were "
            "closed in the months of the period."
        ),
    ),
    Kind.EVALUATION_YES: KindSpec(
        **_PERCENT,
        direction=Direction.AT_LEAST,
        definition=_(
            "Of all answers to yes/no questions and yes/partly/no questions in the evaluations of questions "
            "that were closed in the months of the period: the share that is “yes”."
        ),
    ),
    Kind.EVALUATION_RESPONSE: KindSpec(
        **_PERCENT,
        direction=Direction.AT_LEAST,
        definition=_(
            "Of the invitations to evaluate questions that were closed in the months of the period: the "
            "share that was answered. Recent invitations can still be answered, so this number can go up."
        ),
    ),
    Kind.QUESTIONS_PER_PUPILS: KindSpec(
        unit=Unit.PER_1000,
        decimals=2,
        target_min=Decimal(0),
        target_max=Decimal(1000),
        direction=Direction.AT_LEAST,
        definition=_(
            "The number of questions that came in during the period, per 1,000 pupils of the partnerships "
            "of the steunpunt. The pupil numbers are those of the school year in which the period ends. "
            "Without a pupil number for every partnership there is no value."
        ),
    ),
    Kind.ARTICLES_VALID: KindSpec(
        **_PERCENT,
        direction=Direction.AT_LEAST,
        definition=_(
            "Of the published articles on the website of the steunpunt (the national information): the "
            "share that has been validated and is not past its “check again before” date. This is measured "
            "today, whatever the period: earlier states are not kept."
        ),
    ),
    Kind.SEARCHES_WITHOUT_RESULT: KindSpec(
        **_PERCENT,
        direction=Direction.AT_MOST,
        definition=_(
            "Of all searches on the website of the steunpunt in the period: the share that found nothing."
        ),
    ),
    Kind.CONCERNS_FOLLOWED_UP: KindSpec(
        **_PERCENT,
        direction=Direction.AT_LEAST,
        parameter=Parameter.WEEKS,
        parameter_min=1,
        parameter_max=52,
        definition=_(
            "Of the signals recorded in the period: the share that was followed up (status “Followed up”) "
            "at most N weeks after it was recorded. A signal without follow-up counts as not met once the "
            "N weeks have passed or when it was closed; until then it is not counted."
        ),
    ),
}


def spec(kind):
    """Return the :class:`KindSpec` of ``kind`` (a :class:`Kind` or its value)."""
    return SPECS[Kind(kind)]


def title(kind, parameter=None):
    """The criterion's name with its N filled in, such as “Eerste contact binnen 3 werkdagen”."""
    kind = Kind(kind)
    if kind == Kind.FIRST_CONTACT and parameter:
        return ngettext(
            "First contact within %(n)s working day", "First contact within %(n)s working days", parameter
        ) % {"n": parameter}
    if kind == Kind.CONCERNS_FOLLOWED_UP and parameter:
        return ngettext(
            "Signals followed up within %(n)s week", "Signals followed up within %(n)s weeks", parameter
        ) % {"n": parameter}
    return str(kind.label)
