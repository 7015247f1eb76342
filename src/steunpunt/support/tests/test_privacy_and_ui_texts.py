"""The privacy statement (issue 15) and the UI texts the content review lists, each fix checked."""

import re

import pytest
from django.utils import translation
from django.utils.translation import gettext

from steunpunt.core.address import Address, speaking
from steunpunt.information.readability import analyse
from steunpunt.tenants.tests.factories import SupportPointFactory

HOST = "noord.localhost"


@pytest.fixture
def noord(db):
    return SupportPointFactory(name="Steunpunt Noord", hostname=HOST, email="info@noord.example")


def _text(client, url):
    response = client.get(url, HTTP_HOST=HOST)
    assert response.status_code == 200
    html = response.content.decode()
    main = (
        html[html.index("<h1>") : html.index("</main>")] if "</main>" in html else html[html.index("<h1>") :]
    )
    return " ".join(re.sub(r"<[^>]+>", " ", main).split())


PRIVACY_ELEMENTS = {
    "not validated": "Concept – nog niet gevalideerd.",
    "controller": "Steunpunt Noord is verantwoordelijk voor uw gegevens. "
    "In de wet heet dat de verwerkingsverantwoordelijke.",
    "partnership does not see": "Maar het samenwerkingsverband ziet uw vraag en uw gegevens niet.",
    "legal basis": "(AVG, artikel 6)",
    "health data": "Schrijft u over gezondheid, zoals een diagnose of een ziekte? "
    "Dat zijn bijzondere gegevens.",
    "health legal basis": "Voor gegevens over gezondheid geeft u uitdrukkelijk toestemming (AVG, artikel 9).",
    "under 16": "Dan moet volgens de wet ook een ouder toestemming geven (UAVG, artikel 5).",
    "complaint": "U mag ook een klacht indienen bij de Autoriteit Persoonsgegevens",
}


@pytest.mark.parametrize("element", PRIVACY_ELEMENTS)
def test_the_privacy_statement_states_each_element(client, noord, element):
    text = _text(client, "/privacy/")
    assert PRIVACY_ELEMENTS[element].lower() in text.lower(), element
    assert "Zonder uw naam tellen wij de vragen" not in text


def test_the_privacy_statement_is_plain_and_young_people_get_it_with_je(client, noord):
    parents = _text(client, "/privacy/")
    assert analyse(parents.replace(" Privacyverklaring", ".")).score >= 60
    youth = _text(client, "/privacy/jongeren/")
    assert "Ben je jonger dan 16?" in youth and "Autoriteit Persoonsgegevens" in youth
    assert "AVG, artikel 9" in youth and "verwerkingsverantwoordelijke" in youth


def test_the_youth_form_links_to_the_statement_for_young_people(client, noord):
    html = client.get("/vraag/jongeren/", HTTP_HOST=HOST).content.decode()
    assert 'href="/privacy/jongeren/"' in html


# (msgid, the Dutch the review found, the Dutch now) for the UI texts of content-review.md.
UI_TEXTS = [
    ("This text is for:", "Lees dit voor:", "Deze tekst is voor:"),
    ("Denomination", "Denominatie", "Richting"),
    ("online link", "online link", "link om online mee te doen"),
    ("Breadcrumb", "Kruimelpad", "U bent hier"),
    ("Add to your calendar (.ics)", "Zet in uw agenda (.ics)", "Zet de afspraak in uw agenda"),
    (
        "What did you miss? (you may leave this empty)",
        "Wat miste u? (u mag dit leeg laten)",
        "Wat miste u? (mag leeg blijven)",
    ),
    (
        "Please keep it shorter: at most 500 characters.",
        "Maak het wat korter: hooguit 500 tekens.",
        "Maak het korter: maximaal 500 tekens.",
    ),
    (
        "Please keep it shorter: at most 5000 characters.",
        "Maak het wat korter: hooguit 5000 tekens.",
        "Maak het korter: maximaal 5000 tekens.",
    ),
    (
        "Tick the box to say you agree, otherwise we cannot help you.",
        "Zet een vinkje als u akkoord bent. Anders kunnen wij u niet helpen.",
        "Zet een vinkje bij de privacyverklaring. Dan kunnen wij uw vraag behandelen.",
    ),
    ("Error", "Fout", "Controleer wat u invulde"),
    ("1 – not at all", "1 – helemaal niet", "1 – nee, helemaal niet"),
    ("5 – very much", "5 – helemaal wel", "5 – ja, helemaal"),
    (
        "Did our help get you further?",
        "Heeft onze hulp je verder geholpen?",
        "Heeft onze hulp u verder geholpen?",
    ),
    ("Hello %(name)s,", "Hallo %(name)s,", "Beste %(name)s,"),
]


@pytest.mark.parametrize(("msgid", "before", "after"), UI_TEXTS, ids=[row[0] for row in UI_TEXTS])
def test_each_ui_text_of_the_review_is_fixed(msgid, before, after):
    with translation.override("nl"):
        assert gettext(msgid) == after != before


def test_the_honeypot_refusal_no_longer_accuses_the_sender():
    with translation.override("nl"):
        text = gettext("Your message looks automatic. Leave the last field empty and try again.")
    assert "automatisch verstuurd" not in text and text.startswith("Uw bericht is niet verstuurd.")


def test_young_people_read_the_same_texts_with_je():
    with speaking(Address.INFORMAL):
        assert gettext("Did our help get you further?") == "Heeft onze hulp je verder geholpen?"
        assert gettext("Your e-mail address") == "Je e-mailadres"
        assert gettext("Breadcrumb") == "Je bent hier"
        assert gettext("Hello %(name)s,") == "Hoi %(name)s,"
        assert gettext("Privacy statement") == "Privacyverklaring"  # the same for everyone


def test_the_home_page_speaks_u_and_marks_its_line_for_young_people(client, noord):
    html = client.get("/", HTTP_HOST=HOST).content.decode()
    assert "Ben je jong?" not in noord.site.root_page.specific.ask_text
    assert (
        '<li data-address="je"><a href="/vraag/jongeren/">Ben je jong? Stel ons zelf een vraag</a></li>'
        in html
    )
