"""The report's tables list every category of their question, by its Dutch label, whoever answered."""

import csv
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from steunpunt.evaluations.models import Invitation, QuestionKind, answer_choices
from steunpunt.evaluations.services import evaluation_answer
from steunpunt.information.models import Theme
from steunpunt.information.tests.factories import ThemeFactory
from steunpunt.reports.build import build_report, export_tables
from steunpunt.reports.periods import period_from
from steunpunt.reports.suppression import suppress_1d
from steunpunt.reports.tests.test_report import _outputs
from steunpunt.socialmap.models import Organisation
from steunpunt.support.models import AgeGroup, CaseSchoolType, Channel, Outcome, RequesterKind, SupportKind
from steunpunt.support.services import case_transition, referral_add
from steunpunt.support.tests.factories import CaseFactory
from steunpunt.tenants.roles import Role
from steunpunt.tenants.tests.factories import MembershipFactory, SupportPointFactory

pytestmark = pytest.mark.django_db

CHOICE_SETS = {
    "requester_kind": RequesterKind.choices,
    "age_group": AgeGroup.choices,
    "school_type": CaseSchoolType.choices,
    "channel": Channel.choices,
    "support": SupportKind.choices,
    "outcomes": Outcome.choices,
}
ANSWERS = {"heard": "4", "helped": "partly", "recommend": "yes", "better": "Sneller bellen"}


@pytest.fixture
def one_respondent(platform):
    """One question at a steunpunt: one theme of three, one organisation of two, closed, evaluated."""
    own = SupportPointFactory(hostname="noord.localhost")
    chosen, *_others = [ThemeFactory(name=name) for name in ("Thuiszitten", "Vervoer", "Toetsen")]
    wijkteam = Organisation.objects.create(
        name="Wijkteam", category="jeugdhulp", helps_with="x", when_to_go="y"
    )
    Organisation.objects.create(
        name="Leerplicht", category="gemeente", helps_with="x", when_to_go="y", support_point=own
    )
    case = CaseFactory(support_point=own, evaluation_consent=True)
    case.themes.add(chosen)
    referral_add(case=case, organisation=wijkteam, consent=True, note="", by=None)
    case_transition(case=case, to="closed", by=None, outcome="partly")
    evaluation_answer(invitation=Invitation.objects.get(), answers=ANSWERS)
    return own


def test_with_one_respondent_every_category_row_is_present_and_suppressed_as_before(one_respondent):
    """Each table of the one person's question lists every category of that question (so no row
    label tells their answer), and each is the plain small-cell suppression of those counts."""
    period, _code, _error = period_from({})
    report = build_report(one_respondent, period)
    tables = {table.key: table for table in report.tables}
    for key, choices in CHOICE_SETS.items():
        assert [row.label for row in tables[key].rows] == [str(label) for _value, label in choices], key
    assert [row.label for row in tables["themes"].rows] == list(Theme.objects.values_list("name", flat=True))
    assert [row.label for row in tables["referrals"].rows] == ["Leerplicht", "Wijkteam"]
    for table in [*report.tables, *report.evaluation["tables"]]:
        counts = {row.label: row.current.value for row in table.rows}
        assert sum(counts.values()) <= 1, table.key
        if table.withheld:
            continue
        expected = suppress_1d(counts, report.threshold)
        assert {row.label: row.current for row in table.rows} == expected.cells, table.key
        assert all(row.current.hidden for row in table.rows), table.key
    evaluation_rows = {
        table.title.split(" (")[0]: [row.label for row in table.rows] for table in report.evaluation["tables"]
    }
    for question in (
        "Voelde u zich gehoord?",
        "Heeft onze hulp u verder geholpen?",
        "Zou u ons aanraden aan andere ouders?",
    ):
        assert question in evaluation_rows, evaluation_rows
    kinds = [QuestionKind.SCALE, QuestionKind.YES_PARTLY_NO, QuestionKind.YES_NO]
    assert list(evaluation_rows.values()) == [
        [str(label) for _v, label in answer_choices(kind)] for kind in kinds
    ]


def test_no_raw_code_appears_in_the_page_pdf_csv_or_xlsx(staff_client, one_respondent):
    """Every choice set the report uses is shown by its Dutch label, never by its stored code."""
    board = MembershipFactory(support_point=one_respondent, role=Role.BOARD).user
    outputs = _outputs(staff_client(board))
    choice_sets = [*CHOICE_SETS.values(), *(answer_choices(kind) for kind in QuestionKind)]
    codes = {value for choices in choice_sets for value, label in choices if value != str(label)}
    labels = {str(label) for choices in choice_sets for _value, label in choices}
    first_cells = set()
    for where, text in outputs.items():
        if where.startswith("csv"):
            first_cells |= {row[0] for row in csv.reader(io.StringIO(text), delimiter=";") if row}
    client = staff_client(board)
    book = load_workbook(io.BytesIO(client.get(reverse("reports_download", args=["xlsx"])).content))
    xlsx_cells = {str(row[0]) for sheet in book for row in sheet.iter_rows(values_only=True) if row}
    assert not codes & first_cells, codes & first_cells
    assert not codes & xlsx_cells, codes & xlsx_cells
    assert labels <= first_cells, labels - first_cells
    assert labels <= xlsx_cells, labels - xlsx_cells
    for where in ("page", "pdf", "xlsx"):
        for label in ("Een beetje", "1 – nee, helemaal niet", "Deels opgelost", "Ouder", "Thuiszitten"):
            assert label in outputs[where], (where, label)
    page = client.get(reverse("reports_report")).content.decode()
    for code in ("partly", "not_solved", "young_person", "callback"):
        assert f">{code}<" not in page


def test_every_export_row_label_is_a_label_not_a_code(one_respondent):
    """The rows of every exported table (CSV and XLSX come from these) carry labels only."""
    period, _code, _error = period_from({})
    choice_sets = [*CHOICE_SETS.values(), *(answer_choices(kind) for kind in QuestionKind)]
    codes = {value for choices in choice_sets for value, label in choices if value != str(label)}
    for title, _header, rows in export_tables(build_report(one_respondent, period)):
        assert not {str(row[0]) for row in rows} & codes, title
