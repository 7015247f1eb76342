"""Costs and benefits of a period: hours from the case time records and other costs, against what the
steunpunt delivered (questions, outcomes, evaluation), in total, per theme and per kind of support.

Definitions (also on the cost page):

* The period's questions are those that came in during it; their hours are the minutes of all their
  contact moments (whatever the contact's date) divided by 60, as in the board report.
* Time cost: each contact's minutes × the hourly rate valid on the contact's date (the newest rate
  whose ``valid_from`` is on or before it). Minutes before the first rate have no cost and are
  reported as such.
* Other costs: the entries dated in the period.
* Per theme and per kind of support: the questions with that theme (kind), the minutes of their
  contacts and the time cost of those, plus a share of the other costs in proportion to the number
  of questions: every question of the period carries the same part (other costs ÷ questions). A
  question with two themes counts for both, so the rows add up to more than the total.
* Money is :class:`~decimal.Decimal`, computed exactly and rounded to cents only when shown.
* A row with fewer questions than the steunpunt's report threshold shows no hours or money (“te weinig
  vragen”); evaluation results of a row need as many answers (“te weinig antwoorden”).

Everything is counted in the database with grouped queries; nothing is read per question.
:func:`cost_summary` is what the annual report uses. Importing this module has no side effects.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Case as DjCase
from django.db.models import Count, IntegerField, Q, Sum, Value, When
from django.utils.translation import gettext as _

from steunpunt.evaluations.models import Invitation, QuestionKind
from steunpunt.information.models import Theme
from steunpunt.reports.aggregates import cases_in
from steunpunt.support.models import Contact, Outcome, SupportKind

from .formatting import euro, number, rounded
from .measures import SCALE_ANSWERS, answer_counts, evaluation_responses, mean_score
from .models import HourlyRate, OtherCost

NO_RATE = -1


@dataclass
class CostRow:
    """Questions, hours and money of one theme or kind of support (or the whole period), beside the
    outcomes of its closed questions and its evaluation results."""

    key: str
    label: str
    questions: int
    minutes: int = 0
    time_cost: Decimal = Decimal(0)
    other_share: Decimal = Decimal(0)
    closed: int = 0
    solved: int = 0
    partly: int = 0
    invited: int = 0
    answered: int = 0
    score_counts: dict = field(default_factory=dict)
    threshold: int = 0

    @property
    def small(self):
        """Fewer questions than the threshold: hours and money are not shown."""
        return self.questions < self.threshold

    @property
    def hours(self):
        return Decimal(self.minutes) / Decimal(60)

    @property
    def total(self):
        return self.time_cost + self.other_share

    @property
    def per_question(self):
        return self.total / Decimal(self.questions) if self.questions else None

    @property
    def solved_share(self):
        return rounded(Decimal(self.solved) * 100 / Decimal(self.closed), 0) if self.closed else None

    @property
    def partly_share(self):
        return rounded(Decimal(self.partly) * 100 / Decimal(self.closed), 0) if self.closed else None

    @property
    def small_evaluation(self):
        return self.answered < self.threshold

    @property
    def response_rate(self):
        return rounded(Decimal(self.answered) * 100 / Decimal(self.invited), 0) if self.invited else None

    @property
    def mean_score(self):
        mean, _answers = mean_score(self.score_counts)
        return rounded(mean, 1)

    # What the page shows: Dutch text, or the reason a number is not shown.
    def _money(self, amount):
        if self.small:
            return _("too few questions")
        return "–" if amount is None else euro(amount)

    @property
    def hours_shown(self):
        return _("too few questions") if self.small else number(self.hours, 1)

    @property
    def time_cost_shown(self):
        return self._money(self.time_cost)

    @property
    def other_share_shown(self):
        return self._money(self.other_share)

    @property
    def total_shown(self):
        return self._money(self.total)

    @property
    def per_question_shown(self):
        return self._money(self.per_question)

    @property
    def outcome_shown(self):
        if not self.closed:
            return "–"
        return _("%(solved)s%% solved, %(partly)s%% partly (of %(closed)s closed)") % {
            "solved": number(self.solved_share),
            "partly": number(self.partly_share),
            "closed": self.closed,
        }

    @property
    def evaluation_shown(self):
        if not self.invited:
            return "–"
        if self.small_evaluation:
            return _("too few answers")
        score = self.mean_score
        text = _("response %(rate)s%%") % {"rate": number(self.response_rate)}
        if score is not None:
            text += ", " + _("score %(score)s of 5") % {"score": number(score, 1)}
        return text


@dataclass
class CostSummary:
    """The costs of one period. ``total`` is the whole period (never small: it is the steunpunt's own
    total); ``by_theme`` and ``by_kind`` are the rows described in the module docstring."""

    support_point: object
    period: object
    total: CostRow
    other_cost: Decimal
    minutes_without_rate: int
    rates: list
    other_entries: list
    by_theme: list
    by_kind: list
    threshold: int

    @property
    def time_cost(self):
        return self.total.time_cost

    @property
    def hours(self):
        return self.total.hours

    @property
    def total_cost(self):
        return self.total.total

    @property
    def per_question(self):
        return self.total.per_question

    @property
    def hours_without_rate(self):
        return Decimal(self.minutes_without_rate) / Decimal(60)

    @property
    def hours_without_rate_shown(self):
        return number(self.hours_without_rate, 1)


def _rate_bucket(rates):
    """The index in ``rates`` (oldest first) of the rate valid on a contact's date, or :data:`NO_RATE`."""
    if not rates:
        return Value(NO_RATE, output_field=IntegerField())
    whens = []
    for index, rate in enumerate(rates):
        condition = Q(on__gte=rate.valid_from)
        if index + 1 < len(rates):
            condition &= Q(on__lt=rates[index + 1].valid_from)
        whens.append(When(condition, then=Value(index)))
    return DjCase(*whens, default=Value(NO_RATE), output_field=IntegerField())


def _minutes(contacts, rates, group=None):
    """``{group value: {rate index: minutes}}`` (the one group ``""`` without ``group``): one grouped
    statement over the contacts."""
    fields = [group, "bucket"] if group else ["bucket"]
    rows = (
        contacts.annotate(bucket=_rate_bucket(rates))
        .order_by()
        .values(*fields)
        .annotate(minutes=Sum("minutes"))
    )
    found = {}
    for row in rows:
        found.setdefault(row[group] if group else "", {})[row["bucket"]] = row["minutes"] or 0
    return found


def _time_cost(by_bucket, rates):
    return sum(
        (
            Decimal(minutes) * rates[bucket].amount / Decimal(60)
            for bucket, minutes in by_bucket.items()
            if bucket != NO_RATE
        ),
        Decimal(0),
    )


_OUTCOME_COUNTS = {
    "questions": Count("pk", distinct=True),
    "closed": Count("pk", filter=Q(closed_at__isnull=False), distinct=True),
    "solved": Count("pk", filter=Q(closed_at__isnull=False, outcome=Outcome.SOLVED), distinct=True),
    "partly": Count("pk", filter=Q(closed_at__isnull=False, outcome=Outcome.PARTLY), distinct=True),
}


def _case_counts(cases, group):
    """``{group value: {questions, closed, solved, partly}}`` of ``cases`` grouped by ``group``."""
    rows = cases.order_by().values(group).annotate(**_OUTCOME_COUNTS)
    return {row[group]: row for row in rows}


def _evaluations(support_point, period, groups):
    """``{name: (invited, answered, scale counts)}`` for the filters in ``groups``: one statement over the
    invitations and one per scale question over the responses."""
    invitations = Invitation.objects.filter(
        support_point=support_point, period__gte=period.start, period__lt=period.end
    )
    aggregates = {}
    for index, condition in enumerate(groups.values()):
        aggregates[f"{index}|invited"] = Count("pk", filter=condition)
        aggregates[f"{index}|answered"] = Count("pk", filter=condition & Q(answered=True))
    row = invitations.aggregate(**aggregates) if groups else {}
    scores = (
        answer_counts(
            evaluation_responses(support_point, period), {QuestionKind.SCALE}, SCALE_ANSWERS, groups
        )
        if groups
        else {}
    )
    return {
        name: (row[f"{index}|invited"], row[f"{index}|answered"], scores[name])
        for index, name in enumerate(groups)
    }


def _in_list(field_name, value):
    # The lists are JSON arrays of slugs or kinds; the quotes keep “thema-1” from matching “thema-10”.
    return Q(**{f"{field_name}__icontains": f'"{value}"'})


def _rows(*, counts, minutes, rates, per_question_other, evaluations, labels, threshold):
    rows = []
    for key, label in labels:
        figures = counts.get(key)
        if not figures or not figures["questions"]:
            continue
        invited, answered, scores = evaluations.get(key, (0, 0, {}))
        by_bucket = minutes.get(key, {})
        rows.append(
            CostRow(
                key=str(key),
                label=label,
                questions=figures["questions"],
                minutes=sum(by_bucket.values()),
                time_cost=_time_cost(by_bucket, rates),
                other_share=per_question_other * figures["questions"],
                closed=figures["closed"],
                solved=figures["solved"],
                partly=figures["partly"],
                invited=invited,
                answered=answered,
                score_counts=scores,
                threshold=threshold,
            )
        )
    return sorted(rows, key=lambda row: (-row.questions, row.label))


def cost_summary(support_point, period):
    """The :class:`CostSummary` of ``support_point`` for ``period`` (definitions in the module docstring)."""
    threshold = support_point.report_threshold
    rates = list(HourlyRate.objects.filter(support_point=support_point).order_by("valid_from"))
    cases = cases_in(support_point, period)
    contacts = Contact.objects.filter(case__in=cases.values("pk"))
    other_entries = list(
        OtherCost.objects.filter(
            support_point=support_point, on__gte=period.start, on__lt=period.end
        ).order_by("on", "pk")
    )
    other_cost = sum((entry.amount for entry in other_entries), Decimal(0))

    overall = cases.aggregate(**_OUTCOME_COUNTS)
    all_minutes = _minutes(contacts, rates).get("", {})
    per_question_other = other_cost / Decimal(overall["questions"]) if overall["questions"] else Decimal(0)
    invited, answered, scores = _evaluations(support_point, period, {"": Q()})[""]
    total = CostRow(
        key="",
        label=_("All questions"),
        questions=overall["questions"],
        minutes=sum(all_minutes.values()),
        time_cost=_time_cost(all_minutes, rates),
        # Without questions the other costs still count in the total.
        other_share=other_cost,
        closed=overall["closed"],
        solved=overall["solved"],
        partly=overall["partly"],
        invited=invited,
        answered=answered,
        score_counts=scores,
        threshold=0,
    )

    # Per theme, and a row for the questions without a theme.
    theme_counts = _case_counts(cases, "themes")
    theme_minutes = _minutes(contacts, rates, "case__themes")
    themes = Theme.objects.filter(pk__in=[key for key in theme_counts if key is not None]).order_by("name")
    theme_groups = {theme.pk: _in_list("themes", theme.slug) for theme in themes} | {None: Q(themes=[])}
    by_theme = _rows(
        counts=theme_counts,
        minutes=theme_minutes,
        rates=rates,
        per_question_other=per_question_other,
        evaluations=_evaluations(support_point, period, theme_groups),
        labels=[(theme.pk, theme.name) for theme in themes] + [(None, _("Without a theme"))],
        threshold=threshold,
    )

    # Per kind of support, and a row for the questions without one.
    kind_counts = _case_counts(cases, "support_given__kind")
    kind_minutes = _minutes(contacts, rates, "case__support_given__kind")
    kind_groups = {kind: _in_list("support_kinds", kind) for kind in SupportKind.values} | {
        None: Q(support_kinds=[])
    }
    by_kind = _rows(
        counts=kind_counts,
        minutes=kind_minutes,
        rates=rates,
        per_question_other=per_question_other,
        evaluations=_evaluations(support_point, period, kind_groups),
        labels=[*SupportKind.choices, (None, _("No kind of support recorded"))],
        threshold=threshold,
    )
    return CostSummary(
        support_point=support_point,
        period=period,
        total=total,
        other_cost=other_cost,
        minutes_without_rate=all_minutes.get(NO_RATE, 0),
        rates=rates,
        other_entries=other_entries,
        by_theme=by_theme,
        by_kind=by_kind,
        threshold=threshold,
    )
