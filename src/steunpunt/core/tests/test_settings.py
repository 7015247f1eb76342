"""Production settings fail closed and pass Django's deployment checks."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from steunpunt.conf import env

REPO = Path(__file__).resolve().parents[4]


def _manage(*args, **extra_env):
    environment = {
        k: v
        for k, v in os.environ.items()
        if k not in {"DJANGO_SECRET_KEY", "DATABASE_URL", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    }
    environment.update(DJANGO_SETTINGS_MODULE="steunpunt.conf.production", **extra_env)
    return subprocess.run(
        [sys.executable, str(REPO / "manage.py"), *args],
        capture_output=True,
        text=True,
        env=environment,
        cwd=REPO,
        timeout=120,
    )


def test_production_refuses_to_start_without_a_secret_key():
    result = _manage("check")
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY" in result.stderr


def test_production_passes_check_deploy_with_no_warnings(tmp_path):
    result = _manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DJANGO_SECRET_KEY="x7" * 30 + "-production-like-secret",
        ALLOWED_HOSTS="steunpunt.example",
        STEUNPUNT_VAR_DIR=str(tmp_path),
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues (0 silenced)" in result.stdout


def test_database_url_selects_postgresql(monkeypatch):
    monkeypatch.setenv("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/steunpunt")
    config = env.env_database(Path("unused.sqlite3"))
    assert config["ENGINE"] == "django.db.backends.postgresql"
    assert config["NAME"] == "steunpunt"


@pytest.mark.django_db
def test_a_statement_sent_again_is_prepared_on_postgresql(monkeypatch):
    """Values go apart from the statement's text, so the same read for another article is the same
    statement, which PostgreSQL then plans once per connection (bench P3); a pooler can turn it off."""
    from django.db import connection
    from wagtail.models import Locale

    monkeypatch.setenv("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/steunpunt")
    options = env.env_database(Path("unused.sqlite3"))["OPTIONS"]
    assert options["server_side_binding"] is True and options["prepare_threshold"] == 2
    monkeypatch.setenv("DATABASE_PREPARE_THRESHOLD", "0")
    assert env.env_database(Path("unused.sqlite3"))["OPTIONS"]["prepare_threshold"] is None
    monkeypatch.setenv("DATABASE_SERVER_SIDE_BINDING", "0")
    options = env.env_database(Path("unused.sqlite3"))["OPTIONS"]
    assert "server_side_binding" not in options and "prepare_threshold" not in options
    if connection.vendor == "postgresql":  # the suite's run on PostgreSQL: the real connection
        for code in ("nl", "en", "pl"):
            list(Locale.objects.filter(language_code=code))
        with connection.cursor() as cursor:
            cursor.execute("SELECT statement FROM pg_prepared_statements")
            prepared = [row[0] for row in cursor.fetchall()]
        assert any('FROM "wagtailcore_locale"' in statement and "$1" in statement for statement in prepared)


def test_without_database_url_the_default_is_sqlite(monkeypatch):
    monkeypatch.delenv("DATABASE_URL", raising=False)
    assert env.env_database(Path("x.sqlite3"))["ENGINE"] == "django.db.backends.sqlite3"


@pytest.mark.parametrize(
    ("name", "value", "reader"),
    [
        ("X_BOOL", "maybe", lambda: env.env_bool("X_BOOL")),
        ("X_INT", "ten", lambda: env.env_int("X_INT", 1)),
        ("TASK_BACKEND", "carrier-pigeon", env.env_tasks),
        ("CACHE_URL", "memcached://x", env.env_cache),
        ("REDIS_URL", "http://127.0.0.1:6379", env.env_rq_queues),
    ],
)
def test_malformed_settings_stop_start_up_with_a_clear_message(monkeypatch, name, value, reader):
    monkeypatch.setenv(name, value)
    with pytest.raises(ImproperlyConfigured, match=name):
        reader()


def test_task_backend_defaults_to_the_database(monkeypatch):
    monkeypatch.delenv("TASK_BACKEND", raising=False)
    assert env.env_tasks()["default"]["BACKEND"] == "django_tasks_db.DatabaseBackend"


def test_the_rq_task_backend_uses_the_redis_of_redis_url(monkeypatch):
    monkeypatch.setenv("TASK_BACKEND", "rq")
    monkeypatch.setenv("REDIS_URL", "redis://redis.internal:6379/2")
    assert env.env_tasks()["default"] == {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": ["default"]}
    assert env.env_rq_queues()["default"]["URL"] == "redis://redis.internal:6379/2"


def test_redis_cache_from_cache_url(monkeypatch):
    """Django's RedisCache, keeping one client per process (steunpunt.core.redis_cache)."""
    monkeypatch.setenv("CACHE_URL", "redis://127.0.0.1:6379/1")
    assert env.env_cache()["default"] == {
        "BACKEND": "steunpunt.core.redis_cache.RedisCache",
        "LOCATION": "redis://127.0.0.1:6379/1",
    }


def _production_settings(monkeypatch):
    monkeypatch.setenv("DJANGO_SECRET_KEY", "p" * 60)
    import importlib

    from steunpunt.conf import production

    return importlib.reload(production)


@pytest.mark.django_db
def test_production_responses_carry_hsts(client, monkeypatch, settings, platform):
    production = _production_settings(monkeypatch)
    settings.SECURE_HSTS_SECONDS = production.SECURE_HSTS_SECONDS
    settings.SECURE_HSTS_INCLUDE_SUBDOMAINS = production.SECURE_HSTS_INCLUDE_SUBDOMAINS
    settings.SECURE_HSTS_PRELOAD = production.SECURE_HSTS_PRELOAD
    response = client.get("/", secure=True, HTTP_HOST="127.0.0.1")
    assert response["Strict-Transport-Security"] == "max-age=63072000; includeSubDomains; preload"


def test_production_cookies_are_secure(monkeypatch):
    production = _production_settings(monkeypatch)
    assert production.SESSION_COOKIE_SECURE and production.CSRF_COOKIE_SECURE
    assert production.SECURE_SSL_REDIRECT
    assert production.DEMO_DATA_ALLOWED is False
