"""The national set on every steunpunt's site, per audience, with the regional supplement."""

import pytest

from steunpunt.information.services import supplement_approve, supplement_save
from steunpunt.tenants.roles import Role
from steunpunt.tenants.tests.factories import MembershipFactory, SupportPointFactory, UserFactory

from .factories import ArticlePageFactory, ThemeFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def sites(platform):
    return (
        SupportPointFactory(hostname="noord.localhost", partnership_codes=["PO2001"]),
        SupportPointFactory(hostname="midden.localhost", partnership_codes=["PO2601"]),
    )


def test_a_national_article_is_shown_on_every_steunpunt_site(client, sites):
    article = ArticlePageFactory(title="Zorgplicht", slug="zorgplicht")
    article.themes.add(ThemeFactory(name="Aanmelden"))
    article.save()
    for support_point in sites:
        response = client.get("/informatie/zorgplicht/", HTTP_HOST=support_point.site.hostname)
        html = response.content.decode()
        assert response.status_code == 200
        assert "<h1>Zorgplicht</h1>" in html
        assert support_point.name in html
        assert "nog niet gevalideerd" in html
        index = client.get("/informatie/", HTTP_HOST=support_point.site.hostname).content.decode()
        assert 'href="/informatie/zorgplicht/"' in index


def test_the_reader_switches_between_existing_audience_versions_only(client, sites):
    ArticlePageFactory(slug="thuiszitten", youth=True)
    ArticlePageFactory(slug="alleen-ouders")
    host = {"HTTP_HOST": "noord.localhost"}
    parents = client.get("/informatie/thuiszitten/", **host).content.decode()
    assert 'href="/informatie/thuiszitten/jongeren/"' in parents
    assert "kinderen/" not in parents
    youth = client.get("/informatie/thuiszitten/jongeren/", **host)
    assert "<h1>Voor jongeren</h1>" in youth.content.decode()
    assert 'aria-current="page"' in youth.content.decode()
    assert client.get("/informatie/thuiszitten/kinderen/", **host).status_code == 404
    assert client.get("/informatie/thuiszitten/onzin/", **host).status_code == 404
    assert client.get("/informatie/bestaat-niet/", **host).status_code == 404
    only = client.get("/informatie/alleen-ouders/", **host).content.decode()
    # No version for young people; the menu's page for young people is another address.
    assert "/informatie/alleen-ouders/jongeren/" not in only
    redirect = client.get("/informatie/thuiszitten/ouders/", **host)
    assert redirect.status_code == 301 and redirect["Location"].endswith("/informatie/thuiszitten/")


def test_a_regional_supplement_appears_only_on_its_own_site(client, sites):
    noord, _midden = sites
    article = ArticlePageFactory(slug="tlv")
    supplement = supplement_save(
        article=article, support_point=noord, body=[("paragraph", "Bel ons op dinsdag.")], by=UserFactory()
    )
    colleague = MembershipFactory(support_point=noord, role=Role.COORDINATOR).user
    supplement_approve(supplement=supplement, by=colleague)
    noord_html = client.get("/informatie/tlv/", HTTP_HOST="noord.localhost").content.decode()
    midden_html = client.get("/informatie/tlv/", HTTP_HOST="midden.localhost").content.decode()
    assert "Wat betekent dit in onze regio?" in noord_html and "Bel ons op dinsdag." in noord_html
    assert "Bel ons op dinsdag." not in midden_html


def test_unpublished_articles_are_not_shown(client, sites):
    article = ArticlePageFactory(slug="concept")
    article.unpublish()
    assert client.get("/informatie/concept/", HTTP_HOST="noord.localhost").status_code == 404


def test_each_site_map_lists_the_articles_and_their_versions(client, sites):
    ArticlePageFactory(slug="opp", youth=True)
    # The site map is an index of sections, one per audience for the articles.
    body = "".join(
        client.get(path, HTTP_HOST="midden.localhost").content.decode()
        for path in ("/sitemap.xml", "/sitemap-informatie-ouders.xml", "/sitemap-informatie-jongeren.xml")
    )
    assert "<loc>http://midden.localhost/sitemap-informatie-jongeren.xml</loc>" in body
    assert "<loc>http://midden.localhost/informatie/opp/</loc>" in body
    assert "<loc>http://midden.localhost/informatie/opp/jongeren/</loc>" in body
    assert "landelijke-informatie" not in body


def test_the_information_index_comes_in_pages_and_by_theme(client, platform):
    from steunpunt.information.routes import INDEX_PAGE_SIZE

    SupportPointFactory(hostname="noord.localhost")
    theme = ThemeFactory(slug="mbo", name="Mbo")
    for number in range(INDEX_PAGE_SIZE + 2):
        article = ArticlePageFactory(title=f"Artikel {number:02d}", slug=f"artikel-{number:02d}")
        if number < 3:
            article.themes = [theme]
            article.save_revision().publish()
    first = client.get("/informatie/", HTTP_HOST="noord.localhost")
    assert len(first.context["articles"]) == INDEX_PAGE_SIZE and "pagina=2" in first.content.decode()
    second = client.get("/informatie/", {"pagina": "2"}, HTTP_HOST="noord.localhost")
    assert len(second.context["articles"]) == 2
    by_theme = client.get("/informatie/", {"thema": "mbo"}, HTTP_HOST="noord.localhost")
    assert [a.title for a in by_theme.context["articles"]] == ["Artikel 00", "Artikel 01", "Artikel 02"]
    assert (
        client.get(
            "/informatie/", {"thema": "onbekend", "pagina": "x"}, HTTP_HOST="noord.localhost"
        ).status_code
        == 200
    )
    # Not a slug: all articles.
    odd = client.get("/informatie/", {"thema": "mbo'"}, HTTP_HOST="noord.localhost")
    assert odd.status_code == 200 and len(odd.context["articles"]) == INDEX_PAGE_SIZE
    # A NUL byte (wapiti sent one; PostgreSQL refuses it in a query) gets the Dutch 400 page.
    assert client.get("/informatie/", {"thema": "mbo\x00"}, HTTP_HOST="noord.localhost").status_code == 400


def test_copying_a_page_under_a_parent_that_is_not_a_page_is_not_found(staff_client):
    """wapiti (`make security`) sent a non-number as the new parent: Wagtail answered a 500."""
    administrator = UserFactory(is_superuser=True, is_staff=True)
    article = ArticlePageFactory(title="Te kopiëren", slug="te-kopieren")
    client = staff_client(administrator)
    url = f"/admin/pages/{article.pk}/copy/"
    assert client.get(url).status_code == 200
    for wanted in ("1¿'\"(", "", "99999999", "1" * 30):
        answer = client.post(url, {"new_title": "Kopie", "new_slug": "kopie", "new_parent_page": wanted})
        assert answer.status_code == 404, wanted
    parent = article.get_parent()
    answer = client.post(url, {"new_title": "Kopie", "new_slug": "kopie", "new_parent_page": parent.pk})
    assert answer.status_code == 302
