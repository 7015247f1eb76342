"""Issue 18, warm referral: a school contact person refers a family with the parent's recorded consent; it
becomes a case with channel "school" through ``case_submit``, the parent gets the confirmation with the
private link, and the school sees only that (and when) the referral arrived, never the case."""

import pytest
from django.urls import reverse

from steunpunt.outbox.models import OutboxMail
from steunpunt.privacy.models import AuditRecord
from steunpunt.schools.tests.factories import SchoolFactory, school_contact
from steunpunt.support.models import Case, Channel, SchoolReferral
from steunpunt.tenants.roles import Role
from steunpunt.tenants.tests.factories import MembershipFactory, SupportPointFactory

pytestmark = pytest.mark.django_db

REFERRAL = {
    "requester_name": "Fatima El Amrani",
    "requester_email": "fatima@example.test",
    "requester_phone": "",
    "question": "Haar zoon mag niet mee op schoolreis vanwege zijn diabetes.",
    "tried": "Gesprek met de leerkracht en de intern begeleider.",
    "school_type": "primary",
    "age_group": "4_12",
    "consent": "on",
}


@pytest.fixture
def school_setup(platform):
    noord = SupportPointFactory(
        hostname="noord.localhost", partnership_codes=["PO2001"], email="info@noord.example"
    )
    school = SchoolFactory(name="De Regenboog", support_point=noord)
    other_school = SchoolFactory(name="De Linde", support_point=noord)
    return noord, school, other_school, school_contact(school, noord)


def test_a_referral_becomes_a_case_the_parent_follows_and_the_school_sees_only_its_date(
    staff_client, school_setup
):
    noord, school, _other, contact = school_setup
    client = staff_client(contact)
    url = reverse("support_school_referral", args=[school.pk])
    assert "Nog geen doorverwijzingen." in client.get(url).content.decode()
    response = client.post(url, REFERRAL)
    assert response.status_code == 302
    case = Case.objects.get()
    assert (case.channel, case.get_channel_display(), case.support_point) == (
        Channel.SCHOOL,
        "Via school",
        noord,
    )
    assert case.requester_kind == "parent" and case.school == school and case.consent_at is not None
    assert "diabetes" in case.question and "Al geprobeerd: Gesprek met de leerkracht" in case.question
    referral = SchoolReferral.objects.get()
    assert (referral.case, referral.school, referral.submitted_by, referral.parent_consent) == (
        case,
        school,
        contact,
        True,
    )
    assert "De ouder vindt het goed" in referral.consent_statement
    # The creation is audited in the school contact person's capacity, like every case write.
    assert AuditRecord.objects.filter(object_id=str(case.pk), on_behalf_of="school_contact").exists()

    to_parent = OutboxMail.objects.get(to="fatima@example.test")
    assert f"/mijn-vraag/{case.access_token}/" in to_parent.body
    assert OutboxMail.objects.filter(to="info@noord.example").exists()  # the steunpunt hears of it

    page = client.get(url).content.decode()
    assert "Aangekomen op" in page
    for secret in (case.reference, "diabetes", "Fatima", case.access_token, "Nieuw"):
        assert secret not in page
    # The consultant sees who referred and that the parent agreed.
    consultant = MembershipFactory(support_point=noord, role=Role.CONSULTANT).user
    case_page = staff_client(consultant).get(reverse("support_case", args=[case.pk])).content.decode()
    assert (
        "Via school" in case_page and "Doorverwezen door De Regenboog; de ouder gaf toestemming" in case_page
    )
    client = staff_client(contact)
    # The school never reaches the case.
    assert client.get(reverse("support_case", args=[case.pk])).status_code == 404
    assert client.get(reverse("support_inbox")).status_code == 404


def test_without_consent_or_contact_nothing_is_stored_and_the_message_is_dutch(staff_client, school_setup):
    _noord, school, _other, contact = school_setup
    client = staff_client(contact)
    url = reverse("support_school_referral", args=[school.pk])
    no_consent = client.post(url, {**REFERRAL, "consent": ""})
    assert no_consent.status_code == 400
    assert "zonder toestemming van de ouder kunt u niet doorverwijzen" in no_consent.content.decode()
    no_contact = client.post(url, {**REFERRAL, "requester_email": "", "requester_phone": ""})
    assert no_contact.status_code == 400
    assert "Vul het e-mailadres of telefoonnummer van de ouder in." in no_contact.content.decode()
    assert client.post(url, {}).status_code == 400
    assert not Case.objects.exists() and not SchoolReferral.objects.exists()


def test_only_the_schools_own_contact_person_refers_for_it(staff_client, school_setup):
    noord, school, other, contact = school_setup
    assert (
        staff_client(contact).post(reverse("support_school_referral", args=[other.pk]), REFERRAL).status_code
        == 404
    )
    consultant = MembershipFactory(support_point=noord, role=Role.CONSULTANT).user
    assert (
        staff_client(consultant).get(reverse("support_school_referral", args=[school.pk])).status_code == 404
    )
    assert not Case.objects.exists()
