"""The topics families bring most often (issue 15): present, in plain language, addressed right.

Each new topic has a parents' and a youth version (and some a children's version); every version
meets its audience's Flesch-Douma target, parents' texts keep at most 10% of their words outside
the 5,000 most frequent Dutch words, parents are addressed with "u" and young people with "je".
"""

import re
from collections import namedtuple

import pytest

from steunpunt.information.audiences import READABILITY_TARGETS, Audience
from steunpunt.information.models import ArticlePage
from steunpunt.information.readability import analyse, stream_text
from steunpunt.information.search import normalise, search_articles
from steunpunt.information.starter import (
    _stream,
    load_starter_articles,
    load_starter_synonyms,
    starter_articles,
)
from steunpunt.information.wordlist import COMMON_WORDS_FILE, common_words, word_use

# slug -> whether it has a children's version (10–12 years)
TOPICS = {
    "schorsing-en-verwijdering": True,
    "discriminatie-en-aanpassingen": False,
    "leerlingenvervoer": False,
    "ziek-zijn-en-school": True,
    "niet-naar-school-kunnen": True,
    "wachtlijst-speciaal-onderwijs": False,
    "dyslexie-dyscalculie-hoogbegaafdheid": False,
    "pesten-en-sociale-veiligheid": True,
    "leerlingdossier-privacy-gescheiden-ouders": False,
    "thuisonderwijs": False,
    "rechten-vanaf-18-jaar": False,
    "doorstroomtoets-en-schooladvies": True,
}

# Words a family types into the search box -> the new article among the first three results.
EVERYDAY_WORDS = {
    "geschorst": "schorsing-en-verwijdering",
    "discriminatie": "discriminatie-en-aanpassingen",
    "taxi": "leerlingenvervoer",
    "ziek": "ziek-zijn-en-school",
    "minder uren": "niet-naar-school-kunnen",
    "wachtlijst": "wachtlijst-speciaal-onderwijs",
    "gepest": "pesten-en-sociale-veiligheid",
    "privacy": "leerlingdossier-privacy-gescheiden-ouders",
    "thuisonderwijs": "thuisonderwijs",
    "volwassen": "rechten-vanaf-18-jaar",
    "doorstroomtoets": "doorstroomtoets-en-schooladvies",
}

Block = namedtuple("Block", "block_type value")


def _spec(slug):
    return next(article for article in starter_articles() if article["slug"] == slug)


def _text(version):
    """The reader-facing text of one JSON version, built as the editor's readability check builds it."""
    blocks = [Block(kind, value) for kind, value in _stream(version["body"])]
    return stream_text(version["title"], version.get("summary", ""), blocks)


def _words(text):
    return set(re.findall(r"[a-zà-ÿ]+", text.lower()))


VERSIONS = [
    (slug, audience)
    for slug, children in TOPICS.items()
    for audience in ["parents", "youth"] + (["children"] if children else [])
]


@pytest.mark.django_db
def test_the_topics_load_as_drafts_with_both_versions_and_are_found_by_everyday_words(platform):
    """After loading, every topic is a draft article with both versions, its themes and its related
    links, readable at its audience's target, and an everyday word finds it among the first three."""
    load_starter_articles()
    load_starter_synonyms()
    for slug, has_children in TOPICS.items():
        article = ArticlePage.objects.get(slug=slug)
        audiences = [version.audience for version in article.versions()]
        assert audiences[:2] == [Audience.PARENTS, Audience.YOUTH], slug
        assert (Audience.CHILDREN in audiences) is has_children, slug
        assert article.starter_text and article.sources.exists() and article.themes.exists(), slug
        related = set(article.related_links.values_list("article__slug", flat=True))
        assert related == set(_spec(slug)["related"]), slug
        for version in article.versions():
            score = analyse(stream_text(version.title, version.summary, version.body)).score
            assert score >= READABILITY_TARGETS[version.audience], (slug, version.audience, score)
    for words, slug in EVERYDAY_WORDS.items():
        found = [article.slug for article in search_articles(normalise(words))[:3]]
        assert slug in found, (words, found)


def test_at_least_four_topics_have_a_childrens_version():
    assert sum(TOPICS.values()) >= 4


@pytest.mark.parametrize(("slug", "audience"), VERSIONS)
def test_every_version_meets_its_readability_target(slug, audience):
    """Flesch-Douma: parents at least 60, young people and children at least 70; no sentence over 20 words."""
    result = analyse(_text(_spec(slug)["versions"][audience]))
    assert result.score >= READABILITY_TARGETS[Audience(audience)], result.score
    assert result.long_sentences == []


@pytest.mark.parametrize(("slug", "audience"), VERSIONS)
def test_every_version_says_what_the_reader_can_do(slug, audience):
    """Parents' versions open with what they can do; young people and children get a 'what you can do'."""
    headings = [b["text"] for b in _spec(slug)["versions"][audience]["body"] if b["type"] == "heading"]
    if audience == "parents":
        assert headings[0].startswith("Wat kunt u"), headings[0]
    else:
        assert any(heading.startswith("Wat kun je") for heading in headings), headings


@pytest.mark.parametrize("slug", TOPICS)
def test_parents_version_uses_common_words(slug):
    """At most 10% of the running words fall outside the 5,000 most frequent Dutch words."""
    use = word_use(_text(_spec(slug)["versions"]["parents"]))
    assert use.meets(), (f"{use.share:.1%}", sorted(set(use.uncommon)))


@pytest.mark.parametrize("slug", TOPICS)
def test_each_audience_is_addressed_in_its_own_way(slug):
    """Parents read "u", never "je"/"jij"; young people and children read "je", never "u"/"uw"."""
    versions = _spec(slug)["versions"]
    parents = _words(_text(versions["parents"]))
    assert "u" in parents and not parents & {"je", "jij", "jou", "jouw", "jullie"}
    for audience in ("youth", "children"):
        if audience in versions:
            words = _words(_text(versions[audience]))
            assert "je" in words and not words & {"u", "uw"}, audience


@pytest.mark.parametrize(("slug", "audience"), VERSIONS)
def test_every_version_ends_by_pointing_to_the_steunpunt(slug, audience):
    """The closing block sends the reader to the regional steunpunt (its contact block follows)."""
    body = _spec(slug)["versions"][audience]["body"]
    closing = body[-1].get("text") or " ".join(body[-1]["items"])
    assert "steunpunt" in closing.lower()


def test_youth_versions_do_not_mention_the_abolished_rugzakje():
    for slug in TOPICS:
        assert "rugzak" not in _text(_spec(slug)["versions"]["youth"]).lower(), slug


def test_the_word_list_holds_the_5000_most_frequent_words_and_counts_running_words():
    """The shipped list has 5,000 words; a word counts each time it occurs; numbers are no words."""
    assert len(common_words()) == 5000 and {"school", "ouders", "kind"} <= common_words()
    assert (COMMON_WORDS_FILE.parent / "README.md").read_text(encoding="utf-8").count("CC BY-SA 4.0") == 1
    use = word_use("De school belt. De toelaatbaarheidsverklaring komt 12 mei. Toelaatbaarheidsverklaring.")
    assert use.words == 8 and use.uncommon == ["toelaatbaarheidsverklaring"] * 2
    assert use.share == 0.25 and not use.meets()
    assert word_use("").share == 0.0 and word_use("De school en het kind.").meets()
