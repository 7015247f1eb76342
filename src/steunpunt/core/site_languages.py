"""The public site in every language of :mod:`steunpunt.core.languages`: addresses, and which apply where.

Dutch is at the site's own addresses (``/informatie/``); every other language under its code with the
same Dutch path words (``/en/informatie/``, ``/ar/informatie/``). The routes are Django's
``i18n_patterns(prefix_default_language=False)`` (``steunpunt/urls.py``), so ``reverse()`` and Wagtail's
page and route URLs carry the prefix of the active language. :class:`SiteLanguageMiddleware` takes the
language from the address alone: a visitor's ``Accept-Language`` or cookie never changes a page, so the
unprefixed site is always Dutch and every address is one page for the caches.

A steunpunt chooses the languages it offers (``SupportPoint.languages``); an address in a language it
does not offer is the Dutch 404 page.
"""

import re

from django.conf import settings
from django.utils import translation

from .languages import BY_CODE, DUTCH

# Every language with a prefix (all but Dutch), in the order of the list.
PREFIXED = tuple(code for code, _name in settings.LANGUAGES if code != DUTCH)
_PREFIX = re.compile(r"^/({})(/|$)".format("|".join(re.escape(code) for code in PREFIXED)))


def language_of_path(path):
    """The language whose prefix ``path`` starts with; Dutch when it has none."""
    match = _PREFIX.match(path)
    return match.group(1) if match else DUTCH


def dutch_path(path):
    """``path`` without its language prefix (``/en/vraag/`` → ``/vraag/``, ``/en`` → ``/``)."""
    match = _PREFIX.match(path)
    if not match:
        return path
    return "/" + path[match.end() :]


def prefix(code):
    """The address prefix of ``code``: ``""`` for Dutch, ``"/en"`` for English."""
    return "" if code == DUTCH else f"/{code}"


def language_prefix(code):
    """The prefix of a reader's language (``Case.language``): ``""`` unless it is one of the site's."""
    return prefix(code) if code in PREFIXED else ""


def path_in(code, path):
    """The address of the page at (Dutch) ``path`` in language ``code``."""
    return prefix(code) + dutch_path(path)


def offered(support_point):
    """The languages ``support_point``'s site offers, Dutch first (the platform's site: all)."""
    if support_point is None:
        return tuple(BY_CODE)
    chosen = set(support_point.languages or ())
    return tuple(code for code in BY_CODE if code == DUTCH or code in chosen)


class SiteLanguageMiddleware:
    """Activate the language of the address for the request; refuse a language the steunpunt does not offer.

    Sits after the host lookup (the steunpunt decides what it offers) and before the page cache (a cached
    page is one language). The language is active while the response is made, and the one before it
    afterwards, so nothing after the request (a test, a task in the same thread) inherits it.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        code = language_of_path(request.path_info)
        request.LANGUAGE_CODE = code
        if code != DUTCH and code not in offered(getattr(request, "support_point", None)):
            from .views import page_not_found

            request.LANGUAGE_CODE = DUTCH
            with translation.override(DUTCH):
                return page_not_found(request)
        with translation.override(code):
            response = self.get_response(request)
            response.headers.setdefault("Content-Language", code)
        return response


def current():
    """The active language of the public site (Dutch for ``nl-informal`` and anything unknown)."""
    code = translation.get_language() or DUTCH
    return code if code in BY_CODE else DUTCH


def here(path):
    """The (Dutch) address ``path`` in the active language: ``/vraag/`` → ``/ar/vraag/`` in Arabic."""
    return path_in(current(), path)


class ServedInEveryLanguage:
    """Mixed into the page types of the public sites: their URL carries the prefix of the active language.

    With Wagtail's i18n on (article translations, wagtail-localize), Wagtail builds a page's URL in the
    page's own locale, so a Dutch page would always get its Dutch address. The sites' pages are Dutch
    pages that serve every language (the texts through gettext, articles through their translations), so
    their address follows the reader's language instead: ``/ar/informatie/`` on an Arabic page.
    """

    def get_url_parts(self, request=None):
        parts = super().get_url_parts(request)
        code = translation.get_language()
        # None: the page is on no site (Wagtail's own answer, kept).
        if parts is None or parts[2] is None or code not in PREFIXED:
            return parts
        site_id, root_url, page_path = parts
        return site_id, root_url, path_in(code, page_path)
