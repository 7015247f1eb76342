"""What the platform measures for an evaluation criterion, from its own data, in the database.

One function per kind of :class:`~.kinds.Kind`, each ``(support_point, period[, n]) -> Measurement``;
its docstring is the exact definition (the Dutch definition on the pages says the same). Values are
rounded half up to the decimals the kind shows, and the target is judged on that shown value.

:func:`criteria_results` gives every active criterion of a steunpunt with its value for a period,
the target, whether it is met, and the trend over the four periods before: the annual report uses it.
Importing this module has no side effects.
"""

import datetime
from decimal import Decimal

from django.db.models import Count, DurationField, ExpressionWrapper, F, Q, Sum
from django.db.models.fields.json import KeyTextTransform
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from steunpunt.concerns.models import Concern, ConcernStatus
from steunpunt.evaluations.models import Invitation, QuestionKind, Questionnaire, Response
from steunpunt.information.models import ExpertCheck, SearchCount
from steunpunt.information.selectors import live_articles, overdue_articles
from steunpunt.reports.aggregates import case_figures_for, cases_in
from steunpunt.support.workdays import add_working_days
from steunpunt.tenants.models import Partnership

from .formatting import (
    last_day,
    number,
    previous_periods,
    rounded,
    school_year_label,
    school_year_of,
)
from .kinds import Kind
from .results import MET, NO_DATA, NOT_MET, CriterionResult, Measurement, TrendPoint, judge

SCALE_ANSWERS = ("1", "2", "3", "4", "5")
YES_ANSWERS = ("yes", "partly", "no")
TREND_PERIODS = 4

__all__ = [
    "MET",
    "NOT_MET",
    "NO_DATA",
    "CriterionResult",
    "Measurement",
    "TrendPoint",
    "ambition_results",
    "criteria_results",
    "judge",
    "measure",
]


def _share(part, whole, decimals=1):
    return rounded(Decimal(part) * 100 / Decimal(whole), decimals) if whole else None


def first_contact_within(support_point, period, days, *, now=None):
    """Share (%) of the questions that came in during ``period`` whose first contact was at the latest on
    the ``days``-th working day (Monday to Friday, local dates) after the day the question came in.

    A question without first contact counts as not met once that working day has passed (today is
    later), and is left out while it has not. Only the two timestamps of each question are read, one
    question at a time, because working days are counted in Python (:func:`add_working_days`).
    """
    today = timezone.localdate(now or timezone.now())
    rows = cases_in(support_point, period).order_by().values_list("created_at", "first_contact_at")
    due_by_day = {}
    met = counted = waiting = 0
    for created, first_contact in rows.iterator(chunk_size=2000):
        day = timezone.localdate(created)
        if day not in due_by_day:
            due_by_day[day] = add_working_days(day, days)
        due = due_by_day[day]
        if first_contact is not None:
            counted += 1
            met += timezone.localdate(first_contact) <= due
        elif today > due:
            counted += 1
        else:
            waiting += 1
    note = ""
    if waiting:
        note = ngettext(
            "%(n)s question is still within its working days and is not counted yet.",
            "%(n)s questions are still within their working days and are not counted yet.",
            waiting,
        ) % {"n": waiting}
    elif not counted:
        note = _("No questions came in during this period.")
    return Measurement(
        _share(met, counted),
        met,
        counted,
        note,
        ngettext("%(part)s of %(whole)s question", "%(part)s of %(whole)s questions", counted)
        % {"part": met, "whole": counted},
    )


def median_days_to_closing(support_point, period):
    """The median (nearest rank) of the time from coming in to closing, in calendar days with one
    decimal, of the questions closed in ``period``: taken from
    :func:`steunpunt.reports.aggregates.case_figures_for`, as in the board report."""
    return _median_from(case_figures_for(support_point, [period])[0]["closing"])


def _median_from(closing):
    n, median = closing["n"], closing["median"]
    if not n or median is None:
        return Measurement(None, 0, None, _("No questions were closed in this period."))
    days = rounded(Decimal(median.total_seconds()) / Decimal(86400), 1)
    basis = ngettext("%(n)s closed question", "%(n)s closed questions", n) % {"n": n}
    return Measurement(days, n, None, "", basis)


def evaluation_responses(support_point, period):
    """The evaluation responses of ``period``: those whose question closed in a month starting in it."""
    return Response.objects.filter(
        support_point=support_point, period__gte=period.start, period__lt=period.end
    )


def _keys_of_kind(responses, kinds):
    """``{answer key: [questionnaire ids]}`` for the questions of ``kinds`` in the questionnaires of
    ``responses`` (one small query over the questionnaire versions)."""
    keys = {}
    questionnaires = Questionnaire.objects.filter(pk__in=responses.values("questionnaire_id"))
    for questionnaire_id, questions in questionnaires.values_list("pk", "questions"):
        for question in questions:
            if question.get("kind") in kinds:
                keys.setdefault(question["key"], []).append(questionnaire_id)
    return keys


def answer_counts(responses, kinds, values, groups=None):
    """Count the answers of the questions of ``kinds`` in ``responses``: ``{group: {answer: n}}``.

    ``groups`` maps a name to a filter on the responses (a theme, a kind of support); without it the
    one group is ``""``. One aggregate statement per question key, with a conditional count per
    group and answer; nothing is read per response.
    """
    groups = groups or {"": Q()}
    totals = {name: dict.fromkeys(values, 0) for name in groups}
    for key, questionnaire_ids in _keys_of_kind(responses, kinds).items():
        answered = responses.filter(questionnaire_id__in=questionnaire_ids).annotate(
            answer=KeyTextTransform(key, "answers")
        )
        aggregates = {
            f"{index}|{value}": Count("pk", filter=condition & Q(answer=value))
            for index, condition in enumerate(groups.values())
            for value in values
        }
        row = answered.aggregate(**aggregates)
        for index, name in enumerate(groups):
            for value in values:
                totals[name][value] += row[f"{index}|{value}"]
    return totals


def mean_score(counts):
    """``(mean, number of answers)`` of ``{"1": n, …, "5": n}``; the mean is ``None`` without answers."""
    answers = sum(counts.values())
    if not answers:
        return None, 0
    return Decimal(sum(int(value) * n for value, n in counts.items())) / Decimal(answers), answers


def evaluation_score(support_point, period):
    """The mean of every answer on a 1 to 5 scale in the evaluation responses of ``period`` (a response
    belongs to the month its question closed; the months whose first day lies in the period count),
    rounded to one decimal. Each scale answer counts once; skipped questions do not count."""
    responses = evaluation_responses(support_point, period)
    counts = answer_counts(responses, {QuestionKind.SCALE}, SCALE_ANSWERS)[""]
    mean, answers = mean_score(counts)
    if mean is None:
        return Measurement(None, 0, None, _("No evaluation answers in this period."))
    basis = ngettext("%(n)s answer", "%(n)s answers", answers) % {"n": answers}
    return Measurement(rounded(mean, 1), answers, None, "", basis)


def evaluation_yes(support_point, period):
    """Share (%) of “yes” among all answers to yes/no and yes/partly/no questions in the evaluation
    responses of ``period`` (months as in :func:`evaluation_score`)."""
    responses = evaluation_responses(support_point, period)
    counts = answer_counts(responses, {QuestionKind.YES_NO, QuestionKind.YES_PARTLY_NO}, YES_ANSWERS)[""]
    answers = sum(counts.values())
    if not answers:
        return Measurement(None, 0, 0, _("No evaluation answers in this period."))
    return Measurement(
        _share(counts["yes"], answers),
        counts["yes"],
        answers,
        "",
        ngettext("%(part)s of %(whole)s answer", "%(part)s of %(whole)s answers", answers)
        % {"part": counts["yes"], "whole": answers},
    )


def evaluation_response(support_point, period):
    """Share (%) of the evaluation invitations of ``period`` (by the month their question closed) that
    were answered."""
    row = Invitation.objects.filter(
        support_point=support_point, period__gte=period.start, period__lt=period.end
    ).aggregate(sent=Count("pk"), answered=Count("pk", filter=Q(answered=True)))
    if not row["sent"]:
        return Measurement(None, 0, 0, _("No invitations to evaluate in this period."))
    return Measurement(
        _share(row["answered"], row["sent"]),
        row["answered"],
        row["sent"],
        "",
        ngettext("%(part)s of %(whole)s invitation", "%(part)s of %(whole)s invitations", row["sent"])
        % {"part": row["answered"], "whole": row["sent"]},
    )


def questions_per_pupils(support_point, period):
    """The number of questions that came in during ``period`` per 1,000 pupils, two decimals. Pupils:
    the sum of the pupil numbers of the steunpunt's partnerships for the school year (1 August to 31
    July) in which the period's last day falls. If a partnership has no number for that year there is
    no value, and the note says which to fill in."""
    year = school_year_of(last_day(period))
    partnerships = Partnership.objects.filter(support_point=support_point).order_by("code")
    known = partnerships.filter(pupil_counts__school_year=year).aggregate(
        n=Count("pk"), pupils=Sum("pupil_counts__pupils")
    )
    missing = list(partnerships.exclude(pupil_counts__school_year=year).values_list("code", flat=True))
    questions = cases_in(support_point, period).count()
    if not partnerships.exists():
        return Measurement(None, questions, None, _("This steunpunt has no partnership."))
    if missing:
        return Measurement(
            None,
            questions,
            None,
            _("Fill in the pupil numbers for school year %(year)s (missing for %(codes)s).")
            % {"year": school_year_label(year), "codes": ", ".join(missing)},
        )
    pupils = known["pupils"]
    basis = _("%(questions)s questions, %(pupils)s pupils in %(year)s") % {
        "questions": questions,
        "pupils": number(pupils),
        "year": school_year_label(year),
    }
    return Measurement(rounded(Decimal(questions) * 1000 / Decimal(pupils), 2), questions, pupils, "", basis)


def articles_valid(support_point, period, *, now=None):
    """Share (%) of the live articles on the steunpunt's website that are validated and not overdue,
    measured today whatever ``period`` is, because earlier validation states are not kept.

    Every site shows the whole national set, so this is the same for every steunpunt. Validated, as on
    the article page: no longer marked as a draft, or a completed expert and panel validation.
    Overdue, as on the validation dashboard: :func:`~steunpunt.information.selectors.overdue_articles`.
    """
    today = timezone.localdate(now or timezone.now())
    validated = Q(starter_text=False) | Q(pk__in=ExpertCheck.objects.filter(completed=True).values("page_id"))
    overdue = overdue_articles(today).order_by().values("pk")
    row = (
        live_articles()
        .order_by()
        .aggregate(total=Count("pk"), good=Count("pk", filter=validated & ~Q(pk__in=overdue)))
    )
    note = _("Measured today: earlier states are not kept.")
    if not row["total"]:
        return Measurement(None, 0, 0, note)
    return Measurement(
        _share(row["good"], row["total"]),
        row["good"],
        row["total"],
        note,
        ngettext("%(part)s of %(whole)s article", "%(part)s of %(whole)s articles", row["total"])
        % {"part": row["good"], "whole": row["total"]},
    )


def searches_without_result(support_point, period):
    """Share (%) of the searches on the steunpunt's website on the days of ``period`` that had no
    result; the numerator is the number of those searches."""
    row = SearchCount.objects.filter(
        support_point=support_point, day__gte=period.start, day__lt=period.end
    ).aggregate(total=Sum("searches"), empty=Sum("searches", filter=Q(results=0)))
    total, empty = row["total"] or 0, row["empty"] or 0
    if not total:
        return Measurement(None, 0, 0, _("Nobody searched on the website in this period."))
    return Measurement(
        _share(empty, total),
        empty,
        total,
        "",
        ngettext("%(part)s of %(whole)s search", "%(part)s of %(whole)s searches", total)
        % {"part": empty, "whole": total},
    )


def concerns_followed_up_within(support_point, period, weeks, *, now=None):
    """Share (%) of the signals recorded (``raised_on``) in ``period`` whose follow-up date is at most
    ``weeks`` weeks after it. A signal without follow-up is left out while it is open and its weeks
    have not passed; once they have, or when it was closed without follow-up, it counts as not met."""
    today = timezone.localdate(now or timezone.now())
    allowed = datetime.timedelta(weeks=weeks)
    gap = ExpressionWrapper(F("followed_up_on") - F("raised_on"), output_field=DurationField())
    waiting = Q(followed_up_on__isnull=True, raised_on__gte=today - allowed) & ~Q(status=ConcernStatus.CLOSED)
    row = (
        Concern.objects.filter(
            support_point=support_point, raised_on__gte=period.start, raised_on__lt=period.end
        )
        .annotate(gap=gap)
        .aggregate(
            total=Count("pk"),
            met=Count("pk", filter=Q(followed_up_on__isnull=False, gap__lte=allowed)),
            waiting=Count("pk", filter=waiting),
        )
    )
    counted = row["total"] - row["waiting"]
    note = ""
    if row["waiting"]:
        note = ngettext(
            "%(n)s signal is still within its weeks and is not counted yet.",
            "%(n)s signals are still within their weeks and are not counted yet.",
            row["waiting"],
        ) % {"n": row["waiting"]}
    if not counted and not note:
        note = _("No signals were recorded in this period.")
    return Measurement(
        _share(row["met"], counted),
        row["met"],
        counted,
        note,
        ngettext("%(part)s of %(whole)s signal", "%(part)s of %(whole)s signals", counted)
        % {"part": row["met"], "whole": counted},
    )


def measure(kind, support_point, period, parameter=None, *, now=None):
    """The :class:`Measurement` of ``kind`` (with its N, ``parameter``) for ``period``."""
    kind = Kind(kind)
    if kind == Kind.FIRST_CONTACT:
        return first_contact_within(support_point, period, parameter, now=now)
    if kind == Kind.CONCERNS_FOLLOWED_UP:
        return concerns_followed_up_within(support_point, period, parameter, now=now)
    if kind == Kind.ARTICLES_VALID:
        return articles_valid(support_point, period, now=now)
    return {
        Kind.CLOSING_MEDIAN: median_days_to_closing,
        Kind.EVALUATION_SCORE: evaluation_score,
        Kind.EVALUATION_YES: evaluation_yes,
        Kind.EVALUATION_RESPONSE: evaluation_response,
        Kind.QUESTIONS_PER_PUPILS: questions_per_pupils,
        Kind.SEARCHES_WITHOUT_RESULT: searches_without_result,
    }[kind](support_point, period)


class _Measurer:
    """Measures once per (kind, N, period) within one page, and the closing medians of all periods
    in one call of :func:`case_figures_for`."""

    def __init__(self, support_point, now):
        self.support_point, self.now = support_point, now
        self.cache = {}

    def prepare_closing(self, periods):
        missing = [period for period in periods if (Kind.CLOSING_MEDIAN, None, period) not in self.cache]
        if missing:
            for period, figure in zip(missing, case_figures_for(self.support_point, missing), strict=True):
                self.cache[(Kind.CLOSING_MEDIAN, None, period)] = _median_from(figure["closing"])

    def __call__(self, kind, parameter, period):
        key = (Kind(kind), parameter, period)
        if key not in self.cache:
            self.cache[key] = measure(kind, self.support_point, period, parameter, now=self.now)
        return self.cache[key]


def _result(criterion, period, measurer):
    periods = [*previous_periods(period, TREND_PERIODS), period]
    if criterion.kind == Kind.CLOSING_MEDIAN:
        measurer.prepare_closing(periods)
    trend = []
    for each in periods:
        if criterion.kind == Kind.ARTICLES_VALID and each != period:
            # Only today's state is known; an earlier period has no value of its own.
            measurement = Measurement(None, note=_("Measured today: earlier states are not kept."))
        else:
            measurement = measurer(criterion.kind, criterion.parameter, each)
        trend.append(
            TrendPoint(each, measurement, judge(measurement.value, criterion.target, criterion.direction))
        )
    current = trend[-1]
    return CriterionResult(criterion, period, current.measurement, current.status, trend)


def criteria_results(support_point, period, *, now=None):
    """Every active criterion of ``support_point``'s ambitions, ambition by ambition, as
    :class:`CriterionResult`: its value for ``period``, target, met or not, and trend."""
    from .models import Criterion

    measurer = _Measurer(support_point, now)
    criteria = (
        Criterion.objects.filter(ambition__support_point=support_point, active=True)
        .select_related("ambition")
        .order_by("ambition__created_at", "ambition_id", "created_at", "pk")
    )
    return [_result(criterion, period, measurer) for criterion in criteria]


def ambition_results(ambitions, support_point, period, *, now=None):
    """``[(ambition, [CriterionResult or None])]`` for the ambitions page: an inactive criterion gets
    ``None`` (it is not measured)."""
    measurer = _Measurer(support_point, now)
    found = []
    for ambition in ambitions:
        results = [
            _result(criterion, period, measurer) if criterion.active else None
            for criterion in ambition.criteria.all()
        ]
        found.append((ambition, list(zip(ambition.criteria.all(), results, strict=True))))
    return found
