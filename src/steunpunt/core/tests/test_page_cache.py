"""The page cache: public pages for visitors without a session are built once and kept until the content
changes; forms, private pages and the back office never come from it."""

import pytest
from django.core.cache import cache

from steunpunt.information.models import ArticleView, GlossaryTerm
from steunpunt.information.tests.factories import ArticlePageFactory
from steunpunt.tenants.tests.factories import SupportPointFactory

pytestmark = pytest.mark.django_db
HOST = {"HTTP_HOST": "noord.localhost"}


@pytest.fixture
def site(platform, settings):
    settings.PAGE_CACHE_SECONDS = 300
    cache.clear()
    support_point = SupportPointFactory(hostname="noord.localhost")
    ArticlePageFactory(slug="thuiszitten", title="Thuiszitten", youth=True)
    return support_point


def test_a_public_page_is_built_once_and_still_counted_and_secured(
    client, site, django_assert_max_num_queries
):
    first = client.get("/informatie/thuiszitten/", **HOST)
    assert first["X-Page-Cache"] == "miss"
    with django_assert_max_num_queries(3):  # the host lookup and the read count; no page, no template
        second = client.get("/informatie/thuiszitten/", **HOST)
    assert second["X-Page-Cache"] == "hit" and second.content == first.content
    assert "Content-Security-Policy" in second and second["X-Content-Type-Options"] == "nosniff"
    assert ArticleView.objects.get().views == 2
    assert client.get("/informatie/thuiszitten/", HTTP_HOST="midden.localhost").status_code == 404


def test_a_change_of_content_makes_cached_pages_stale(client, site):
    client.get("/begrippen/", **HOST)
    GlossaryTerm.objects.create(slug="opp", term="OPP", explanation="Het ontwikkelingsperspectief.")
    response = client.get("/begrippen/", **HOST)
    assert response["X-Page-Cache"] == "miss" and "OPP" in response.content.decode()


@pytest.mark.parametrize(
    "path", ["/vraag/", "/zoeken/?q=school", "/bijeenkomsten/", "/ervaringen/", "/admin/login/"]
)
def test_forms_searches_and_the_back_office_never_come_from_the_cache(client, site, path):
    client.get(path, **HOST)
    assert "X-Page-Cache" not in client.get(path, **HOST)


def test_a_visitor_with_a_session_gets_a_freshly_built_page(client, site):
    client.get("/informatie/thuiszitten/", **HOST)
    client.cookies["sessionid"] = "abc"
    assert "X-Page-Cache" not in client.get("/informatie/thuiszitten/", **HOST)
