"""Counting reads of articles and searches in memory and writing them in batches.

A read is counted on every request, also when the page comes from the page cache, without cookies,
addresses or identifiers; a search is counted with its number of results (the searches without a
result are the information's gaps). The counts of one process are written to the database at most
every :setting:`ARTICLE_VIEW_FLUSH_SECONDS` (``0``: at once), without holding a row lock between
requests; counts of a process that stops before its next write are lost, which a statistic can bear.
"""

import threading
import time
from collections import Counter

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

_pending = Counter()
# (support_point_id, query, day) → [searches, results of the latest search]
_pending_searches = {}
_lock = threading.Lock()
_last_flush = [time.monotonic()]


def _due():
    return time.monotonic() - _last_flush[0] >= settings.ARTICLE_VIEW_FLUSH_SECONDS


def count_read(*, support_point_id, article_id, audience):
    """Count one read of ``article_id`` in ``audience`` on a steunpunt's site today."""
    with _lock:
        _pending[(support_point_id, article_id, audience, timezone.localdate())] += 1
        due = _due()
    if due:
        flush()


def count_search(*, support_point_id, query, results):
    """Count one search for ``query`` (normalised) on a steunpunt's site today, with its number of results."""
    with _lock:
        entry = _pending_searches.setdefault((support_point_id, query, timezone.localdate()), [0, 0])
        entry[0] += 1
        entry[1] = results
        due = _due()
    if due:
        flush()


def flush():
    """Write the pending counts: one UPDATE per article, audience and day, and one per search and day
    (a row is made the first time)."""
    from .models import ArticleView, SearchCount

    with _lock:
        pending = dict(_pending)
        _pending.clear()
        searches = dict(_pending_searches)
        _pending_searches.clear()
        _last_flush[0] = time.monotonic()
    for (support_point_id, article_id, audience, day), n in pending.items():
        keys = {
            "support_point_id": support_point_id,
            "article_id": article_id,
            "audience": audience,
            "day": day,
        }
        _add(ArticleView, keys, {"views": F("views") + n}, {"views": n})
    for (support_point_id, query, day), (n, results) in searches.items():
        keys = {"support_point_id": support_point_id, "query": query, "day": day}
        _add(
            SearchCount,
            keys,
            {"searches": F("searches") + n, "results": results},
            {"searches": n, "results": results},
        )


def _add(model, keys, update, create):
    """Add to today's row of ``model``, or make it."""
    if model.objects.filter(**keys).update(**update):
        return
    try:
        with transaction.atomic():
            model.objects.create(**keys, **create)
    except IntegrityError:
        # Another process made today's row in between.
        model.objects.filter(**keys).update(**update)
