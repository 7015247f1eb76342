"""The starter set's versions for young people and children: written for them, and correct.

Issue 15 and the content review (docs/content-review.md, "Plain language" and the youth rows of
"Statements to correct") ask for a youth version of every article, children's versions for at
least twelve, the reader addressed as "je", no "rugzakje", and the youth corrections below.
"""

import re

import pytest
from django.core.management import call_command

from steunpunt.information.audiences import READABILITY_TARGETS, URL_SEGMENTS, Audience
from steunpunt.information.models import ArticlePage
from steunpunt.information.readability import analyse, stream_text
from steunpunt.information.starter import starter_articles
from steunpunt.tenants.tests.factories import SupportPointFactory

YOUNG = (Audience.YOUTH, Audience.CHILDREN)
_WORD = re.compile(r"[A-Za-zÀ-ÿ]+(?:['-][A-Za-zÀ-ÿ]+)*")
# Quoted words are named, not spoken to the reader ("het woord 'u'"), so they are left out.
_QUOTED = re.compile(r"'[^']*'|\"[^\"]*\"|‘[^’]*’|“[^”]*”")
FORMAL = {"u", "uw", "uzelf"}
INFORMAL = {"je", "jij", "jou", "jouw", "jezelf", "jullie"}


def _articles():
    return {article["slug"]: article for article in starter_articles()}


def _text(version):
    """The reader-facing text of a version in the starter file: title, summary and every block."""
    parts = [version["title"], version["summary"]]
    for block in version["body"]:
        parts += block["items"] if block["type"] == "list" else [block["text"]]
    return "\n".join(parts)


def _version(slug, audience):
    return _articles()[slug]["versions"].get(audience)


def _young_versions():
    return [
        (slug, audience, article["versions"][audience])
        for slug, article in _articles().items()
        for audience in YOUNG
        if audience in article["versions"]
    ]


def _id(value):
    return value if isinstance(value, str) else "text"


def formal_address(text):
    """Return the words in ``text`` that address the reader with "u" or "uw", outside quotations."""
    return [word for word in _WORD.findall(_QUOTED.sub(" ", text)) if word.lower() in FORMAL]


def informal_address(text):
    """Return the words in ``text`` that address the reader with "je", "jij", "jouw" and the like."""
    return [word for word in _WORD.findall(_QUOTED.sub(" ", text)) if word.lower() in INFORMAL]


def test_the_address_check_finds_u_anywhere_in_a_sentence_but_not_in_words_or_quotes():
    """The check catches "u" and "uw" at the start, middle and end of a sentence, in any case."""
    assert formal_address("U kunt bellen. Heeft u vragen? Bel uw mentor. Dat mag u.") == ["U", "u", "uw", "u"]
    assert formal_address("Uwe, Ute en het U-bocht-bord; jouw uur; museum.") == []
    assert formal_address("Zeg niet 'u' tegen je mentor.") == []
    assert informal_address("Heb je vragen? Jouw mentor helpt jou.") == ["je", "Jouw", "jou"]


def test_every_starter_article_has_a_youth_version():
    """Each of the starter articles has a youth version with a title and a body."""
    missing = [
        slug
        for slug, article in _articles().items()
        if not (article["versions"].get("youth", {}).get("title") and article["versions"]["youth"]["body"])
    ]
    assert missing == []


def test_at_least_twelve_childrens_versions_among_them_complaints_rights_and_the_kinderombudsman():
    """Twelve or more articles speak to children, the complaints, rights and Kinderombudsman ones too."""
    children = {slug for slug, audience, _version in _young_versions() if audience == Audience.CHILDREN}
    assert len(children) >= 12
    wanted = {"klacht-over-school", "bezwaar-klacht-geschil", "rechten-en-plichten-ouders", "kinderombudsman"}
    assert wanted <= children


@pytest.mark.parametrize(("slug", "audience", "version"), _young_versions(), ids=_id)
def test_young_readers_are_addressed_with_je_never_with_u(slug, audience, version):
    """A youth or children's version says "je" or "jouw" to its reader and never "u" or "uw"."""
    text = _text(version)
    assert formal_address(text) == [], (slug, audience)
    assert informal_address(text), (slug, audience)


@pytest.mark.parametrize(("slug", "audience", "version"), _young_versions(), ids=_id)
def test_young_readers_meet_no_rugzakje_no_grote_mensen_and_no_label(slug, audience, version):
    """The rugzak was abolished in 2014; "grote mensen" talks down; "thuiszitter" labels the reader."""
    text = _text(version).lower()
    assert "rugzak" not in text, slug
    assert "grote mensen" not in text, slug
    assert "noemen mensen je" not in text, slug


@pytest.mark.django_db
def test_every_youth_and_childrens_version_reads_easily_and_is_on_its_own_page(client, platform):
    """Loaded as the platform loads it, each version meets its Flesch-Douma target and renders."""
    SupportPointFactory(hostname="noord.localhost")
    call_command("load_starter_content")
    checked = 0
    for article in ArticlePage.objects.dutch():
        for version in article.versions():
            if version.audience == Audience.PARENTS:
                continue
            result = analyse(stream_text(version.title, version.summary, version.body))
            target = READABILITY_TARGETS[version.audience]
            assert result.meets(target), (article.slug, version.audience, result.score)
            segment = URL_SEGMENTS[Audience(version.audience)]
            response = client.get(f"/informatie/{article.slug}/{segment}/", HTTP_HOST="noord.localhost")
            assert response.status_code == 200, (article.slug, segment)
            html = response.content.decode()
            assert f"<h1>{version.title}</h1>" in html.replace("&#x27;", "'")
            checked += 1
    assert checked == len(_young_versions())


# The youth rows of "Statements to correct" in docs/content-review.md: the sentence the review
# found is gone (exact text from the file before the rewrite) and the corrected fact is there.


def test_leerplicht_youth_ends_with_the_school_year_you_turn_16_then_kwalificatieplicht_until_18():
    """Leerplicht ends with the school year you turn 16 (or 12 full years), then learning until 18."""
    text = _text(_version("leerplicht-en-kwalificatieplicht", Audience.YOUTH))
    assert "Tot je 16e ben je leerplichtig." not in text
    assert "Ben je tussen de 5 en 16 jaar?" not in text
    assert "einde van het schooljaar waarin je 16 wordt" in text
    assert "12 volle schooljaren" in text
    assert "kwalificatieplicht" in text and "tot je 18 bent" in text
    assert "havo" in text and "vwo" in text and "niveau 2 of hoger" in text


def test_complaints_youth_lets_pupils_complain_themselves_and_act_for_themselves_at_18():
    """Not "your parents take the steps": in VO you often complain yourself, at 18 you act yourself."""
    for slug in ("bezwaar-klacht-geschil", "klacht-over-school"):
        text = _text(_version(slug, Audience.YOUTH))
        assert "Dan kunnen je ouders andere stappen zetten." not in text, slug
        # In VO pupils can complain themselves: hedged, the statute was not read (domain-facts §9).
        assert "middelbare school" in text and "vaak zelf een klacht indienen" in text, slug
        assert "Ben je 18 of ouder?" in text, slug


def test_youth_at_18_act_for_themselves_in_the_rights_article():
    """The rights article tells what changes at 16 (mbo agreements) and at 18 (you act yourself)."""
    text = _text(_version("rechten-en-plichten-ouders", Audience.YOUTH))
    assert "Als je 18 bent" in text
    assert "Dan ben je volwassen. Je regelt je zaken met school dan zelf." in text
    assert "Als je 16 bent" in text and "Vanaf 16 maak je de afspraken daarover zelf." in text


def test_youth_learn_that_pupils_can_sit_on_the_opr_of_secondary_partnerships():
    """The OPR is not only for parents and staff: secondary pupils can sit on it too (hedged)."""
    for slug in ("samenwerkingsverband", "medezeggenschap"):
        text = _text(_version(slug, Audience.YOUTH))
        # Hedged ("vaak"): WMS art. 4a is marked *verify* in the review.
        assert "Bij middelbare scholen kunnen vaak ook leerlingen in" in text, slug
        assert "OPR" in text, slug


def test_mbo_youth_applying_before_1_april_gives_a_right_to_admission_but_not_for_entree():
    """Applying before 1 April gives a right to admission, not merely advice; entree has no such right."""
    text = _text(_version("mbo", Audience.YOUTH))
    assert "Dan heb je recht op een studiekeuzeadvies." not in text
    assert "Dat geldt ook voor de entreeopleiding." not in text
    assert "vóór 1 april" in text and "Dan heb je recht op een plek. Dat heet toelatingsrecht." in text
    assert "Dat recht geldt niet voor de entreeopleiding." in text


def test_kinderombudsman_youth_complain_to_the_organisation_first_and_contact_it_yourself():
    """The Kinderombudsman is not "the last step": school first, as advice; contact it yourself."""
    text = _text(_version("kinderombudsman", Audience.YOUTH))
    assert "De Kinderombudsman is de laatste stap." not in text
    assert "Je mag zelf contact opnemen met de Kinderombudsman." in text
    assert "Vertel het dan eerst aan de school zelf." in text
    assert "Die volgorde is een advies. Het is geen regel." in text


def test_tlv_youth_names_the_cluster_1_and_2_exception_and_a_new_tlv_for_vso():
    """Cluster 1 and 2 schools admit through their own assessment; SO to VSO needs a new TLV."""
    text = _text(_version("toelaatbaarheidsverklaring", Audience.YOUTH))
    old = (
        "Je hebt een TLV nodig voor het speciaal onderwijs, het voortgezet speciaal onderwijs "
        "en het praktijkonderwijs."
    )
    assert old not in text
    assert "Voor deze scholen heb je geen TLV nodig. Ze heten cluster 1 en cluster 2." in text
    assert "Ze kijken zelf of je bij hen past." in text
    assert "Dan heb je een nieuwe TLV nodig." in text


def test_thuiszitten_youth_opens_with_what_you_can_do_and_does_not_label_you():
    """The article on being at home opens with what you can do and no longer calls you a thuiszitter."""
    version = _version("thuiszitten", Audience.YOUTH)
    text = _text(version)
    assert "Dan noemen mensen je een thuiszitter." not in text
    assert version["summary"].startswith("Ga je al een tijd niet naar school? Je kunt zelf")
    assert version["body"][1] == {"type": "heading", "text": "Wat kun je doen?"}


def test_childrens_kinderombudsman_and_complaints_let_a_child_speak_up_and_contact_it_themselves():
    """Children read that they tell the school first and may contact the Kinderombudsman themselves."""
    ombudsman = _text(_version("kinderombudsman", Audience.CHILDREN))
    assert "Vertel het dan eerst op school zelf." in ombudsman
    assert "Dat mag je zelf doen." in ombudsman
    for slug in ("klacht-over-school", "bezwaar-klacht-geschil", "rechten-en-plichten-ouders"):
        text = _text(_version(slug, Audience.CHILDREN))
        assert "Kinderombudsman" in text and "zelf contact opnemen" in text, slug


def test_childrens_leerplicht_ends_with_the_school_year_you_turn_16():
    """The children's leerplicht text carries the same corrected end of leerplicht as the youth text."""
    text = _text(_version("leerplicht-en-kwalificatieplicht", Audience.CHILDREN))
    assert "De leerplicht stopt aan het einde van het schooljaar waarin je 16 wordt." in text
