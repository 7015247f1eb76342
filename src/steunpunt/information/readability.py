"""A Dutch readability check: Flesch-Douma, long sentences, long words and glossary jargon.

Flesch-Douma = 206.84 − 0.93 × words per sentence − 77 × syllables per word
(Douma 1960, the Dutch adaptation of Flesch's reading ease). Syllables come from
pyphen's Dutch hyphenation dictionary.
"""

import re
from dataclasses import dataclass, field
from functools import cache

import pyphen

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
    for block in body or []:
        if block.block_type == "list":
            parts += [f"{item}." for item in block.value]
        elif block.block_type == "heading":
            parts.append(f"{block.value}.")
        else:
            parts.append(str(block.value))
    return "\n".join(part for part in parts if part)
