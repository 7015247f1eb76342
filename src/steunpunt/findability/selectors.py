"""Reads of the findability screens, scoped by the access layer (tenants/access.py).

Content editors see their own steunpunt's searches; national editors see every steunpunt's
(``CONTENT_EDIT_NATIONAL`` holds installation-wide). Only national editors keep the national
synonym list, so only they may make a search a synonym.
"""

from datetime import timedelta

from django.db.models import Max, Sum
from django.utils import timezone

from steunpunt.information.models import SearchCount
from steunpunt.tenants.access import ScopedPermissionPolicy, holds
from steunpunt.tenants.policy import Action

from .models import ResultClick

EDITORS = (Action.CONTENT_EDIT, Action.CONTENT_EDIT_NATIONAL)
searches_access = ScopedPermissionPolicy(
    SearchCount, steunpunt_field="support_point", actions={"view": EDITORS}
)
clicks_access = ScopedPermissionPolicy(
    ResultClick, steunpunt_field="support_point", actions={"view": EDITORS}
)
PERIODS = {"week": 7, "maand": 30}


def may_view(user):
    return searches_access.user_has_permission(user, "view")


def may_add_synonym(user):
    return holds(user, Action.CONTENT_EDIT_NATIONAL)


def _period_start(day, period):
    if period == "maand":
        return day.replace(day=1)
    return day - timedelta(days=day.weekday())


def _clicks_by_search(user, since):
    clicks = (
        clicks_access.queryset_for(user, ["view"])
        .filter(day__gte=since)
        .values_list("support_point_id", "query", "day")
        .annotate(total=Sum("clicks"))
    )
    return {(support_point, query, day): total for support_point, query, day, total in clicks}


def found_it_rates(user, *, days=90, period="week", today=None):
    """Per week or month (newest first): searches with a result, and the share of them after which a
    result was opened. A search counts as found when a click followed it the same day; with no
    identifiers the clicks of a search and day are capped at its number of searches."""
    today = today or timezone.localdate()
    since = today - timedelta(days=days - 1)
    clicks = _clicks_by_search(user, since)
    periods = {}
    searches = (
        searches_access.queryset_for(user, ["view"])
        .filter(day__gte=since, results__gt=0)
        .values_list("support_point_id", "query", "day", "searches")
    )
    for support_point, query, day, count in searches:
        start = _period_start(day, period)
        entry = periods.setdefault(start, [0, 0])
        entry[0] += count
        entry[1] += min(count, clicks.get((support_point, query, day), 0))
    return [
        {"start": start, "searches": searches, "found": found, "rate": found / searches if searches else None}
        for start, (searches, found) in sorted(periods.items(), reverse=True)
    ]


def clicks_by_position(user, *, days=90, today=None, limit=10):
    """``[(position, clicks)]`` of the articles and best answers, position 1 first."""
    since = (today or timezone.localdate()) - timedelta(days=days - 1)
    rows = (
        clicks_access.queryset_for(user, ["view"])
        .filter(day__gte=since, position__lte=limit)
        .values_list("position")
        .annotate(total=Sum("clicks"))
        .order_by("position")
    )
    return list(rows)


def searches_not_found(user, *, days=90, today=None, limit=50):
    """The searches without a result or without a click in the period, most searched first:
    ``[{"query", "searches", "results", "clicks"}]``."""
    since = (today or timezone.localdate()) - timedelta(days=days - 1)
    searches = (
        searches_access.queryset_for(user, ["view"])
        .filter(day__gte=since)
        .values("query")
        .annotate(searches=Sum("searches"), results=Max("results"))
    )
    clicked = dict(
        clicks_access.queryset_for(user, ["view"])
        .filter(day__gte=since)
        .values_list("query")
        .annotate(total=Sum("clicks"))
    )
    rows = [
        {**row, "clicks": clicked.get(row["query"], 0)}
        for row in searches
        if not row["results"] or not clicked.get(row["query"])
    ]
    rows.sort(key=lambda row: (-row["searches"], row["query"]))
    return rows[:limit]
