"""Suggestions while typing: words and titles that start with what was typed.

Three sources, all national (the same for every site) and read once per content generation into
sorted lists in each process, so that a suggestion is a binary search (``bisect``), not a query:

- glossary terms (and their other forms) whose words start with the typed text: "tl" → TLV;
- article titles with a word that starts with the last typed word and every earlier typed word
  as a word start too ("thuisz" → "Thuiszitten: als uw kind niet naar school gaat");
- words of the information (the search index's vocabulary) that complete the last word, most
  used first ("ondersteuningsb" → "ondersteuningsbehoefte").

The answer for a text is kept in the cache under the generation as well (:func:`suggestions`), so
the same letters typed on any site cost one cache read.
"""

import bisect
import hashlib
import threading
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache

from steunpunt.core import page_cache
from steunpunt.information import analysis

MIN_LENGTH = 2
LIMIT = 8
TITLE_LIMIT = 5
WORD_LIMIT = 3
# At most this many title words are looked at for one prefix ('s' would otherwise be every title).
SCAN_LIMIT = 2000


@dataclass(frozen=True)
class Suggestion:
    label: str
    kind: str  # "glossary", "article" or "word"
    path: str  # the address from the site's root without the leading slash, "" for a word

    def as_json(self):
        return {"label": self.label, "kind": self.kind, "path": self.path}


class _Lists:
    def __init__(self, generation):
        from steunpunt.information.models import ArticlePage, GlossaryTerm, SearchTerm

        self.generation = generation
        self.titles = []  # (title, path, folded words)
        title_words = []
        for slug, title in ArticlePage.objects.live().dutch().order_by("title").values_list("slug", "title"):
            words = analysis.words(title)
            number = len(self.titles)
            self.titles.append((title, f"informatie/{slug}/", tuple(words)))
            title_words += [(word, number) for word in set(words) if analysis.is_content_word(word)]
        title_words.sort()
        self.title_words = title_words
        self.title_keys = [word for word, _number in title_words]
        glossary = []
        for term in GlossaryTerm.objects.all():
            for form in term.forms():
                for word in analysis.words(form):
                    glossary.append((word, form, term.term, f"begrippen/{term.slug}/"))
        glossary.sort()
        self.glossary = glossary
        self.glossary_keys = [item[0] for item in glossary]
        words = sorted(
            (analysis.fold(word), articles)
            for word, articles in SearchTerm.objects.filter(articles__gt=0).values_list("word", "articles")
        )
        self.words = words
        self.word_keys = [word for word, _articles in words]


_local = threading.local()


def _lists():
    generation = page_cache.current_generation()
    lists = getattr(_local, "lists", None)
    if lists is None or lists.generation != generation:
        lists = _Lists(generation)
        _local.lists = lists
    return lists


def _prefixed(keys, prefix, limit=SCAN_LIMIT):
    start = bisect.bisect_left(keys, prefix)
    stop = bisect.bisect_left(keys, prefix + "\uffff", lo=start)
    return range(start, min(stop, start + limit))


def _find(text):
    typed = analysis.words(text)
    if not typed or len(" ".join(typed)) < MIN_LENGTH:
        return []
    lists = _lists()
    last, earlier = typed[-1], typed[:-1]
    found, seen = [], set()

    def add(suggestion):
        if suggestion.label.lower() not in seen and len(found) < LIMIT:
            seen.add(suggestion.label.lower())
            found.append(suggestion)

    # Glossary terms: every typed word starts a word of the term's form.
    for index in _prefixed(lists.glossary_keys, last):
        _word, form, term, path = lists.glossary[index]
        form_words = analysis.words(form)
        if all(any(word.startswith(typed_word) for word in form_words) for typed_word in earlier):
            add(Suggestion(term, "glossary", path))
    # Titles: every typed word starts a word of the title; titles that start with the text first.
    titles = []
    for index in _prefixed(lists.title_keys, last):
        title, path, title_words = lists.titles[lists.title_words[index][1]]
        if all(any(word.startswith(typed_word) for word in title_words) for typed_word in earlier):
            starts = len(title_words) >= len(typed) and all(
                word.startswith(typed_word) for word, typed_word in zip(title_words, typed, strict=False)
            )
            titles.append((not starts, len(title), title, path))
    for _starts, _length, title, path in sorted(set(titles))[:TITLE_LIMIT]:
        add(Suggestion(title, "article", path))
    # Words of the information that complete the last word, most used first.
    if len(last) >= MIN_LENGTH:
        completions = sorted(
            (lists.words[index] for index in _prefixed(lists.word_keys, last)), key=lambda item: -item[1]
        )
        prefix = " ".join(earlier)
        for word, _articles in completions[:WORD_LIMIT]:
            add(Suggestion(f"{prefix} {word}".strip(), "word", ""))
    return found


def suggestions(text):
    """Return at most :data:`LIMIT` suggestions for what was typed (kept in the cache)."""
    text = " ".join(analysis.words(text or ""))[:100]
    if len(text) < MIN_LENGTH:
        return []
    seconds = settings.SEARCH_CACHE_SECONDS
    if seconds <= 0:
        return _find(text)
    digest = hashlib.sha256(text.encode()).hexdigest()
    key = f"suggest:{page_cache.current_generation()}:{digest}"
    found = cache.get(key)
    if found is None:
        found = _find(text)
        cache.set(key, found, timeout=seconds)
    return found
