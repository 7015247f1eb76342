"""The legal review of the starter set (docs/content-review.md): each wrong or outdated statement in
the parents' versions is gone, the corrected fact is there, and its source is cited by the article."""

import pytest

from steunpunt.information.audiences import READABILITY_TARGETS, Audience
from steunpunt.information.models import ArticleSource
from steunpunt.information.readability import analyse
from steunpunt.information.starter import starter_articles

ARTICLES = {article["slug"]: article for article in starter_articles()}

WGBH = "https://wetten.overheid.nl/BWBR0014915/"
WPO = "https://wetten.overheid.nl/BWBR0003420/"
LEERPLICHTWET = "https://wetten.overheid.nl/BWBR0002628/"
WMS = "https://wetten.overheid.nl/BWBR0020685/"
PLANNING_36443 = (
    "https://netwerkmetandereogen.nl/nieuws/604/wetsvoorstel-versterking-positie-ouders-en-leerlingen"
)
SWV_ZORGPLICHT = "https://swv-riba.nl/veelgestelde-vragen-over-zorgplicht/"

# (article, the wrong sentence as the starter set had it, the corrected fact, the source of the correction)
CORRECTIONS = [
    pytest.param(
        "passend-onderwijs",
        "Het is geen recht uit de wet dat u kunt afdwingen.",
        "Dan moet de school doeltreffende aanpassingen doen.",
        WGBH,
        id="passend-onderwijs: right to effective adjustments",
    ),
    pytest.param(
        "rechten-en-plichten-ouders",
        "Het is geen recht uit de wet dat u bij de rechter kunt afdwingen.",
        "Dan kunt u gratis het College voor de Rechten van de Mens om een oordeel vragen.",
        WGBH,
        id="rechten-en-plichten-ouders: right to effective adjustments",
    ),
    pytest.param(
        "zorgplicht",
        "Zit uw kind al op een school? Dan heeft die school de zorgplicht.",
        "Meldt u uw kind schriftelijk aan bij een andere school? "
        "Dan heeft volgens veel samenwerkingsverbanden die nieuwe school de zorgplicht.",
        SWV_ZORGPLICHT,
        id="zorgplicht: an application elsewhere moves the duty",
    ),
    pytest.param(
        "aanmelden-bij-een-school",
        "Bij een verhuizing of een wissel van school is het soms niet duidelijk welke school de zorgplicht "
        "heeft.",
        "Uw kind blijft ingeschreven op de huidige school tot de nieuwe school het inschrijft.",
        SWV_ZORGPLICHT,
        id="aanmelden: an application elsewhere moves the duty",
    ),
    pytest.param(
        "zorgplicht",
        None,
        "De zorgplicht gaat over extra ondersteuning, niet over het niveau.",
        "https://swvdordrecht.nl/de-overstap-van-basisonderwijs-naar-voortgezet-onderwijs/",
        id="zorgplicht: support, not level",
    ),
    pytest.param(
        "overstap-po-vo",
        "Meldt u uw kind schriftelijk aan bij een middelbare school? Dan heeft die school de zorgplicht.",
        "de zorgplicht gaat over extra ondersteuning, niet over het niveau.",
        "https://swvdordrecht.nl/de-overstap-van-basisonderwijs-naar-voortgezet-onderwijs/",
        id="overstap-po-vo: support, not level",
    ),
    pytest.param(
        "toelaatbaarheidsverklaring",
        "Voor het speciaal (basis)onderwijs en het praktijkonderwijs heeft uw kind een TLV nodig.",
        "Dat zijn de scholen van cluster 1 en 2. Daar is geen TLV nodig.",
        "https://www.swvgo.nl/voor-scholen/zorgplicht-voor-scholen/",
        id="toelaatbaarheidsverklaring: cluster 1 and 2 need none",
    ),
    pytest.param(
        "toelaatbaarheidsverklaring",
        None,
        "Gaat uw kind van het so naar het vso? Dan is een nieuwe TLV nodig.",
        WPO,
        id="toelaatbaarheidsverklaring: a new TLV from so to vso",
    ),
    pytest.param(
        "geschillencommissie-passend-onderwijs",
        "Pas daarna beslist het bestuur over uw bezwaar.",
        "Volgt het bestuur het oordeel niet? Dan moet het uitleggen waarom.",
        "https://www.onderwijsgeschillen.nl/commissie/geschillencommissie-passend-onderwijs-gpo/procedure",
        id="geschillencommissie: the opinion is not binding",
    ),
    pytest.param(
        "aanmelden-bij-een-school",
        "Dan kunt u binnen 6 weken schriftelijk bezwaar maken bij het schoolbestuur.",
        "Een openbare school volgt soms andere regels dan een bijzondere school",
        WPO,
        id="aanmelden: objection route of openbare and bijzondere schools",
    ),
    pytest.param(
        "bezwaar-klacht-geschil",
        "Dan kunt u ook binnen 6 weken bezwaar maken bij het schoolbestuur.",
        "De regels verschillen soms tussen een openbare en een bijzondere school.",
        WPO,
        id="bezwaar-klacht-geschil: objection route of openbare and bijzondere schools",
    ),
    pytest.param(
        "bezwaar-tegen-tlv",
        "Dat is de Landelijke Bezwaaradviescommissie Toelaatbaarheidsverklaring, in Utrecht.",
        "Dat is een landelijke commissie in Utrecht.",
        "https://onderwijsgeschillen.nl/commissie/landelijke-bezwaaradviescommissie-toelaatbaarheidsverklaring-lbt/procedure",
        id="bezwaar-tegen-tlv: one of the hardest sentences",
    ),
]


def parents_text(slug):
    """The parents' version of a starter article as plain text: title, summary, blocks and list items."""
    version = ARTICLES[slug]["versions"]["parents"]
    parts = [version["title"], version["summary"]]
    for block in version["body"]:
        parts += block["items"] if block["type"] == "list" else [block["text"]]
    return "\n".join(parts)


@pytest.mark.parametrize(("slug", "wrong", "right", "url"), CORRECTIONS)
def test_a_reviewed_statement_is_corrected_and_sourced(slug, wrong, right, url):
    text = parents_text(slug)
    if wrong is not None:
        assert wrong not in text
    assert right in text
    assert url in {source["url"] for source in ARTICLES[slug]["sources"]}


def test_every_source_has_a_title_an_address_and_a_known_kind():
    kinds = set(ArticleSource.Kind.values)
    for slug, article in ARTICLES.items():
        for source in article["sources"]:
            assert source["title"] and source["url"].startswith(("https://", "http://")), slug
            assert source["kind"] in kinds, (slug, source)


@pytest.mark.parametrize("slug", sorted(ARTICLES))
def test_every_parents_version_meets_its_readability_target(slug):
    """Parents' texts stay at B1 after the corrections (Flesch-Douma, quality.md A4)."""
    version = ARTICLES[slug]["versions"]["parents"]
    parts = [version["title"], version["summary"]]
    for block in version["body"]:
        if block["type"] == "list":
            parts += [f"{item}." for item in block["items"]]
        elif block["type"] == "heading":
            parts.append(f"{block['text']}.")
        else:
            parts.append(block["text"])
    assert analyse("\n".join(parts)).meets(READABILITY_TARGETS[Audience.PARENTS]), slug
