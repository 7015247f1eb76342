"""The national starting questions (concept: not yet validated with parents and young people)."""

from django.utils import translation
from django.utils.translation import gettext as _

from steunpunt.core.address import for_audience as address_for_audience
from steunpunt.core.address import speaking

from .models import Audience, QuestionKind


def starter_questions(audience):
    """The questions in the words of ``audience``: "u" for parents, "je" for young people."""
    with speaking(address_for_audience(audience)):
        return _questions(audience)


def _questions(audience):
    if audience == Audience.YOUTH:
        return [
            {"key": "heard", "text": _("Did you feel we listened to you?"), "kind": QuestionKind.SCALE},
            {"key": "helped", "text": _("Did our help get you further?"), "kind": QuestionKind.YES_PARTLY_NO},
            {
                "key": "recommend",
                "text": _("Would you tell a friend to come to us?"),
                "kind": QuestionKind.YES_NO,
            },
            {"key": "better", "text": _("What could we do better?"), "kind": QuestionKind.TEXT},
        ]
    return [
        {"key": "heard", "text": _("Did you feel heard?"), "kind": QuestionKind.SCALE},
        {"key": "helped", "text": _("Did our help get you further?"), "kind": QuestionKind.YES_PARTLY_NO},
        {
            "key": "recommend",
            "text": _("Would you recommend us to other parents?"),
            "kind": QuestionKind.YES_NO,
        },
        {"key": "better", "text": _("What could we do better?"), "kind": QuestionKind.TEXT},
    ]


def question_text(question, audience):
    """The text of ``question`` to show in the active language.

    A questionnaire stores its questions in Dutch (a steunpunt may change them). Where a question is
    still the national starting question, its text in another language of the site is that question's
    translation; a question the steunpunt wrote itself stays as written.
    """
    language = translation.get_language() or ""
    if language.split("-")[0] in ("", "nl"):
        return question["text"]
    with translation.override("nl"):
        dutch = {item["key"]: item["text"] for item in starter_questions(audience)}
    if dutch.get(question["key"]) != question["text"]:
        return question["text"]
    own = {item["key"]: item["text"] for item in starter_questions(audience)}
    return own.get(question["key"], question["text"])
