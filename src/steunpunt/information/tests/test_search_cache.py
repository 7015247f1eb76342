"""The cached search: the same articles in the same order as the database gives, fresh after every
change, in pages; the counts of searches written in batches stay exact; odd input gets an answer."""

import time

import pytest
from django.core.paginator import Paginator

from steunpunt.information import search, usage
from steunpunt.information.models import SearchCount, SearchSynonym
from steunpunt.tenants.tests.factories import SupportPointFactory

from .factories import ArticlePageFactory

pytestmark = pytest.mark.django_db
HOST = {"HTTP_HOST": "noord.localhost"}


@pytest.fixture
def site(platform):
    return SupportPointFactory(hostname="noord.localhost")


@pytest.fixture
def ranked(site):
    """25 articles about 'overstap', more or less relevant (in the title, once or often in the text)."""
    articles = []
    for number in range(25):
        words = " ".join(["overstap"] * (1 + number % 4))
        articles.append(
            ArticlePageFactory(
                title=f"Overstap {number}" if number % 3 == 0 else f"Voortgezet onderwijs {number}",
                slug=f"overstap-{number}",
                body=[("paragraph", f"Over de {words} naar het voortgezet onderwijs, deel {number}.")],
            )
        )
    ArticlePageFactory(title="Vervoer", slug="vervoer", body=[("paragraph", "Leerlingenvervoer.")])
    return articles


@pytest.fixture
def pending_counts():
    """The counts waiting in this process belong to this test only."""
    usage._pending.clear()
    usage._pending_searches.clear()
    yield
    usage._pending.clear()
    usage._pending_searches.clear()


def _pks(articles):
    return [article.pk for article in articles]


def _uncached(query, start, stop):
    return _pks(search.search_articles(query)[start:stop])


def _titles(response):
    return [article.title for article in response.context["results"]]


def test_the_cached_search_gives_the_same_articles_in_the_same_order(ranked, settings):
    settings.SEARCH_CACHE_SECONDS = 300
    uncached = search.search_articles("overstap")
    assert uncached.count() == 25
    paginator = Paginator(search.find_articles("overstap"), search.RESULTS_PER_PAGE)
    assert paginator.count == 25 and paginator.num_pages == 2
    for number, (start, stop) in enumerate([(0, 20), (20, 25)], 1):
        assert _pks(paginator.page(number).object_list) == _uncached("overstap", start, stop)
    # Again, now from the cache.
    paginator = Paginator(search.find_articles("overstap"), search.RESULTS_PER_PAGE)
    assert _pks(paginator.page(2).object_list) == _uncached("overstap", 20, 25)


def test_a_kept_search_costs_one_query_for_a_new_page_and_none_for_a_kept_one(
    ranked, settings, django_assert_num_queries
):
    settings.SEARCH_CACHE_SECONDS = 300
    first = search.find_articles("overstap")[0:20]
    with django_assert_num_queries(1):
        # Another page: its articles.
        assert len(search.find_articles("overstap")[20:25]) == 5
    with django_assert_num_queries(0):
        # A page shown before: nothing from the database.
        again = search.find_articles("overstap")
        assert again.count() == 25 and _pks(again[0:20]) == _pks(first)
        assert [card.title for card in again[0:20]] == [article.title for article in first]


def test_synonyms_are_part_of_the_kept_search(ranked, settings):
    settings.SEARCH_CACHE_SECONDS = 300
    assert search.find_articles("schoolwissel").count() == 0
    SearchSynonym.objects.create(term="schoolwissel", means="overstap")
    assert search.find_articles("schoolwissel").count() == 25


def test_pages_beyond_the_kept_ids_come_from_the_database_in_the_same_order(ranked, settings, monkeypatch):
    settings.SEARCH_CACHE_SECONDS = 300
    monkeypatch.setattr(search, "CACHED_RESULTS", 10)
    results = search.find_articles("overstap")
    assert results.count() == 25 and len(results.ranking()[2]) == 10
    assert _pks(results[0:10]) == _uncached("overstap", 0, 10)
    assert _pks(results[10:20]) == _uncached("overstap", 10, 20)
    assert _pks(results[20:25]) == _uncached("overstap", 20, 25)
    assert _pks(results[5:15]) == _uncached("overstap", 5, 15)


def test_without_the_cache_the_search_is_the_same(ranked, settings):
    settings.SEARCH_CACHE_SECONDS = 0
    results = search.find_articles("overstap")
    assert results.count() == 25 and _pks(results[20:40]) == _uncached("overstap", 20, 25)


def test_publishing_and_unpublishing_show_in_the_next_search(client, ranked, settings):
    settings.SEARCH_CACHE_SECONDS = 300
    assert client.get("/zoeken/", {"q": "overstap"}, **HOST).context["total"] == 25
    gone = ranked[0]
    gone.unpublish()
    response = client.get("/zoeken/", {"q": "overstap"}, **HOST)
    assert response.context["total"] == 24
    assert gone.title not in _titles(response)
    new = ArticlePageFactory(title="Overstap overstap nieuw", slug="overstap-nieuw")
    new.body = [("paragraph", "De overstap, de overstap en nog eens de overstap.")]
    new.save_revision().publish()
    response = client.get("/zoeken/", {"q": "overstap"}, **HOST)
    assert response.context["total"] == 25
    assert _pks(response.context["results"]) == _uncached("overstap", 0, 20)
    assert "Overstap overstap nieuw" in _titles(response)


def test_page_two_of_the_view(client, ranked, settings):
    settings.SEARCH_CACHE_SECONDS = 300
    first = client.get("/zoeken/", {"q": "overstap"}, **HOST)
    second = client.get("/zoeken/", {"q": "overstap", "pagina": "2"}, **HOST)
    assert [len(_titles(r)) for r in (first, second)] == [20, 5]
    assert _pks(second.context["results"]) == _uncached("overstap", 20, 25)
    html = second.content.decode()
    assert "Pagina 2 van 2" in html and "pagina=1" in html and "25 resultaten" in html
    assert len(set(_titles(first) + _titles(second))) == 25


def test_counts_written_in_batches_are_exact(client, ranked, site, settings, pending_counts, monkeypatch):
    settings.ARTICLE_VIEW_FLUSH_SECONDS = 3600
    monkeypatch.setattr(usage, "_last_flush", [time.monotonic()])
    for _ in range(7):
        client.get("/zoeken/", {"q": "Overstap "}, **HOST)
    for _ in range(3):
        client.get("/zoeken/", {"q": "vervoer"}, **HOST)
    client.get("/zoeken/", {"q": "vervoer", "pagina": "2"}, **HOST)  # paging is no new search
    for _ in range(4):
        client.get("/zoeken/", {"q": "niets te vinden hier"}, **HOST)
    assert not SearchCount.objects.exists()  # waiting in memory, no row locked meanwhile
    usage.flush()
    counts = {c.query: (c.searches, c.results) for c in SearchCount.objects.filter(support_point=site)}
    assert counts == {"overstap": (7, 25), "vervoer": (3, 1), "niets te vinden hier": (4, 0)}
    # More searches add to today's rows.
    client.get("/zoeken/", {"q": "overstap"}, **HOST)
    ranked[1].unpublish()
    client.get("/zoeken/", {"q": "overstap"}, **HOST)
    usage.flush()
    assert SearchCount.objects.get(query="overstap").searches == 9
    assert SearchCount.objects.get(query="overstap").results == 24  # the latest number of results


def test_counts_of_several_sites_stay_apart(client, ranked, site, settings, pending_counts, monkeypatch):
    settings.ARTICLE_VIEW_FLUSH_SECONDS = 3600
    monkeypatch.setattr(usage, "_last_flush", [time.monotonic()])
    midden = SupportPointFactory(hostname="midden.localhost")
    client.get("/zoeken/", {"q": "overstap"}, **HOST)
    client.get("/zoeken/", {"q": "overstap"}, HTTP_HOST="midden.localhost")
    client.get("/zoeken/", {"q": "overstap"}, HTTP_HOST="midden.localhost")
    usage.flush()
    counts = {c.support_point_id: c.searches for c in SearchCount.objects.all()}
    assert counts == {site.pk: 1, midden.pk: 2}


ODD_QUERIES = [
    "",
    " ",
    "x" * 5000,
    "overstap " * 600,
    "İ" * 300,
    "\x01",
    "overstap\x07school",
    "-",
    "- -- ---",
    "_",
    "'; DROP TABLE x; --",
    "overstap & | ! ( ) :* <-> \\ %",
    "&&",
    "😀 overstap",
    "de het een",
    " ".join(str(number) for number in range(100)),
    " ".join(f"woord{number}" for number in range(40)),
    '"overstap"',
]


def test_odd_input_gets_a_dutch_answer(client, ranked):
    SearchSynonym.objects.create(term="overstap", means="\n".join(f"andere school {n}" for n in range(8)))
    SearchSynonym.objects.create(term="woord1", means="\n".join(" ".join(["lang"] * 30) for n in range(3)))
    for query in ODD_QUERIES:
        response = client.get("/zoeken/", {"q": query}, **HOST)
        assert response.status_code == 200, query
        html = response.content.decode()
        assert "Zoek in de informatie" in html
        assert ("eerste 200 tekens" in html) == (len(query) > 200)
    # A NUL character never reaches the search: the address gets the Dutch 400 page (core.middleware).
    for query in ("\x00", "overstap\x00school"):
        response = client.get("/zoeken/", {"q": query}, **HOST)
        assert response.status_code == 400 and "Dit adres klopt niet" in response.content.decode()


def test_odd_page_numbers_get_a_page_that_exists(client, ranked):
    for page in ["abc", "99999", "0", "-1", "2.5", "", "1e3", "\x01", "9" * 400]:
        for name in ("pagina", "page"):
            response = client.get("/zoeken/", {"q": "overstap", name: page}, **HOST)
            assert response.status_code == 200, page
            # Read from the page as shown: a results page asked before is served as kept HTML.
            html = response.content.decode()
            articles = html[html.index('id="groep-informatie"') :].split("</section>")[0]
            assert articles.count('class="card-title"') in (20, 5) and "25 resultaten" in html


def test_odd_searches_are_counted_within_the_field(client, ranked, site):
    client.get("/zoeken/", {"q": "İ" * 300}, **HOST)
    client.get("/zoeken/", {"q": "\x01overstap"}, **HOST)
    counts = {c.query: (c.searches, c.results) for c in SearchCount.objects.all()}
    assert counts == {"i̇" * 100: (1, 0), "overstap": (1, 25)}
