"""Dutch-like article text for the generated bench articles.

Half of the sentences are real sentences from the starter articles
(``src/steunpunt/information/starter/articles/*.json``), so the words of this field (school,
ouders, ondersteuning, ...) are as common as in the real information; the other half are words
drawn by their frequency in Dutch from ``bench/data/nl_woordfrequentie_wordfreq3.1.1_top50k.tsv``.

Word frequencies: the ``wordfreq`` 3.1.1 package by Robyn Speer, which includes SUBTLEX-NL
(Keuleers, Brysbaert & New 2010); CC BY-SA 4.0 (attribution in ``bench/data/README.md``).
"""

import itertools
import json
import os
import re
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
APP = Path(os.environ.get("BENCH_APP_DIR", REPO))
STARTER = APP / "src" / "steunpunt" / "information" / "starter" / "articles"
WORDFREQ = Path(
    os.environ.get("BENCH_WORDFREQ", REPO / "bench" / "data" / "nl_woordfrequentie_wordfreq3.1.1_top50k.tsv")
)
STOPWORDS = WORDFREQ.parent / "stopwords_nl_stopwords-iso.txt"
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
_WORD = re.compile(r"^[a-zà-ÿ]{2,}$")


def _starter_texts():
    for path in sorted(STARTER.glob("*.json")):
        article = json.loads(path.read_text(encoding="utf-8"))
        for version in article["versions"].values():
            yield version.get("summary", "")
            for block in version["body"]:
                if block["type"] == "paragraph":
                    yield block["text"]
                elif block["type"] == "list":
                    yield from (str(item) for item in block["items"])


class DutchText:
    """Sentences, titles and article bodies from one seeded random generator."""

    def __init__(self, rng, max_rank=30_000):
        self.rng = rng
        self.sentences = [
            sentence.strip()
            for text in _starter_texts()
            for sentence in _SENTENCE_END.split(text)
            if len(sentence.split()) >= 4
        ]
        words, weights = [], []
        if WORDFREQ.exists():
            with WORDFREQ.open(encoding="utf-8") as lines:
                next(lines)  # rank word per_million zipf
                for line in itertools.islice(lines, max_rank):
                    _rank, word, per_million, _zipf = line.rstrip("\n").split("\t")
                    if _WORD.match(word):
                        words.append(word)
                        weights.append(float(per_million))
        else:  # without the shared data: the words of the starter texts, equally likely
            words = sorted(
                {w.lower() for s in self.sentences for w in re.findall(r"[a-zà-ÿ]{2,}", s.lower())}
            )
            weights = [1.0] * len(words)
        stop = set(STOPWORDS.read_text(encoding="utf-8").split()) if STOPWORDS.exists() else set()
        self.words = words
        self.cum_weights = list(itertools.accumulate(weights))
        content = [(w, f) for w, f in zip(words, weights, strict=True) if w not in stop and len(w) > 3]
        self.content_words = [w for w, _f in content]
        self.content_cum = list(itertools.accumulate(f for _w, f in content))

    def _words(self, n, content=False):
        if content:
            return self.rng.choices(self.content_words, cum_weights=self.content_cum, k=n)
        return self.rng.choices(self.words, cum_weights=self.cum_weights, k=n)

    def generated_sentence(self, low=6, high=16):
        words = self._words(self.rng.randint(low, high))
        return " ".join(words).capitalize() + "."

    def sentence(self):
        if self.rng.random() < 0.5:
            return self.rng.choice(self.sentences)
        return self.generated_sentence()

    def paragraph(self, low=2, high=4):
        return " ".join(self.sentence() for _ in range(self.rng.randint(low, high)))

    def title(self, low=2, high=6):
        return " ".join(self._words(self.rng.randint(low, high), content=True)).capitalize()

    def body(self, sections=(3, 5)):
        """StreamField data: headings, paragraphs and now and then a list (about 300 words)."""
        blocks = []
        for _ in range(self.rng.randint(*sections)):
            blocks.append(("heading", self.title(2, 5)))
            blocks += [("paragraph", self.paragraph()) for _ in range(self.rng.randint(1, 3))]
            if self.rng.random() < 0.3:
                blocks.append(
                    ("list", [self.generated_sentence(3, 8) for _ in range(self.rng.randint(2, 4))])
                )
        return blocks
