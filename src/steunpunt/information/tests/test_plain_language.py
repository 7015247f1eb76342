"""The readability panel (issue 15): headings and list items apart from sentences, the share of uncommon
words against each audience's target, unexplained jargon; and every starter version meets its targets."""

import json
from dataclasses import dataclass

import pytest
from django.template.loader import render_to_string

from steunpunt.information.article_admin import version_analyses
from steunpunt.information.audiences import READABILITY_TARGETS, UNCOMMON_SHARE_TARGETS, Audience
from steunpunt.information.readability import analyse, analyse_version
from steunpunt.information.starter import STARTER_DIR, starter_articles


@dataclass
class Block:
    block_type: str
    value: object


def _blocks(body):
    return [Block(b["type"], b["items"] if b["type"] == "list" else b["text"]) for b in body]


GLOSSARY = json.loads((STARTER_DIR / "glossary.json").read_text(encoding="utf-8"))
GLOSSARY_FORMS = [form for term in GLOSSARY for form in [term["term"], *term.get("also", [])]]
VERSIONS = [
    pytest.param(article, audience, id=f"{article['slug']}-{audience}")
    for article in starter_articles()
    for audience in article["versions"]
]


def test_headings_and_list_items_are_counted_apart_from_sentences():
    body = [
        Block("heading", "Wat kunt u doen?"),
        Block("paragraph", "De school moet een plek zoeken die past bij uw kind. Dat duurt soms lang."),
        Block("list", ["Bel de school.", "Mail het steunpunt."]),
    ]
    result = analyse_version("Zorgplicht", "", body, audience=Audience.PARENTS)
    assert (result.sentences, result.headings, result.list_items) == (2, 2, 2)
    # The old way counted every heading and item as a sentence: six short "sentences" instead of two.
    text = "Zorgplicht.\nWat kunt u doen?.\n" + body[1].value + "\nBel de school.\nMail het steunpunt."
    assert analyse(text).sentences == 6


def test_the_share_of_uncommon_words_has_a_target_per_audience_and_glossary_words_are_explained():
    assert UNCOMMON_SHARE_TARGETS == {Audience.PARENTS: 0.10, Audience.YOUTH: 0.08, Audience.CHILDREN: 0.06}
    body = [
        Block("paragraph", "De toelaatbaarheidsverklaring komt. De school belt. De hoorzitting is morgen.")
    ]
    plain = analyse_version("Uitleg", "", body, audience=Audience.PARENTS)
    assert plain.uncommon == ["hoorzitting", "toelaatbaarheidsverklaring"] and not plain.meets_words()
    linked = analyse_version(
        "Uitleg", "", body, audience=Audience.PARENTS, glossary_forms=["toelaatbaarheidsverklaring"]
    )
    # Both words are outside the 5,000 most frequent; only the glossary one is explained (it links).
    assert linked.uncommon_all_share == plain.uncommon_all_share == 2 / 11
    assert linked.uncommon == ["hoorzitting"] and linked.uncommon_share == 1 / 11


def test_jargon_without_an_explanation_is_listed_and_explained_jargon_is_not():
    unexplained = analyse_version(
        "Bezwaar",
        "",
        [Block("paragraph", "Daarna volgt een hoorzitting bij de commissie.")],
        audience="parents",
    )
    assert unexplained.unexplained == ["hoorzitting"]
    explained = analyse_version(
        "Bezwaar",
        "",
        [Block("paragraph", "Daarna volgt een hoorzitting: een gesprek waarin u uw verhaal vertelt.")],
        audience="parents",
    )
    assert explained.unexplained == []
    glossary = analyse_version(
        "Bezwaar",
        "",
        [Block("paragraph", "U krijgt een toelaatbaarheidsverklaring van het samenwerkingsverband.")],
        audience="parents",
        glossary_forms=["toelaatbaarheidsverklaring", "samenwerkingsverband"],
    )
    assert glossary.unexplained == [] and glossary.jargon == [
        "samenwerkingsverband",
        "toelaatbaarheidsverklaring",
    ]


@pytest.mark.django_db
def test_the_panel_shows_headings_list_items_uncommon_words_and_jargon():
    values = {
        "title": "Bezwaar",
        "summary": "",
        "body": [
            Block("heading", "Wat kunt u doen?"),
            Block("paragraph", "Daarna volgt een hoorzitting bij de commissie. De school belt u."),
            Block("list", ["Bel ons."]),
        ],
    }
    analyses = [
        {
            "label": Audience(audience).label,
            "target": target,
            "result": result,
            "ok": result.meets(target),
            "words_ok": result.meets_words(),
        }
        for audience, target, result in version_analyses(values)
    ]
    html = render_to_string("information/admin/readability_panel.html", {"analyses": analyses})
    assert "Apart geteld, niet als zinnen: 2 kopjes en 1 opsommingspunten" in html
    result = analyses[0]["result"]
    assert result.uncommon == ["hoorzitting"] and result.uncommon_share == 1 / 18
    assert "Weinig gebruikte woorden zonder uitleg: 5,6% (doel: hooguit 10%)" in html
    assert "Vaktaal zonder uitleg" in html and "hoorzitting" in html


@pytest.mark.parametrize(("article", "audience"), VERSIONS)
def test_every_starter_version_meets_its_readability_and_word_targets(article, audience):
    """Flesch-Douma of the sentences (headings and lists apart) and the share of unexplained uncommon
    words, against the audience's targets; the texts stay marked as concept (starter_text)."""
    version = article["versions"][audience]
    result = analyse_version(
        version["title"],
        version.get("summary", ""),
        _blocks(version["body"]),
        audience=audience,
        glossary_forms=GLOSSARY_FORMS,
    )
    assert result.meets(READABILITY_TARGETS[Audience(audience)]), result.score
    assert result.meets_words(), (f"{result.uncommon_share:.1%}", result.uncommon)


@pytest.mark.django_db
def test_starter_articles_stay_marked_as_concept(platform):
    from steunpunt.information.models import ArticlePage
    from steunpunt.information.starter import load_starter_articles

    load_starter_articles()
    assert ArticlePage.objects.count() == len(starter_articles())
    assert not ArticlePage.objects.filter(starter_text=False).exists()
