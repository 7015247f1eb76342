"""The one helper through which settings read the environment.

Every setting that may differ between installations is read here, so that
``README.md`` can list them and production can fail closed on a missing secret.
"""

import os

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


def env_str(name, default=None, *, required=False):
    """Return the variable ``name``; raise if ``required`` and it is unset or empty."""
    value = os.environ.get(name)
    if value is None or value == "":
        if required:
            raise ImproperlyConfigured(f"The environment variable {name} must be set.")
        return default
    return value


def env_bool(name, default=False):
    """Return ``True``/``False`` for 1/0, true/false, yes/no, on/off."""
    value = os.environ.get(name)
    if value is None:
        return default
    lowered = value.strip().lower()
    if lowered in _TRUE:
        return True
    if lowered in _FALSE:
        return False
    raise ImproperlyConfigured(f"{name} must be a boolean such as 1 or 0, not {value!r}.")


def env_int(name, default):
    """Return the integer in ``name`` or ``default``."""
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    try:
        return int(value)
    except ValueError as error:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {value!r}.") from error


def env_choice(name, default, choices):
    """Return the variable ``name`` (or ``default``), which must be one of ``choices``."""
    value = env_str(name, default)
    if value not in choices:
        raise ImproperlyConfigured(f"{name} must be one of {', '.join(choices)}, not {value!r}.")
    return value


def env_list(name, default=()):
    """Return a comma-separated variable as a list of stripped, non-empty items."""
    value = os.environ.get(name)
    if value is None:
        return list(default)
    return [item.strip() for item in value.split(",") if item.strip()]


def env_networks(name):
    """Return a comma-separated list of addresses or networks (``127.0.0.1,10.0.0.0/8``); raise on
    anything else, so that a typo never trusts nobody (or everybody) unnoticed."""
    import ipaddress

    values = env_list(name)
    for value in values:
        try:
            ipaddress.ip_network(value, strict=False)
        except ValueError as error:
            raise ImproperlyConfigured(f"{name} must list addresses or networks, not {value!r}.") from error
    return values


def env_database(default_sqlite_path):
    """Return the ``DATABASES["default"]`` dict from ``DATABASE_URL``, else SQLite."""
    url = env_str("DATABASE_URL")
    if url:
        config = dj_database_url.parse(url, conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60))
        if config["ENGINE"] == "django.db.backends.postgresql":
            config["CONN_HEALTH_CHECKS"] = True
            # A database host that does not answer at all (not even a refusal) would otherwise keep a
            # request waiting for minutes; after this many seconds the visitor gets the 503 page.
            config.setdefault("OPTIONS", {})["connect_timeout"] = env_int("DATABASE_CONNECT_TIMEOUT", 3)
            # Parameters sent apart from the statement: the text of a statement is then the same for
            # every article, and psycopg prepares it on the connection after a few runs, so PostgreSQL
            # no longer plans it again at every request (bench P3: planning was most of each statement).
            # (Django turns psycopg's preparing off for connection poolers in transaction mode; the
            # documented stack has none. DATABASE_PREPARE_THRESHOLD=0 turns it off again.)
            if env_bool("DATABASE_SERVER_SIDE_BINDING", True):
                config["OPTIONS"]["server_side_binding"] = True
                config["OPTIONS"]["prepare_threshold"] = env_int("DATABASE_PREPARE_THRESHOLD", 2) or None
        return config
    return {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": str(default_sqlite_path),
        # WAL lets the task worker and the web server use the file at the same time.
        "OPTIONS": {
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
        },
    }


def env_cache():
    """Return ``CACHES`` from ``CACHE_URL`` (``redis://…``), else local memory."""
    url = env_str("CACHE_URL")
    if url and url.startswith(("redis://", "rediss://")):
        # Django's RedisCache, keeping its Redis client instead of building one per call.
        backend = {"BACKEND": "steunpunt.core.redis_cache.RedisCache", "LOCATION": url}
    elif url and url != "locmem://":
        raise ImproperlyConfigured(f"CACHE_URL must start with redis:// or be locmem://, not {url!r}.")
    else:
        backend = {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    return {"default": backend}


def env_tasks():
    """Return ``TASKS`` for ``TASK_BACKEND``: ``database`` (default), ``rq`` (Redis, through
    django-tasks-rq; the queue is in :func:`env_rq_queues`) or ``immediate``."""
    name = env_str("TASK_BACKEND", "database")
    backends = {
        "database": {"BACKEND": "django_tasks_db.DatabaseBackend"},
        "rq": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": ["default"]},
        "immediate": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    }
    if name not in backends:
        raise ImproperlyConfigured(f"TASK_BACKEND must be one of {sorted(backends)}, not {name!r}.")
    return {"default": backends[name]}


def env_rq_queues():
    """Return ``RQ_QUEUES`` (django-rq) for the ``rq`` task backend, from ``REDIS_URL``."""
    url = env_str("REDIS_URL", "redis://127.0.0.1:6379/0")
    if not url.startswith(("redis://", "rediss://", "unix://")):
        raise ImproperlyConfigured(f"REDIS_URL must start with redis://, rediss:// or unix://, not {url!r}.")
    return {"default": {"URL": url, "DEFAULT_TIMEOUT": 600}}
