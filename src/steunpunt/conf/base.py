"""Settings shared by every environment; environment-specific modules import this."""

from datetime import timedelta
from pathlib import Path

from steunpunt.core.languages import LANGUAGES as SITE_LANGUAGES

from .env import (
    env_bool,
    env_cache,
    env_choice,
    env_database,
    env_int,
    env_list,
    env_networks,
    env_rq_queues,
    env_str,
    env_tasks,
)

SRC_DIR = Path(__file__).resolve().parent.parent
REPO_DIR = SRC_DIR.parent.parent
VAR_DIR = Path(env_str("STEUNPUNT_VAR_DIR", str(REPO_DIR / "var")))

DEBUG = env_bool("DJANGO_DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["localhost", ".localhost", "127.0.0.1"])

# Hosts that show the installation's index of steunpunten rather than one steunpunt.
PLATFORM_HOSTS = env_list("PLATFORM_HOSTS", ["127.0.0.1", "localhost"])

INSTALLED_APPS = [
    "steunpunt.core",
    "steunpunt.tenants",
    "steunpunt.accounts",
    "steunpunt.portal",
    "steunpunt.information",
    "steunpunt.socialmap",
    "steunpunt.meetings",
    "steunpunt.stories",
    "steunpunt.findability",
    "steunpunt.schools",
    "steunpunt.privacy",
    "steunpunt.outbox",
    "steunpunt.support",
    "steunpunt.consultations",
    "steunpunt.concerns",
    "steunpunt.evaluations",
    "steunpunt.reports",
    "steunpunt.development",
    "steunpunt.ambitions",
    "steunpunt.selfhelp",
    "steunpunt.demo",
    # Translations of the national articles (information.translations): before Wagtail's admin, so its
    # templates and hooks can extend the page editor.
    "wagtail_localize",
    "wagtail.contrib.forms",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "axes",
    "csp",
    "django_tasks",
    "django_tasks_db",
    "django_rq",
    "django_tasks_rq",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

# Proxies (nginx) whose X-Forwarded-For names the visitor: addresses or networks. Unset: the socket's
# address is the visitor's (steunpunt.core.client_address); deploy/gunicorn.conf.py trusts loopback.
TRUSTED_PROXIES = env_networks("TRUSTED_PROXIES")

MIDDLEWARE = [
    # First: everything below (limits, lockouts, logs) sees the visitor's address.
    "steunpunt.core.client_address.ClientAddressMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Outside everything else, so that even an early 404 carries the policy.
    "steunpunt.core.csp.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "steunpunt.core.middleware.RejectNulMiddleware",
    "steunpunt.core.middleware.KnownHostMiddleware",
    # The language of the address (/en/…), after the steunpunt (which languages it offers), before
    # the page cache (a kept page is one language).
    "steunpunt.core.site_languages.SiteLanguageMiddleware",
    # After the host lookup, before sessions: a cached public page skips everything below.
    "steunpunt.core.page_cache.AnonymousPageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "steunpunt.tenants.admin_scope.AdminObjectScopeMiddleware",
    "steunpunt.accounts.middleware.StaffSessionMiddleware",
    "steunpunt.accounts.middleware.RequireTwoFactorMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "steunpunt.core.middleware.BackOfficeNoStoreMiddleware",
    "axes.middleware.AxesMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "steunpunt.urls"
WSGI_APPLICATION = "steunpunt.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [SRC_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "steunpunt.tenants.context_processors.support_point",
                "steunpunt.core.context_processors.site_language",
            ],
        },
    },
]

DATABASES = {"default": env_database(VAR_DIR / "steunpunt.sqlite3")}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
CACHES = env_cache()

# Public forms (questions, call-back, booking, stories, meetings, evaluation) accepted per internet
# address; more is refused politely (core/public_forms.py).
PUBLIC_FORM_RATE = env_str("PUBLIC_FORM_RATE", "10/h")
# 'Did this help?' on articles: short answers, one per article, so a budget of its own.
PUBLIC_FEEDBACK_RATE = env_str("PUBLIC_FEEDBACK_RATE", "30/h")
PUBLIC_FEEDBACK_RATE_UNVERIFIED = env_str("PUBLIC_FEEDBACK_RATE_UNVERIFIED", "10/h")
# A public form's body above this many bytes is refused unread (the longest form, 5,000 characters
# of text, takes at most some 60 kB once encoded).
PUBLIC_FORM_MAX_BODY = env_int("PUBLIC_FORM_MAX_BODY", 128 * 1024)
# Every limit counts by the visitor's address, also behind nginx (TRUSTED_PROXIES).
RATELIMIT_IP_META_KEY = "steunpunt.core.client_address.of_request"
# Public pages for visitors without a session are kept this long (0: no page cache).
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 300)
# Each process answers a kept page before Django builds the request (core.kept_pages, steunpunt.wsgi) and
# asks the shared cache whether content changed at most this often: a change made in another process
# reaches those copies within this many milliseconds (0: asks at every request).
PAGE_CACHE_RECHECK_MS = env_int("PAGE_CACHE_RECHECK_MS", 100)
# Wagtail's sidebar is built once per user and kept in each process until a user, group, permission or
# role changes (core.access_generation), or at most this many seconds (0: built on every page). Kept by
# default only where the cache is shared between processes (CACHE_URL=redis://…): in local memory, a
# change made in another process (a management command, another worker) would not be seen.
_SHARED_CACHE = not CACHES["default"]["BACKEND"].endswith("LocMemCache")
ADMIN_SIDEBAR_SECONDS = env_int("ADMIN_SIDEBAR_SECONDS", 300 if _SHARED_CACHE else 0)
# A front cache (nginx, deploy/nginx/) may keep those same pages this long (s-maxage; 0: never).
# Publishing a page purges it at once (FRONTEND_CACHE_URL); other content is at most this old there.
FRONT_CACHE_SECONDS = env_int("FRONT_CACHE_SECONDS", 120)
# Article reads are written to the database in batches, at most this many seconds apart.
ARTICLE_VIEW_FLUSH_SECONDS = env_int("ARTICLE_VIEW_FLUSH_SECONDS", 30)
# Search results (the ranked ids of a query) are kept this many seconds at most, and never past a
# change of content; 0: every search asks the database. Search counts are written like reads.
SEARCH_CACHE_SECONDS = env_int("SEARCH_CACHE_SECONDS", 300)
# The same for browsers that sent no proof of work (no JavaScript): fewer, to keep software out.
PUBLIC_FORM_RATE_UNVERIFIED = env_str("PUBLIC_FORM_RATE_UNVERIFIED", "5/h")
TASKS = env_tasks()
RQ_QUEUES = env_rq_queues()

AUTHENTICATION_BACKENDS = [
    # Axes first: it refuses locked-out attempts before any password is checked.
    "axes.backends.AxesStandaloneBackend",
    "steunpunt.tenants.backends.RoleBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "wagtailadmin_login"
# Its mail links to the configured address of the site asked (accounts/templates/wagtailadmin/…).
WAGTAILADMIN_USER_LOGIN_FORM = "steunpunt.accounts.forms.LoginForm"
WAGTAILADMIN_USER_PASSWORD_RESET_FORM = "steunpunt.accounts.forms.PasswordResetForm"  # noqa: S105  # nosec B105  # a form

# Lockout: after five wrong passwords for one user name from one address, wait an hour.
# Unknown user names are counted the same way, so a lockout reveals nothing.
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(hours=1)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "accounts/lockout.html"
AXES_USERNAME_FORM_FIELD = "username"
AXES_VERBOSE = False
AXES_CLIENT_IP_CALLABLE = "steunpunt.core.client_address.of_request"

# Staff sessions end after 30 idle minutes and at most 10 hours after login.
SESSION_COOKIE_AGE = 10 * 60 * 60
STAFF_SESSION_IDLE_SECONDS = env_int("STAFF_SESSION_IDLE_SECONDS", 30 * 60)
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
# No script of ours reads the token from the cookie (forms carry it, Wagtail's admin takes it from the
# page), so scripts may not read it at all (S2; wapiti flagged it).
CSRF_COOKIE_HTTPONLY = True

OTP_TOTP_ISSUER = env_str("OTP_TOTP_ISSUER", "Steunpunt passend onderwijs")

LANGUAGE_CODE = "nl"
# The public site's languages (core/languages.py; Dutch unprefixed, the others under /en/, /ar/, …:
# core/site_languages.py). The back office stays Dutch (WAGTAILADMIN_PERMITTED_LANGUAGES).
LANGUAGES = [(language.code, language.name) for language in SITE_LANGUAGES]
WAGTAILADMIN_PERMITTED_LANGUAGES = [("nl", "Nederlands")]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True
LOCALE_PATHS = [SRC_DIR / "locale"]

STATIC_URL = "/static/"
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(VAR_DIR / "static")))
STATICFILES_DIRS = [SRC_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(VAR_DIR / "media")))
# Files that only the back office may serve (evidence of a self-assessment): never under MEDIA_ROOT.
PRIVATE_MEDIA_ROOT = Path(env_str("PRIVATE_MEDIA_ROOT", str(VAR_DIR / "private")))
# The largest file a message between a steunpunt and a requester may carry (support.attachments).
CASE_ATTACHMENT_MAX_BYTES = env_int("CASE_ATTACHMENT_MAX_BYTES", 10 * 1024 * 1024)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
# Seconds the outbox waits for the mail server (connect and each answer): a server that hangs
# holds up one sending round this long, then the mail waits and is tried again later.
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 30)
# Every mail, the platform's and Django's and Wagtail's, is stored in the outbox and delivered from
# there through OUTBOX_DELIVERY_BACKEND; the EMAIL_BACKEND variable names that delivering backend.
EMAIL_BACKEND = "steunpunt.outbox.backends.OutboxBackend"
OUTBOX_DELIVERY_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "steunpunt@localhost")

SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# Public pages allow nothing inline. Wagtail's admin still sets inline styles from its
# scripts, so the back office gets style-src 'unsafe-inline' (see core.middleware). Scripts stay
# 'self' everywhere, the back office included: Wagtail's few inline scripts (inline panels, date
# pickers) are replaced by markers that core/static/core/js/admin-init.js starts (core/templates/
# wagtailadmin/), so neither nonces nor hashes nor 'unsafe-inline' are needed for scripts.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
        # A YouTube or Vimeo player, only after the reader chose to play it (information VideoBlock).
        "frame-src": ["https://www.youtube-nocookie.com", "https://player.vimeo.com"],
    },
}

WAGTAIL_SITE_NAME = env_str("WAGTAIL_SITE_NAME", "Steunpunten passend onderwijs")
# Wagtail's own mails to staff link here; by default the port the platform runs on (PORT, as
# `make run PORT=…` sets it), so a link never points to 8000 when the site runs elsewhere.
WAGTAILADMIN_BASE_URL = env_str("WAGTAILADMIN_BASE_URL", f"http://127.0.0.1:{env_int('PORT', 8000)}")
# The scheme of the absolute links the platform writes (mails, password resets, site maps, calendar
# files), with each site's configured host name and port (steunpunt.tenants.links); never the request's.
PUBLIC_URL_SCHEME = env_choice("PUBLIC_URL_SCHEME", "http", ["http", "https"])
# National articles exist in Dutch and, translated and checked, in the other languages of the platform
# (information.translations): one Wagtail locale per language, Dutch the default.
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
# A translation made with wagtail-localize starts as a draft, whatever the Dutch page's state: it goes
# live only through the translation review (information.translations).
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
# PostgreSQL stems Dutch itself; SQLite gets Dutch stems from information.search.
WAGTAILSEARCH_BACKENDS = {
    "default": {"BACKEND": "steunpunt.information.search_backend", "SEARCH_CONFIG": "dutch"}
}
WAGTAILDOCS_SERVE_METHOD = "serve_view"
# The validation chain: a completed workflow publishes a national article through
# information.services.validation_publish (nobody publishes one by hand), and an edit during the
# chain sends the new text back to the expert (no approval carries over to text nobody checked).
WAGTAIL_FINISH_WORKFLOW_ACTION = "steunpunt.information.workflow_finish.workflow_finish"
WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT = True
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_ENABLE_WHATS_NEW_BANNER = False

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {
        "axes": {"level": "WARNING"},
        "wagtail": {"level": "WARNING"},
        "django_tasks": {"level": "WARNING"},
    },
}
# No third-party requests from the back office (privacy; CSP).
WAGTAIL_GRAVATAR_PROVIDER_URL = None
