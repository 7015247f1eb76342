"""The report page as a board member reads it: key figures first, each table once beside its chart, no
"None"; the XLSX holds numbers as numbers and a contents sheet with the full titles; the annual report
opens on the last year with questions."""

import datetime
import io
import re
from html.parser import HTMLParser

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from steunpunt.ambitions.tests.factories import case_at
from steunpunt.concerns.services import concern_create, concern_transition
from steunpunt.reports.exports import SHEET_NAME_MAX, _cell_value, sheet_name
from steunpunt.reports.periods import Period
from steunpunt.reports.selectors import last_year_with_data
from steunpunt.tenants.roles import Role
from steunpunt.tenants.tests.factories import MembershipFactory, SupportPointFactory

pytestmark = pytest.mark.django_db

ZONE = datetime.timezone(datetime.timedelta(hours=1))
NUMBER_AS_TEXT = re.compile(r"-?\d+([,.]\d+)?%?")


@pytest.fixture
def noord(platform, time_machine):
    time_machine.move_to(datetime.datetime(2026, 12, 6, 12, 0, tzinfo=ZONE))
    return SupportPointFactory(hostname="noord.localhost")


def _board(staff_client, support_point):
    return staff_client(MembershipFactory(support_point=support_point, role=Role.BOARD).user)


def _year(year):
    return Period(datetime.date(year, 1, 1), datetime.date(year + 1, 1, 1))


def _questions_in_the_fourth_quarter(support_point):
    """24 questions in the fourth quarter of 2026 (12 by web, 6 by phone, 6 by e-mail), 6 in the third."""
    for month, channel, count in ((10, "web", 12), (11, "phone", 6), (11, "email", 6), (7, "web", 6)):
        for day in range(count):
            created = datetime.datetime(2026, month, 5 + day, 10, 0, tzinfo=ZONE)
            case_at(
                support_point, created, first_contact=created + datetime.timedelta(hours=3), channel=channel
            )


def test_the_xlsx_stores_numbers_as_numbers_and_maps_every_sheet_to_its_full_title(staff_client, noord):
    _questions_in_the_fourth_quarter(noord)
    client = _board(staff_client, noord)
    response = client.get(reverse("reports_download", args=["xlsx"]) + "?periode=2026-K4")
    assert response.status_code == 200
    book = load_workbook(io.BytesIO(response.content))

    contents = book.worksheets[0]
    assert contents.title == "Inhoud"
    assert contents["A4"].value == "Blad" and contents["B4"].value == "Tabel"
    mapping = dict(contents.iter_rows(min_row=5, max_col=2, values_only=True))
    assert list(mapping) == book.sheetnames[1:]
    # Some titles are longer than a sheet name may be: the contents sheet is where they are whole.
    assert any(len(title) > SHEET_NAME_MAX for title in mapping.values())
    for name, title in mapping.items():
        assert len(name) <= SHEET_NAME_MAX
        assert book[name]["A1"].value == title
        # Cut between words, never inside one (a "(2)" may follow to keep names unique).
        words = re.sub(r" \(\d+\)$", "", name).split()
        assert title.replace("'", "").split()[: len(words)] == [w.replace("'", "") for w in words], (
            name,
            title,
        )

    summary = book["Samenvatting"]
    assert summary["A3"].value == "Vragen" and summary["B3"].value == 24
    assert isinstance(summary["B3"].value, int)
    channels = book["Hoe de vraag binnenkwam"]
    total = [cell.value for cell in list(channels.iter_rows())[-1]]
    assert total[0] == "Totaal" and total[1] == 24 and total[3] == 6
    for sheet in book.worksheets[1:]:
        for row in sheet.iter_rows(min_row=3, values_only=True):
            for value in row[1:]:
                assert not (isinstance(value, str) and NUMBER_AS_TEXT.fullmatch(value)), (sheet.title, row)


def test_labels_and_free_text_stay_text_in_the_xlsx_even_when_they_look_like_numbers(staff_client, noord):
    """Only the figure columns are numbers: a signal called "2024" whose board answered "12" keeps both
    as the board wrote them."""
    _questions_in_the_fourth_quarter(noord)
    concern = concern_create(support_point=noord, title="2024", description="D", severity="low", by=None)
    concern = concern_transition(concern=concern, to="discussed", on=datetime.date(2026, 12, 1), by=None)
    concern_transition(concern=concern, to="response", text="12", by=None)
    response = _board(staff_client, noord).get(
        reverse("reports_download", args=["xlsx"]) + "?periode=2026-K4"
    )
    book = load_workbook(io.BytesIO(response.content))
    signals = book["Signalen"]
    row = next(signals.iter_rows(min_row=3, values_only=True))
    assert row[0] == "2024" and row[3] == "12"
    assert book["Samenvatting"]["B3"].value == 24


def test_shown_numbers_become_numbers_and_markers_stay_text():
    assert _cell_value("12") == (12, None)
    assert _cell_value("2,5") == (2.5, "0.0")
    assert _cell_value("35%") == (0.35, "0%")
    for text in ("<5", "×", "niet getoond", "Vragen", ""):
        assert _cell_value(text) == (text, None)


def test_a_sheet_name_is_cut_between_words_and_stays_unique():
    used = set()
    long = "Artikelen met het antwoord 'heeft niet geholpen'"
    assert sheet_name(long, used) == "Artikelen met het antwoord"
    assert sheet_name(long, used) == "Artikelen met het antwoord (2)"
    assert sheet_name("Wie: vroeg? [ouders]", used) == "Wie vroeg ouders"
    assert len(sheet_name("Eenheelerglangwoordzonderspatiesdatnietpast", used)) == SHEET_NAME_MAX


class _Page(HTMLParser):
    def __init__(self):
        super().__init__()
        self.captions, self.h1, self.charts, self._caption = [], 0, 0, None

    def handle_starttag(self, tag, attrs):
        if tag == "caption":
            self._caption = ""
        self.h1 += tag == "h1"
        self.charts += tag == "svg" and ("class", "report-chart") in attrs

    def handle_endtag(self, tag):
        if tag == "caption":
            self.captions.append(self._caption.strip())
            self._caption = None

    def handle_data(self, data):
        if self._caption is not None:
            self._caption += data


def test_the_page_shows_key_figures_first_and_each_table_once_beside_its_chart(staff_client, noord):
    _questions_in_the_fourth_quarter(noord)
    response = _board(staff_client, noord).get(reverse("reports_report"), {"periode": "2026-K4"})
    html = response.content.decode()
    page = _Page()
    page.feed(html)
    assert page.h1 == 1
    assert len(page.captions) == len(set(page.captions)), "a table appears twice"
    # Key figures come before the first table, with the change against the period before.
    assert html.index("Belangrijkste cijfers") < html.index("report-table")
    assert "18 meer dan de periode ervoor (6)" in html
    # A chart only beside a table, never one of its own: fewer charts than tables.
    assert 0 < page.charts < len(page.captions)
    assert html.count('class="report-pair"') >= page.charts
    assert "None" not in html


def test_the_annual_report_opens_on_the_last_finished_year_with_questions(staff_client, noord):
    client = _board(staff_client, noord)
    assert last_year_with_data(noord) == 2025  # nothing at all: last year
    case_at(noord, datetime.datetime(2026, 3, 2, 10, 0, tzinfo=ZONE))
    assert last_year_with_data(noord) == 2026  # only this year has questions
    case_at(noord, datetime.datetime(2023, 5, 1, 10, 0, tzinfo=ZONE))
    annual = client.get(reverse("reports_annual"))
    assert annual.context["annual"].period == _year(2023)  # older than the picker's years: as dates
    assert "None" not in annual.content.decode()
    case_at(noord, datetime.datetime(2025, 11, 3, 10, 0, tzinfo=ZONE))
    assert client.get(reverse("reports_annual")).context["annual"].period == _year(2025)
