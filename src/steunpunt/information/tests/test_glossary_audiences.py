"""Glossary links on young people's and children's pages lead to the explanation written for them."""

import json
import re

import pytest

from steunpunt.information.models import GlossaryTerm
from steunpunt.information.starter import STARTER_DIR, load_starter_glossary
from steunpunt.tenants.tests.factories import SupportPointFactory

from .factories import ArticlePageFactory, GlossaryTermFactory

pytestmark = pytest.mark.django_db
HOST = {"HTTP_HOST": "noord.localhost"}


@pytest.fixture
def site(platform):
    return SupportPointFactory(hostname="noord.localhost")


def _article_with_terms():
    return ArticlePageFactory(
        slug="tlv-en-opr",
        body=[("paragraph", "Uw kind heeft een TLV nodig. De OPR praat mee.")],
        youth_title="TLV",
        youth_summary="Kort.",
        youth_body=[("paragraph", "Je hebt een TLV nodig. De OPR praat mee.")],
        children_title="Naar een andere school",
        children_summary="Kort.",
        children_body=[("paragraph", "Soms is er een TLV nodig. De OPR praat mee.")],
    )


def test_a_youth_page_links_to_the_youth_explanation_of_a_term(client, site):
    GlossaryTermFactory(
        term="TLV",
        slug="tlv",
        explanation="Een besluit van het samenwerkingsverband over de toelating.",
        explanation_youth="Een papier dat zegt dat je naar een speciale school mag.",
        explanation_children="Een brief die zegt dat je naar een andere school mag.",
        also="toelaatbaarheidsverklaring",
    )
    _article_with_terms()

    youth = client.get("/informatie/tlv-en-opr/jongeren/", **HOST).content.decode()
    # The term opens in place with the young people's explanation, and links to their page.
    assert '<button type="button" class="term" popovertarget="begrip-tlv">TLV</button>' in youth
    popover = youth.split('id="begrip-tlv"', 1)[1].split("</button></span>", 1)[0]
    assert "Een papier dat zegt dat je naar een speciale school mag." in popover
    assert 'href="/begrippen/tlv/jongeren/"' in popover
    page = client.get("/begrippen/tlv/jongeren/", **HOST)
    assert page.status_code == 200
    html = page.content.decode()
    assert "Een papier dat zegt dat je naar een speciale school mag." in html
    assert "Een besluit van het samenwerkingsverband" not in html
    assert "Je kunt ook lezen:" in html

    children = client.get("/informatie/tlv-en-opr/kinderen/", **HOST).content.decode()
    popover = children.split('id="begrip-tlv"', 1)[1].split("</button></span>", 1)[0]
    assert "Een brief die zegt dat je naar een andere school mag." in popover
    assert 'href="/begrippen/tlv/kinderen/"' in popover
    html = client.get("/begrippen/tlv/kinderen/", **HOST).content.decode()
    assert "Een brief die zegt dat je naar een andere school mag." in html

    parents = client.get("/informatie/tlv-en-opr/", **HOST).content.decode()
    popover = parents.split('id="begrip-tlv"', 1)[1].split("</button></span>", 1)[0]
    assert "Een besluit van het samenwerkingsverband over de toelating." in popover
    assert 'href="/begrippen/tlv/"' in popover
    html = client.get("/begrippen/tlv/", **HOST).content.decode()
    assert "Een besluit van het samenwerkingsverband over de toelating." in html
    assert "Een papier dat zegt" not in html


def test_a_term_without_an_explanation_for_the_audience_falls_back(client, site):
    GlossaryTermFactory(term="OPR", slug="opr", explanation="De raad die meebeslist over het plan.")
    GlossaryTermFactory(
        term="LBT",
        slug="lbt",
        explanation="Een landelijke commissie.",
        explanation_youth="Een groep deskundigen.",
    )
    _article_with_terms()

    for segment in ("jongeren", "kinderen"):
        page = client.get(f"/begrippen/opr/{segment}/", **HOST)
        assert page.status_code == 200
        assert "De raad die meebeslist over het plan." in page.content.decode()
    # Children get the young people's explanation before the adults' one: it is written with 'je'.
    assert "Een groep deskundigen." in client.get("/begrippen/lbt/kinderen/", **HOST).content.decode()


def test_odd_audience_addresses_of_a_term(client, site):
    GlossaryTermFactory(term="OPR", slug="opr")
    response = client.get("/begrippen/opr/ouders/", **HOST)
    assert response.status_code == 301 and response["Location"] == "/begrippen/opr/"
    assert client.get("/begrippen/opr/volwassenen/", **HOST).status_code == 404
    assert client.get("/begrippen/bestaat-niet/jongeren/", **HOST).status_code == 404


def test_the_starter_glossary_loads_at_least_73_terms_with_their_audience_explanations():
    """The review asked for twenty more terms (schoolbestuur first) and simpler words for young readers."""
    assert load_starter_glossary() >= 73
    assert GlossaryTerm.objects.count() >= 73
    schoolbestuur = GlossaryTerm.objects.get(slug="schoolbestuur")
    assert "schoolbesturen" in schoolbestuur.forms()
    tlv = GlossaryTerm.objects.get(slug="tlv")
    assert tlv.explanation_youth and tlv.explanation_children
    assert tlv.explanation_for("youth") == tlv.explanation_youth
    # The weakest explanations no longer explain jargon with the same jargon.
    for slug in ("gmr", "lbt", "kwalificatieplicht", "tlv"):
        term = GlossaryTerm.objects.get(slug=slug)
        assert term.explanation_youth, slug
        assert "medezeggenschapsraad voor" not in term.explanation
        assert "startkwalificatie" not in term.explanation, slug


def test_young_readers_are_addressed_with_je_in_the_starter_glossary():
    """Explanations for young people and children say 'je', never the parents' 'u'."""
    glossary = json.loads((STARTER_DIR / "glossary.json").read_text(encoding="utf-8"))
    for term in glossary:
        for key in ("explanation_youth", "explanation_children"):
            words = set(re.findall(r"\w+", term.get(key, "").lower()))
            assert not words & {"u", "uw"}, (term["slug"], key)


def test_the_terms_are_read_once_per_content_generation_and_a_change_shows_at_once(client, site):
    """The compiled term pattern is kept per content generation (bench P3): a second article page
    reads no glossary term, and a new or changed term is linked on the very next page."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    ArticlePageFactory(slug="een", body=[("paragraph", "De OPR praat mee over de TLV.")])
    ArticlePageFactory(slug="twee", body=[("paragraph", "Ook hier praat de OPR mee.")])
    GlossaryTermFactory(term="TLV", slug="tlv", explanation="Een besluit over de toelating.")

    def page(slug):
        with CaptureQueriesContext(connection) as queries:
            html = client.get(f"/informatie/{slug}/", **HOST).content.decode()
        glossary_reads = [q for q in queries if 'FROM "information_glossaryterm"' in q["sql"]]
        return html, glossary_reads

    html, reads = page("een")
    assert 'popovertarget="begrip-tlv"' in html and reads
    html, reads = page("twee")
    assert reads == []  # the pattern built for the first page
    assert "begrip-opr" not in html
    GlossaryTermFactory(term="OPR", slug="opr", explanation="De ondersteuningsplanraad.")
    html, reads = page("twee")
    assert 'popovertarget="begrip-opr"' in html and reads
    term = GlossaryTerm.objects.get(slug="opr")
    term.explanation = "De raad die meepraat over het ondersteuningsplan."
    term.save()
    html, _reads = page("twee")
    assert "De raad die meepraat over het ondersteuningsplan." in html
