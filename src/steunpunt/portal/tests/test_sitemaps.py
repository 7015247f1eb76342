"""/sitemap.xml: an index of each site's sections, each section paginated and built from a slice."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from steunpunt.information.models import GlossaryTerm
from steunpunt.information.tests.factories import ArticlePageFactory
from steunpunt.portal import sitemaps
from steunpunt.portal.models import ContentPage, PlatformHomePage
from steunpunt.tenants.tests.factories import SupportPointFactory

pytestmark = pytest.mark.django_db

LOC = re.compile(r"<loc>([^<]*)</loc>")


def locations(client, url, host):
    """Every address of the site map at ``url``, following an index into its sections."""
    response = client.get(url, HTTP_HOST=host)
    assert response.status_code == 200, url
    body = response.content.decode()
    if "<sitemapindex" not in body:
        assert "<urlset" in body
        return LOC.findall(body)
    found = []
    for section in LOC.findall(body):
        found += locations(client, section.removeprefix(f"http://{host}"), host)
    return found


def content_page(parent, slug, *, publish=True):
    page = parent.add_child(instance=ContentPage(title=slug.title(), slug=slug, live=publish))
    if publish:
        page.save_revision().publish()
    return page


def private(page):
    PageViewRestriction.objects.create(page=page, restriction_type="password", password="geheim")


@pytest.fixture
def noord(platform):
    support_point = SupportPointFactory(hostname="noord.localhost")
    SupportPointFactory(hostname="midden.localhost")
    return support_point


@pytest.fixture
def content(noord):
    """A steunpunt site with every kind of address the site map lists, and some it must leave out."""
    home = noord.site.root_page.specific
    over = content_page(home, "over-ons")
    content_page(over, "team")
    content_page(home, "concept", publish=False)
    hidden = content_page(home, "intern")
    content_page(hidden, "onder-intern")
    private(hidden)
    GlossaryTerm.objects.create(slug="opp", term="OPP", explanation="Het ontwikkelingsperspectief.")
    GlossaryTerm.objects.create(slug="tlv", term="TLV", explanation="Een toelaatbaarheidsverklaring.")
    ArticlePageFactory(slug="alleen-ouders")
    ArticlePageFactory(slug="met-jongeren", youth=True)
    ArticlePageFactory(
        slug="met-kinderen",
        youth=True,
        children_title="Voor kinderen",
        children_body=[("paragraph", "Jij mag meepraten.")],
    )
    # A version needs both a title and a text.
    ArticlePageFactory(slug="titel-zonder-tekst", youth_title="Voor jongeren")
    ArticlePageFactory(slug="tekst-zonder-titel", children_body=[("paragraph", "Zonder titel.")])
    ArticlePageFactory(slug="ingetrokken", youth=True).unpublish()
    private(ArticlePageFactory(slug="afgeschermd", youth=True))
    return noord


BASE = "http://noord.localhost/"
EXPECTED = {
    BASE,
    f"{BASE}over-ons/",
    f"{BASE}over-ons/team/",
    f"{BASE}informatie/",
    f"{BASE}begrippen/",
    f"{BASE}begrippen/opp/",
    f"{BASE}begrippen/tlv/",
    f"{BASE}hulp-in-de-buurt/",
    f"{BASE}jongeren/",
    f"{BASE}informatie/alleen-ouders/",
    f"{BASE}informatie/met-jongeren/",
    f"{BASE}informatie/met-jongeren/jongeren/",
    f"{BASE}informatie/met-kinderen/",
    f"{BASE}informatie/met-kinderen/jongeren/",
    f"{BASE}informatie/met-kinderen/kinderen/",
    f"{BASE}informatie/titel-zonder-tekst/",
    f"{BASE}informatie/tekst-zonder-titel/",
}


def test_the_site_map_lists_every_public_address_of_the_site_once(client, content):
    found = locations(client, "/sitemap.xml", "noord.localhost")
    assert len(found) == len(set(found))
    assert set(found) == EXPECTED
    # Neither a page that is not live or private, nor an article that is unpublished or private.
    assert not [url for url in found if re.search("concept|intern|ingetrokken|afgeschermd", url)]


def index_locations(client, host):
    response = client.get("/sitemap.xml", HTTP_HOST=host)
    assert response.status_code == 200 and "<sitemapindex" in response.content.decode()
    return LOC.findall(response.content.decode())


SECTIONS = ["paginas", "begrippen", "informatie-ouders", "informatie-jongeren", "informatie-kinderen"]


def test_the_index_lists_the_sections_on_the_requesting_host(client, content):
    assert index_locations(client, "noord.localhost") == [
        f"http://noord.localhost/sitemap-{name}.xml" for name in SECTIONS
    ]
    # Another steunpunt: its own host, for its sections and for every address in them.
    midden = index_locations(client, "midden.localhost")
    assert midden == [f"http://midden.localhost/sitemap-{name}.xml" for name in SECTIONS]
    found = locations(client, "/sitemap.xml", "midden.localhost")
    assert "http://midden.localhost/informatie/met-kinderen/kinderen/" in found
    assert all(url.startswith("http://midden.localhost/") for url in found)
    assert "http://midden.localhost/over-ons/" not in found  # noord's page


def test_a_section_comes_in_pages_of_at_most_its_limit(client, content, monkeypatch):
    monkeypatch.setattr(sitemaps.ArticlesSitemap, "limit", 2)
    monkeypatch.setattr(sitemaps.PagesSitemap, "limit", 1)
    listed = index_locations(client, "noord.localhost")
    parents = "http://noord.localhost/sitemap-informatie-ouders.xml"
    assert [parents, f"{parents}?p=2", f"{parents}?p=3"] == [url for url in listed if url.startswith(parents)]
    assert len([url for url in listed if "sitemap-paginas.xml" in url]) == 3  # the home page and two more
    for number in ("1", "2"):
        body = client.get("/sitemap-informatie-ouders.xml", {"p": number}, HTTP_HOST="noord.localhost")
        assert len(LOC.findall(body.content.decode())) == 2
    # Together still every address, once.
    found = locations(client, "/sitemap.xml", "noord.localhost")
    assert len(found) == len(set(found)) and set(found) == EXPECTED
    for page in ("4", "0", "-1", "abc", "1.5", ""):
        response = client.get("/sitemap-informatie-ouders.xml", {"p": page}, HTTP_HOST="noord.localhost")
        assert response.status_code == 404, page
        assert "We kunnen deze pagina niet vinden" in response.content.decode()


def test_an_article_carries_the_date_it_was_last_published(client, content):
    body = client.get("/sitemap-informatie-jongeren.xml", HTTP_HOST="noord.localhost").content.decode()
    assert "<lastmod>" in body and body.count("<url>") == 2
    index = client.get("/sitemap.xml", HTTP_HOST="noord.localhost").content.decode()
    assert index.count("<lastmod>") == 4  # every section but the glossary, whose terms have no date


@pytest.mark.parametrize(
    ("host", "path"),
    [
        ("noord.localhost", "/sitemap-bestaat-niet.xml"),
        ("127.0.0.1", "/sitemap-informatie-ouders.xml"),
        ("onbekend.localhost", "/sitemap.xml"),
        ("onbekend.localhost", "/sitemap-paginas.xml"),
    ],
)
def test_an_unknown_section_or_host_is_not_found(client, noord, host, path):
    response = client.get(path, HTTP_HOST=host)
    assert response.status_code == 404
    assert "We kunnen deze pagina niet vinden" in response.content.decode()


def test_the_platform_site_lists_its_own_pages_only(client, noord):
    ArticlePageFactory(slug="zorgplicht")
    content_page(PlatformHomePage.objects.get(), "over-het-platform")
    assert index_locations(client, "127.0.0.1") == ["http://127.0.0.1/sitemap-paginas.xml"]
    found = locations(client, "/sitemap.xml", "127.0.0.1")
    assert set(found) == {"http://127.0.0.1/", "http://127.0.0.1/over-het-platform/"}


def test_a_private_home_page_hides_the_information_as_well(client, noord):
    ArticlePageFactory(slug="zorgplicht")
    private(noord.site.root_page)
    assert index_locations(client, "noord.localhost") == ["http://noord.localhost/sitemap-paginas.xml"]
    assert locations(client, "/sitemap.xml", "noord.localhost") == []


def _queries(client, path):
    client.get(path, HTTP_HOST="noord.localhost")  # the caches of sites and hosts filled
    with CaptureQueriesContext(connection) as queries:
        assert client.get(path, HTTP_HOST="noord.localhost").status_code == 200
    return len(queries)


def test_the_queries_of_a_section_page_do_not_grow_with_the_articles(client, noord):
    paths = ["/sitemap.xml", "/sitemap-paginas.xml", "/sitemap-begrippen.xml"]
    paths += [f"/sitemap-informatie-{segment}.xml" for segment in ("ouders", "jongeren", "kinderen")]
    versions = {"youth": True, "children_title": "Kind", "children_body": [("paragraph", "Tekst.")]}
    ArticlePageFactory.create_batch(5, **versions)
    few = {path: _queries(client, path) for path in paths}
    ArticlePageFactory.create_batch(25, **versions)
    many = {path: _queries(client, path) for path in paths}
    assert many == few
    body = client.get("/sitemap-informatie-kinderen.xml", HTTP_HOST="noord.localhost").content.decode()
    assert body.count("<url>") == 30
