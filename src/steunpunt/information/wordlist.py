"""Common Dutch words: which share of a text falls outside the 5,000 most frequent words.

Plain-language (B1) texts usually keep at most 10% of their words outside the 5,000 most frequent
Dutch words (content review, "Plain language"). The list comes from wordfreq 3.1.1 (see
``data/README.md`` for the source and licence).
"""

from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from .readability import _WORD

COMMON_WORDS_FILE = Path(__file__).resolve().parent / "data" / "woordfrequentie_top5000.txt"
UNCOMMON_SHARE_TARGET = 0.10


@cache
def common_words():
    """Return the 5,000 most frequent Dutch words as a lower-case set."""
    lines = COMMON_WORDS_FILE.read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip().lower() for line in lines if line.strip())


@dataclass
class WordUse:
    words: int
    uncommon: list = field(default_factory=list)

    @property
    def share(self):
        """The share (0–1) of running words outside the common list; 0 for an empty text."""
        return len(self.uncommon) / self.words if self.words else 0.0

    def meets(self, target=UNCOMMON_SHARE_TARGET):
        return self.share <= target


def word_use(text):
    """Return the :class:`WordUse` of plain ``text``: each running word (hyphenated parts apart).

    Numbers are not words here (as in the readability score); a word counts each time it occurs.
    """
    common = common_words()
    words = [part.lower() for token in _WORD.findall(text or "") for part in token.split("-") if part]
    return WordUse(words=len(words), uncommon=[word for word in words if word not in common])
