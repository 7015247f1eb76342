"""The parts of a public page kept per content generation ({% kept %}: the menu, the footer's contact
block) are rendered once, and a change of the steunpunt's details shows on the very next page, in the
reader's language, never another steunpunt's."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from steunpunt.tenants.models import OpeningPeriod
from steunpunt.tenants.tests.factories import SupportPointFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def sites(platform):
    return SupportPointFactory(hostname="noord.localhost", name="Steunpunt Noord"), SupportPointFactory(
        hostname="zuid.localhost", name="Steunpunt Zuid"
    )


def _page(client, host, path="/scholen/"):
    with CaptureQueriesContext(connection) as queries:
        html = client.get(path, HTTP_HOST=host).content.decode()
    return html, [q["sql"] for q in queries if "tenants_openingperiod" in q["sql"]]


def test_the_contact_block_is_read_once_and_a_change_shows_on_the_next_page(client, sites):
    noord, _zuid = sites
    OpeningPeriod.objects.create(
        support_point=noord, weekday=1, opens=datetime.time(9), closes=datetime.time(12)
    )
    html, reads = _page(client, "noord.localhost")
    assert "09:00 – 12:00" in html and reads
    html, reads = _page(client, "noord.localhost", "/begrippen/")
    assert "09:00 – 12:00" in html and reads == []  # kept from the first page
    period = OpeningPeriod.objects.get(support_point=noord)
    period.closes = datetime.time(16, 30)
    period.save()
    html, reads = _page(client, "noord.localhost", "/begrippen/")
    assert "09:00 – 16:30" in html and "12:00" not in html and reads


def test_each_steunpunt_and_language_has_its_own_kept_parts(client, sites):
    noord, _zuid = sites
    OpeningPeriod.objects.create(
        support_point=noord, weekday=1, opens=datetime.time(9), closes=datetime.time(12)
    )
    noord_html, _ = _page(client, "noord.localhost")
    zuid_html, _ = _page(client, "zuid.localhost")
    assert "Steunpunt Noord" in noord_html and "Steunpunt Zuid" not in noord_html
    assert "Steunpunt Zuid" in zuid_html and "Steunpunt Noord" not in zuid_html
    assert "09:00 – 12:00" not in zuid_html
    english, _ = _page(client, "noord.localhost", "/en/scholen/")
    assert 'href="/en/informatie/"' in english and 'href="/informatie/"' not in english
    dutch, _ = _page(client, "noord.localhost", "/scholen/")
    assert 'href="/informatie/"' in dutch and 'href="/en/informatie/"' not in dutch


def test_a_view_restriction_on_a_steunpunts_site_is_checked_at_once_and_otherwise_costs_no_query(
    client, sites
):
    """Whether a restriction applies is kept per content generation: a site without one reads none on
    every page, and a restriction added (or removed) in the back office takes effect on the next page."""
    from wagtail.models import PageViewRestriction

    noord, _zuid = sites

    def restriction_reads(path="/begrippen/"):
        with CaptureQueriesContext(connection) as queries:
            response = client.get(path, HTTP_HOST="noord.localhost")
        return response, [q for q in queries if "wagtailcore_pageviewrestriction" in q["sql"]]

    restriction_reads()
    response, reads = restriction_reads()
    assert response.status_code == 200 and reads == []
    restriction = PageViewRestriction.objects.create(
        page=noord.site.root_page, restriction_type=PageViewRestriction.PASSWORD, password="geheim"
    )
    response, reads = restriction_reads()
    assert reads and 'name="password"' in response.content.decode()
    response, _reads = restriction_reads("/informatie/")
    assert 'name="password"' in response.content.decode()
    restriction.delete()
    response, _reads = restriction_reads()
    assert response.status_code == 200 and 'name="password"' not in response.content.decode()
