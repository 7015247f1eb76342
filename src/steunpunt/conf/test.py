"""Test settings: fast hashing, synchronous tasks, local mail."""

import os

from .base import *  # noqa: F403
from .base import ALLOWED_HOSTS, DATABASES

SECRET_KEY = "test-only-secret-key-not-for-any-real-installation-0123456789"  # noqa: S105  # nosec B105  # tests only
ALLOWED_HOSTS = [*ALLOWED_HOSTS, "testserver"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
# Mail goes through the outbox as in production and is delivered to django.core.mail.outbox;
# the smtp_sink fixture delivers to a real SMTP server instead.
OUTBOX_DELIVERY_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
DEMO_DATA_ALLOWED = True

# Persistent connections would outlive the live-server threads and block dropping the test database.
DATABASES["default"]["CONN_MAX_AGE"] = 0

# Tests send many forms from one address; one test lowers this to see the refusal.
PUBLIC_FORM_RATE = PUBLIC_FORM_RATE_UNVERIFIED = "100000/m"
PUBLIC_FEEDBACK_RATE = PUBLIC_FEEDBACK_RATE_UNVERIFIED = "100000/m"

# Tests see every change at once; the page-cache tests switch it on themselves.
PAGE_CACHE_SECONDS = 0
ARTICLE_VIEW_FLUSH_SECONDS = 0
# The back office's sidebar is kept as in production (each test and its live server share one process,
# so its local-memory cache): every back-office test then also checks that it shows each change at once.
ADMIN_SIDEBAR_SECONDS = 300

# SQLite test databases live in a file, not in memory: the live server of the browser tests then gives
# each of its threads its own connection, so overlapping requests (a page and its image, two tabs)
# cannot break each other's transactions. In memory, Django shares one connection between all threads.
# The file is per process (xdist workers and parallel runs never meet) and on tmpfs where there is one.
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    import tempfile
    from pathlib import Path

    _TMP = Path("/dev/shm") if Path("/dev/shm").is_dir() else Path(tempfile.gettempdir())  # noqa: S108  # nosec B108  # per-process name below
    DATABASES["default"]["TEST"] = {"NAME": str(_TMP / f"steunpunt-test-{os.getpid()}.sqlite3")}
elif os.environ.get("TEST_DATABASE_NAME"):
    # A run that must not meet another on the same server (`make test`'s search evaluation on
    # PostgreSQL) names its own test database; pytest-django adds _gw0, _gw1 … per xdist worker.
    DATABASES["default"]["TEST"] = {"NAME": os.environ["TEST_DATABASE_NAME"]}
