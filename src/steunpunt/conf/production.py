"""Production settings: everything secret comes from the environment, fail closed."""

from .base import *  # noqa: F403
from .env import env_bool, env_choice, env_int, env_str

SECRET_KEY = env_str("DJANGO_SECRET_KEY", required=True)
DEBUG = False

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
# The load balancer asks for /health/ over plain HTTP on the private network.
SECURE_REDIRECT_EXEMPT = [r"^health/$"]
# Behind a TLS-terminating proxy that sets X-Forwarded-Proto.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 63072000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SESSION_COOKIE_NAME = "__Host-sessionid"
CSRF_COOKIE_NAME = "__Host-csrftoken"
DEMO_DATA_ALLOWED = False
PUBLIC_URL_SCHEME = env_choice("PUBLIC_URL_SCHEME", "https", ["http", "https"])

# The front cache (nginx, deploy/nginx/steunpunt.conf) on this machine: publishing a page sends it
# PURGE requests for the page's addresses on every steunpunt's host (steunpunt.core.front_cache).
# Unset: nothing is purged, and a front cache serves a page up to FRONT_CACHE_SECONDS old.
FRONTEND_CACHE_URL = env_str("FRONTEND_CACHE_URL", "")
if FRONTEND_CACHE_URL:
    WAGTAILFRONTENDCACHE = {
        "nginx": {"BACKEND": "steunpunt.core.front_cache.NginxPurgeBackend", "LOCATION": FRONTEND_CACHE_URL}
    }
