"""Dutch search over the national set: synonyms, stems, a length cap, and counting without personal data."""

import re
from functools import reduce

import snowballstemmer
from django.db import connection, transaction
from django.db.models import F
from django.utils import timezone
from wagtail.search.query import And, Or, PlainText

from .models import ArticlePage, SearchCount, SearchSynonym

MAX_QUERY_LENGTH = 200
RESULTS_PER_PAGE = 20
_stemmer = snowballstemmer.stemmer("dutch")
_WORD = re.compile(r"[\w-]+", re.UNICODE)


def normalise(text):
    """Return the query cut to 200 characters, in lower case, with single spaces."""
    return " ".join((text or "")[:MAX_QUERY_LENGTH].split()).lower()


def expansions(query):
    """Return the query and every phrase its synonyms stand for."""
    phrases = [query]
    for synonym in SearchSynonym.objects.all():
        pattern = re.compile(rf"(?<!\w){re.escape(synonym.term.lower())}(?!\w)")
        if pattern.search(query):
            # 'rugzakje basisschool' also searches 'extra ondersteuning basisschool'.
            phrases += [pattern.sub(meaning.lower(), query) for meaning in synonym.expansions()]
    return [phrase for phrase in dict.fromkeys(phrases) if phrase]


def _phrase_query(phrase):
    words = _WORD.findall(phrase)
    if connection.vendor == "postgresql":
        # PostgreSQL's 'dutch' configuration stems the words itself.
        return PlainText(" ".join(words), operator="and")
    # SQLite has no Dutch stemming: search each word's stem as a prefix (the backend treats
    # the last word of a plain-text query as a prefix).
    return reduce(lambda a, b: And([a, b]), [PlainText(stem) for stem in _stemmer.stemWords(words)])


def search_articles(query):
    """Return the live articles matching ``query`` (already normalised), best first.

    The result is lazy: slice it (or page it) so the database returns one page, not every match.
    """
    phrases = [phrase for phrase in expansions(query) if _WORD.search(phrase)]
    if not phrases:
        return ArticlePage.objects.none()
    combined = reduce(lambda a, b: Or([a, b]), [_phrase_query(phrase) for phrase in phrases])
    return ArticlePage.objects.live().search(combined)


@transaction.atomic
def search_count(*, support_point, query, results):
    """Count one search on one site for today; keep the latest number of results."""
    count, _created = SearchCount.objects.select_for_update().get_or_create(
        support_point=support_point, query=query, day=timezone.localdate()
    )
    SearchCount.objects.filter(pk=count.pk).update(searches=F("searches") + 1, results=results)
