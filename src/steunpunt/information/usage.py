"""Counting reads of articles in memory and writing them in batches.

A read is counted on every request, also when the page comes from the page cache, without cookies,
addresses or identifiers. The counts of one process are written to the database at most every
:setting:`ARTICLE_VIEW_FLUSH_SECONDS` (``0``: at once); counts of a process that stops before its
next write are lost, which a statistic can bear.
"""

import threading
import time
from collections import Counter

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

_pending = Counter()
_lock = threading.Lock()
_last_flush = [time.monotonic()]


def count_read(*, support_point_id, article_id, audience):
    """Count one read of ``article_id`` in ``audience`` on a steunpunt's site today."""
    with _lock:
        _pending[(support_point_id, article_id, audience, timezone.localdate())] += 1
        due = time.monotonic() - _last_flush[0] >= settings.ARTICLE_VIEW_FLUSH_SECONDS
    if due:
        flush()


def flush():
    """Write the pending counts: one UPDATE per article, audience and day (a row is made the first time)."""
    from .models import ArticleView

    with _lock:
        pending = dict(_pending)
        _pending.clear()
        _last_flush[0] = time.monotonic()
    for (support_point_id, article_id, audience, day), n in pending.items():
        keys = {
            "support_point_id": support_point_id,
            "article_id": article_id,
            "audience": audience,
            "day": day,
        }
        if ArticleView.objects.filter(**keys).update(views=F("views") + n):
            continue
        try:
            with transaction.atomic():
                ArticleView.objects.create(**keys, views=n)
        except IntegrityError:
            # Another process made today's row in between.
            ArticleView.objects.filter(**keys).update(views=F("views") + n)
