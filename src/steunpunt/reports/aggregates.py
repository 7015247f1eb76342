"""The raw figures of a board report, computed in the database with grouped queries.

Nothing here loads cases into Python: every function returns counts per category, a few
aggregates, or a value picked by the database (percentiles through ORDER BY … OFFSET, which works
on SQLite and PostgreSQL alike). These raw numbers never leave the server: :mod:`.build` passes
every count through small-cell suppression before anything is shown or exported.
"""

from django.db.models import Count, DurationField, ExpressionWrapper, F, Q, Sum
from django.db.models.fields.json import KT

from steunpunt.concerns.models import Concern, ConcernStatus
from steunpunt.evaluations.models import Invitation, QuestionKind, Questionnaire, Response
from steunpunt.information.models import ArticleFeedback, ArticleView, SearchCount
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


def _pick(queryset, expression, n, fraction):
    """The value at ``fraction`` (nearest rank) of ``expression`` over the ``n`` rows of ``queryset``,
    picked by SQL (ORDER BY … OFFSET): one row comes back, whatever ``n``."""
    if not n:
        return None
    index = max(0, min(n - 1, round(fraction * (n - 1))))
    value = (
        queryset.annotate(value=expression)
        .order_by("value")
        .values_list("value", flat=True)[index : index + 1]
    )
    return next(iter(value), None)


PARTITIONS = {
    "requester_kind": RequesterKind.choices,
    "age_group": AgeGroup.choices,
    "school_type": CaseSchoolType.choices,
    "channel": Channel.choices,
}


def _counts_in_one_pass(queryset, groupings, extra):
    """Count every category of every grouping, and ``extra``, in one statement over ``queryset``.

    Returns ``({grouping: {label: count}}, {name: count})``.
    """
    aggregates = dict(extra)
    for field, choices in groupings.items():
        for value, _label in choices:
            aggregates[f"{field}__{value}"] = Count("pk", filter=Q(**{field: value}))
    row = queryset.aggregate(**aggregates)
    grouped = {
        field: {str(label): row[f"{field}__{value}"] for value, label in choices}
        for field, choices in groupings.items()
    }
    return grouped, {name: row[name] for name in extra}


def case_figures(support_point, period):
    """Counts and durations for the questions that came in during ``period``.

    The questions of the period are read once for all their categories, the questions closed in
    the period once for theirs; themes, support, referrals and minutes are one grouped query each
    over the child table joined to the period's questions; each percentile picks one row.
    """
    cases = cases_in(support_point, period)
    start, end = period.bounds()
    in_period = {
        "case__support_point": support_point,
        "case__created_at__gte": start,
        "case__created_at__lt": end,
    }
    closed = Case.objects.filter(support_point=support_point, closed_at__gte=start, closed_at__lt=end)
    grouped, totals = _counts_in_one_pass(
        cases,
        PARTITIONS,
        {
            "total": Count("pk"),
            "urgent": Count("pk", filter=Q(urgent=True)),
            "with_contact": Count("pk", filter=Q(first_contact_at__isnull=False)),
        },
    )
    outcomes, closed_totals = _counts_in_one_pass(
        closed, {"outcome": Outcome.choices}, {"closed": Count("pk")}
    )
    to_first = ExpressionWrapper(F("first_contact_at") - F("created_at"), output_field=DurationField())
    to_close = ExpressionWrapper(F("closed_at") - F("created_at"), output_field=DurationField())
    with_contact = cases.filter(first_contact_at__isnull=False)
    first_n, close_n = totals["with_contact"], closed_totals["closed"]
    return {
        "total": totals["total"],
        **grouped,
        "themes": _grouped(Case.themes.through.objects.filter(**in_period), "theme__name"),
        "support": _grouped(CaseSupport.objects.filter(**in_period), "kind", SupportKind.choices),
        "referrals": _grouped(Referral.objects.filter(**in_period), "organisation__name"),
        "outcomes": outcomes["outcome"],
        "closed": close_n,
        "urgent": totals["urgent"],
        "minutes": Contact.objects.filter(**in_period).aggregate(total=Sum("minutes"))["total"] or 0,
        "first_contact": {
            "median": _pick(with_contact, to_first, first_n, 0.5),
            "p90": _pick(with_contact, to_first, first_n, 0.9),
            "n": first_n,
        },
        "closing": {
            "median": _pick(closed, to_close, close_n, 0.5),
            "p90": _pick(closed, to_close, close_n, 0.9),
            "n": close_n,
        },
    }


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
            counts = dict(
                mine.annotate(answer=KT(f"answers__{question['key']}"))
                .exclude(answer__isnull=True)
                .order_by()
                .values_list("answer")
                .annotate(n=Count("pk"))
            )
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
