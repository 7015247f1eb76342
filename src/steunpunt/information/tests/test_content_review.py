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
    pytest.param(
        "leerplicht-en-kwalificatieplicht",
        "Kinderen van 5 tot 16 jaar moeten op een school staan ingeschreven.",
        "De leerplicht stopt aan het einde van het schooljaar waarin uw kind 16 wordt.",
        LEERPLICHTWET,
        id="leerplicht: ends with the school year of the 16th birthday",
    ),
    pytest.param(
        "leerplicht-en-kwalificatieplicht",
        "Jongeren van 16 en 17 zonder startkwalificatie hebben kwalificatieplicht.",
        "Na de leerplicht moet uw kind onderwijs blijven volgen tot zijn 18e.",
        LEERPLICHTWET,
        id="leerplicht: one of the hardest sentences",
    ),
    pytest.param(
        "vrijstelling-van-de-leerplicht",
        "Meestal wijst de gemeente iemand aan, vaak een arts van de GGD.",
        "De gemeente moet deze onafhankelijke deskundige aanwijzen.",
        LEERPLICHTWET,
        id="vrijstelling: the municipality must appoint the expert",
    ),
    pytest.param(
        "vrijstelling-van-de-leerplicht",
        None,
        "Bespreek daarom eerst of er andere mogelijkheden zijn, waarbij uw kind ingeschreven blijft.",
        LEERPLICHTWET,
        id="vrijstelling: ways that keep the child enrolled",
    ),
    pytest.param(
        "vrijstelling-van-de-leerplicht",
        "In het schooljaar 2020-2021 waren het er meer dan 7.000.",
        "Het aantal vrijstellingen is de laatste jaren sterk gestegen.",
        "https://zoek.officielebekendmakingen.nl/ah-tk-20222023-704.html",
        id="vrijstelling: figures of 2020-2021 dropped",
    ),
    pytest.param(
        "thuiszitten",
        "In het schooljaar 2020-2021 zaten ruim 4.300 kinderen langer dan 3 maanden thuis "
        "zonder geldige reden.",
        "Dat staat in de Leerplichttelling. De laatste telling gaat over het schooljaar 2023-2024.",
        "https://berthub.eu/tkconv/document.html?nummer=2025D19102",
        id="thuiszitten: figures of 2020-2021 dropped for the Leerplichttelling",
    ),
    pytest.param(
        "schoolondersteuningsprofiel",
        "Vraag de school of deze regel al geldt.",
        "Volgens de planning geldt deze regel sinds 1 augustus 2025.",
        PLANNING_36443,
        id="schoolondersteuningsprofiel: date of Wet 36443",
    ),
    pytest.param(
        "meepraten-over-je-opp",
        "Vraag de school of het hoorrecht al geldt.",
        "Volgens de planning geldt het hoorrecht sinds 1 augustus 2025.",
        PLANNING_36443,
        id="meepraten-over-je-opp: date of Wet 36443",
    ),
    pytest.param(
        "nieuwe-wet-2024",
        "Vraag de school of het samenwerkingsverband welke delen van de wet al gelden.",
        "Het steunpunt: sinds 1 januari 2025.",
        PLANNING_36443,
        id="nieuwe-wet-2024: dates of Wet 36443",
    ),
    pytest.param(
        "schoolondersteuningsprofiel",
        "De medezeggenschapsraad (MR) mag daarover advies geven.",
        "Over de schoolgids praten de ouders in de MR mee.",
        WMS,
        id="schoolondersteuningsprofiel: MR and the schoolgids",
    ),
    pytest.param(
        "medezeggenschap",
        "De MR mag advies geven over het schoolondersteuningsprofiel (SOP).",
        "De MR praat ook mee over de schoolgids.",
        WMS,
        id="medezeggenschap: MR and the schoolgids",
    ),
    pytest.param(
        "medezeggenschap",
        "De leden zijn ouders en medewerkers van scholen. De MR's van de scholen kiezen wie erin komt.",
        "Bij een samenwerkingsverband voor het voortgezet onderwijs kunnen ook leerlingen lid zijn.",
        WMS,
        id="medezeggenschap: pupils on the OPR in vo",
    ),
    pytest.param(
        "samenwerkingsverband",
        "In de OPR zitten ouders en medewerkers van scholen.\n",
        "In het voortgezet onderwijs kunnen ook leerlingen lid zijn.",
        WMS,
        id="samenwerkingsverband: pupils on the OPR in vo",
    ),
    pytest.param(
        "ontwikkelingsperspectief",
        "Is een leerling in het vso 18 jaar of ouder en kan hij zelf beslissen?",
        "Dan overlegt de school met uw kind zelf. Dat geldt in elk geval in het vso.",
        "https://wetten.overheid.nl/BWBR0044212/",
        id="ontwikkelingsperspectief: adult pupils",
    ),
    pytest.param(
        "mbo",
        "Meld uw kind op tijd aan, vóór 1 april.",
        "Dan heeft het recht om toegelaten te worden. Dat heet toelatingsrecht.",
        "https://www.mboraad.nl/faq",
        id="mbo: right to admission",
    ),
    pytest.param(
        "kinderombudsman",
        "De Kinderombudsman is de laatste stap.",
        "Kinderen en jongeren mogen dat ook zelf doen.",
        "https://www.dekinderombudsman.nl/",
        id="kinderombudsman: complaint first, children may go themselves",
    ),
    pytest.param(
        "wat-is-een-steunpunt",
        "Het steunpunt hoort bij het samenwerkingsverband.",
        "Elk samenwerkingsverband moet zorgen dat er een steunpunt is.",
        "https://openkamer.org/kamerstuk/36443/3",
        id="wat-is-een-steunpunt: independence",
    ),
    pytest.param(
        "waar-vind-ik-hulp",
        "Of mail naar vraag@oudersonderwijs.nl.",
        "Op oudersenonderwijs.nl vindt u de openingstijden",
        "https://oudersenonderwijs.nl/adviespunt-voor-ouders",
        id="waar-vind-ik-hulp: one address for Ouders & Onderwijs",
    ),
    pytest.param(
        "onderwijsconsulenten",
        "Als uw kind alleen thuisblijft omdat het geen zin heeft in school.",
        "Bijvoorbeeld omdat niet duidelijk is wie de zorg regelt of betaalt.",
        "https://www.onderwijsconsulenten.nl/veelgestelde-vragen/",
        id="onderwijsconsulenten: no judgement, care at school",
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
