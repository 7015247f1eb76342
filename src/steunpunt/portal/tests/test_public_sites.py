"""The root page, the postcode search and each steunpunt's public site."""

import pytest

from steunpunt.tenants.tests.factories import SupportPointFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def installation(platform):
    noord = SupportPointFactory(
        name="Steunpunt Noord", hostname="noord.localhost", partnership_codes=["PO2001", "VO2001"]
    )
    midden = SupportPointFactory(
        name="Steunpunt Midden", hostname="midden.localhost", partnership_codes=["PO2601"]
    )
    return noord, midden


def test_the_root_page_lists_every_steunpunt_with_a_link(client, installation):
    response = client.get("/", HTTP_HOST="127.0.0.1")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'href="http://noord.localhost/"' in html
    assert 'href="http://midden.localhost/"' in html
    assert '<html lang="nl" dir="ltr">' in html


def test_a_postcode_finds_the_steunpunt_for_primary_and_secondary_school(client, installation):
    response = client.get("/", {"postcode": "9711 AB"}, HTTP_HOST="127.0.0.1")
    result = response.context["postcode_result"]
    assert [match.support_point.name for match in result.matches] == ["Steunpunt Noord", "Steunpunt Noord"]
    assert "Groningen" in response.content.decode()


def test_a_region_served_for_one_sector_only_says_so_for_the_other(client, installation):
    response = client.get("/", {"postcode": "3511"}, HTTP_HOST="localhost")
    result = response.context["postcode_result"]
    assert result.matches[0].support_point.name == "Steunpunt Midden"
    assert result.matches[1].support_point is None
    assert "geen steunpunt" in response.content.decode()


def test_a_postcode_outside_every_steunpunt_points_to_the_national_helpline(client, installation):
    response = client.get("/", {"postcode": "1011"}, HTTP_HOST="127.0.0.1")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Ouders &amp; Onderwijs" in html and "0800-5010" in html


def test_an_unknown_postcode_gets_an_answer_and_the_helpline(client, installation):
    response = client.get("/", {"postcode": "1000"}, HTTP_HOST="127.0.0.1")
    assert "0800-5010" in response.content.decode()


@pytest.mark.parametrize("value", ["abc", "12", "<b>9711</b>", "9" * 500, ""])
def test_an_invalid_postcode_gets_a_dutch_message(client, installation, value):
    response = client.get("/", {"postcode": value}, HTTP_HOST="127.0.0.1")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'aria-invalid="true"' in html
    assert "postcode" in html.lower()
    assert "postcode_result" not in response.context


def test_each_steunpunt_has_its_own_home_page_with_the_three_pillars(client, installation):
    noord, _midden = installation
    response = client.get("/", HTTP_HOST="noord.localhost")
    html = response.content.decode()
    assert response.status_code == 200
    assert noord.name in html
    for heading in ("Informatie", "Stel een vraag", "Zo leren wij van uw ervaringen"):
        assert heading in html
    assert "voorbeeldtekst" in html.lower()


def test_the_brand_colour_is_served_as_a_stylesheet(client, installation):
    noord, _midden = installation
    response = client.get("/huisstijl.css", HTTP_HOST="noord.localhost")
    assert response["Content-Type"].startswith("text/css")
    assert noord.brand_colour in response.content.decode()


@pytest.mark.parametrize("host", ["noord.localhost", "127.0.0.1"])
def test_each_site_serves_its_own_sitemap(client, installation, host):
    response = client.get("/sitemap.xml", HTTP_HOST=host)
    assert response.status_code == 200
    body = response.content.decode()
    # An index of the site's sections (portal/tests/test_sitemaps.py), the pages first.
    assert "<sitemapindex" in body
    expected = "http://noord.localhost/" if host == "noord.localhost" else "http://127.0.0.1/"
    assert f"<loc>{expected}sitemap-paginas.xml</loc>" in body
    pages = client.get("/sitemap-paginas.xml", HTTP_HOST=host).content.decode()
    assert "<urlset" in pages and f"<loc>{expected}</loc>" in pages


@pytest.mark.parametrize(
    ("host", "path"),
    [
        ("noord.localhost", "/bestaat-niet/"),
        ("127.0.0.1", "/bestaat-niet/"),
        ("onbekend.localhost", "/"),
        ("onbekend.localhost", "/admin/"),
        ("onbekend.localhost", "/sitemap.xml"),
    ],
)
def test_unknown_hosts_and_paths_get_the_dutch_404_page(client, installation, host, path):
    response = client.get(path, HTTP_HOST=host)
    assert response.status_code == 404
    html = response.content.decode()
    assert "We kunnen deze pagina niet vinden" in html
    assert "Traceback" not in html


def test_every_response_carries_the_security_headers(client, installation):
    for host, path in [("noord.localhost", "/"), ("127.0.0.1", "/"), ("onbekend.localhost", "/")]:
        response = client.get(path, HTTP_HOST=host)
        csp = response["Content-Security-Policy"]
        assert "object-src 'none'" in csp and "base-uri 'none'" in csp and "frame-ancestors 'none'" in csp
        assert response["X-Content-Type-Options"] == "nosniff"
        assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
