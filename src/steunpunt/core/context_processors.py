from django.utils import translation
from django.utils.safestring import mark_safe

from . import site_languages
from .languages import BY_CODE, DUTCH


def site_language(request):
    """The page's language for every public template.

    ``lang_prefix`` goes before each address a template writes (``{{ lang_prefix }}/vraag/``);
    ``site_language`` is the language (code, own name, direction); ``site_languages`` are the languages
    the steunpunt offers, each with the address of this page in it (the switcher and hreflang links).
    """
    code = translation.get_language() or DUTCH
    code = code if code in BY_CODE else DUTCH  # nl-informal is Dutch
    return {
        "lang_prefix": site_languages.prefix(code),
        "site_language": BY_CODE[code],
        "site_languages": _LazyAlternates(request, code),
        # On a page in another language, the attributes of text that editors wrote in Dutch (a page's
        # own fields): read aloud and laid out as Dutch, left to right also on an Arabic page.
        "dutch_text": mark_safe(' lang="nl" dir="ltr"') if code != DUTCH else "",  # nosec B308  # a constant
    }


class _LazyAlternates:
    """The offered languages with this page's address in each; built only when a template reads it."""

    def __init__(self, request, current):
        self.request = request
        self.current = current
        self._items = None

    def __iter__(self):
        if self._items is None:
            self._items = self._build()
        return iter(self._items)

    def __bool__(self):
        return True

    def _build(self):
        request = self.request
        path = request.path
        query = request.META.get("QUERY_STRING", "")
        items = []
        for code in site_languages.offered(getattr(request, "support_point", None)):
            href = site_languages.path_in(code, path) + (f"?{query}" if query else "")
            items.append(
                {
                    "language": BY_CODE[code],
                    "href": href,
                    "absolute": request.build_absolute_uri(href),
                    "current": code == self.current,
                }
            )
        return items
