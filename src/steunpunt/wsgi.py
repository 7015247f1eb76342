import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "steunpunt.conf.production")

django_application = get_wsgi_application()

from steunpunt.core.kept_pages import KeptPagesApplication  # noqa: E402  # needs the apps loaded

# Kept public pages are answered before Django builds a request (core.kept_pages).
application = KeptPagesApplication(django_application)
