"""The network: contact details only with recorded consent, every page that shows them and every
change audited, and removal that really deletes. Working-group meetings with who was there."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from steunpunt.development.models import NetworkMember, WorkingGroupMeeting
from steunpunt.development.services import DevelopmentError, member_create, member_update
from steunpunt.privacy.models import AuditRecord
from steunpunt.tenants.roles import Role
from steunpunt.tenants.tests.factories import MembershipFactory, SupportPointFactory

from .factories import NetworkMemberFactory, WorkingGroupMeetingFactory

pytestmark = pytest.mark.django_db
# Consent lies in the past whatever today is: the form refuses a date of consent in the future.
CONSENT_ON = timezone.localdate() - datetime.timedelta(days=66)
CONTACT = {
    "kind": "working_group",
    "name": "Fatima Yilmaz",
    "organisation": "Ouderplatform Noord",
    "role": "voorzitter",
    "email": "fatima@example.test",
    "phone": "06 12345678",
    "consent_on": CONSENT_ON.isoformat(),
    "consent_scope": "Contact over de werkgroep en naam in de verslagen",
}


@pytest.fixture
def world(platform):
    return SupportPointFactory(name="Steunpunt Eigen"), SupportPointFactory(name="Steunpunt Ander")


def _coordinator(staff_client, support_point):
    user = MembershipFactory(support_point=support_point, role=Role.COORDINATOR).user
    return staff_client(user), user


def _records(member_pk, action):
    return AuditRecord.objects.filter(object_type="networkmember", object_id=str(member_pk), action=action)


def test_contact_details_need_recorded_consent(world):
    own, _other = world
    for missing in ({"consent_on": None}, {"consent_scope": " "}, {"consent_on": None, "consent_scope": ""}):
        with pytest.raises(DevelopmentError, match="alleen bewaren met toestemming"):
            member_create(
                support_point=own,
                data={**CONTACT, "consent_on": CONSENT_ON, **missing},
                by=None,
            )
    assert not NetworkMember.objects.exists() and not AuditRecord.objects.exists()
    partner = member_create(
        support_point=own,
        data={"kind": "partner", "name": "Wijkteam Centrum", "organisation": "Gemeente"},
        by=None,
    )
    assert not partner.has_contact_details and partner.consent_on is None
    member = NetworkMemberFactory(support_point=own, contact=True)
    with pytest.raises(DevelopmentError, match="alleen bewaren met toestemming"):
        member_update(
            member=member,
            data={**{f: getattr(member, f) for f in CONTACT}, "consent_on": None, "consent_scope": ""},
            by=None,
        )
    member.refresh_from_db()
    assert member.consent_on is not None


def test_the_coordinator_adds_a_member_and_the_audit_log_records_it(staff_client, world):
    own, _other = world
    client, user = _coordinator(staff_client, own)
    response = client.post(f"{reverse('development_member_add')}?steunpunt={own.pk}", CONTACT)
    assert response.status_code == 302
    member = NetworkMember.objects.get()
    assert (member.support_point, member.email, member.consent_on) == (
        own,
        "fatima@example.test",
        CONSENT_ON,
    )
    (record,) = _records(member.pk, "create")
    assert record.actor == user.username and record.support_point_id == own.pk
    assert "email" in record.detail and "fatima" not in record.detail and record.role_display == "Coördinator"


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"consent_on": ""}, "Vul de datum van de toestemming in."),
        ({"consent_scope": ""}, "Schrijf op waarvoor de persoon toestemming gaf."),
        (
            {"email": "", "consent_on": "", "consent_scope": ""} | {"phone": "06 1"},
            "Vul een telefoonnummer in",
        ),
        ({"email": "fatima@"}, "Vul een e-mailadres in zoals naam@voorbeeld.nl."),
        ({"phone": "bel me maar"}, "Vul een telefoonnummer in met alleen cijfers"),
        ({"consent_on": "2099-01-01"}, "De datum van de toestemming kan niet in de toekomst liggen."),
        ({"name": ""}, "Vul een naam in."),
        ({"kind": "vriend"}, "Kies wat voor lid dit is."),
        ({"kind": ""}, "Kies wat voor lid dit is."),
    ],
)
def test_bad_input_on_the_member_form_gets_a_dutch_message_and_stores_nothing(
    staff_client, world, change, message
):
    own, _other = world
    client, _user = _coordinator(staff_client, own)
    response = client.post(f"{reverse('development_member_add')}?steunpunt={own.pk}", {**CONTACT, **change})
    html = response.content.decode()
    assert response.status_code == 400
    assert message in html and "Er is nog niets opgeslagen." in html and "Ouderplatform Noord" in html
    assert not NetworkMember.objects.exists() and not AuditRecord.objects.exists()


def test_pages_that_show_contact_details_write_an_audit_record(staff_client, world):
    own, other = world
    with_contact = NetworkMemberFactory(support_point=own, name="Anna Bakker", contact=True)
    without = NetworkMemberFactory(support_point=own, name="Wijkteam", kind="partner")
    elsewhere = NetworkMemberFactory(support_point=other, name="Ander Lid", contact=True)
    client, user = _coordinator(staff_client, own)

    html = client.get(reverse("development_network")).content.decode()
    assert "anna.bakker@example.test" in html and "06 12345678" in html and "Wijkteam" in html
    assert "Ander Lid" not in html
    (record,) = _records(with_contact.pk, "read")
    assert record.actor == user.username and record.detail == "contact details: network list"
    assert "anna" not in record.detail.lower()
    assert not _records(without.pk, "read").exists() and not _records(elsewhere.pk, "read").exists()

    client.get(reverse("development_member_edit", args=[with_contact.pk]))
    assert _records(with_contact.pk, "read").count() == 2

    data = {f: getattr(with_contact, f) or "" for f in CONTACT}
    data.update(phone="010 1234567", consent_on=(CONSENT_ON + datetime.timedelta(days=30)).isoformat())
    client.post(reverse("development_member_edit", args=[with_contact.pk]), data)
    with_contact.refresh_from_db()
    assert with_contact.phone == "010 1234567"
    (change,) = _records(with_contact.pk, "change")
    assert change.detail == "fields: phone, consent_on"


def test_removing_a_member_deletes_the_data_and_keeps_only_the_fact_in_the_audit_log(staff_client, world):
    own, _other = world
    member = NetworkMemberFactory(support_point=own, name="Pieter Vos", contact=True)
    stays = NetworkMemberFactory(support_point=own, name="Blijft")
    meeting = WorkingGroupMeetingFactory(support_point=own, attendees=[member, stays])
    client, user = _coordinator(staff_client, own)
    confirm = client.get(reverse("development_member_remove", args=[member.pk])).content.decode()
    assert "Wilt u Pieter Vos uit het netwerk verwijderen?" in confirm
    assert NetworkMember.objects.filter(pk=member.pk).exists()

    response = client.post(reverse("development_member_remove", args=[member.pk]))
    assert response.status_code == 302
    assert not NetworkMember.objects.filter(pk=member.pk).exists()
    assert list(meeting.attendees.all()) == [stays]
    (record,) = _records(member.pk, "erase")
    assert (
        record.actor == user.username
        and "Pieter" not in str(record.__dict__)
        and "example" not in record.detail
    )
    page = client.get(reverse("development_network")).content.decode()
    assert "Pieter Vos is uit het netwerk verwijderd." in page and "pieter.vos@example.test" not in page
    assert client.get(reverse("development_member_edit", args=[member.pk])).status_code == 404


def test_the_coordinator_records_a_working_group_meeting(staff_client, world):
    own, other = world
    anna = NetworkMemberFactory(support_point=own, name="Anna Bakker", role="ouder")
    theirs = NetworkMemberFactory(support_point=other, name="Ander Lid")
    client, _user = _coordinator(staff_client, own)
    add = f"{reverse('development_meeting_add')}?steunpunt={own.pk}"
    data = {
        "held_on": "2026-11-12",
        "attendees": [anna.pk],
        "notes": "Zelfevaluatie besproken.",
        "decisions": "Signaleren krijgt voorrang.",
    }
    form = client.get(add).content.decode()
    assert "Anna Bakker" in form and "Ander Lid" not in form

    refused = client.post(add, {**data, "attendees": [anna.pk, theirs.pk]})
    assert (
        refused.status_code == 400
        and "Kies mensen uit het netwerk van dit steunpunt." in refused.content.decode()
    )
    no_notes = client.post(add, {**data, "notes": " "})
    assert no_notes.status_code == 400 and "Schrijf op wat er besproken is." in no_notes.content.decode()
    bad_date = client.post(add, {**data, "held_on": "morgen"})
    assert bad_date.status_code == 400 and "Vul een bestaande datum in" in bad_date.content.decode()
    assert "Signaleren krijgt voorrang." in bad_date.content.decode()
    assert not WorkingGroupMeeting.objects.exists()

    response = client.post(add, data)
    meeting = WorkingGroupMeeting.objects.get()
    assert response.status_code == 302 and list(meeting.attendees.all()) == [anna]
    detail = client.get(reverse("development_meeting", args=[meeting.pk])).content.decode()
    assert "Anna Bakker (ouder)" in detail and "Signaleren krijgt voorrang." in detail
    listing = client.get(reverse("development_meetings")).content.decode()
    assert "12 november 2026" in listing

    client.post(
        reverse("development_meeting_edit", args=[meeting.pk]), {**data, "attendees": [], "notes": "Anders."}
    )
    meeting.refresh_from_db()
    assert meeting.notes == "Anders." and not meeting.attendees.exists()
