"""Dutch search over the national set: synonyms, stems, a length cap, a cache, and counting without
personal data.

The articles are national, so a search gives every visitor of every site the same result. The
phrases searched (the query and what its synonyms add), the ranked ids of the first
:data:`CACHED_RESULTS` matches and the total are kept in the cache per normalised query, for
:setting:`SEARCH_CACHE_SECONDS` at most, under the page cache's *generation*: every change of
content, of a synonym, and every update of the search index moves the generation on, so a change
shows in the next search. A results page within the cached ids costs one query for its 20
articles the first time, and what the page shows of them (:class:`Card`) is kept as well; a page
beyond them asks the search backend for that page itself (slower, and rare).

On PostgreSQL the ranked ids and the total come from one statement (the backend's own query,
with a window count)::

    SELECT information_articlepage.page_ptr_id, COUNT(*) OVER () AS _total
      FROM information_articlepage
      JOIN wagtailcore_page ON information_articlepage.page_ptr_id = wagtailcore_page.id
      LEFT JOIN wagtailsearch_indexentry
        ON content_type_id IN (<articlepage>) AND object_id = page_ptr_id::varchar(50)
     WHERE wagtailcore_page.live
       AND (wagtailsearch_indexentry.title || wagtailsearch_indexentry.body) @@ to_tsquery('dutch', …)
     ORDER BY ts_rank(weights, title, q) * title_norm + ts_rank(weights, body, q) DESC, page_ptr_id DESC
     LIMIT 1000

The ``WHERE`` can use the GIN index on ``(title || body)`` (migration
``information.0007_indexentry_title_body_gin``).
"""

import hashlib
import re
from dataclasses import dataclass, replace
from functools import reduce

import snowballstemmer
from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.db.models import Count, Window
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django_tasks.signals import task_finished
from wagtail.search.query import And, Or, PlainText

from steunpunt.core import page_cache

from .models import ArticlePage, SearchSynonym
from .usage import count_search

MAX_QUERY_LENGTH = 200
RESULTS_PER_PAGE = 20
# The ranked ids kept per query: 50 pages of 20. Deeper pages are searched in the database.
CACHED_RESULTS = 1000
# SQLite (development) only: the words of a phrase, and the phrases of a query, that count.
SQLITE_MAX_WORDS = 8
SQLITE_MAX_PHRASES = 4
_stemmer = snowballstemmer.stemmer("dutch")
_WORD = re.compile(r"[\w-]+", re.UNICODE)
_LETTER = re.compile(r"[^\W_]", re.UNICODE)
# Control characters (NUL among them: PostgreSQL refuses it in text) are no part of a search.
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_INDEX_TASK = "modelsearch.tasks.insert_or_update_object_task"


def normalise(text):
    """Return the query cut to 200 characters, in lower case, with single spaces."""
    text = _CONTROL.sub(" ", (text or "")[:MAX_QUERY_LENGTH])
    # Lower case can be longer ('İ' → 'i̇'): cut again.
    return " ".join(text.lower()[:MAX_QUERY_LENGTH].split())


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
    # Every word once (all of them must match: a repeated word adds nothing but work), and only
    # words with a letter or digit in them ('-' alone would be an empty query).
    words = list(dict.fromkeys(word for word in _WORD.findall(phrase) if _LETTER.search(word)))
    if connection.vendor == "postgresql":
        # PostgreSQL's 'dutch' configuration stems the words itself.
        return PlainText(" ".join(words), operator="and")
    # SQLite has no Dutch stemming: search each word's stem as a prefix (the backend treats
    # the last word of a plain-text query as a prefix). Its SQL parser fails on deeply nested
    # expressions (17 words already), so only the first words count there.
    stems = list(dict.fromkeys(_stemmer.stemWords(words)))[:SQLITE_MAX_WORDS]
    return reduce(lambda a, b: And([a, b]), [PlainText(stem) for stem in stems])


def _searchable(phrases):
    return [phrase for phrase in phrases if any(_LETTER.search(word) for word in _WORD.findall(phrase))]


def _search(phrases):
    if not phrases:
        return ArticlePage.objects.none()
    if connection.vendor != "postgresql":
        phrases = phrases[:SQLITE_MAX_PHRASES]
    combined = reduce(lambda a, b: Or([a, b]), [_phrase_query(phrase) for phrase in phrases])
    return ArticlePage.objects.live().search(combined)


def search_articles(query):
    """Return the live articles matching ``query`` (already normalised), best first, uncached.

    The result is lazy: slice it (or page it) so the database returns one page, not every match.
    """
    return _search(_searchable(expansions(query)))


def find_articles(query):
    """Return the live articles matching ``query`` (already normalised), best first, for a Paginator:
    the same articles in the same order as :func:`search_articles`, from the cache where it can."""
    return SearchResults(query)


@dataclass(frozen=True)
class Card:
    """What a results page shows of an article (kept in the cache with the ranking)."""

    pk: int
    slug: str
    title: str
    summary: str
    versions: list


def _card(article):
    # The versions without their text: the page shows their labels and addresses only.
    versions = [replace(version, body=None) for version in article.versions()]
    return Card(article.pk, article.slug, article.title, article.summary, versions)


class SearchResults:
    """The matches of one search, for a Paginator: ``count()`` and slices of articles, best first."""

    def __init__(self, query):
        self.query = query
        self._ranking = None
        self._key = None

    def ranking(self):
        """Return ``(phrases searched, total, ids of the first CACHED_RESULTS matches best first)``."""
        if self._ranking is None:
            self._ranking, self._key = _cached_ranking(self.query)
        return self._ranking

    def count(self):
        return self.ranking()[1]

    def __len__(self):
        return self.count()

    def __getitem__(self, key):
        if not isinstance(key, slice):
            return self[key : key + 1][0]
        phrases, total, ids = self.ranking()
        start, stop, _step = key.indices(total)
        if start >= stop:
            return []
        if stop > len(ids):
            # Beyond the kept ids: the search backend gives this page itself.
            return list(_search(phrases)[start:stop])
        page_key = f"{self._key}:{start}:{stop}" if self._key else None
        cards = cache.get(page_key) if page_key else None
        if cards is None:
            wanted = ids[start:stop]
            articles = ArticlePage.objects.live().in_bulk(wanted)
            # An article unpublished since the ranking was kept is left out.
            cards = [_card(articles[pk]) for pk in wanted if pk in articles]
            if page_key:
                cache.set(page_key, cards, timeout=settings.SEARCH_CACHE_SECONDS)
        return cards


def _cached_ranking(query):
    """Return the ranking of ``query`` and the key it is kept under (``None``: not kept)."""
    if not query:
        return ([], 0, []), None
    seconds = settings.SEARCH_CACHE_SECONDS
    if seconds <= 0:
        return _ranking(query), None
    # The synonyms are part of what is kept: a change of them moves the generation on (below).
    digest = hashlib.sha256(query.encode()).hexdigest()
    key = f"search:{page_cache.current_generation()}:{digest}"
    ranking = cache.get(key)
    if ranking is None:
        ranking = _ranking(query)
        cache.set(key, ranking, timeout=seconds)
    return ranking, key


def _ranking(query):
    """The phrases searched, the total and the first CACHED_RESULTS ids, in the backend's order."""
    phrases = _searchable(expansions(query))
    results = _search(phrases)
    if not hasattr(results, "get_queryset"):
        # No phrase to search, or a backend whose results are no queryset: two statements.
        return phrases, results.count(), [article.pk for article in results[:CACHED_RESULTS]]
    # The backend's queryset (its filter and its order: rank, then -pk), limited, in one statement:
    # the window count is taken over every match before the LIMIT.
    queryset = results[:CACHED_RESULTS].get_queryset()
    rows = list(queryset.annotate(_total=Window(Count("*"))).values_list("pk", "_total"))
    return phrases, (rows[0][1] if rows else 0), [pk for pk, _total in rows]


def search_count(*, support_point, query, results):
    """Count one search on one site for today with its number of results (written in batches)."""
    count_search(support_point_id=support_point.pk, query=query, results=results)


@receiver(post_save, sender=SearchSynonym, dispatch_uid="information-search-synonym-saved")
@receiver(post_delete, sender=SearchSynonym, dispatch_uid="information-search-synonym-deleted")
def _synonyms_changed(sender, **kwargs):
    page_cache.bump_generation()


@receiver(task_finished, dispatch_uid="information-search-index-updated")
def _index_updated(sender, task_result, **kwargs):
    # The search index is updated by a task after the change itself: searches kept in between
    # would miss the change, so the generation moves on again.
    if task_result.task.module_path == _INDEX_TASK:
        page_cache.bump_generation()
