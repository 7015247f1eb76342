"""For editors: searches without a result or without a click, "add as synonym" in one step, and the
"found it" rate per period, each steunpunt's editors seeing their own searches only."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from steunpunt.findability import selectors
from steunpunt.findability.models import ResultClick
from steunpunt.information.models import SearchCount, SearchSynonym
from steunpunt.information.tests.factories import ArticlePageFactory
from steunpunt.tenants.roles import Role
from steunpunt.tenants.tests.factories import MembershipFactory, SupportPointFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def searches(platform):
    noord = SupportPointFactory(hostname="noord.localhost")
    zuid = SupportPointFactory(hostname="zuid.localhost")
    today = timezone.localdate()
    monday = today - datetime.timedelta(days=today.weekday())
    last_week = monday - datetime.timedelta(days=7)
    rows = [
        # steunpunt, query, day, searches, results, clicks
        (noord, "thuiszitten", monday, 4, 2, 3),
        (noord, "thuiszitten", last_week, 2, 2, 5),  # more clicks than searches count as 2
        (noord, "leerlingenvervoer", monday, 3, 1, 0),  # found, never opened
        (noord, "woordblind", monday, 5, 0, 0),  # nothing found
        (zuid, "geheim van zuid", monday, 9, 0, 0),
    ]
    for support_point, query, day, count, results, clicks in rows:
        SearchCount.objects.create(
            support_point=support_point, query=query, day=day, searches=count, results=results
        )
        if clicks:
            ResultClick.objects.create(
                support_point=support_point, query=query, day=day, kind="article", position=1, clicks=clicks
            )
    return noord, zuid, monday, last_week


def test_the_found_it_rate_per_week_counts_a_search_found_when_a_click_followed(searches):
    noord, _zuid, monday, last_week = searches
    editor = MembershipFactory(support_point=noord, role=Role.EDITOR).user
    rates = selectors.found_it_rates(editor, days=30, period="week")
    assert [(row["start"], row["searches"], row["found"]) for row in rates] == [
        (monday, 7, 3),
        (last_week, 2, 2),
    ]
    assert rates[0]["rate"] == pytest.approx(3 / 7)


def test_each_steunpunts_editors_see_their_own_searches_and_national_editors_every_one(searches):
    noord, _zuid, _monday, _last_week = searches
    editor = MembershipFactory(support_point=noord, role=Role.EDITOR).user
    national = MembershipFactory(support_point=noord, role=Role.NATIONAL_EDITOR).user
    consultant = MembershipFactory(support_point=noord, role=Role.CONSULTANT).user
    assert [row["query"] for row in selectors.searches_not_found(editor)] == [
        "woordblind",
        "leerlingenvervoer",
    ]
    assert [row["query"] for row in selectors.searches_not_found(national)] == [
        "geheim van zuid",
        "woordblind",
        "leerlingenvervoer",
    ]
    assert selectors.searches_not_found(consultant) == []
    assert not selectors.may_view(consultant)


def test_the_screen_shows_the_rate_and_offers_add_as_synonym_to_national_editors_only(staff_client, searches):
    noord, _zuid, _monday, _last_week = searches
    editor = MembershipFactory(support_point=noord, role=Role.EDITOR).user
    client = staff_client(editor)
    response = client.get(reverse("findability_report"), {"periode": "week", "dagen": "30"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Gevonden" in html and "43%" in html
    assert "woordblind" in html and "geheim van zuid" not in html
    assert "toevoegen als synoniem" not in html
    assert client.get(reverse("findability_synonym"), {"zoekterm": "woordblind"}).status_code == 404
    # Odd choices fall back to the defaults.
    assert client.get(reverse("findability_report"), {"periode": "<x>", "dagen": "7x"}).status_code == 200

    client.logout()
    national = MembershipFactory(support_point=noord, role=Role.NATIONAL_EDITOR).user
    client = staff_client(national)
    html = client.get(reverse("findability_report")).content.decode()
    assert "“woordblind” toevoegen als synoniem" in html
    assert f"{reverse('findability_synonym')}?zoekterm=woordblind" in html


def test_a_consultant_gets_404_for_the_screens(staff_client, searches):
    noord, *_rest = searches
    client = staff_client(MembershipFactory(support_point=noord, role=Role.CONSULTANT).user)
    assert client.get(reverse("findability_report")).status_code == 404
    assert client.post(reverse("findability_synonym"), {"query": "x", "means": "y"}).status_code == 404
    assert not SearchSynonym.objects.exists()


def test_add_as_synonym_in_one_step_and_the_next_search_finds_it(staff_client, client, searches):
    noord, *_rest = searches
    ArticlePageFactory(
        title="Dyslexie op school",
        slug="dyslexie",
        summary="Wat de school doet bij dyslexie.",
        body=[("paragraph", "Extra tijd bij toetsen.")],
    )
    concept = SearchSynonym.objects.create(term="dislexie", means="dyslexie")
    assert client.get("/zoeken/", {"q": "woordblind"}, HTTP_HOST="noord.localhost").context["total"] == 0

    national = MembershipFactory(support_point=noord, role=Role.NATIONAL_EDITOR).user
    staff = staff_client(national)
    form = staff.get(reverse("findability_synonym"), {"zoekterm": "woordblind"})
    assert 'value="woordblind"' in form.content.decode()
    response = staff.post(reverse("findability_synonym"), {"query": "woordblind", "concept": concept.pk})
    assert response.status_code == 302 and response["Location"] == reverse("findability_report")
    assert SearchSynonym.objects.get(term="woordblind").means == "dyslexie"
    staff.logout()

    found = client.get("/zoeken/", {"q": "woordblind"}, HTTP_HOST="noord.localhost")
    assert [item["title"] for item in found.context["articles"]] == ["Dyslexie op school"]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"query": "woordblind"}, "Kies een synoniem, of schrijf op waar ook naar gezocht moet worden."),
        ({"query": "   ", "means": "dyslexie"}, "Vul de zoekopdracht in."),
        ({"query": "Rugzakje", "means": "dyslexie"}, "Deze zoekopdracht is al een synoniem."),
        ({"query": "woordblind", "concept": "999999"}, "Selecteer een geldige keuze."),
    ],
)
def test_a_wrong_synonym_form_says_what_to_fix_and_changes_nothing(staff_client, searches, data, message):
    noord, *_rest = searches
    SearchSynonym.objects.create(term="rugzakje", means="extra ondersteuning")
    client = staff_client(MembershipFactory(support_point=noord, role=Role.NATIONAL_EDITOR).user)
    response = client.post(reverse("findability_synonym"), data)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert list(SearchSynonym.objects.values_list("term", flat=True)) == ["rugzakje"]


def _table_after(html, heading):
    """The ``(cells, ...)`` rows of the first table after the ``<h2>`` with ``heading``."""
    import re

    section = html.split(f"<h2>{heading}</h2>", 1)[1].split("<h2>", 1)[0]
    table = section.split("</table>", 1)[0]
    return [
        tuple(re.sub(r"<[^>]+>", "", cell).strip() for cell in re.findall(r"<td>(.*?)</td>", row, re.S))
        for row in re.findall(r"<tr[^>]*>(.*?)</tr>", table.split("<tbody>", 1)[1], re.S)
    ]


def test_clicks_by_position_add_up_per_position_within_the_period_and_the_editors_steunpunt(
    staff_client, searches
):
    """The table "Clicks by position": every click of the period summed per position (1 first), only
    the first ten positions, only the editor's own steunpunt (national editors: every one)."""
    noord, zuid, monday, last_week = searches
    old = timezone.localdate() - datetime.timedelta(days=120)
    rows = [
        # steunpunt, query, day, kind, position, clicks (the fixture has noord 3 + 5 at position 1)
        (noord, "leerlingenvervoer", monday, "article", 2, 4),
        (noord, "leerlingenvervoer", last_week, "glossary", 2, 1),
        (noord, "thuiszitten", monday, "answer", 3, 2),
        (noord, "thuiszitten", monday, "article", 11, 7),  # beyond the first ten positions
        (noord, "thuiszitten", old, "article", 2, 50),  # before the period
        (zuid, "geheim van zuid", monday, "article", 2, 9),  # another steunpunt
    ]
    for support_point, query, day, kind, position, clicks in rows:
        ResultClick.objects.create(
            support_point=support_point, query=query, day=day, kind=kind, position=position, clicks=clicks
        )
    editor = MembershipFactory(support_point=noord, role=Role.EDITOR).user
    national = MembershipFactory(support_point=zuid, role=Role.NATIONAL_EDITOR).user
    assert selectors.clicks_by_position(editor, days=90) == [(1, 8), (2, 5), (3, 2)]
    assert selectors.clicks_by_position(national, days=90) == [(1, 8), (2, 14), (3, 2)]
    # A longer period takes the old clicks in.
    assert selectors.clicks_by_position(editor, days=365) == [(1, 8), (2, 55), (3, 2)]

    html = staff_client(editor).get(reverse("findability_report"), {"dagen": "90"}).content.decode()
    assert _table_after(html, "Klikken per positie") == [("1", "8"), ("2", "5"), ("3", "2")]


def test_the_found_it_rate_per_month_counts_each_calendar_month(staff_client, platform):
    """periode=maand: one row per calendar month from its first day, newest first; searches without a
    result do not count, and the clicks of a search and day count at most as many as its searches."""
    noord = SupportPointFactory(hostname="noord.localhost")
    zuid = SupportPointFactory(hostname="zuid.localhost")
    this_month = timezone.localdate().replace(day=1)
    previous_end = this_month - datetime.timedelta(days=1)
    previous_month = previous_end.replace(day=1)
    rows = [
        # steunpunt, query, day, searches, results, clicks
        (noord, "thuiszitten", previous_month.replace(day=10), 4, 2, 1),
        (noord, "rugzakje", previous_end, 2, 3, 5),  # more clicks than searches count as 2
        (noord, "leerlingenvervoer", this_month, 3, 1, 0),
        (noord, "woordblind", this_month, 10, 0, 0),  # nothing found: not in the rate
        (zuid, "geheim van zuid", this_month, 9, 4, 9),  # another steunpunt
    ]
    for support_point, query, day, count, results, clicks in rows:
        SearchCount.objects.create(
            support_point=support_point, query=query, day=day, searches=count, results=results
        )
        if clicks:
            ResultClick.objects.create(
                support_point=support_point, query=query, day=day, kind="article", position=1, clicks=clicks
            )
    editor = MembershipFactory(support_point=noord, role=Role.EDITOR).user
    rates = selectors.found_it_rates(editor, days=90, period="maand")
    assert [(row["start"], row["searches"], row["found"]) for row in rates] == [
        (this_month, 3, 0),
        (previous_month, 6, 3),
    ]
    assert rates[1]["rate"] == pytest.approx(0.5)

    client = staff_client(editor)
    html = client.get(reverse("findability_report"), {"periode": "maand", "dagen": "90"}).content.decode()
    assert '<option value="maand" selected>' in html
    table = _table_after(html, "Gevonden")
    assert [row[1:] for row in table] == [("3", "0", "0%"), ("6", "3", "50%")]
    assert [row[0].split()[0] for row in table] == ["1", "1"]  # each period starts on the 1st
