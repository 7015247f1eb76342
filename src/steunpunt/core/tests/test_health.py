"""/health/ reports database, cache, task queue and mail; 503 naming the part that fails. Every failure
here is real: a cache and a mail server on a port where nothing listens, a task that waits too long."""

from datetime import timedelta

import pytest
from django.utils import timezone

from steunpunt.outbox.models import OutboxMail

pytestmark = pytest.mark.django_db


def test_everything_working_answers_200_without_caching(client, smtp_sink):
    response = client.get("/health/")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert {name: check["status"] for name, check in body["checks"].items()} == {
        "database": "ok",
        "cache": "ok",
        "queue": "ok (in-process)",
        "mail": "ok",
    }
    assert "no-cache" in response["Cache-Control"]


def test_the_health_check_answers_for_any_address_the_platform_serves(client):
    # Monitoring asks by IP address; no steunpunt has that host.
    assert client.get("/health/", HTTP_HOST="127.0.0.1").status_code == 200


def test_a_mail_server_that_does_not_answer_makes_mail_fail(client, smtp_down):
    response = client.get("/health/")
    assert response.status_code == 503
    checks = response.json()["checks"]
    assert checks["mail"]["status"] == "fail" and checks["database"]["status"] == "ok"


def test_an_outbox_that_is_behind_makes_mail_fail(client):
    OutboxMail.objects.create(
        to="ouder@example.test",
        subject="s",
        body="b",
        next_attempt_at=timezone.now() - timedelta(hours=1),
    )
    response = client.get("/health/")
    assert response.status_code == 503 and response.json()["checks"]["mail"]["status"] == "fail"
    assert "ouder@example.test" not in response.content.decode()


def test_an_unreachable_cache_makes_cache_fail(client, settings, closed_port):
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{closed_port}/0",
        }
    }
    response = client.get("/health/")
    assert response.status_code == 503 and response.json()["checks"]["cache"]["status"] == "fail"


def test_a_task_waiting_too_long_makes_the_queue_fail(client, settings):
    from django_tasks_db.models import DBTaskResult

    from steunpunt.outbox.tasks import send_outbox

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    assert client.get("/health/").json()["checks"]["queue"]["status"] == "ok"
    result = send_outbox.using(backend="default").enqueue()
    DBTaskResult.objects.filter(pk=result.id).update(enqueued_at=timezone.now() - timedelta(hours=1))
    response = client.get("/health/")
    assert response.status_code == 503 and response.json()["checks"]["queue"]["status"] == "fail"
