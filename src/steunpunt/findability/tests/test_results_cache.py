"""The rendered results of a search are kept per site, language, audience, query and page under the
content's generation (findability.pages): the same page comes back without a query for the articles, a
change of content shows at once, nothing is served across sites, languages or readers, a meeting
leaves the results when it ends, and every search is still counted."""

import datetime

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from steunpunt.information import usage
from steunpunt.information.models import SearchCount
from steunpunt.information.tests.factories import ArticlePageFactory
from steunpunt.meetings.tests.factories import MeetingFactory

from .test_sitesearch import HOST, site  # noqa: F401 - the fixture

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _kept(settings):
    settings.SEARCH_CACHE_SECONDS = 300


def _results(response):
    html = response.content.decode()
    return html[html.index('<section aria-labelledby="resultaten-kop"') :]


def _reads_articles(queries):
    return [query["sql"] for query in queries if "information_articlepage" in query["sql"]]


def test_the_same_search_again_is_the_kept_page_without_reading_the_articles(client, site):  # noqa: F811
    first = client.get("/zoeken/", {"q": "dyslexie"}, **HOST)
    with CaptureQueriesContext(connection) as queries:
        again = client.get("/zoeken/", {"q": "dyslexie"}, **HOST)
    assert again.status_code == 200
    assert _results(again) == _results(first)
    assert "Dyslexiecentrum Noord" in _results(again) and "Informatie (2)" in _results(again)
    assert _reads_articles(queries.captured_queries) == []
    # The form around the results shows what the reader typed.
    assert 'value="dyslexie"' in again.content.decode()


def test_a_new_article_shows_in_the_next_search(client, site):  # noqa: F811
    assert "Informatie (2)" in _results(client.get("/zoeken/", {"q": "dyslexie"}, **HOST))
    ArticlePageFactory(
        title="Dyslexie en toetsen",
        slug="dyslexie-toetsen",
        summary="Extra tijd bij toetsen als uw kind dyslexie heeft.",
        body=[("paragraph", "Dyslexie en toetsen: wat de school moet doen.")],
    )
    response = client.get("/zoeken/", {"q": "dyslexie"}, **HOST)
    assert "Informatie (3)" in _results(response) and "Dyslexie en toetsen" in _results(response)


def test_kept_results_are_never_served_to_another_site_language_reader_or_page(client, site):  # noqa: F811
    noord = _results(client.get("/zoeken/", {"q": "dyslexie"}, **HOST))
    zuid = _results(client.get("/zoeken/", {"q": "dyslexie"}, HTTP_HOST="zuid.localhost"))
    assert "Dyslexiecentrum Noord" in noord and "Dyslexiecentrum Noord" not in zuid
    english = client.get("/en/zoeken/", {"q": "dyslexie"}, **HOST)
    assert english.status_code == 200
    assert "Information (2)" in _results(english) and "Informatie (2)" not in _results(english)
    youth = _results(client.get("/zoeken/", {"q": "dyslexie", "voor": "jongeren"}, **HOST))
    assert youth != noord
    # With nothing found the question form link carries the text as typed: another spelling, another page.
    lower = _results(client.get("/zoeken/", {"q": "quokka"}, **HOST))
    upper = _results(client.get("/zoeken/", {"q": "QUOKKA"}, **HOST))
    assert "vraag=quokka" in lower and "vraag=QUOKKA" in upper


def test_a_meeting_leaves_the_kept_results_when_it_ends(client, site):  # noqa: F811
    MeetingFactory(
        support_point=site,
        title="Inloop over dyslexie",
        starts_at=timezone.now() + datetime.timedelta(minutes=1),
        ends_at=timezone.now() + datetime.timedelta(minutes=2),
    )
    assert "Inloop over dyslexie" in _results(client.get("/zoeken/", {"q": "dyslexie"}, **HOST))
    with time_machine.travel(timezone.now() + datetime.timedelta(minutes=3)):
        later = _results(client.get("/zoeken/", {"q": "dyslexie"}, **HOST))
    assert "Inloop over dyslexie" not in later and "Thema-avond dyslexie" in later


def test_a_search_served_from_the_kept_page_is_still_counted(client, site):  # noqa: F811
    for _ in range(3):
        client.get("/zoeken/", {"q": "dyslexie"}, **HOST)
    usage.flush()
    count = SearchCount.objects.get(support_point=site, query="dyslexie")
    assert count.searches == 3 and count.results == 2
