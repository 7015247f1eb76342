"""Request-wide rules: which host is whose, and what the back office may cache."""

from django.conf import settings
from django.http import HttpResponseBadRequest
from django.template import loader
from django.utils.cache import add_never_cache_headers, patch_cache_control
from wagtail.models import Site

from steunpunt.tenants.models import SupportPoint

from . import page_cache
from .views import page_not_found

BACK_OFFICE_PREFIXES = ("/admin/", "/beveiliging/")


def is_back_office(path):
    return path.startswith(BACK_OFFICE_PREFIXES)


HEALTH_PATH = "/health/"


class RejectNulMiddleware:
    """A NUL character in the address (``%00``) is never part of a real address or search, and the
    database refuses it inside a query: answer the plain Dutch 400 page before anything reads it.

    Form fields are checked by Django's own validator (ProhibitNullCharactersValidator) with a message
    at the field; this covers the path and the query string, which views read directly.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if "\x00" in request.path or any(
            "\x00" in key or any("\x00" in value for value in values) for key, values in request.GET.lists()
        ):
            return HttpResponseBadRequest(loader.get_template("400.html").render())
        return self.get_response(request)


class KnownHostMiddleware:
    """Attach the steunpunt of the request's host; unknown hosts get the Dutch 404.

    Wagtail would otherwise answer an unknown host with the default site, so that
    ``anything.example`` looked like the platform itself.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        # hostname → (page-cache generation, steunpunt or None): a change to a steunpunt, its site
        # or a page moves the generation on, so the lookup is repeated only then.
        self._known = {}

    def _support_point(self, hostname, generation):
        known = self._known.get(hostname)
        if known is not None and known[0] == generation:
            return known[1]
        support_point = (
            SupportPoint.objects.select_related("site__root_page").filter(site__hostname=hostname).first()
        )
        if support_point is not None and support_point.site is not None:
            # Wagtail routes every request from ``site.root_page.localized``: the site's own page type,
            # kept here with the steunpunt, may answer that without a query (portal.models).
            support_point.site.root_page = support_point.site.root_page.specific
        if len(self._known) > 10_000:
            self._known.clear()
        self._known[hostname] = (generation, support_point)
        return support_point

    def __call__(self, request):
        request.support_point = None
        if request.path == HEALTH_PATH:
            # Monitoring asks by address; the health check must answer even without a database.
            return self.get_response(request)
        # Read once per request: the page cache, the searches and the suggestions key on the same
        # generation (page_cache.current_generation).
        with page_cache.generation_for_request(request):
            return self._serve(request)

    def _serve(self, request):
        hostname = request.get_host().split(":")[0].lower()
        support_point = self._support_point(hostname, request.content_generation)
        if support_point is not None:
            request.support_point = support_point
            # Wagtail reads this cache, so the site is looked up once per request.
            request._wagtail_site = support_point.site
        elif hostname not in settings.PLATFORM_HOSTS and not Site.objects.filter(hostname=hostname).exists():
            return page_not_found(request)
        # And this one for every page address it builds: without it, one read of the shared cache per
        # request (``wagtail_site_root_paths``). Sites and pages are content: the generation keeps it.
        request._wagtail_cached_site_root_paths = _site_root_paths()
        return self.get_response(request)


@page_cache.per_generation
def _site_root_paths():
    return Site.get_site_root_paths()


class BackOfficeNoStoreMiddleware:
    """Back-office responses may never be stored by a browser or proxy."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if is_back_office(request.path):
            add_never_cache_headers(response)
            patch_cache_control(response, no_store=True, private=True)
            # Wagtail's admin sets inline styles from its scripts.
            response._csp_update = {"style-src": ["'unsafe-inline'"], "img-src": ["blob:"]}
        return response
