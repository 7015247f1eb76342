"""Background work on Redis (TASK_BACKEND=rq, django-tasks-rq): a mail stored in the outbox is sent
by a real RQ worker from a real Redis queue; with Redis down the mail waits and nobody sees an error."""

import os

import django_rq
import pytest
from django.db import transaction
from django_tasks_rq import Job
from rq.worker import SimpleWorker

from steunpunt.outbox.models import OutboxMail
from steunpunt.outbox.services import mail_enqueue

pytestmark = pytest.mark.django_db

# A Redis database of its own for each test process (gw0, gw1, …), emptied before each test.
WORKER = int(os.environ.get("PYTEST_XDIST_WORKER", "gw0").removeprefix("gw") or 0)
REDIS = f"redis://127.0.0.1:6379/{10 + WORKER % 6}"


def _rq(settings, url):
    settings.RQ_QUEUES = {"default": {"URL": url}}
    settings.TASKS = {"default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": ["default"]}}
    if url == REDIS:
        django_rq.get_connection("default").flushdb()
    return "default"


def test_a_mail_goes_through_redis_and_an_rq_worker(settings, smtp_sink, django_capture_on_commit_callbacks):
    name = _rq(settings, REDIS)
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        mail = mail_enqueue(to="ouder@example.test", subject="Uw vraag", body="Wij hebben uw vraag.")
    queue = django_rq.get_queue(name)
    try:
        assert queue.count == 1  # the task waits in Redis, not in the database
        assert OutboxMail.objects.get(pk=mail.pk).sent_at is None
        worker = django_rq.get_worker(name, job_class=Job, worker_class=SimpleWorker)
        assert worker.work(burst=True)
        assert OutboxMail.objects.get(pk=mail.pk).sent_at is not None
        assert [message["To"] for message in smtp_sink.messages] == ["ouder@example.test"]
        assert queue.count == 0
    finally:
        queue.connection.flushdb()


def test_with_redis_down_the_mail_waits_in_the_outbox_without_an_error(
    settings, client, django_capture_on_commit_callbacks, closed_port
):
    _rq(settings, f"redis://127.0.0.1:{closed_port}/0")
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        mail = mail_enqueue(to="ouder@example.test", subject="Uw vraag", body="Wij hebben uw vraag.")
    assert OutboxMail.objects.get(pk=mail.pk).sent_at is None
    assert client.get("/health/").json()["checks"]["queue"]["status"] == "fail"


def test_the_health_check_asks_redis(settings, client):
    _rq(settings, REDIS)
    assert client.get("/health/").json()["checks"]["queue"]["status"] == "ok"
