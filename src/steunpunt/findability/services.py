"""Writes of the findability app: a click counted, a search made a synonym."""

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from steunpunt.information.models import SearchSynonym

from .models import ResultClick


def click_count(*, support_point, query, kind, position):
    """Count one click on the result at ``position`` of ``kind`` after a search for ``query`` today.

    Nothing about who clicked is kept: no address, no session, no user.
    """
    keys = {
        "support_point": support_point,
        "query": query,
        "day": timezone.localdate(),
        "kind": kind,
        "position": position,
    }
    for _attempt in range(2):
        if ResultClick.objects.filter(**keys).update(clicks=F("clicks") + 1):
            return
        try:
            with transaction.atomic():
                ResultClick.objects.create(**keys, clicks=1)
            return
        except IntegrityError:
            # Another request made today's row first: add to it.
            continue


class SynonymExists(Exception):
    """The search is a synonym already."""


def synonym_add(*, query, means):
    """Make ``query`` a synonym that also searches for ``means`` (one phrase per line).

    Saving the synonym moves the content's generation on (information.search), so the next search
    for it already finds what ``means`` finds: nothing else has to be rebuilt.
    """
    query = " ".join(query.split())
    if SearchSynonym.objects.filter(term__iexact=query).exists():
        raise SynonymExists(query)
    lines = [line.strip() for line in means.splitlines() if line.strip()]
    return SearchSynonym.objects.create(term=query, means="\n".join(dict.fromkeys(lines)))
