"""The page cache: public pages for visitors without a session are built once and kept until the content
changes; forms, private pages and the back office never come from it."""

import re

import pytest
from django.core.cache import cache

from steunpunt.core import page_cache
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
    with django_assert_max_num_queries(1):  # the host lookup at most; no page, no template
        second = client.get("/informatie/thuiszitten/", **HOST)
    assert second["X-Page-Cache"] == "hit" and second.content == first.content
    assert "Content-Security-Policy" in second and second["X-Content-Type-Options"] == "nosniff"
    # The read is counted by the image the page loads, which no cache keeps.
    counter = re.search(r'<img src="(/gelezen/[^"]+)"', second.content.decode()).group(1)
    for _ in range(2):
        image = client.get(counter, **HOST)
        assert image.status_code == 200 and "X-Page-Cache" not in image
    assert ArticleView.objects.get().views == 2
    assert client.get("/informatie/thuiszitten/", HTTP_HOST="midden.localhost").status_code == 404


def test_a_change_of_content_makes_cached_pages_stale(client, site):
    client.get("/begrippen/", **HOST)
    GlossaryTerm.objects.create(slug="opp", term="OPP", explanation="Het ontwikkelingsperspectief.")
    response = client.get("/begrippen/", **HOST)
    assert response["X-Page-Cache"] == "miss" and "OPP" in response.content.decode()


def test_each_process_keeps_its_own_copy_in_front_of_the_shared_cache_under_the_same_generation(
    client, site, django_assert_max_num_queries
):
    first = client.get("/begrippen/", **HOST)
    assert first["X-Page-Cache"] == "miss"
    # The shared cache (Redis in production) loses the page: this process still has it.
    for key in list(page_cache._local):
        cache.delete(key)
    with django_assert_max_num_queries(1):
        second = client.get("/begrippen/", **HOST)
    assert second["X-Page-Cache"] == "hit" and second.content == first.content
    # Another process changes content: it moves the shared generation on, and this copy is not used.
    page_cache.bump_generation()
    assert client.get("/begrippen/", **HOST)["X-Page-Cache"] == "miss"


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


def test_after_the_cache_is_emptied_a_host_is_looked_up_again(client, platform):
    # The host lookup is remembered per generation; an emptied cache (a restart of Redis, or a test
    # that clears it) must never bring back an old generation and with it a steunpunt that is gone.
    SupportPointFactory(hostname="noord.localhost", name="Steunpunt Eerst")
    cache.clear()
    assert "Steunpunt Eerst" in client.get("/", **HOST).content.decode()
    from steunpunt.tenants.models import SupportPoint

    SupportPoint.objects.filter(site__hostname="noord.localhost").update(name="Steunpunt Daarna")
    cache.clear()  # a change without signals (as a restore or a flush), then the cache is emptied
    assert "Steunpunt Daarna" in client.get("/", **HOST).content.decode()


def test_an_emptied_cache_never_repeats_a_generation():
    from steunpunt.core.page_cache import bump_generation, current_generation

    seen = set()
    for _ in range(5):
        cache.clear()
        seen.add(current_generation())
        bump_generation()
        seen.add(current_generation())
    assert len(seen) == 10


def test_a_hit_on_redis_reads_the_generation_once_and_builds_no_client(
    client, redis_cache, site, monkeypatch
):
    """bench/README: a hit read the generation twice (host lookup, page cache) and Django's RedisCache
    built a new client for every call. Now one round trip, on a client kept for the process; a change of
    content still reaches the next request at once."""
    import redis

    calls, built = [], []
    execute, init = redis.Redis.execute_command, redis.Redis.__init__
    monkeypatch.setattr(
        redis.Redis, "execute_command", lambda self, *a, **k: calls.append(a[0]) or execute(self, *a, **k)
    )
    monkeypatch.setattr(redis.Redis, "__init__", lambda self, *a, **k: built.append(1) or init(self, *a, **k))
    assert client.get("/begrippen/", **HOST)["X-Page-Cache"] == "miss"
    calls.clear()
    built.clear()
    assert client.get("/begrippen/", **HOST)["X-Page-Cache"] == "hit"
    assert (calls, built) == (["GET"], [])
    GlossaryTerm.objects.create(slug="opp", term="OPP", explanation="Het ontwikkelingsperspectief.")
    response = client.get("/begrippen/", **HOST)
    assert response["X-Page-Cache"] == "miss" and "OPP" in response.content.decode()


def test_a_miss_on_redis_reads_the_generation_and_the_page_and_keeps_the_site_root_paths(
    client, redis_cache, site, monkeypatch
):
    """bench P3: a page nobody asked for before also read Wagtail's site root paths from the shared
    cache (``wagtail_site_root_paths``), at every request. They are kept per content generation now, and
    a change of a site still shows on the next request."""
    import redis
    from wagtail.models import Site

    ArticlePageFactory(slug="passend-onderwijs", title="Passend onderwijs")
    calls = []
    execute = redis.Redis.execute_command
    monkeypatch.setattr(
        redis.Redis, "execute_command", lambda self, *a, **k: calls.append(a[:2]) or execute(self, *a, **k)
    )
    assert client.get("/informatie/thuiszitten/", **HOST)["X-Page-Cache"] == "miss"
    calls.clear()
    response = client.get("/informatie/passend-onderwijs/", **HOST)
    assert response["X-Page-Cache"] == "miss"
    assert [command for command, _key in calls] == ["GET", "GET", "SET"], calls
    assert not any("wagtail_site_root_paths" in str(key) for _command, key in calls)
    assert response.wsgi_request._wagtail_cached_site_root_paths == Site.get_site_root_paths()

    Site.objects.filter(pk=site.site_id).update(port=8080)
    Site.objects.get(pk=site.site_id).save()  # as the site's form saves it: the generation moves on
    response = client.get("/informatie/thuiszitten/", **HOST)
    assert any(
        path.root_url.endswith(":8080") for path in response.wsgi_request._wagtail_cached_site_root_paths
    )


def test_only_links_between_content_move_the_generation_on(platform):
    """A question's themes or a user's groups are no content: changing them keeps every kept page (it
    made every page stale at each question); a story's themes are shown, so they move it on."""
    from django.contrib.auth.models import Group

    from steunpunt.core.page_cache import current_generation
    from steunpunt.information.tests.factories import ThemeFactory
    from steunpunt.stories.tests.factories import StoryFactory
    from steunpunt.support.tests.factories import CaseFactory
    from steunpunt.tenants.tests.factories import SupportPointFactory, UserFactory

    support_point = SupportPointFactory(hostname="noord.localhost")
    theme = ThemeFactory()
    case = CaseFactory(support_point=support_point)
    story = StoryFactory(support_point=support_point)
    user = UserFactory()
    before = current_generation()
    case.themes.add(theme)
    user.groups.add(Group.objects.create(name="Iemand"))
    assert current_generation() == before
    story.themes.add(theme)
    assert current_generation() != before


def test_incr_on_redis_is_one_round_trip_and_keeps_djangos_contract(redis_cache, monkeypatch):
    """The limit per address of every public form counts with ``incr`` (django-ratelimit: add, then
    incr): one command instead of Django's EXISTS and INCRBY, and a missing key is still a ValueError."""
    import redis

    calls = []
    execute = redis.Redis.execute_command
    monkeypatch.setattr(
        redis.Redis, "execute_command", lambda self, *a, **k: calls.append(a[0]) or execute(self, *a, **k)
    )
    with pytest.raises(ValueError, match="not found"):
        cache.incr("never-set")
    assert cache.get("never-set") is None  # not made by the failed increment
    cache.set("counter", 5, timeout=60)
    calls.clear()
    assert cache.incr("counter") == 6
    assert calls == ["EVALSHA"]
    assert cache.incr("counter", 10) == 16 and cache.decr("counter", 2) == 14 and cache.get("counter") == 14
    # The key keeps its timeout (the limit's window ends).
    assert 0 < cache._cache.get_client().ttl(cache.make_and_validate_key("counter")) <= 60
