"""The raw figures of a board report, computed in the database with grouped queries.

Nothing here loads cases into Python: every function returns counts per category, a few
aggregates, or a value picked by the database (percentiles through a numbered window, which works
on SQLite and PostgreSQL alike). These raw numbers never leave the server: :mod:`.build` passes
every count through small-cell suppression before anything is shown or exported.
"""

import itertools

from django.db import connection
from django.db.models import Case as DjCase
from django.db.models import (
    Count,
    DurationField,
    ExpressionWrapper,
    F,
    IntegerField,
    Q,
    Sum,
    Value,
    When,
    Window,
)
from django.db.models.fields.json import KT
from django.db.models.functions import RowNumber
from django.db.models.lookups import GreaterThanOrEqual, LessThan

from steunpunt.concerns.models import Concern, ConcernStatus
from steunpunt.evaluations.models import Invitation, QuestionKind, Questionnaire, Response, answer_choices
from steunpunt.information.models import ArticleFeedback, ArticleView, SearchCount, Theme
from steunpunt.reports.one_pass import raw_case_figures
from steunpunt.reports.periods import Period
from steunpunt.socialmap.models import Organisation
from steunpunt.support.models import (
    AgeGroup,
    Case,
    CaseSchoolType,
    CaseSupport,
    Channel,
    Contact,
    Outcome,
    Referral,
    RequesterKind,
    SupportKind,
)


def _grouped(queryset, field, choices=None):
    counts = dict(queryset.order_by().values_list(field).annotate(n=Count("pk")))
    if choices is None:
        return {str(key): n for key, n in counts.items() if key not in (None, "")}
    return {str(label): counts.get(value, 0) for value, label in choices}


def cases_in(support_point, period):
    start, end = period.bounds()
    return Case.objects.filter(support_point=support_point, created_at__gte=start, created_at__lt=end)


PARTITIONS = {
    "requester_kind": RequesterKind.choices,
    "age_group": AgeGroup.choices,
    "school_type": CaseSchoolType.choices,
    "channel": Channel.choices,
}

# Percentiles by the nearest-rank method (as PostgreSQL's percentile_disc): the value at rank
# ceil(p · n) of the n values in order, written as the fraction p = a / b so that the database can
# pick the row with integers only: b · rank ≥ a · n and b · (rank − 1) < a · n.
PERCENTILES = {"median": (1, 2), "p90": (9, 10)}


def _within(field, period):
    start, end = period.bounds()
    return Q(**{f"{field}__gte": start, f"{field}__lt": end})


def _span(field, periods):
    return _within(field, Period(min(p.start for p in periods), max(p.end for p in periods)))


def _bucket(field, periods):
    """The index of the period that ``field`` falls in (the periods do not overlap)."""
    return DjCase(
        *(When(_within(field, period), then=Value(index)) for index, period in enumerate(periods)),
        output_field=IntegerField(),
    )


def _check_disjoint(periods):
    ordered = sorted(periods, key=lambda period: period.start)
    if any(later.start < earlier.end for earlier, later in itertools.pairwise(ordered)):
        raise ValueError("The periods of one report must not overlap.")


def _counts(support_point, periods):
    """Every count of every period's questions and closed questions: one statement over the cases."""
    aggregates = {}
    for index, period in enumerate(periods):
        created, closed = _within("created_at", period), _within("closed_at", period)
        aggregates[f"{index}:total"] = Count("pk", filter=created)
        aggregates[f"{index}:urgent"] = Count("pk", filter=created & Q(urgent=True))
        aggregates[f"{index}:with_contact"] = Count("pk", filter=created & Q(first_contact_at__isnull=False))
        aggregates[f"{index}:closed"] = Count("pk", filter=closed)
        for field, choices in (*PARTITIONS.items(), ("outcome", Outcome.choices)):
            moment = closed if field == "outcome" else created
            for value, _label in choices:
                aggregates[f"{index}:{field}:{value}"] = Count("pk", filter=moment & Q(**{field: value}))
    row = Case.objects.filter(
        Q(support_point=support_point), _span("created_at", periods) | _span("closed_at", periods)
    ).aggregate(**aggregates)
    figures = []
    for index in range(len(periods)):
        figure = {name: row[f"{index}:{name}"] for name in ("total", "urgent", "with_contact", "closed")}
        for field, choices in (*PARTITIONS.items(), ("outcome", Outcome.choices)):
            key = "outcomes" if field == "outcome" else field
            figure[key] = {str(label): row[f"{index}:{field}:{value}"] for value, label in choices}
        figures.append(figure)
    return figures


def _per_period(model, support_point, periods, key, value=None):
    """``[{key: value}]`` per period for a child table of the cases (counts unless ``value``), grouped
    by period and key in one statement over the child table joined to the periods' questions."""
    rows = (
        model.objects.filter(_span("case__created_at", periods), case__support_point=support_point)
        .annotate(period=_bucket("case__created_at", periods), key=F(key) if key else Value(""))
        .order_by()
        .values_list("period", "key")
        .annotate(n=value or Count("pk"))
    )
    figures = [{} for _period in periods]
    for period, name, n in rows:
        if period is not None and name not in (None, ""):
            figures[period][str(name)] = n
        elif period is not None and not key:
            figures[period][""] = n
    return figures


def _percentiles(queryset, moment, duration, periods):
    """Median and 90th percentile of ``duration`` per period of ``moment``: one statement that
    numbers the rows of each period in order and hands back only the picked ones."""
    ranked = (
        queryset.order_by()
        .filter(_span(moment, periods))
        .annotate(period=_bucket(moment, periods), value=duration)
        .annotate(
            rank=Window(RowNumber(), partition_by=[F("period")], order_by=[F("value").asc(), F("pk").asc()]),
            n=Window(Count("pk"), partition_by=[F("period")]),
        )
    )
    picked = Q()
    for a, b in PERCENTILES.values():
        at_or_past = GreaterThanOrEqual(F("rank") * b, F("n") * a)
        picked |= Q(at_or_past) & Q(LessThan((F("rank") - 1) * b, F("n") * a))
    figures = [dict.fromkeys((*PERCENTILES, "n")) | {"n": 0} for _period in periods]
    for period, rank, n, value in ranked.filter(picked).values_list("period", "rank", "n", "value"):
        figures[period]["n"] = n
        for name, (a, b) in PERCENTILES.items():
            if b * rank >= a * n and b * (rank - 1) < a * n:
                figures[period][name] = value
    return figures


def case_figures_for(support_point, periods):
    """Counts and durations for the questions that came in during each of ``periods`` (which must
    not overlap), as one dict per period.

    On PostgreSQL one statement reads the steunpunt's cases once (:mod:`.one_pass`); elsewhere
    :func:`case_figures_portable` takes seven. Both give the same figures; nothing is loaded per
    question.
    """
    periods = list(periods)
    _check_disjoint(periods)
    if connection.vendor == "postgresql":
        figures = case_figures_one_pass(support_point, periods)
    else:
        figures = case_figures_portable(support_point, periods)
    return _with_every_category(support_point, figures)


def _with_every_category(support_point, figures):
    """Give every theme and every organisation the steunpunt can refer to a count, 0 included: a row
    that appeared only when someone gave that answer would tell the answer of a single person,
    whatever its count shows. Names that are no longer current (a renamed theme) keep their row."""
    themes = list(Theme.objects.order_by("name").values_list("name", flat=True))
    organisations = list(
        Organisation.objects.filter(Q(support_point=support_point) | Q(support_point__isnull=True))
        .order_by("name")
        .values_list("name", flat=True)
        .distinct()
    )
    for figure in figures:
        for key, names in (("themes", themes), ("referrals", organisations)):
            counted = figure[key]
            figure[key] = {name: counted.get(name, 0) for name in names} | counted
    return figures


def case_figures_one_pass(support_point, periods):
    """:func:`case_figures_for` from one statement (PostgreSQL only), with labels for the choices."""
    periods = list(periods)
    _check_disjoint(periods)
    figures = []
    for raw in raw_case_figures(support_point, periods):
        figure = {
            name: raw[name]
            for name in (
                "total",
                "urgent",
                "with_contact",
                "closed",
                "minutes",
                "themes",
                "referrals",
                "first_contact",
                "closing",
            )
        }
        for field, choices in PARTITIONS.items():
            figure[field] = {str(label): raw["partitions"][field].get(value, 0) for value, label in choices}
        figure["outcomes"] = {str(label): raw["outcomes"].get(value, 0) for value, label in Outcome.choices}
        figure["support"] = {str(label): raw["support"].get(value, 0) for value, label in SupportKind.choices}
        figures.append(figure)
    return figures


def case_figures_portable(support_point, periods):
    """:func:`case_figures_for` in seven statements that every database runs: one reads the cases
    once for every count of every period; themes, support, referrals and minutes are one grouped
    query each over the child table joined to the periods' questions; the percentiles of time to
    first contact and to closing are one windowed query each."""
    periods = list(periods)
    _check_disjoint(periods)
    figures = _counts(support_point, periods)
    children = {
        "themes": _per_period(Case.themes.through, support_point, periods, "theme__name"),
        "support": _per_period(CaseSupport, support_point, periods, "kind"),
        "referrals": _per_period(Referral, support_point, periods, "organisation__name"),
        "minutes": _per_period(Contact, support_point, periods, None, Sum("minutes")),
    }
    first_contact = _percentiles(
        Case.objects.filter(support_point=support_point, first_contact_at__isnull=False),
        "created_at",
        ExpressionWrapper(F("first_contact_at") - F("created_at"), output_field=DurationField()),
        periods,
    )
    closing = _percentiles(
        Case.objects.filter(support_point=support_point, closed_at__isnull=False),
        "closed_at",
        ExpressionWrapper(F("closed_at") - F("created_at"), output_field=DurationField()),
        periods,
    )
    for index, figure in enumerate(figures):
        figure["themes"] = children["themes"][index]
        figure["support"] = {
            str(label): children["support"][index].get(value, 0) for value, label in SupportKind.choices
        }
        figure["referrals"] = children["referrals"][index]
        figure["minutes"] = children["minutes"][index].get("") or 0
        figure["first_contact"] = first_contact[index]
        figure["closing"] = closing[index]
    return figures


def case_figures(support_point, period):
    """Counts and durations for the questions that came in during ``period``."""
    return case_figures_for(support_point, [period])[0]


def evaluation_figures(support_point, period):
    """Response rate and the answers per closed question (never the answers in own words)."""
    invited = Invitation.objects.filter(
        support_point=support_point, period__gte=period.start, period__lt=period.end
    )
    responses = Response.objects.filter(
        support_point=support_point, period__gte=period.start, period__lt=period.end
    )
    questions = []
    for questionnaire in Questionnaire.objects.filter(responses__in=responses).distinct():
        mine = responses.filter(questionnaire=questionnaire)
        for question in questionnaire.questions:
            if question["kind"] == QuestionKind.TEXT:
                continue
            counted = dict(
                mine.annotate(answer=KT(f"answers__{question['key']}"))
                .exclude(answer__isnull=True)
                .order_by()
                .values_list("answer")
                .annotate(n=Count("pk"))
            )
            # Every answer of the question by its label, also the ones nobody gave (see
            # _with_every_category); a stored value outside the choices cannot come from the form.
            counts = {str(label): counted.get(value, 0) for value, label in answer_choices(question["kind"])}
            questions.append(
                {
                    "text": question["text"],
                    "audience": questionnaire.get_audience_display(),
                    "version": questionnaire.version,
                    "kind": question["kind"],
                    "counts": counts,
                }
            )
    summary = invited.aggregate(sent=Count("pk"), answered=Count("pk", filter=Q(answered=True)))
    return {"invited": summary["sent"], "answered": summary["answered"], "questions": questions}


def information_figures(support_point, period, *, limit=10):
    """Most read articles, searches without a result, and 'not helpful' answers on this steunpunt's site."""
    views = ArticleView.objects.filter(support_point=support_point, day__gte=period.start, day__lt=period.end)
    read = views.values("article__title").annotate(n=Sum("views")).order_by("-n", "article__title")[:limit]
    searches = SearchCount.objects.filter(
        support_point=support_point, day__gte=period.start, day__lt=period.end, results=0
    )
    not_found = searches.values("query").annotate(n=Sum("searches")).order_by("-n", "query")[: limit * 3]
    feedback = ArticleFeedback.objects.filter(
        support_point=support_point, helpful=False, given_on__gte=period.start, given_on__lt=period.end
    )
    not_helpful = (
        feedback.values("article__title").annotate(n=Count("pk")).order_by("-n", "article__title")[:limit]
    )
    return {
        "read": {row["article__title"]: row["n"] for row in read},
        "not_found": {row["query"]: row["n"] for row in not_found},
        "not_helpful": {row["article__title"]: row["n"] for row in not_helpful},
    }


def concern_figures(support_point, period):
    """Signals raised in the period or still open at its end: titles and follow-up, never the cases."""
    return list(
        Concern.objects.filter(support_point=support_point, raised_on__lt=period.end)
        .filter(Q(raised_on__gte=period.start) | ~Q(status=ConcernStatus.CLOSED))
        .order_by("raised_on", "pk")
        .values(
            "title",
            "severity",
            "status",
            "raised_on",
            "discussed_on",
            "response_on",
            "board_response",
            "followed_up_on",
            "change_made",
        )
    )
