"""Reads about the translations of national articles.

A translation is an ``ArticlePage`` in another locale than Dutch, made with wagtail-localize from the
Dutch article (its source, same ``translation_key``) and published only when a translation reviewer
approved it (``translation_services``). Its ``TranslationCheck`` says whether readers see it as
checked: a new Dutch text sets it back to "Dutch text changed".
"""

from dataclasses import dataclass

from django.conf import settings

from steunpunt.core.languages import LANGUAGES

from .models import ArticlePage, TranslationCheck


def translation_languages():
    """The platform's languages an article is translated into: every one but Dutch."""
    return [language for language in LANGUAGES if language.code != settings.LANGUAGE_CODE]


def translation_for(article, language_code):
    """Return the live translation of ``article`` in ``language_code`` (an ``ArticlePage``), or ``None``.

    ``None`` for Dutch (the article is the Dutch text), for a language the platform does not have, and
    where no translation is live. An alias (Wagtail's copy that follows the Dutch page) is no translation.
    """
    if language_code == settings.LANGUAGE_CODE:
        return None
    return (
        ArticlePage.objects.live()
        .filter(
            translation_key=article.translation_key,
            locale__language_code=language_code,
            alias_of__isnull=True,
        )
        .exclude(pk=article.pk)
        .select_related("translation_check")
        .first()
    )


def translation_unchecked(page):
    """Whether readers of ``page`` (a translation) see "Translation – not yet checked".

    So until a reviewer approved it, after every new Dutch text again, and for a starter translation.
    The page's ``starter_text`` says the same for readers (set with the "Dutch text changed" state).
    """
    check = TranslationCheck.objects.filter(page=page).first()
    return page.starter_text or check is None or check.needs_review


@dataclass(frozen=True)
class TranslationState:
    """One language of an article in the back office's listing of translations."""

    language: object  # steunpunt.core.languages.Language
    page: object  # the translated ArticlePage, or None
    live: bool
    in_review: bool
    status: str  # TranslationCheck.Status value, or "" without a translation
    status_label: str


def translation_states(article):
    """Every translation language of ``article`` with its translation (or none) and its state."""
    pages = {
        page.locale.language_code: page
        for page in ArticlePage.objects.filter(translation_key=article.translation_key, alias_of__isnull=True)
        .exclude(pk=article.pk)
        .select_related("locale", "translation_check")
    }
    states = []
    for language in translation_languages():
        page = pages.get(language.code)
        check = getattr(page, "translation_check", None) if page is not None else None
        status = check.status if check is not None else (TranslationCheck.Status.UNCHECKED if page else "")
        states.append(
            TranslationState(
                language=language,
                page=page,
                live=bool(page and page.live),
                in_review=bool(page and page.workflow_in_progress),
                status=status,
                status_label=TranslationCheck.Status(status).label if status else "",
            )
        )
    return states


def translations_overview():
    """The live Dutch articles with :func:`translation_states` each, for the listing of translations."""
    from .selectors import live_articles

    return [(article, translation_states(article)) for article in live_articles()]
