"""Property-based test over random distributions of questions: in every table of the report and of its
exports, each count below the threshold is hidden, and no hidden count can be worked out."""

import secrets

import pytest
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from steunpunt.core.tests.properties import examples
from steunpunt.information.models import Theme
from steunpunt.reports.build import build_report, export_tables
from steunpunt.reports.periods import period_from
from steunpunt.reports.suppression import Table1D
from steunpunt.support.models import (
    AgeGroup,
    Case,
    CaseSchoolType,
    CaseSupport,
    Channel,
    RequesterKind,
    SupportKind,
)
from steunpunt.tenants.tests.factories import SupportPointFactory

from .test_suppression import computable_numbers

pytestmark = pytest.mark.django_db

QUESTION = st.fixed_dictionaries(
    {
        "channel": st.sampled_from(Channel.values),
        "requester_kind": st.sampled_from(RequesterKind.values),
        "age_group": st.sampled_from(AgeGroup.values),
        "school_type": st.sampled_from(CaseSchoolType.values),
        "themes": st.sets(st.integers(0, 3), max_size=2),
        "support": st.sets(st.sampled_from(SupportKind.values), max_size=2),
    }
)


@pytest.fixture
def support_point(platform):
    return SupportPointFactory()


@settings(
    max_examples=examples(40), deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(questions=st.lists(QUESTION, max_size=45), threshold=st.integers(3, 7))
def test_every_report_table_and_export_hides_small_numbers_so_that_none_can_be_worked_out(
    support_point, questions, threshold
):
    Case.objects.all().delete()
    support_point.report_threshold = threshold
    support_point.save(update_fields=["report_threshold"])
    themes = [Theme.objects.get_or_create(slug=f"t{i}", defaults={"name": f"Thema {i}"})[0] for i in range(4)]
    now = timezone.now()
    cases = Case.objects.bulk_create(
        Case(
            support_point=support_point,
            reference=f"V-{secrets.token_hex(4).upper()}",
            access_token=secrets.token_urlsafe(16),
            created_at=now,
            first_contact_due=now,
            question="x",
            channel=q["channel"],
            requester_kind=q["requester_kind"],
            age_group=q["age_group"],
            school_type=q["school_type"],
        )
        for q in questions
    )
    Case.themes.through.objects.bulk_create(
        Case.themes.through(case_id=case.pk, theme_id=themes[i].pk)
        for case, q in zip(cases, questions, strict=True)
        for i in q["themes"]
    )
    CaseSupport.objects.bulk_create(
        CaseSupport(case=case, kind=kind)
        for case, q in zip(cases, questions, strict=True)
        for kind in q["support"]
    )
    period, _code, _error = period_from({})
    report = build_report(support_point, period)
    exported = {title: rows for title, _header, rows in export_tables(report)}

    headline = report.headline[0].current
    assert headline.value == len(questions)
    assert headline.hidden == (len(questions) < threshold)
    for table in report.tables:
        if table.withheld:
            assert all(row.current is None for row in table.rows)
            continue
        if not table.rows:
            continue
        cells = [row.current for row in table.rows] + [table.total.current]
        for cell in cells:
            # (a) every count below the threshold is hidden, and what is shown is the true count.
            assert cell.hidden or (cell.value >= threshold and cell.shown == str(cell.value))
            if cell.value < threshold:
                assert cell.shown == f"<{threshold}"
        # (b) an independent checker finds no hidden number a reader could work out.
        as_table = Table1D(threshold, {row.label: row.current for row in table.rows}, table.total.current)
        assert computable_numbers(as_table) == []
        # The exports show exactly the same text: a hidden count never appears as its value.
        rows = {row[0]: row[1] for row in exported[table.title]}
        for row in table.rows:
            assert rows[row.label] == row.current.shown
        if table.key in {"requester_kind", "age_group", "school_type", "channel"} and not headline.hidden:
            # Partitions of all questions: their total is the headline figure and must stay shown.
            assert table.total.current.shown == str(len(questions))
