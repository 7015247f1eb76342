"""Development settings: the embedded defaults, safe on a laptop."""

from .base import *  # noqa: F403
from .base import VAR_DIR
from .env import env_str

SECRET_KEY = env_str("DJANGO_SECRET_KEY") or None
if SECRET_KEY is None:
    # A per-checkout key, made once, so that sessions survive a restart.
    _key_file = VAR_DIR / "secret_key"
    if not _key_file.exists():
        from django.core.management.utils import get_random_secret_key

        VAR_DIR.mkdir(parents=True, exist_ok=True)
        _key_file.write_text(get_random_secret_key())
        _key_file.chmod(0o600)
    SECRET_KEY = _key_file.read_text().strip()

# Static files straight from the source folders: no collectstatic step for `make run`.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
OUTBOX_DELIVERY_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.filebased.EmailBackend")
EMAIL_FILE_PATH = str(VAR_DIR / "mail")
DEMO_DATA_ALLOWED = True
