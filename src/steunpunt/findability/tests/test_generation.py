"""What the searches keep is keyed on the content's generation, read from the cache once per request
(with the cache on Redis each read is a round trip), and each change of content moves it on once."""

import pytest
from django.core.cache import cache

from steunpunt.core import page_cache
from steunpunt.information.models import SearchSynonym
from steunpunt.information.tests.factories import ArticlePageFactory, GlossaryTermFactory
from steunpunt.meetings.tests.factories import MeetingFactory
from steunpunt.tenants.tests.factories import SupportPointFactory

pytestmark = pytest.mark.django_db
HOST = {"HTTP_HOST": "noord.localhost"}


@pytest.fixture
def noord(platform):
    noord = SupportPointFactory(hostname="noord.localhost")
    ArticlePageFactory(title="Dyslexie op school", slug="dyslexie", summary="Extra tijd bij toetsen.")
    GlossaryTermFactory(term="Dyslexie", slug="dyslexie", explanation="Moeite met lezen en spellen.")
    return noord


@pytest.fixture
def generation_reads(monkeypatch):
    """Counts the reads of the generation key; every read still goes to the real cache."""
    reads = []
    real_get = cache.get

    def counting_get(key, *args, **kwargs):
        if key == page_cache.GENERATION_KEY:
            reads.append(key)
        return real_get(key, *args, **kwargs)

    monkeypatch.setattr(cache, "get", counting_get)
    return reads


@pytest.mark.parametrize(
    "address", ["/zoeken/?q=dyslexie", "/zoeken/suggesties/?q=dysl", "/zoeken/?q=dislexie"]
)
def test_a_search_or_suggestion_reads_the_generation_once(client, noord, generation_reads, address):
    client.get("/zoeken/?q=warm", **HOST)  # the process's lists are built
    generation_reads.clear()
    response = client.get(address, **HOST)
    assert response.status_code == 200
    assert len(generation_reads) == 1


@pytest.mark.parametrize(
    "change",
    [
        lambda noord: MeetingFactory(support_point=noord),
        lambda noord: SearchSynonym.objects.create(term="leesprobleem", means="dyslexie"),
        lambda noord: GlossaryTermFactory(term="TLV", slug="tlv", explanation="Een papier."),
    ],
)
def test_a_change_moves_the_generation_on_once(noord, change):
    before = page_cache.current_generation()
    change(noord)
    assert page_cache.current_generation() == before + 1


def test_a_request_that_changes_content_reads_the_new_generation_after_the_change(noord, rf):
    request = rf.get("/")
    with page_cache.generation_for_request(request) as read:
        assert page_cache.current_generation() == read
        page_cache.bump_generation()
        assert page_cache.current_generation() == read + 1
    assert page_cache.current_generation() == read + 1
