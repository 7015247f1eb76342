"""The site search's own index: the terms of every live article with a BM25F weight, and the
vocabulary (every term with the number of articles it is in).

Why an index of its own: the ranking must be the same on SQLite (the demo) and PostgreSQL, rank
by rarity (BM25) rather than by PostgreSQL's ``ts_rank`` (no rarity) or SQLite's FTS5 ``bm25``
(a different formula), and the query analysis (variants, compound parts, spelling) needs the
vocabulary. The ranking is one SQL statement over :class:`SearchPosting` (``search.py``).

BM25F, worked out per article and term when the article is indexed::

    tf~    = Σ_field  boost_field · tf_field / (1 − b + b · length_field / typical_length_field)
    weight = tf~ · (k1 + 1) / (tf~ + k1)

``tf_field``: how often the term is in the field (titles, summaries, texts of every audience
version); the boosts make a word in a title or summary count more than one in the text; the
length normalisation makes a word in a short text count more than in a long one. The typical
lengths are fixed (about the averages of the starter set) rather than the live average, so
indexing one article never changes the weights of the others. The search multiplies ``weight``
by the term's rarity, ``idf = ln(1 + (N − n + 0.5) / (n + 0.5))`` (``N`` live articles, ``n`` of
them with the term).

Kept current by the publish, unpublish and delete signals (:func:`connect_signals`); the
migration and ``rebuild_search_index`` build it for existing content.
"""

import bisect
import math
from collections import Counter

from django.conf import settings
from django.db import transaction
from django.db.models import F

from . import analysis
from .blocks import stream_texts

K1 = 1.2
B = 0.75
# field: (boost, typical length in terms)
FIELDS = {"title": (5.0, 5), "summary": (2.0, 18), "body": (1.0, 400)}
MAX_TERM_LENGTH = 60


def _block_texts(stream):
    for _kind, text in stream_texts(stream):
        yield text


def article_fields(article):
    """The text of each field of ``article`` (every audience version together)."""
    return {
        "title": " ".join(filter(None, [article.title, article.youth_title, article.children_title])),
        "summary": " ".join(filter(None, [article.summary, article.youth_summary, article.children_summary])),
        "body": " ".join(
            text
            for stream in (article.body, article.youth_body, article.children_body)
            for text in _block_texts(stream)
        ),
    }


def weights(fields):
    """Return ``{term: BM25F weight}`` and ``{term: a word it came from}`` for the field texts."""
    pseudo = Counter()
    surface = {}
    for name, text in fields.items():
        boost, typical = FIELDS[name]
        field_terms = []
        for word in analysis.words(text):
            if analysis.is_content_word(word):
                term = analysis.stem(word)[:MAX_TERM_LENGTH]
                field_terms.append(term)
                # The shortest word a term comes from reads best in "Bedoelde u …?".
                if term not in surface or len(word) < len(surface[term]):
                    surface[term] = word[:MAX_TERM_LENGTH]
        if not field_terms:
            continue
        norm = 1 - B + B * len(field_terms) / typical
        for term, count in Counter(field_terms).items():
            pseudo[term] += boost * count / norm
    return {term: tf * (K1 + 1) / (tf + K1) for term, tf in pseudo.items()}, surface


def _remove(article_id, SearchPosting, SearchTerm):
    old = list(SearchPosting.objects.filter(article_id=article_id).values_list("term", flat=True))
    if old:
        SearchPosting.objects.filter(article_id=article_id).delete()
        SearchTerm.objects.filter(term__in=old).update(articles=F("articles") - 1)
    return set(old)


def _add(article, SearchPosting, SearchTerm):
    term_weights, surface = weights(article_fields(article))
    SearchPosting.objects.bulk_create(
        SearchPosting(term=term, article_id=article.pk, weight=weight)
        for term, weight in term_weights.items()
    )
    SearchTerm.objects.bulk_create(
        [SearchTerm(term=term, word=surface[term], articles=0) for term in term_weights],
        ignore_conflicts=True,
    )
    SearchTerm.objects.filter(term__in=list(term_weights)).update(articles=F("articles") + 1)


def index_article(article):
    """Index (again) one article: its terms if it is live and Dutch, none if not.

    The index and its stems are Dutch; translations of articles are not in it.
    """
    from .models import SearchPosting, SearchTerm

    with transaction.atomic():
        _remove(article.pk, SearchPosting, SearchTerm)
        if article.live and article.locale.language_code == settings.LANGUAGE_CODE:
            _add(article, SearchPosting, SearchTerm)


def rebuild(ArticlePage=None, SearchPosting=None, SearchTerm=None, batch=500):
    """Build the whole index again from the live articles (models may be a migration's)."""
    if ArticlePage is None:
        from .models import ArticlePage, SearchPosting, SearchTerm
    with transaction.atomic():
        SearchPosting.objects.all().delete()
        SearchTerm.objects.all().delete()
        counts, surface = Counter(), {}
        dutch = {"live": True, "locale__language_code": settings.LANGUAGE_CODE}
        articles = ArticlePage.objects.filter(**dutch).order_by("pk")
        postings = []
        for article in articles.iterator(chunk_size=batch):
            term_weights, words = weights(article_fields(article))
            counts.update(term_weights.keys())
            for term, word in words.items():
                surface.setdefault(term, word)
            postings += [
                SearchPosting(term=t, article_id=article.pk, weight=w) for t, w in term_weights.items()
            ]
            if len(postings) >= 20_000:
                SearchPosting.objects.bulk_create(postings, batch_size=5000)
                postings = []
        SearchPosting.objects.bulk_create(postings, batch_size=5000)
        SearchTerm.objects.bulk_create(
            (SearchTerm(term=term, word=surface[term], articles=n) for term, n in counts.items()),
            batch_size=5000,
        )


def connect_signals():
    """Keep the index current: publishing, unpublishing and deleting an article."""
    from django.db.models.signals import pre_delete
    from wagtail.models import Page
    from wagtail.signals import page_published, page_unpublished

    from steunpunt.core import page_cache

    from .models import ArticlePage, SearchPosting, SearchTerm

    def published(sender, instance, **kwargs):
        index_article(instance)
        # Searches kept between the change and now would miss it.
        page_cache.bump_generation()

    def unpublished(sender, instance, **kwargs):
        # Also sent while a live page is deleted, when the instance still says it is live.
        with transaction.atomic():
            _remove(instance.pk, SearchPosting, SearchTerm)
        page_cache.bump_generation()

    def deleted(sender, instance, **kwargs):
        # Wagtail deletes a page through the base class as often as through its own.
        if isinstance(instance, ArticlePage) or getattr(instance, "specific_class", None) is ArticlePage:
            _remove(instance.pk, SearchPosting, SearchTerm)

    page_published.connect(published, sender=ArticlePage, dispatch_uid="search-index-published", weak=False)
    page_unpublished.connect(
        unpublished, sender=ArticlePage, dispatch_uid="search-index-unpublished", weak=False
    )
    for model in (Page, ArticlePage):
        pre_delete.connect(
            deleted, sender=model, dispatch_uid=f"search-index-deleted-{model.__name__}", weak=False
        )


class Vocabulary:
    """Every term of the live articles and of the glossary, with its number of articles: what the
    query analysis looks words up in, and the rarity (idf) of each term."""

    def __init__(self, counts, words, articles):
        self.counts = counts  # {term: number of live articles with it}
        self.words = words  # {term: a word it comes from}
        self.articles = max(articles, 1)
        self._sorted = sorted(counts)
        self._by_length = {}
        for term in counts:
            self._by_length.setdefault(len(term), []).append(term)

    @classmethod
    def load(cls, glossary_forms=()):
        """Read the vocabulary from the database (two statements)."""
        from .models import ArticlePage, SearchTerm

        counts, words = {}, {}
        for term, word, articles in SearchTerm.objects.filter(articles__gt=0).values_list(
            "term", "word", "articles"
        ):
            counts[term], words[term] = articles, word
        for form in glossary_forms:
            for word in analysis.words(form):
                if analysis.is_content_word(word):
                    term = analysis.stem(word)
                    counts.setdefault(term, 0)
                    words.setdefault(term, word)
        return cls(counts, words, ArticlePage.objects.live().dutch().count())

    def __contains__(self, term):
        # In an article: a word of the glossary alone finds no article, so it is no match.
        return self.counts.get(term, 0) > 0

    def frequency(self, term):
        return self.counts.get(term, 0)

    def word_for(self, term):
        return self.words.get(term, term)

    def idf(self, term):
        """BM25's rarity of a term: high for a rare term, near 0 for one in every article."""
        n = self.counts.get(term, 0)
        return math.log(1 + (self.articles - n + 0.5) / (n + 0.5))

    def extensions(self, term, longest):
        """Terms that start with ``term`` and are at most ``longest`` letters longer."""
        start = bisect.bisect_left(self._sorted, term)
        found = []
        for other in self._sorted[start:]:
            if not other.startswith(term):
                break
            if len(other) - len(term) <= longest and self.counts[other]:
                found.append(other)
        return found

    def near_length(self, term, limit):
        """Terms whose length differs at most ``limit`` from the term's (spelling candidates)."""
        for length in range(len(term) - limit, len(term) + limit + 1):
            yield from self._by_length.get(length, ())
