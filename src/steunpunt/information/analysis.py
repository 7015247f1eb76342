"""Dutch text analysis for the site search: the same words on both sides, the index and the query.

A text becomes *terms*: lower case, accents folded ('financiële' → 'financiele'), split into
words of letters and digits, stop words left out (``data/stopwords_nl.txt``), each word reduced
to its Snowball Dutch stem ('ondersteuning' and 'ondersteunen' → 'ondersteun'). The index
(:mod:`.search_index`) stores terms; a query is analysed into *concepts* (:func:`analyse`), each
a word of the question with the terms that may stand for it and how much each counts:

- the word's own stem (1.0) and stems in the vocabulary that only differ by an ending
  ('thuiszitter' ↔ 'thuiszit', from 'thuiszitten': 0.7);
- a word not in the vocabulary: its compound parts that are ('ontwikkelingsperspectiefplan' →
  'ontwikkelingsperspectief' + 'plan', half each), or else the nearest vocabulary word by
  spelling ('toelaatbaarheitsverklaring' → 'toelaatbaarheidsverklaring': 0.8, and the page asks
  "Bedoelde u …?");
- a phrase an editor entered as a synonym ('rugzakje', 'gaat niet naar school'): one concept for
  the phrase, with the terms of each meaning (a meaning of two words gives each half).

The vocabulary (every term of the live articles and the glossary, with the number of articles
it is in) comes from :mod:`.search_index`; this module only reads it.
"""

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import snowballstemmer

STOP_WORDS = frozenset(
    line.strip()
    for line in (Path(__file__).resolve().parent / "data" / "stopwords_nl.txt")
    .read_text("utf-8")
    .splitlines()
    if line.strip() and not line.startswith("#")
)
_WORD = re.compile(r"[a-z0-9]+")
_stemmer = snowballstemmer.stemmer("dutch")
# How much the stand-ins of a word count against the word itself.
VARIANT_WEIGHT = 0.7
FUZZY_WEIGHT = 0.8
# Stems shorter than this get no variants, compound parts or spelling corrections: short words
# have too many neighbours ('kind' is one letter from 'kunt', 'kans', ...).
MIN_FUZZY_LENGTH = 5
MIN_PART_LENGTH = 3
# Compound parts are often joined by a linking 's' or 'en' ('ontwikkeling-s-perspectief').
_LINKS = ("s", "en", "e", "")


def fold(text):
    """Return ``text`` in lower case without accents ('Financiële' → 'financiele')."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def words(text):
    """Return the folded words of ``text``, stop words included, in order."""
    return _WORD.findall(fold(text))


@lru_cache(maxsize=100_000)
def stem(word):
    """Return the Dutch Snowball stem of a folded word."""
    return _stemmer.stemWord(word)


def is_content_word(word):
    """A word that says something about the subject: no stop word, more than one letter."""
    return len(word) > 1 and word not in STOP_WORDS


def terms(text):
    """Return the terms of ``text`` in order (repeats kept: the index counts them)."""
    return [stem(word) for word in words(text) if is_content_word(word)]


@dataclass(frozen=True)
class Concept:
    """One thing the searcher asked about: its words and the weighted terms that stand for it."""

    label: str
    alternatives: tuple  # ((term, weight), ...)


@dataclass(frozen=True)
class Analysis:
    """What a query asks: its concepts, the words that were corrected, the words that count."""

    concepts: tuple = ()
    corrections: tuple = ()  # ((typed word, vocabulary word), ...)
    content_words: tuple = ()
    synonyms: tuple = field(default=())  # the synonym phrases that were found

    def suggestion(self, query):
        """The query with every corrected word replaced ("Bedoelde u …?"), or ``None``."""
        if not self.corrections:
            return None
        suggested = fold(query)
        for typed, meant in self.corrections:
            suggested = re.sub(rf"(?<![a-z0-9]){re.escape(typed)}(?![a-z0-9])", meant, suggested)
        return suggested

    def marked_terms(self):
        """Every term the query searches for (to mark them in snippets)."""
        return {term for concept in self.concepts for term, _weight in concept.alternatives}


def _variants(term, vocabulary, longest=3):
    """Stems in the vocabulary that only differ from ``term`` by an ending of at most ``longest``
    letters ('thuiszitter' ↔ 'thuiszit')."""
    if len(term) < MIN_FUZZY_LENGTH:
        return []
    start = max(MIN_FUZZY_LENGTH, len(term) - longest)
    found = [term[:end] for end in range(start, len(term)) if term[:end] in vocabulary]
    found += [other for other in vocabulary.extensions(term, longest) if other != term]
    return found


def _split(word, vocabulary, depth=0):
    """Split a compound ``word`` into vocabulary stems, longest first part first; ``[]`` if none."""
    for cut in range(len(word) - MIN_PART_LENGTH, MIN_PART_LENGTH - 1, -1):
        head, tail = word[:cut], word[cut:]
        for link in _LINKS:
            if link and not head.endswith(link):
                continue
            base = head[: len(head) - len(link)] if link else head
            if len(base) < MIN_PART_LENGTH:
                continue
            head_term = next((t for t in (stem(base), base) if t in vocabulary), None)
            if head_term is None:
                continue
            tail_term = stem(tail)
            if tail_term in vocabulary or tail in vocabulary:
                return [head_term, tail_term if tail_term in vocabulary else tail]
            if depth == 0:
                rest = _split(tail, vocabulary, depth + 1)
                if rest:
                    return [head_term, *rest]
    return []


def _distance(a, b, limit):
    """Damerau–Levenshtein distance (adjacent swaps count one), or ``limit + 1`` once beyond it."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous2, previous = None, list(range(len(b) + 1))
    for i, char_a in enumerate(a, 1):
        current = [i] + [0] * len(b)
        for j, char_b in enumerate(b, 1):
            cost = char_a != char_b
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and char_a == b[j - 2] and a[i - 2] == char_b:
                current[j] = min(current[j], previous2[j - 2] + 1)
        if min(current) > limit:
            return limit + 1
        previous2, previous = previous, current
    return previous[-1]


def nearest(word, vocabulary):
    """The vocabulary stem nearest to ``word`` by spelling (1 edit, 2 for long words), most used
    first; ``None`` if there is none that near."""
    if len(word) < MIN_FUZZY_LENGTH:
        return None
    limit = 1 if len(word) < 9 else 2
    best = None
    for candidate in vocabulary.near_length(word, limit):
        distance = _distance(word, candidate, limit)
        if distance <= limit:
            rank = (distance, -vocabulary.frequency(candidate), candidate)
            if best is None or rank < best:
                best = rank
    return best[2] if best else None


def _concept_for(word, vocabulary, corrections):
    term = stem(word)
    if term in vocabulary:
        # A known word's variants differ by a short ending only, and never count more than the word
        # itself: 'school' must not find 'schoolgids' (a rarer word) before 'school'.
        own = vocabulary.idf(term)
        alternatives = [(term, 1.0)] + [
            (other, VARIANT_WEIGHT * min(1.0, own / vocabulary.idf(other)))
            for other in _variants(term, vocabulary, longest=2)
        ]
        return Concept(word, tuple(alternatives))
    variants = _variants(term, vocabulary)
    if variants:
        return Concept(word, tuple((other, 1.0) for other in variants))
    parts = _split(word, vocabulary)
    if parts:
        return Concept(word, tuple((part, 1.0 / len(parts)) for part in dict.fromkeys(parts)))
    near = nearest(term, vocabulary)
    if near is not None:
        corrections.append((word, vocabulary.word_for(near)))
        return Concept(word, ((near, FUZZY_WEIGHT),))
    return Concept(word, ((term, 1.0),))


def _correct_to_synonyms(query_words, vocabulary, synonyms, corrections):
    """Replace a word that is in no article and no synonym, but one or two letters from a
    one-word synonym, by that synonym ('dislexie' → 'dyslexie': the information never says
    'dyslexie', a synonym sends it to 'extra ondersteuning')."""
    single = {phrase for phrase, _meanings in synonyms if " " not in phrase}
    corrected = []
    for word in query_words:
        if (
            len(word) >= MIN_FUZZY_LENGTH
            and is_content_word(word)
            and word not in single
            and stem(word) not in vocabulary
            and not _variants(stem(word), vocabulary)
        ):
            limit = 1 if len(word) < 9 else 2
            near = min(
                (
                    (_distance(word, candidate, limit), candidate)
                    for candidate in single
                    if abs(len(candidate) - len(word)) <= limit
                ),
                default=None,
            )
            if near is not None and near[0] <= limit:
                corrections.append((word, near[1]))
                word = near[1]
        corrected.append(word)
    return corrected


def analyse(query, vocabulary, synonyms):
    """Analyse a normalised query into concepts.

    ``synonyms`` is a list of ``(folded phrase, [meaning, ...])``; a phrase found in the query (as
    whole words) becomes one concept with the terms of every meaning, and its words are no
    concepts of their own. The other content words each become a concept (see the module).
    """
    corrections = []
    folded = " ".join(_correct_to_synonyms(words(query), vocabulary, synonyms, corrections))
    covered = set()
    concepts = []
    found_synonyms = []
    # Longer phrases first: 'niet naar school' before 'school'.
    for phrase, meanings in sorted(synonyms, key=lambda item: -len(item[0])):
        pattern = rf"(?<![a-z0-9]){re.escape(phrase)}(?![a-z0-9])"
        match = re.search(pattern, folded)
        if match is None or set(range(match.start(), match.end())) & covered:
            continue
        covered |= set(range(match.start(), match.end()))
        found_synonyms.append(phrase)
        alternatives = {}
        for meaning in [phrase, *meanings]:
            meaning_terms = list(dict.fromkeys(terms(meaning)))
            for term in meaning_terms:
                alternatives[term] = max(alternatives.get(term, 0), 1.0 / len(meaning_terms))
        if alternatives:
            concepts.append(Concept(phrase, tuple(alternatives.items())))
    content_words = []
    seen = set()
    for match in _WORD.finditer(folded):
        word = match.group()
        if match.start() in covered or not is_content_word(word):
            continue
        content_words.append(word)
        if stem(word) in seen:
            continue
        seen.add(stem(word))
        concepts.append(_concept_for(word, vocabulary, corrections))
    return Analysis(
        concepts=tuple(concepts),
        corrections=tuple(corrections),
        content_words=tuple(content_words),
        synonyms=tuple(found_synonyms),
    )
