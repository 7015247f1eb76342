"""Kept pages served before Django builds a request: the page cache's hits, at the WSGI layer.

A hit of the page cache (:mod:`steunpunt.core.page_cache`) still costs Django's request object, the
host lookup, the language and the security middleware: about a millisecond per request on a
production machine (bench/README.md, P1). This layer sits around Django's WSGI application
(``steunpunt.wsgi``) and keeps, per process, the finished answer (status, headers, body) of every
request that the page cache answered, keyed by everything of the request that the answer depends on.
The same request again, in the same content generation, is answered from that copy without Django.

It can never answer what Django would not, because it only keeps what Django answered through the page
cache, under a key made of every part of the request the answer depends on:

- only ``GET`` without a body, without any cookie (so never for a visitor with a session, a language
  or a form token) and without ``Authorization``;
- the key holds the host headers, the scheme and the proxy's forwarded scheme (HTTPS redirects and
  HSTS depend on them), the path and the query string: another host, another scheme or another
  address is another key, answered by Django first;
- kept only when Django's answer was a 200 of the page cache (``X-Page-Cache``), set no cookie and
  varies on nothing but ``Cookie``; a page is kept no longer than the page cache keeps it.

The content generation is read from the shared cache at most every
:setting:`PAGE_CACHE_RECHECK_MS` per process (:func:`page_cache.recent_generation`): a change
made in this process shows at once, a change made in another process within that interval. With a
front cache that is purged on publishing (``FRONTEND_CACHE_URL``) the generation is read at every
request: an old page answered just after a purge would otherwise be stored in the front cache again.
"""

import time

from django.conf import settings
from django.http import HttpResponse

from . import page_cache

# The parts of a request the page cache's answer depends on, besides the method (GET only).
KEY_PARTS = (
    "wsgi.url_scheme",
    "HTTP_HOST",
    "HTTP_X_FORWARDED_HOST",
    "HTTP_X_FORWARDED_PORT",
    "HTTP_X_FORWARDED_PROTO",
    "SERVER_NAME",
    "SERVER_PORT",
    "SCRIPT_NAME",
    "PATH_INFO",
    "QUERY_STRING",
)
# Headers that make Django's answer differ, or make it not the page cache's to give: with any of them
# the request goes to Django.
PASS_THROUGH = ("HTTP_COOKIE", "HTTP_AUTHORIZATION")


def _key(environ):
    if environ.get("REQUEST_METHOD") != "GET" or "HTTP_HOST" not in environ:
        return None
    if any(name in environ for name in PASS_THROUGH) or environ.get("CONTENT_LENGTH") not in (None, "", "0"):
        return None
    return tuple(environ.get(name) for name in KEY_PARTS)


def _keepable(status, headers, result):
    if not status.startswith("200 ") or not isinstance(result, HttpResponse):
        return False
    if result.get("X-Page-Cache") not in ("hit", "miss"):
        return False
    names = {name.lower() for name, _ in headers}
    if "set-cookie" in names:
        return False
    vary = {part.strip().lower() for part in result.get("Vary", "").split(",") if part.strip()}
    return vary <= {"cookie"}


class KeptPagesApplication:
    """Wrap Django's WSGI application with the kept pages of this process."""

    def __init__(self, application, size=500):
        self.application = application
        self._pages = page_cache.LocalPages(size)  # (generation, key) → (status, headers, body)

    def __call__(self, environ, start_response):
        if settings.PAGE_CACHE_SECONDS <= 0:
            return self.application(environ, start_response)
        key = _key(environ)
        if key is None:
            return self.application(environ, start_response)
        generation = page_cache.recent_generation()
        kept = self._pages.get((generation, key))
        if kept is not None:
            status, headers, body = kept
            start_response(status, list(headers))
            return [body]
        answer = {}

        def remember(status, headers, exc_info=None):
            answer["status"], answer["headers"] = status, headers
            return start_response(status, headers, exc_info)

        result = self.application(environ, remember)
        if answer and _keepable(answer["status"], answer["headers"], result):
            # Served again as a hit of the page cache, however this one was made.
            headers = [(n, "hit" if n == "X-Page-Cache" else v) for n, v in answer["headers"]]
            # As long as the page cache keeps the page (its time, not this process's clock).
            kept_until = getattr(result, "kept_until", None) or time.time() + settings.PAGE_CACHE_SECONDS
            expiry = time.monotonic() + kept_until - time.time()
            self._pages.keep((generation, key), (answer["status"], headers, result.content), expiry)
        return result
