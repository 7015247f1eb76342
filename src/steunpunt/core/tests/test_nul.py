"""A NUL character in an address gets the plain Dutch 400 page, never a 500 (the database refuses NUL
inside a query); found by wapiti on several public filters."""

import pytest

from steunpunt.tenants.tests.factories import SupportPointFactory

pytestmark = pytest.mark.django_db

ADDRESSES = [
    "/informatie/?thema=%00",
    "/zoeken/?q=school%00",
    "/scholen/?plaats=%00",
    "/scholen/%00/",
    "/hulp-in-de-buurt/?categorie=%00",
    "/mijn-vraag/abc%00def/",
    "/evaluatie/%00/",
    "/sitemap.xml?p=%00",
    "/?%00=1",
    "/admin/vragen/?q=%00",
]


@pytest.mark.parametrize("address", ADDRESSES)
def test_a_nul_character_in_an_address_gets_a_dutch_400(client, platform, address):
    SupportPointFactory(hostname="noord.localhost")
    response = client.get(address, HTTP_HOST="noord.localhost")
    assert response.status_code == 400
    text = response.content.decode()
    assert "Dit adres klopt niet" in text and "Traceback" not in text
    assert response["Content-Security-Policy"] and response["X-Content-Type-Options"] == "nosniff"


def test_the_same_addresses_without_the_nul_still_answer(client, platform):
    SupportPointFactory(hostname="noord.localhost")
    for address in ("/informatie/?thema=x", "/zoeken/?q=school", "/scholen/?plaats=Utrecht"):
        assert client.get(address, HTTP_HOST="noord.localhost").status_code == 200
