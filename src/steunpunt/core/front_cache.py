"""The front cache (nginx, deploy/nginx/steunpunt.conf): what it may keep, and purging it on publication.

The app says what nginx may keep: :func:`mark_shared` gives exactly the responses that
:mod:`steunpunt.core.page_cache` would keep (public pages for visitors without a session)
``Cache-Control: max-age=0, s-maxage=FRONT_CACHE_SECONDS``; every other response stays private,
no-store or without caching headers, and nginx keeps none of those.

Publishing or unpublishing a page purges its addresses through Wagtail's frontend cache
(``WAGTAILFRONTENDCACHE``, set from ``FRONTEND_CACHE_URL`` in production; unset: nothing is
purged). A national article is shown on every steunpunt's site, so its addresses are purged on
every steunpunt's host, with the pages that list it (the information index, its themes, the home
page); a regional supplement purges its article on its own steunpunt's host. Other content (the
glossary, the schools, the social map, …) has no purge: ``FRONT_CACHE_SECONDS`` bounds its age.
"""

import http.client
import logging
from urllib.parse import urlsplit

from django.conf import settings
from django.db import transaction
from django.utils.cache import patch_cache_control
from wagtail.contrib.frontend_cache.backends import HTTPBackend

logger = logging.getLogger("wagtail.frontendcache")


def mark_shared(response):
    """Let a shared cache keep ``response`` for ``FRONT_CACHE_SECONDS``; browsers ask again every time."""
    if settings.FRONT_CACHE_SECONDS > 0:
        patch_cache_control(response, max_age=0, s_maxage=settings.FRONT_CACHE_SECONDS)


class NginxPurgeBackend(HTTPBackend):
    """Wagtail's HTTP backend, sending a batch over one kept-alive connection.

    nginx's purge module answers 200 (purged) or 404 (nothing was cached there: most addresses on
    most hosts); only other answers and connection errors are logged as errors.
    """

    def __init__(self, params):
        self.timeout = params.pop("TIMEOUT", 10)
        super().__init__(params)

    def _connection(self):
        host, _, port = self.cache_netloc.partition(":")
        if self.cache_scheme == "https":
            return http.client.HTTPSConnection(host, int(port or 443), timeout=self.timeout)
        return http.client.HTTPConnection(host, int(port or 80), timeout=self.timeout)

    def purge(self, url):
        self.purge_batch([url])

    def purge_batch(self, urls):
        connection = self._connection()
        try:
            for url in urls:
                self._purge_one(connection, url)
        finally:
            connection.close()

    def _purge_one(self, connection, url):
        parts = urlsplit(url)
        host = parts.hostname + (f":{parts.port}" if parts.port else "")
        path = parts.path + (f"?{parts.query}" if parts.query else "")
        for attempt in (1, 2):
            try:
                connection.request("PURGE", path, headers={"Host": host, "User-Agent": "steunpunt-purge"})
                response = connection.getresponse()
                response.read()
            except (OSError, http.client.HTTPException) as error:
                connection.close()  # the next request opens a new connection
                if attempt == 2:
                    logger.error("Couldn't purge '%s' from the front cache: %s", url, error)
                continue
            if response.status not in (200, 404):
                logger.error("Couldn't purge '%s' from the front cache: %d", url, response.status)
            return


def enabled():
    return bool(getattr(settings, "WAGTAILFRONTENDCACHE", None))


def support_point_roots(support_points=None):
    """The root URL (``https://host``) of every steunpunt's site, or of ``support_points``."""
    from steunpunt.tenants.models import SupportPoint

    queryset = SupportPoint.objects.select_related("site") if support_points is None else support_points
    return [sp.site.root_url for sp in queryset if sp.site_id is not None]


# Pages whose addresses are more than Wagtail's own (a national article shows on every steunpunt's
# site): the app that owns the page type registers ``urls(page)`` for it (information/apps.py).
PAGE_URLS = {}


def register_page_urls(page_class, urls):
    PAGE_URLS[page_class] = urls


def in_every_language(urls):
    """``urls`` and the same addresses in every other language of the site (``/en/…``, ``/ar/…``):
    a page's language variants are pages of their own in the cache, and show the same content."""
    from .site_languages import PREFIXED, dutch_path, prefix

    result = []
    for url in urls:
        parts = urlsplit(url)
        path = dutch_path(parts.path or "/")
        query = f"?{parts.query}" if parts.query else ""
        root = f"{parts.scheme}://{parts.netloc}" if parts.netloc else ""
        result.append(f"{root}{path}{query}")
        result += [f"{root}{prefix(code)}{path}{query}" for code in PREFIXED]
    return result


def purge(urls):
    """Purge ``urls``, in every language, once the transaction is committed (before that, a visitor
    could fill the cache again with the old page), through Wagtail's task: the worker sends the PURGEs."""
    if not enabled() or not urls:
        return
    from wagtail.contrib.frontend_cache.utils import purge_urls_from_cache

    urls = sorted(set(in_every_language(urls)))
    transaction.on_commit(lambda: purge_urls_from_cache(urls))


def page_changed(sender, instance, **kwargs):
    """A page was published or unpublished: purge every address that shows it."""
    if not enabled():
        return
    from wagtail.contrib.frontend_cache.utils import PurgeBatch

    page = instance.specific_deferred
    for page_class, urls in PAGE_URLS.items():
        if isinstance(page, page_class):
            purge(urls(page))
            return
    # A page of one site (a steunpunt's home page, a content page): Wagtail's own addresses for it.
    batch = PurgeBatch()
    batch.add_page(page)
    purge(batch.urls)


def connect_signals():
    from wagtail.signals import page_published, page_unpublished

    page_published.connect(page_changed, dispatch_uid="front-cache-published")
    page_unpublished.connect(page_changed, dispatch_uid="front-cache-unpublished")
