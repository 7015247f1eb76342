"""Retention with a frozen clock, and erasure on request (the name can no longer be found)."""

import datetime
import json

import pytest
import time_machine
from django.core.management import call_command
from django.urls import reverse

from steunpunt.privacy.models import AuditRecord
from steunpunt.support.models import Case, Message
from steunpunt.support.retention import anonymise_expired_cases, months_before
from steunpunt.support.services import contact_add, message_from_staff
from steunpunt.support.tests.factories import CaseFactory
from steunpunt.tenants.roles import Role
from steunpunt.tenants.tests.factories import MembershipFactory, SupportPointFactory

pytestmark = pytest.mark.django_db
AMSTERDAM = datetime.timezone(datetime.timedelta(hours=1))
CLOSED_ON = datetime.datetime(2026, 1, 15, 10, 0, tzinfo=AMSTERDAM)


def _closed_case(support_point, **fields):
    with time_machine.travel(CLOSED_ON - datetime.timedelta(days=10), tick=False):
        case = CaseFactory(
            support_point=support_point,
            requester_name="Fatima de Vries",
            requester_email="fatima@example.test",
            requester_phone="06 12345678",
            question="Mijn zoon Ali zit thuis sinds de herfstvakantie.",
            **fields,
        )
        message_from_staff(case=case, body="Dag mevrouw De Vries, ik bel u morgen.", by=None)
        contact_add(
            case=case,
            channel="phone",
            on=case.created_at.date(),
            minutes=25,
            summary="Gesprek met moeder",
            by=None,
        )
    with time_machine.travel(CLOSED_ON, tick=False):
        from steunpunt.support.services import case_transition

        case_transition(case=case, to="closed", by=None, outcome="solved", reason="Ali heeft een plek")
    case.refresh_from_db()
    return case


def test_closed_cases_are_anonymised_after_the_steunpunts_retention_period(platform):
    twelve = SupportPointFactory()
    six = SupportPointFactory()
    six.retention_months = 6
    six.save()
    kept, short = _closed_case(twelve), _closed_case(six)
    still_open = CaseFactory(support_point=twelve, requester_name="Open vraag")

    with time_machine.travel(CLOSED_ON + datetime.timedelta(days=200), tick=False):  # about 6.5 months
        assert anonymise_expired_cases() == 1
    short.refresh_from_db()
    kept.refresh_from_db()
    assert short.anonymised_at and not kept.anonymised_at

    with time_machine.travel(
        datetime.datetime(2027, 1, 15, 9, 0, tzinfo=AMSTERDAM), tick=False
    ):  # just before 12 months
        assert anonymise_expired_cases() == 0
    with time_machine.travel(datetime.datetime(2027, 1, 16, 9, 0, tzinfo=AMSTERDAM), tick=False):
        call_command("anonymise_expired_cases")
        assert anonymise_expired_cases() == 0  # once is enough

    kept.refresh_from_db()
    assert kept.anonymised_at is not None
    assert (
        kept.requester_name,
        kept.requester_email,
        kept.requester_phone,
        kept.question,
        kept.close_reason,
    ) == ("", "", "", "", "")
    assert not Message.objects.filter(case=kept).exists()
    assert kept.contacts.get().summary == "" and kept.contacts.get().minutes == 25
    # The statistical fields stay for the reports.
    assert (kept.channel, kept.age_group, kept.outcome, kept.status) == ("web", "4_12", "solved", "closed")
    assert kept.closed_at is not None
    still_open.refresh_from_db()
    assert still_open.requester_name == "Open vraag"
    assert AuditRecord.objects.filter(action="anonymise", object_id=str(kept.pk)).count() == 1


def test_an_anonymised_case_has_no_private_page_any_more(client, platform):
    support_point = SupportPointFactory(hostname="noord.localhost")
    case = _closed_case(support_point)
    token = case.access_token
    with time_machine.travel(datetime.datetime(2027, 3, 1, tzinfo=AMSTERDAM), tick=False):
        anonymise_expired_cases()
    assert client.get(f"/mijn-vraag/{token}/", HTTP_HOST="noord.localhost").status_code == 404


@pytest.mark.parametrize(
    ("moment", "months", "expected"),
    [
        (datetime.datetime(2027, 3, 31), 1, datetime.datetime(2027, 2, 28)),
        (datetime.datetime(2027, 1, 15), 12, datetime.datetime(2026, 1, 15)),
        (datetime.datetime(2027, 1, 15), 13, datetime.datetime(2025, 12, 15)),
    ],
)
def test_months_are_calendar_months(moment, months, expected):
    assert months_before(moment, months) == expected


def test_a_requester_gets_everything_as_json_and_pdf_and_can_be_erased(staff_client, platform):
    support_point = SupportPointFactory()
    consultant = MembershipFactory(support_point=support_point, role=Role.CONSULTANT).user
    first = _closed_case(support_point)
    second = CaseFactory(
        support_point=support_point, requester_email="FATIMA@example.test", question="Tweede vraag"
    )
    other = CaseFactory(support_point=support_point, requester_name="Iemand anders", question="Andere vraag")
    client = staff_client(consultant)

    exported = json.loads(
        client.get(reverse("support_requester_data_download", args=[second.pk, "json"])).content
    )
    assert {item["reference"] for item in exported["cases"]} == {first.reference, second.reference}
    assert exported["cases"][0]["messages"] or exported["cases"][1]["messages"]
    pdf = client.get(reverse("support_requester_data_download", args=[first.pk, "pdf"]))
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")
    # One export record per case in each download: two cases, as JSON and as PDF.
    assert AuditRecord.objects.filter(action="export").count() == 4

    assert (
        client.get(reverse("support_inbox"), {"q": "Fatima", "status": "all"})
        .content.decode()
        .count(first.reference)
        == 1
    )
    refused = client.post(reverse("support_requester_data_erase", args=[first.pk]), {})
    assert refused.status_code == 400 and Case.objects.get(pk=first.pk).requester_name == "Fatima de Vries"
    client.post(reverse("support_requester_data_erase", args=[first.pk]), {"confirm": "yes"})

    found = client.get(reverse("support_inbox"), {"q": "Fatima", "status": "all"}).content.decode()
    assert first.reference not in found and second.reference not in found
    assert not Case.objects.filter(requester_name__icontains="fatima").exists()
    assert not Case.objects.filter(requester_email__icontains="fatima").exists()
    assert not Case.objects.filter(question__icontains="Ali").exists()
    other.refresh_from_db()
    assert other.requester_name == "Iemand anders"
    assert AuditRecord.objects.filter(action="erase").count() == 2
    assert client.get(reverse("support_requester_data", args=[other.pk])).status_code == 200


def test_a_consultation_booking_loses_its_personal_data_with_its_question(platform):
    from steunpunt.consultations.models import Booking
    from steunpunt.consultations.tests.factories import SlotFactory

    support_point = SupportPointFactory()
    case = _closed_case(support_point)
    slot = SlotFactory(support_point=support_point)
    Booking.objects.create(
        slot=slot,
        case=case,
        name="Fatima",
        email="fatima@example.test",
        phone="06 1",
        requester_kind="parent",
        topic="Over Ali",
        consent_at=case.created_at,
    )
    with time_machine.travel(datetime.datetime(2027, 3, 1, tzinfo=AMSTERDAM), tick=False):
        anonymise_expired_cases()
    booking = Booking.objects.get()
    assert (booking.name, booking.email, booking.phone, booking.topic) == ("", "", "", "")
