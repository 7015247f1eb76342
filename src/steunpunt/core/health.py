"""The health endpoint (``/health/``) for load balancers and monitoring.

It answers 200 when the database, the cache, the task queue and the mail route work, and 503 with
the failing part named when one does not. It shows states and timings only, never data or error
texts, and is never cached. Each check has a short time limit so that the endpoint answers fast
even when a part hangs.
"""

import datetime
import smtplib
import time
import uuid
from datetime import timedelta

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.http import JsonResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

# Work older than this that is still waiting means the worker or the mail server is not keeping up.
BACKLOG_MINUTES = 15
SMTP_TIMEOUT_SECONDS = 2


def check_database():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()
    return "ok"


def check_cache():
    key, value = f"health:{uuid.uuid4().hex}", uuid.uuid4().hex
    cache.set(key, value, timeout=10)
    found = cache.get(key)
    cache.delete(key)
    if found != value:
        raise RuntimeError("cache does not keep values")
    return "ok"


def check_queue():
    """The task backend is reachable and nothing waits longer than it should."""
    backend = settings.TASKS["default"]["BACKEND"]
    if backend.endswith("ImmediateBackend"):
        return "ok (in-process)"
    if backend == "django_tasks_db.DatabaseBackend":
        from django_tasks_db.models import DBTaskResult

        late = timezone.now() - timedelta(minutes=BACKLOG_MINUTES)
        if DBTaskResult.objects.ready().filter(enqueued_at__lt=late).exists():
            raise RuntimeError("tasks wait too long")
        return "ok"
    if backend == "django_tasks_rq.RQBackend":
        import django_rq

        queue = django_rq.get_queue(settings.TASKS["default"].get("QUEUES", ["default"])[0])
        queue.connection.ping()
        oldest = queue.get_job_ids(0, 0)
        job = queue.fetch_job(oldest[0]) if oldest else None
        if job is not None and job.enqueued_at is not None:
            enqueued = job.enqueued_at
            if timezone.is_naive(enqueued):
                enqueued = enqueued.replace(tzinfo=datetime.UTC)
            if enqueued < timezone.now() - timedelta(minutes=BACKLOG_MINUTES):
                raise RuntimeError("tasks wait too long")
        return "ok"
    return "ok (unchecked backend)"


def check_mail():
    """The SMTP server answers, and the outbox is not behind."""
    from steunpunt.outbox.models import OutboxMail
    from steunpunt.outbox.services import SMTP_BACKEND, delivery_backend

    late = timezone.now() - timedelta(minutes=BACKLOG_MINUTES)
    if OutboxMail.objects.filter(
        sent_at__isnull=True, failed_at__isnull=True, next_attempt_at__lt=late
    ).exists():
        raise RuntimeError("outbox is behind")
    if delivery_backend() != SMTP_BACKEND:
        return "ok (no mail server)"
    with smtplib.SMTP(settings.EMAIL_HOST, settings.EMAIL_PORT, timeout=SMTP_TIMEOUT_SECONDS) as server:
        code, _message = server.noop()
    if code != 250:
        raise RuntimeError("mail server refuses")
    return "ok"


CHECKS = {"database": check_database, "cache": check_cache, "queue": check_queue, "mail": check_mail}


def run_checks():
    """``(healthy, {name: {"status": …, "ms": …}})``; a failing check never raises."""
    results, healthy = {}, True
    for name, check in CHECKS.items():
        started = time.perf_counter()
        try:
            status = check()
        except Exception:
            status, healthy = "fail", False
        results[name] = {"status": status, "ms": round((time.perf_counter() - started) * 1000, 1)}
    return healthy, results


@never_cache
@require_GET
def health(request):
    healthy, results = run_checks()
    return JsonResponse(
        {"status": "ok" if healthy else "fail", "checks": results}, status=200 if healthy else 503
    )
