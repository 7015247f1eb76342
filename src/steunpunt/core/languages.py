"""The languages people speak with a steunpunt: the one list for the whole platform.

A question records the requester's language (``support.Case.language``); the multilingual public site
(issue 17) is to take its languages from here too. Each language has its ISO 639-1 code, its name in
the back office's Dutch (through gettext: msgid English) and its own name, as its speakers write it
(shown beside the Dutch name on public forms, so a reader finds their language without reading Dutch).
"""

from dataclasses import dataclass

from django.utils.functional import lazy
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Language:
    code: str
    name: str  # lazy: Dutch through gettext
    own_name: str
    direction: str = "ltr"


DUTCH = "nl"
OTHER = "other"

LANGUAGES = (
    Language(DUTCH, _("Dutch"), "Nederlands"),
    Language("en", _("English"), "English"),
    Language("ar", _("Arabic"), "العربية", "rtl"),
    Language("tr", _("Turkish"), "Türkçe"),
    Language("pl", _("Polish"), "Polski"),
    Language("uk", _("Ukrainian"), "Українська"),
)
BY_CODE = {language.code: language for language in LANGUAGES}
CODES = tuple(BY_CODE)


def language_choices():
    """``(code, Dutch name)`` of every language, and "other": the choices of a model field."""
    return [(language.code, language.name) for language in LANGUAGES] + [(OTHER, _("Other language"))]


def _both_names(language):
    return (
        f"{language.name} – {language.own_name}"
        if str(language.name) != language.own_name
        else language.own_name
    )


def public_language_choices():
    """The same choices for a public form: the Dutch name with the language's own name beside it."""
    return [(language.code, lazy(_both_names, str)(language)) for language in LANGUAGES] + [
        (OTHER, _("Other language"))
    ]


def language_label(code):
    """The Dutch name of ``code`` ("Arabisch"); the code itself if it is not in the list."""
    return dict(language_choices()).get(code, code)
