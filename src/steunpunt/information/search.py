"""Dutch search over the national set that understands everyday questions, cached, and counted
without personal data.

A query is analysed (:mod:`.analysis`): stop words and question words need not match, words are
stemmed, split into compound parts or corrected by spelling against the vocabulary of the
content and the glossary, and synonyms in parents' and young people's words stand for the terms
of the information. The words are matched with OR and ranked by BM25F (:mod:`.search_index`):
each concept of the query scores ``Σ weight_alternative · idf_term · bm25f_weight`` in an
article; an article's rank is the sum over the concepts it has, times how many of the concepts
it has (so an article with more of the words comes first, as Lucene's "coord"). One SQL
statement, the same on SQLite and PostgreSQL, ranks and counts::

    WITH q(term, concept, weight) AS (VALUES ('thuiszit', 0, 2.31), ('school', 1, 0.12), …),
         r AS (SELECT s.article_id, SUM(s.score) * COUNT(*) AS rank
                 FROM (SELECT p.article_id, q.concept, SUM(q.weight * p.weight) AS score
                         FROM information_searchposting p JOIN q ON p.term = q.term
                        GROUP BY p.article_id, q.concept) s
                 JOIN wagtailcore_page ON wagtailcore_page.id = s.article_id
                WHERE wagtailcore_page.live
                GROUP BY s.article_id),
         t AS (SELECT article_id, rank, MAX(rank) OVER () AS top FROM r)
    SELECT article_id, rank, COUNT(*) OVER () AS total FROM t
     WHERE rank >= top * 0.1           -- RELATIVE_CUT_OFF: weak matches of one word are no answer
     ORDER BY rank DESC, article_id DESC
     LIMIT 1000

The articles are national, so a search gives every visitor of every site the same result. The
analysis, the ranked ids of the first :data:`CACHED_RESULTS` matches and the total are kept in
the cache per normalised query, for :setting:`SEARCH_CACHE_SECONDS` at most, under the page
cache's *generation*: every change of content, of a synonym, of the glossary and of the index
moves the generation on, so a change shows in the next search. A results page within the cached
ids costs one query for its 20 articles the first time, and what the page shows of them
(:class:`Card`, with its snippet) is kept as well; a page beyond them runs the statement with an
``OFFSET`` (slower, and rare). The vocabulary, the synonyms and the glossary are read once per
generation in each process (:func:`_context`).
"""

import hashlib
import re
import threading
from dataclasses import dataclass, replace

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.dispatch import receiver
from django.utils.html import format_html, format_html_join
from django_tasks.signals import task_finished

from steunpunt.core import page_cache

from . import analysis
from .blocks import stream_texts
from .models import ArticlePage, GlossaryTerm, SearchPosting, SearchSynonym
from .search_index import Vocabulary
from .usage import count_search

MAX_QUERY_LENGTH = 200
RESULTS_PER_PAGE = 20
# The ranked ids kept per query: 50 pages of 20. Deeper pages are searched in the database.
CACHED_RESULTS = 1000
# At most this many concepts, and terms per concept, go into the statement: a 200-character
# query has at most ~40 words; a synonym with many meanings is cut.
MAX_CONCEPTS = 24
MAX_ALTERNATIVES = 12
# Control characters (NUL among them: PostgreSQL refuses it in text) are no part of a search.
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_INDEX_TASK = "modelsearch.tasks.insert_or_update_object_task"
_QUESTION = re.compile(r"^(wat|wie|waar|hoe)\s+(is|zijn|betekent|betekenen|doet|werkt|is\s+een|is\s+het)\b")
SNIPPET_LENGTH = 240


def normalise(text):
    """Return the query cut to 200 characters, in lower case, with single spaces."""
    text = _CONTROL.sub(" ", (text or "")[:MAX_QUERY_LENGTH])
    # Lower case can be longer ('İ' → 'i̇'): cut again.
    return " ".join(text.lower()[:MAX_QUERY_LENGTH].split())


@dataclass(frozen=True)
class GlossaryEntry:
    slug: str
    term: str
    explanation: str
    forms: tuple  # the term sets of its forms, each a frozenset


@dataclass
class _Context:
    generation: object
    vocabulary: Vocabulary
    synonyms: list
    glossary: list


_local = threading.local()


def _context():
    """The vocabulary, the synonyms and the glossary of the current generation (kept per process
    and thread: read again after every change of content)."""
    generation = page_cache.current_generation()
    context = getattr(_local, "context", None)
    if context is None or context.generation != generation:
        glossary = [
            GlossaryEntry(
                term.slug,
                term.term,
                term.explanation,
                tuple(frozenset(analysis.terms(form)) for form in term.forms() if analysis.terms(form)),
            )
            for term in GlossaryTerm.objects.all()
        ]
        forms = [form for term in GlossaryTerm.objects.all() for form in term.forms()]
        synonyms = [
            (" ".join(analysis.words(synonym.term)), synonym.expansions())
            for synonym in SearchSynonym.objects.all()
            if analysis.words(synonym.term)
        ]
        context = _Context(generation, Vocabulary.load(forms), synonyms, glossary)
        _local.context = context
    return context


def analyse(query):
    """Return the :class:`~.analysis.Analysis` of a normalised query."""
    context = _context()
    return analysis.analyse(query, context.vocabulary, context.synonyms)


def _weighted_terms(query_analysis, vocabulary):
    """``[(term, concept number, weight · idf)]`` for the statement, with only terms that exist."""
    rows = []
    for number, concept in enumerate(query_analysis.concepts[:MAX_CONCEPTS]):
        for term, weight in concept.alternatives[:MAX_ALTERNATIVES]:
            if vocabulary.frequency(term):
                rows.append((term, number, weight * vocabulary.idf(term)))
    return rows


# Only table names (from the models) and placeholders are put into the text; values are parameters.
_RANK_SQL = (
    "WITH q(term, concept, weight) AS (VALUES <values>), "
    "r AS (SELECT s.article_id AS article_id, SUM(s.score) * COUNT(*) AS rank "
    "FROM (SELECT p.article_id AS article_id, q.concept AS concept, SUM(q.weight * p.weight) AS score "
    "FROM <posting> p JOIN q ON p.term = q.term GROUP BY p.article_id, q.concept) s "
    "JOIN <page> ON <page>.id = s.article_id WHERE <page>.live GROUP BY s.article_id), "
    "t AS (SELECT article_id, rank, MAX(rank) OVER () AS top FROM r) "
    "SELECT article_id, rank, COUNT(*) OVER () AS total FROM t WHERE rank >= top * %s "
    "ORDER BY rank DESC, article_id DESC LIMIT %s OFFSET %s"
)
# An article that ranks below this share of the best one is left out: a weak match of one common
# word ("lezen" in the text) is no answer to "dislexie", whose article ranks ten to forty times higher.
RELATIVE_CUT_OFF = 0.1


def _rank_sql(rows, limit, offset):
    page = ArticlePage._meta.get_field("page_ptr").related_model._meta.db_table
    sql = (
        _RANK_SQL.replace("<values>", ", ".join(["(%s, %s, %s)"] * len(rows)))
        .replace("<posting>", SearchPosting._meta.db_table)
        .replace("<page>", page)
    )
    return sql, [value for row in rows for value in row] + [RELATIVE_CUT_OFF, limit, offset]


def _ranked(query_analysis, vocabulary, limit, offset=0):
    """Return ``(total, [ids])`` of one slice of the ranking: one statement."""
    rows = _weighted_terms(query_analysis, vocabulary)
    if not rows:
        return 0, []
    sql, params = _rank_sql(rows, limit, offset)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        found = cursor.fetchall()
    return (found[0][2] if found else 0), [row[0] for row in found]


def glossary_answer(query, query_analysis):
    """The glossary term the query asks about ("wat is een tlv", "opp"), or ``None``."""
    asked = set()
    for concept in query_analysis.concepts:
        if concept.label in query_analysis.synonyms:
            asked |= set(analysis.terms(concept.label))
        else:
            asked.add(max(concept.alternatives, key=lambda alternative: alternative[1])[0])
    if not asked:
        return None
    question = bool(_QUESTION.match(analysis.fold(query)))
    best = None
    for entry in _context().glossary:
        for form in entry.forms:
            exact = form == asked
            if exact or (question and form <= asked and len(asked) - len(form) <= 1):
                rank = (exact, len(form))
                if best is None or rank > best[0]:
                    best = (rank, entry)
    return best[1] if best else None


def nearest_glossary(query_analysis, limit=3):
    """Glossary terms that share a word with the query (for a search without results)."""
    wanted = {term for term, _weight in (a for c in query_analysis.concepts for a in c.alternatives)}
    scored = []
    for entry in _context().glossary:
        shared = max((len(form & wanted) for form in entry.forms), default=0)
        if shared:
            scored.append((-shared, entry.term.lower(), entry))
    return [entry for _shared, _name, entry in sorted(scored, key=lambda item: item[:2])[:limit]]


def likely_theme(query_analysis):
    """The theme whose name and description share the most words with the query, or ``None``."""
    from .models import Theme

    wanted = query_analysis.marked_terms()
    best = None
    for theme in Theme.objects.all():
        shared = len(set(analysis.terms(f"{theme.name} {theme.description}")) & wanted)
        if shared and (best is None or shared > best[0]):
            best = (shared, theme)
    return best[1] if best else None


def most_read(theme=None, *, days=90, limit=5):
    """The live articles read most in the last ``days`` days on every site (of ``theme`` if given)."""
    from datetime import timedelta

    from django.db.models import Q, Sum
    from django.db.models.functions import Coalesce
    from django.utils import timezone

    since = timezone.localdate() - timedelta(days=days)
    articles = ArticlePage.objects.live().dutch()
    if theme is not None:
        articles = articles.filter(themes=theme)
    return list(
        articles.annotate(reads=Coalesce(Sum("views__views", filter=Q(views__day__gte=since)), 0)).order_by(
            "-reads", "title"
        )[:limit]
    )


def search_articles(query):
    """Return the live articles matching ``query`` (already normalised), best first, uncached.

    The result is lazy: slice it (or page it) so the database returns one slice, not every match.
    """
    return _Uncached(query)


class _Uncached:
    def __init__(self, query):
        self.analysis = analyse(query) if query else analysis.Analysis()

    def count(self):
        return _ranked(self.analysis, _context().vocabulary, 1)[0]

    def __getitem__(self, key):
        start, stop = key.start or 0, key.stop
        _total, ids = _ranked(self.analysis, _context().vocabulary, stop - start, start)
        articles = ArticlePage.objects.live().dutch().in_bulk(ids)
        return [articles[pk] for pk in ids if pk in articles]


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
    snippet: str = ""


def _texts(article, audience=None):
    """The summaries and texts of the article's versions, or of the one for ``audience`` only (a
    parent's snippet never comes from the young people's text)."""
    for version in article.versions():
        if audience is not None and version.audience != audience:
            continue
        yield version.summary
        yield from (text for _kind, text in stream_texts(version.body))


_SENTENCE = re.compile(r"(?<=[.!?])\s+")
_TOKEN = re.compile(r"[^\W_]+", re.UNICODE)


def snippet(texts, terms):
    """The sentence of ``texts`` with the most of ``terms`` (stems), HTML-escaped, with the words of
    those terms in ``<mark>``; at most :data:`SNIPPET_LENGTH` characters."""
    best, best_score = None, 0
    for text in texts:
        for sentence in _SENTENCE.split(text or ""):
            found = {
                analysis.stem(word)
                for word in analysis.words(sentence)
                if analysis.is_content_word(word) and analysis.stem(word) in terms
            }
            if len(found) > best_score:
                best, best_score = sentence, len(found)
    if best is None:
        return ""
    if len(best) > SNIPPET_LENGTH:
        best = best[:SNIPPET_LENGTH].rsplit(" ", 1)[0] + " …"
    pairs, position = [], 0
    for match in _TOKEN.finditer(best):
        word = analysis.fold(match.group())
        if analysis.is_content_word(word) and analysis.stem(word) in terms:
            pairs.append((best[position : match.start()], match.group()))
            position = match.end()
    # format_html escapes every piece of the text; only the <mark> elements are markup.
    return format_html("{}{}", format_html_join("", "{}<mark>{}</mark>", pairs), best[position:])


def _card(article, terms=frozenset(), audience="parents"):
    # The versions without their text: the page shows their labels and addresses only.
    versions = [replace(version, body=None) for version in article.versions()]
    # The snippet comes from the version the reader gets (the parents' when there is none for them).
    if audience not in {version.audience for version in versions}:
        audience = "parents"
    return Card(
        article.pk,
        article.slug,
        article.title,
        article.summary,
        versions,
        snippet(_texts(article, audience), terms),
    )


class SearchResults:
    """The matches of one search, for a Paginator: ``count()`` and slices of articles, best first."""

    # The reader's audience: the snippets come from its version (findability.sitesearch sets it).
    audience = "parents"

    def __init__(self, query):
        self.query = query
        self._ranking = None
        self._key = None

    def ranking(self):
        """Return ``(analysis, total, ids of the first CACHED_RESULTS matches best first)``."""
        if self._ranking is None:
            self._ranking, self._key = _cached_ranking(self.query)
        return self._ranking

    @property
    def analysis(self):
        return self.ranking()[0]

    def count(self):
        return self.ranking()[1]

    def __len__(self):
        return self.count()

    def __getitem__(self, key):
        if not isinstance(key, slice):
            return self[key : key + 1][0]
        query_analysis, total, ids = self.ranking()
        start, stop, _step = key.indices(total)
        if start >= stop:
            return []
        terms = frozenset(query_analysis.marked_terms())
        if stop > len(ids):
            # Beyond the kept ids: the statement gives this page itself.
            _total, wanted = _ranked(query_analysis, _context().vocabulary, stop - start, start)
        else:
            wanted = ids[start:stop]
        page_key = f"{self._key}:{start}:{stop}" if self._key and stop <= len(ids) else None
        cards = cache.get(page_key) if page_key else None
        if cards is None:
            articles = ArticlePage.objects.live().dutch().in_bulk(wanted)
            # An article unpublished since the ranking was kept is left out.
            cards = [_card(articles[pk], terms, self.audience) for pk in wanted if pk in articles]
            if page_key:
                cache.set(page_key, cards, timeout=settings.SEARCH_CACHE_SECONDS)
        return cards


def _cached_ranking(query):
    """Return the ranking of ``query`` and the key it is kept under (``None``: not kept)."""
    if not query:
        return (analysis.Analysis(), 0, []), None
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
    """The analysis, the total and the first CACHED_RESULTS ids, best first (one statement)."""
    query_analysis = analyse(query)
    total, ids = _ranked(query_analysis, _context().vocabulary, CACHED_RESULTS)
    return query_analysis, total, ids


def search_count(*, support_point, query, results):
    """Count one search on one site for today with its number of results (written in batches)."""
    count_search(support_point_id=support_point.pk, query=query, results=results)


@receiver(task_finished, dispatch_uid="information-search-index-updated")
def _index_updated(sender, task_result, **kwargs):
    # Wagtail's own index (the editors' search) is updated by a task after the change itself.
    if task_result.task.module_path == _INDEX_TASK:
        page_cache.bump_generation()
