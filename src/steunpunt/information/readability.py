"""A Dutch readability check: Flesch-Douma, long sentences, long words and glossary jargon.

Flesch-Douma = 206.84 − 0.93 × words per sentence − 77 × syllables per word
(Douma 1960, the Dutch adaptation of Flesch's reading ease). Syllables come from
pyphen's Dutch hyphenation dictionary.
"""

import re
from dataclasses import dataclass, field
from functools import cache

import pyphen

from .blocks import HEADING, ITEM, PROSE, stream_texts

LONG_SENTENCE_WORDS = 20
LONG_WORD_SYLLABLES = 5
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")
_WORD = re.compile(r"[A-Za-zÀ-ÿ]+(?:-[A-Za-zÀ-ÿ]+)*")


@cache
def _dictionary():
    return pyphen.Pyphen(lang="nl_NL")


def syllables(word):
    """Return the number of syllables in a Dutch word (at least 1)."""
    return max(1, len(_dictionary().positions(word.lower())) + 1)


@dataclass
class Readability:
    score: float | None
    words: int
    sentences: int
    long_sentences: list = field(default_factory=list)
    long_words: list = field(default_factory=list)
    jargon: list = field(default_factory=list)

    def meets(self, target):
        return self.score is None or self.score >= target


def analyse(text, jargon_terms=()):
    """Return the :class:`Readability` of plain ``text``; ``jargon_terms`` are glossary terms to flag."""
    sentences = [part.strip() for part in _SENTENCE_END.split(text or "") if _WORD.search(part or "")]
    words = [word for sentence in sentences for word in _WORD.findall(sentence)]
    if not words:
        return Readability(score=None, words=0, sentences=0)
    syllable_count = sum(syllables(word) for word in words)
    score = 206.84 - 0.93 * (len(words) / len(sentences)) - 77 * (syllable_count / len(words))
    lowered = f" {text.lower()} "
    return Readability(
        score=round(score, 1),
        words=len(words),
        sentences=len(sentences),
        long_sentences=[s for s in sentences if len(_WORD.findall(s)) > LONG_SENTENCE_WORDS],
        long_words=sorted({w for w in words if syllables(w) >= LONG_WORD_SYLLABLES}),
        jargon=sorted(
            {t for t in jargon_terms if re.search(rf"(?<!\w){re.escape(t.lower())}(?!\w)", lowered)}
        ),
    )


def stream_text(title, summary, body):
    """Return the reader-facing text of one article version as plain text, one sentence per line."""
    parts = [title or "", summary or ""]
    parts += [text if kind == PROSE else f"{text}." for kind, text in stream_texts(body)]
    return "\n".join(part for part in parts if part)


# The analysis of one article version as the editor's panel shows it (issue 15): headings and list
# items are counted apart and do not make the text look easier, the share of uncommon words is set
# against the audience's target, and jargon the text does not explain is listed.

# Words the content review found unexplained in the starter set; flagged wherever they are not explained.
KNOWN_JARGON = (
    "vaststellen",
    "hoorzitting",
    "zitting",
    "dagbesteding",
    "commissie voor de begeleiding",
    "studiekeuzeadvies",
    "juridische procedure",
    "toezicht",
)
# A rare word counts as jargon from this many syllables: short rare words (names, "mentor") rarely are.
JARGON_SYLLABLES = 4
# Signs that a sentence explains a word: "Dat is …", "… (de …)", "… betekent …", a colon.
_EXPLAINED = re.compile(
    r"\b(dat is|dat zijn|dat betekent|dat wil zeggen|dat heet|dit heet|heet dat|heet|noemen we|"
    r"betekent|bedoelen we|is een|zijn mensen|is de|is het)\b|\(|:",
    re.IGNORECASE,
)


@dataclass
class VersionReadability(Readability):
    headings: int = 0
    list_items: int = 0
    # Of all running words, the share outside the 5,000 most frequent Dutch words …
    uncommon_all_share: float = 0.0
    # … and the share of those the page does not explain (no glossary term): this one has a target.
    uncommon_share: float = 0.0
    uncommon_target: float = 0.10
    uncommon: list = field(default_factory=list)
    unexplained: list = field(default_factory=list)

    @property
    def uncommon_percent(self):
        return round(self.uncommon_share * 100, 1)

    @property
    def uncommon_all_percent(self):
        return round(self.uncommon_all_share * 100, 1)

    @property
    def uncommon_target_percent(self):
        return round(self.uncommon_target * 100)

    def meets_words(self):
        return self.uncommon_share <= self.uncommon_target

    def meets_all(self, target):
        return self.meets(target) and self.meets_words()


def version_parts(title, summary, body):
    """Split a version into ``(sentences, headings, list_items)`` of plain text."""
    headings = [title] if title else []
    list_items, prose = [], [summary or ""]
    for kind, text in stream_texts(body):
        {HEADING: headings, ITEM: list_items}.get(kind, prose).append(text)
    sentences = [
        part.strip() for text in prose for part in _SENTENCE_END.split(text or "") if _WORD.search(part or "")
    ]
    return sentences, headings, list_items


def analyse_version(title, summary, body, *, audience, glossary_forms=()):
    """Return the :class:`VersionReadability` of one version for ``audience`` (an Audience value).

    The Flesch-Douma score and the long sentences come from the running sentences (summary and
    paragraphs) only; headings and list items are counted apart. The share of uncommon words and the
    jargon are taken over all of the text the reader sees.
    """
    from .audiences import UNCOMMON_SHARE_TARGETS
    from .wordlist import common_words, word_use

    sentences, headings, list_items = version_parts(title, summary, body)
    base = analyse("\n".join(sentences), glossary_forms)
    everything = "\n".join([*headings, *sentences, *list_items])
    use = word_use(everything)
    glossary = {form.lower() for form in glossary_forms}
    # A glossary term links to its explanation for this audience: it is explained, not unknown.
    explained = {
        part.lower() for form in glossary_forms for word in _WORD.findall(form) for part in word.split("-")
    }
    unknown = [word for word in use.uncommon if word not in explained]
    return VersionReadability(
        **{name: getattr(base, name) for name in base.__dataclass_fields__},
        headings=len(headings),
        list_items=len(list_items),
        uncommon_all_share=use.share,
        uncommon_share=len(unknown) / use.words if use.words else 0.0,
        uncommon_target=UNCOMMON_SHARE_TARGETS[audience],
        uncommon=sorted(set(unknown)),
        unexplained=unexplained_jargon([*sentences, *list_items, *headings], glossary, common_words()),
    )


def unexplained_jargon(sentences, glossary, common):
    """Jargon a reader meets without an explanation: a known jargon word, or a rare word of
    ``JARGON_SYLLABLES`` or more that is not a glossary term (those get a link to their explanation),
    where the sentence it first appears in does not explain it."""
    first = {}
    for sentence in sentences:
        lowered = sentence.lower()
        for phrase in KNOWN_JARGON:
            if phrase not in first and re.search(rf"(?<!\w){re.escape(phrase)}(?!\w)", lowered):
                first[phrase] = sentence
        for word in _WORD.findall(sentence):
            key = word.lower()
            if key in first or key in common or key in glossary or word.isupper():
                continue
            if any(part in common for part in key.split("-") if part) and "-" in key:
                continue
            if syllables(key) >= JARGON_SYLLABLES:
                first[key] = sentence
    return sorted(
        word
        for word, sentence in first.items()
        if not _EXPLAINED.search(sentence) and not _in_glossary_phrase(word, glossary)
    )


def _in_glossary_phrase(word, glossary):
    return any(word in form.split() for form in glossary if " " in form)
