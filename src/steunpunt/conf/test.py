"""Test settings: fast hashing, synchronous tasks, local mail."""

from .base import *  # noqa: F403
from .base import ALLOWED_HOSTS, DATABASES

SECRET_KEY = "test-only-secret-key-not-for-any-real-installation-0123456789"  # noqa: S105  # nosec B105  # tests only
ALLOWED_HOSTS = [*ALLOWED_HOSTS, "testserver"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
DEMO_DATA_ALLOWED = True

# Persistent connections would outlive the live-server threads and block dropping the test database.
DATABASES["default"]["CONN_MAX_AGE"] = 0

# Tests send many forms from one address; one test lowers this to see the refusal.
PUBLIC_FORM_RATE = PUBLIC_FORM_RATE_UNVERIFIED = "100000/m"
PUBLIC_FEEDBACK_RATE = PUBLIC_FEEDBACK_RATE_UNVERIFIED = "100000/m"

# Tests see every change at once; the page-cache tests switch it on themselves.
PAGE_CACHE_SECONDS = 0
ARTICLE_VIEW_FLUSH_SECONDS = 0
