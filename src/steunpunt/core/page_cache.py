"""A cache of public pages for visitors without a session: the same page is built once, not per visitor.

Only pages that look the same for every visitor are cached (the information, the glossary, the
schools, the social map, the home page, the signals page); forms, the private pages and the back
office never are. Every change of content a page shows moves the *generation* on, so stale pages are
never served after a change; :setting:`PAGE_CACHE_SECONDS` bounds the age of a page otherwise
(``0`` switches the cache off).

The same pages, and only those, tell a front cache (nginx) that it may keep them for
:setting:`FRONT_CACHE_SECONDS` (:mod:`steunpunt.core.front_cache`), whether or not this cache is on.
"""

import contextlib
import contextvars
import functools
import hashlib
import pickle  # nosec B403  # only bytes this process pickled itself
import threading
import time
from collections import OrderedDict

from django.conf import settings
from django.core.cache import cache

from . import front_cache, site_languages
from .generation import Generation

# What is cached is declared by the apps that serve it (core knows no feature app), on their AppConfig:
# ``page_cache_paths`` (address prefixes of public pages that look the same for every visitor) and
# ``page_cache_content`` (labels of the models those pages show: a change makes every page stale).
# Read once the apps are ready (:func:`connect_signals`).
CACHEABLE_PREFIXES = ()
GENERATION_KEY = "page-cache:generation"


# The generation the request being served read (set by the host lookup, KnownHostMiddleware, for the
# request's duration): every search, suggestion and cached page of one request keys on the same value,
# read from the cache once (bench/README.md: each read is a round trip to Redis).
_request_generation = contextvars.ContextVar("content_generation", default=None)


def current_generation(request=None):
    """The generation of the content: it moves on at every change of content a page shows.

    Within a request: the generation the host lookup read for it (``request.content_generation``, or the
    request's context when no request is at hand), so that a request reads it from the cache once.
    """
    generation = getattr(request, "content_generation", None)
    if generation is None:
        generation = _request_generation.get()
    return generation if generation is not None else _generation()


@contextlib.contextmanager
def generation_for_request(request):
    """Read the generation once for ``request`` and let every :func:`current_generation` of the request
    use it (the host middleware wraps the request in this)."""
    request.content_generation = _generation()
    token = _request_generation.set(request.content_generation)
    try:
        yield request.content_generation
    finally:
        _request_generation.reset(token)


def per_generation(function):
    """Keep ``function(*args)`` in this process for as long as the content generation stays the same.

    For what every request of a site would otherwise read or build again from content (the glossary's
    compiled term pattern, a site's menu): the generation moves on at every change of content, so a kept
    value is never older than the content the page cache may serve. The arguments must be hashable and
    few (a handful of sites, audiences, languages); the memory is emptied when it grows past 512.
    """
    memory = {}  # args → (generation, value)

    @functools.wraps(function)
    def kept(*args):
        generation = current_generation()
        entry = memory.get(args)
        if entry is not None and entry[0] == generation:
            return entry[1]
        value = function(*args)
        if len(memory) >= 512:
            memory.clear()
        memory[args] = (generation, value)
        return value

    kept.forget = memory.clear
    return kept


_content = Generation(GENERATION_KEY)
_generation = _content.read


# The generation this process read last outside a request (time of the read, value): what the kept pages
# before Django (core.kept_pages) key on, asked again from the shared cache after
# PAGE_CACHE_RECHECK_MS.
_recent = (0.0, None)


def recent_generation():
    """The content generation, read from the shared cache at most every :setting:`PAGE_CACHE_RECHECK_MS`
    in this process: a change made here is seen at once (:func:`bump_generation`), a change made by
    another process within that interval (at once when a front cache is purged on publishing)."""
    global _recent
    read_at, generation = _recent
    now = time.monotonic()
    # With a purged front cache (nginx, FRONTEND_CACHE_URL), a page answered from the last generation
    # just after a publish could be stored there again after its purge: then every request asks.
    recheck_ms = 0 if front_cache.enabled() else settings.PAGE_CACHE_RECHECK_MS
    if generation is None or (now - read_at) * 1000 >= recheck_ms:
        generation = _content.read_if_set()
        if generation is None:
            # Not there yet (or no working cache): not kept, so a new value is never used twice.
            return _generation()
        _recent = (now, generation)
    return generation


def forget_recent_generation():
    """Ask the shared cache for the generation at the next :func:`recent_generation` (after the cache was
    emptied, as the tests do between them)."""
    global _recent
    _recent = (0.0, None)


def bump_generation(**kwargs):
    """Make every cached page stale (connected to the signals of content models)."""
    # A request that changes content reads the new generation for whatever it does next, and so do
    # this process's kept pages.
    _request_generation.set(None)
    forget_recent_generation()
    _content.bump()


def _key(request):
    # Each language of a page is a page of its own (its address differs too; the language is named
    # so that no two languages can ever share a key).
    language = getattr(request, "LANGUAGE_CODE", "")
    raw = f"{language}|{request.get_host()}{request.get_full_path()}".encode()
    # "v2": a page is kept as the response alone (before, with callbacks); older entries are not read.
    return f"page-cache:v2:{current_generation(request)}:{hashlib.sha256(raw).hexdigest()}"


def _cacheable_request(request):
    return (
        request.method in ("GET", "HEAD")
        and getattr(request, "support_point", None) is not None
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and _cacheable_path(site_languages.dutch_path(request.path))
    )


def _cacheable_path(path):
    return path == "/" or path.startswith(CACHEABLE_PREFIXES)


def _cacheable_response(response):
    return (
        response.status_code == 200
        and not response.cookies
        # "Vary: Cookie" comes from reading the (empty) session; pages are only kept and served for
        # visitors without a session cookie, so they are the same for all of them.
        and response.get("Vary", "Cookie").lower() == "cookie"
        and "no-store" not in response.get("Cache-Control", "")
        and "private" not in response.get("Cache-Control", "")
        and not getattr(response, "streaming", False)
    )


# The most asked pages also stay in each process, in front of the shared cache (Redis in production):
# a hit then costs one small read of the generation (the host lookup's) instead of fetching and
# unpickling the page from the shared cache. Keys carry the generation, so a change of content
# reaches every process at once, and a kept page expires after PAGE_CACHE_SECONDS as in the shared
# cache. Kept pickled, so every hit gets its own response object.
LOCAL_PAGES = 500


class LocalPages:
    """Pages kept in this process, the most recently used first out of ``size``, each until its expiry
    (a ``time.monotonic()`` value). Used here in front of the shared cache and by the kept pages before
    Django (core.kept_pages)."""

    def __init__(self, size=LOCAL_PAGES):
        self.size = size
        self._entries = OrderedDict()  # key → (expiry, value)
        self._lock = threading.Lock()

    def __iter__(self):
        return iter(list(self._entries))

    def __len__(self):
        return len(self._entries)

    def get(self, key):
        with self._lock:
            entry = self._entries.get(key)
            if entry is None:
                return None
            if entry[0] < time.monotonic():
                del self._entries[key]
                return None
            self._entries.move_to_end(key)
        return entry[1]

    def keep(self, key, value, expiry):
        with self._lock:
            self._entries[key] = (expiry, value)
            self._entries.move_to_end(key)
            while len(self._entries) > self.size:
                self._entries.popitem(last=False)


_local = LocalPages()  # key → pickled response, so every hit gets its own response object


def _local_get(key):
    data = _local.get(key)
    return None if data is None else pickle.loads(data)  # noqa: S301  # nosec B301  # pickled by _local_keep


def _local_keep(key, value):
    data = pickle.dumps(value, pickle.HIGHEST_PROTOCOL)
    _local.keep(key, data, time.monotonic() + settings.PAGE_CACHE_SECONDS)


class AnonymousPageCacheMiddleware:
    """Serve a public page from the cache, or build it and keep it. Sits after the host lookup and
    before sessions: a cached page costs no session, no user and no template."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not _cacheable_request(request):
            return self.get_response(request)
        keep = settings.PAGE_CACHE_SECONDS > 0
        if keep:
            key = _key(request)
            cached = _local_get(key)
            if cached is None:
                cached = cache.get(key)
                if cached is not None:
                    _local_keep(key, cached)
            if cached is not None:
                response = cached
                response["X-Page-Cache"] = "hit"
                return response
        response = self.get_response(request)
        if _cacheable_response(response):
            # Kept here, then the front cache may keep it as well (the header is stored with it).
            front_cache.mark_shared(response)
            if keep:
                if hasattr(response, "render") and not response.is_rendered:
                    response.render()
                # The security headers are added by middleware outside this one, for hits as well.
                # Until when it is kept: the kept pages before Django (core.kept_pages) keep no longer.
                response.kept_until = time.time() + settings.PAGE_CACHE_SECONDS
                cache.set(key, response, timeout=settings.PAGE_CACHE_SECONDS)
                _local_keep(key, response)
                response["X-Page-Cache"] = "miss"
        return response


# Content every site shows (Wagtail's pages and sites); the apps declare the rest.
CONTENT_MODELS = [
    "wagtailcore.Page",
    "wagtailcore.Site",
    "wagtailcore.PageViewRestriction",
    "wagtailcore.Locale",
]


def declared(attribute):
    """Every item the installed apps declare in ``attribute`` of their AppConfig, in app order."""
    from django.apps import apps

    return tuple(item for config in apps.get_app_configs() for item in getattr(config, attribute, ()))


def connect_signals():
    """Bump the generation on every save or delete of content, and on every publish of a page."""
    global CACHEABLE_PREFIXES
    from django.apps import apps
    from django.db.models.signals import m2m_changed, post_delete, post_save
    from wagtail.signals import page_published, page_unpublished

    CACHEABLE_PREFIXES = declared("page_cache_paths")
    content = [apps.get_model(label) for label in (*CONTENT_MODELS, *declared("page_cache_content"))]
    for model in content:
        label = model._meta.label
        post_save.connect(bump_generation, sender=model, dispatch_uid=f"page-cache-save-{label}")
        post_delete.connect(bump_generation, sender=model, dispatch_uid=f"page-cache-delete-{label}")
    # The many-to-many links of content (a steunpunt's partnerships, a page type's own links), and only
    # those: a question's themes or a user's groups are no content, and bumping on them made every kept
    # page stale at each question (bench P6).
    for model in apps.get_models():
        if not issubclass(model, tuple(content)):
            continue
        for field in model._meta.local_many_to_many:
            through = field.remote_field.through
            m2m_changed.connect(
                bump_generation, sender=through, dispatch_uid=f"page-cache-m2m-{through._meta.label}"
            )
    page_published.connect(bump_generation, dispatch_uid="page-cache-published")
    page_unpublished.connect(bump_generation, dispatch_uid="page-cache-unpublished")
    # The front cache's purges follow the same changes.
    front_cache.connect_signals()
