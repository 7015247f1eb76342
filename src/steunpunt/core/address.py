"""The form of address: "u" for parents and other adults, "je" for young people and children.

Who a page, form or mail speaks to decides its words, not the template: the same English msgid
is translated twice. ``locale/nl`` holds the "u" Dutch of every text; ``locale/nl_Informal`` holds
the "je" Dutch of the texts that address the reader. Rendering ``speaking(Address.INFORMAL)``
activates the language ``nl-informal``, whose catalog falls back to ``nl`` for every text that
reads the same for everyone (Django falls back to ``LANGUAGE_CODE``). That fallback comes after every
app's ``nl`` catalog (gettext reads ``nl_Informal`` as Dutch of a territory), so a text Wagtail or Django
translate too is repeated in ``nl_Informal`` (``core/tests/test_translations.py``). So a template or form says
``{% translate "Your e-mail address" %}`` once and reads "Uw e-mailadres" to a parent and
"Je e-mailadres" to a young person.

Who decides:
- an article or glossary version: its audience (:func:`for_audience`);
- a question, its private page, its mails and its evaluation: who asks (``Case.address``);
- a booking: who books (``Booking.requester_kind``, :func:`for_requester_kind`).

:func:`address_problems` finds the words of the wrong form of address in a text; the acceptance
test (``core/tests/test_address.py``) runs it over every public page, form and mail.
"""

import re
from contextlib import contextmanager

from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _


class Address(models.TextChoices):
    FORMAL = "u", _("Formal (u)")
    INFORMAL = "je", _("Informal (je)")


INFORMAL_LANGUAGE = "nl-informal"

# Audiences of information (information.audiences.Audience values) that are addressed with "je".
INFORMAL_AUDIENCES = frozenset({"youth", "children"})
# Requester kinds (support.models.RequesterKind values) that are addressed with "je".
INFORMAL_REQUESTERS = frozenset({"child", "young_person"})


def for_audience(audience):
    return Address.INFORMAL if str(audience) in INFORMAL_AUDIENCES else Address.FORMAL


def for_requester_kind(requester_kind):
    return Address.INFORMAL if str(requester_kind) in INFORMAL_REQUESTERS else Address.FORMAL


def language_for(address):
    """The language to speak to ``address`` in: one of Dutch's two forms, or the active other language.

    Only Dutch has two forms of address; in English, Arabic, … there is one, so the language the page
    or mail is in stays (a question sent from ``/ar/vraag/`` is answered in Arabic, not in Dutch).
    """
    from django.conf import settings

    base = (translation.get_language() or "").split("-")[0].lower()
    if base and base != settings.LANGUAGE_CODE and base in dict(settings.LANGUAGES):
        return base
    return INFORMAL_LANGUAGE if address == Address.INFORMAL else settings.LANGUAGE_CODE


def reader_language(code):
    """``code`` if it is a language of the public site other than Dutch (a mail can be written in it),
    ``DUTCH`` for Dutch, else ``None`` (no language given, or "other": the active language stays)."""
    from django.conf import settings

    if code == settings.LANGUAGE_CODE:
        return code
    return code if code and code in dict(settings.LANGUAGES) else None


@contextmanager
def speaking(address, language=None):
    """Translate everything inside in the words of ``address``; in ``language`` (the reader's, such as
    ``Case.language``) when that is one of the site's languages other than Dutch."""
    from django.conf import settings

    code = reader_language(language)
    if code is not None and code != settings.LANGUAGE_CODE:
        chosen = code
    elif code == settings.LANGUAGE_CODE:
        chosen = INFORMAL_LANGUAGE if address == Address.INFORMAL else settings.LANGUAGE_CODE
    else:
        chosen = language_for(address)
    with translation.override(chosen):
        yield


def addressed(response, address):
    """Render a template response now, in the words of ``address``; return it."""
    with speaking(address):
        response.render()
    return response


# Detection. Words are matched whole: "u" in "uur", "Utrecht" or "vakantie-u" is no address, nor is
# "Je" in "Jeroen". Text between quotation marks is someone else speaking and is left out.
FORMAL_WORDS = ("u", "uw", "uzelf")
INFORMAL_WORDS = ("je", "jij", "jou", "jouw", "jullie", "jezelf", "jouwe")
_WORD = r"(?<![\w'’\-]){}(?![\w'’\-])"
_FORMAL = re.compile("|".join(_WORD.format(word) for word in FORMAL_WORDS), re.IGNORECASE)
_INFORMAL = re.compile("|".join(_WORD.format(word) for word in INFORMAL_WORDS), re.IGNORECASE)
_QUOTED = re.compile(r"“[^”]*”|„[^”“\"]*[”“\"]|\"[^\"]*\"|‘[^’]*’|(?<!\w)'[^']*'(?!\w)")


def _without_quotes(text):
    return _QUOTED.sub(" ", text)


def address_problems(text, address):
    """Return the snippets of ``text`` that use the other form of address than ``address``."""
    text = _without_quotes(text)
    wrong = _INFORMAL if address == Address.FORMAL else _FORMAL
    problems = []
    for match in wrong.finditer(text):
        if match.group(0).lower() == "u" and _is_abbreviation(text, match):
            continue
        start, end = max(0, match.start() - 40), match.end() + 40
        problems.append(" ".join(text[start:end].split()))
    return problems


def _is_abbreviation(text, match):
    # "12.00 u." (uur) is a time, not an address.
    before = text[: match.start()].rstrip()
    return bool(before) and before[-1].isdigit()
