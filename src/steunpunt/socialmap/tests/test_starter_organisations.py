"""The starter social map holds the organisations the content review found missing, as drafts."""

import pytest

from steunpunt.socialmap.models import Organisation
from steunpunt.socialmap.starter import load_starter_organisations
from steunpunt.tenants.tests.factories import SupportPointFactory

pytestmark = pytest.mark.django_db

# The review's list of missing organisations, with the official site each must point to ("" when
# there is no national one: the rechtswinkels are local).
MISSING = {
    "De Kindertelefoon": "https://www.kindertelefoon.nl/",
    "Kinder- en Jongerenrechtswinkel in uw regio": "",
    "Het Juridisch Loket": "https://www.juridischloket.nl/",
    "MEE en onafhankelijke cliëntondersteuning": "https://www.mee.nl/",
    "LAKS (Landelijk Aktie Komitee Scholieren)": "https://www.laks.nl/",
    "Balans (oudervereniging)": "https://www.balansdigitaal.nl/",
    "College voor de Rechten van de Mens": "https://www.mensenrechten.nl/",
}


def test_the_missing_organisations_load_as_unvalidated_national_entries_with_a_source(client, platform):
    SupportPointFactory(hostname="noord.localhost")
    load_starter_organisations()
    for name, website in MISSING.items():
        organisation = Organisation.objects.get(name=name)
        assert organisation.support_point is None and organisation.starter_text, name
        assert organisation.website == website, name
        assert organisation.helps_with and organisation.when_to_go, name
        assert organisation.source_title and organisation.source_url.startswith(("https://", "http://")), name
    assert Organisation.objects.get(name="De Kindertelefoon").phone == "0800-0432"
    html = client.get("/hulp-in-de-buurt/", HTTP_HOST="noord.localhost").content.decode()
    assert "College voor de Rechten van de Mens" in html and "De Kindertelefoon" in html


def test_ouders_en_onderwijs_is_reached_through_its_current_site_only():
    """The review found the old mail domain (oudersonderwijs.nl) beside the current site."""
    load_starter_organisations()
    entry = Organisation.objects.get(name="Ouders & Onderwijs")
    assert entry.website == "https://oudersenonderwijs.nl/"
    assert "oudersonderwijs.nl" not in f"{entry.email} {entry.helps_with}"
    assert entry.phone == "0800-5010"
