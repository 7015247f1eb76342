"""Issue 18, schools as partners: the school contact person (granted per school by the steunpunt) keeps
the school's support profile through proposals an editor approves, gives the school's anonymous opinion
of the steunpunt once per half year, and reaches nothing else."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from steunpunt.schools.models import (
    PROPOSAL_TRANSITIONS,
    ProfileProposal,
    ProposalStatus,
    SchoolContact,
    SchoolEvaluation,
    SchoolEvaluationGiven,
    Specialism,
)
from steunpunt.schools.selectors import school_evaluation_figures
from steunpunt.schools.services import half_year
from steunpunt.tenants.models import Membership
from steunpunt.tenants.roles import Role
from steunpunt.tenants.tests.factories import MembershipFactory, SupportPointFactory, UserFactory

from .factories import SchoolFactory, school_contact

pytestmark = pytest.mark.django_db
PUBLIC = {"HTTP_HOST": "noord.localhost"}
PDF = b"%PDF-1.4\n% sop\n"


@pytest.fixture
def region(platform):
    noord = SupportPointFactory(hostname="noord.localhost", partnership_codes=["PO2001"])
    other = SupportPointFactory(hostname="midden.localhost", partnership_codes=["PO2601"])
    own = SchoolFactory(name="De Regenboog", support_point=noord, parent_contact="Bel de administratie")
    neighbour = SchoolFactory(name="De Linde", support_point=noord)
    far = SchoolFactory(name="Utrechtse School", support_point=other)
    contact = school_contact(own, noord, first_name="Sanne", last_name="School")
    dyslexia = Specialism.objects.get_or_create(slug="dyslexie", defaults={"name": "Dyslexie"})[0]
    return {
        "noord": noord,
        "other": other,
        "own": own,
        "neighbour": neighbour,
        "far": far,
        "contact": contact,
        "dyslexia": dyslexia,
    }


def _proposal_data(region, **extra):
    return {
        "specialisms": [region["dyslexia"].pk],
        "support_profile_url": "https://regenboog.example/sop",
        "support_coordinator": "Mevrouw De Vries, intern begeleider",
        "parent_contact": "Maandag en dinsdag, 050 123 4567",
        **extra,
    }


def test_the_school_contact_person_is_granted_per_school_by_a_coordinator(staff_client, region):
    coordinator = MembershipFactory(support_point=region["noord"], role=Role.COORDINATOR).user
    client = staff_client(coordinator)
    page = client.get(reverse("schools_contact_add"))
    assert page.status_code == 200 and "De Regenboog" in page.content.decode()
    assert "Utrechtse School" not in page.content.decode()  # not of this region
    # A school of another region cannot be chosen: a Dutch message, nothing granted.
    refused = client.post(
        reverse("schools_contact_add"), {"school": region["far"].pk, "email": "x@school.test"}
    )
    assert refused.status_code == 400 and "Kies de school." in refused.content.decode()
    assert not SchoolContact.objects.filter(user__email="x@school.test").exists()
    done = client.post(
        reverse("schools_contact_add"),
        {"school": region["neighbour"].pk, "email": "ib@linde.test", "first_name": "Ilse"},
    )
    assert done.status_code == 302
    grant = SchoolContact.objects.get(user__email="ib@linde.test")
    assert (grant.school, grant.support_point, grant.granted_by) == (
        region["neighbour"],
        region["noord"],
        coordinator,
    )
    assert Membership.objects.filter(user=grant.user, role=Role.SCHOOL_CONTACT).exists()
    listing = client.get(reverse("schools_contacts")).content.decode()
    assert "ib@linde.test" in listing and "De Linde" in listing
    # Revoking the last school takes the role away too.
    assert client.post(reverse("schools_contact_revoke", args=[grant.pk])).status_code == 302
    assert not Membership.objects.filter(user=grant.user, role=Role.SCHOOL_CONTACT).exists()


def test_an_editor_cannot_grant_the_role_and_the_staff_screen_does_not_offer_it(staff_client, region):
    editor = MembershipFactory(support_point=region["noord"], role=Role.EDITOR).user
    assert staff_client(editor).get(reverse("schools_contacts")).status_code == 404
    from steunpunt.tenants.forms import StaffInviteForm

    assert Role.SCHOOL_CONTACT not in dict(StaffInviteForm().fields["role"].choices)


def test_a_proposal_shows_on_the_public_page_only_once_an_editor_approved_it(staff_client, client, region):
    school = region["own"]
    contact = staff_client(region["contact"])
    home = contact.get(reverse("schools_mine")).content.decode()
    assert "De Regenboog" in home and "De Linde" not in home
    form = contact.get(reverse("schools_propose", args=[school.pk]))
    assert form.status_code == 200 and "Bel de administratie" in form.content.decode()
    data = _proposal_data(region, support_profile_file=SimpleUploadedFile("sop.pdf", PDF))
    assert contact.post(reverse("schools_propose", args=[school.pk]), data).status_code == 302
    proposal = ProfileProposal.objects.get()
    assert (proposal.status, proposal.proposed_by, proposal.support_point) == (
        ProposalStatus.PROPOSED,
        region["contact"],
        region["noord"],
    )
    # Until approved the public page keeps the last approved profile.
    page = client.get(f"/scholen/{school.location_code}/", **PUBLIC).content.decode()
    assert "Bel de administratie" in page and "Mevrouw De Vries" not in page
    assert "Wacht op goedkeuring" in contact.get(reverse("schools_mine")).content.decode()

    client.logout()
    editor = staff_client(MembershipFactory(support_point=region["noord"], role=Role.EDITOR).user)
    listing = editor.get(reverse("schools_proposals")).content.decode()
    assert "De Regenboog" in listing
    detail = editor.get(reverse("schools_proposal", args=[proposal.pk])).content.decode()
    assert "Mevrouw De Vries" in detail and "Bel de administratie" in detail  # proposed beside current
    missing = editor.post(reverse("schools_proposal", args=[proposal.pk]), {})
    assert missing.status_code == 400 and "Kies of u het voorstel goedkeurt." in missing.content.decode()
    assert (
        editor.post(reverse("schools_proposal", args=[proposal.pk]), {"decision": "approved"}).status_code
        == 302
    )
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.APPROVED and proposal.decided_at is not None
    school.refresh_from_db()
    assert school.support_coordinator == "Mevrouw De Vries, intern begeleider"
    assert school.support_profile_file.name.endswith(".pdf")
    page = client.get(f"/scholen/{school.location_code}/", **PUBLIC).content.decode()
    assert "Mevrouw De Vries" in page and "Dyslexie" in page and "050 123 4567" in page
    # A decision is final.
    again = editor.post(
        reverse("schools_proposal", args=[proposal.pk]), {"decision": "rejected", "reason": "x"}
    )
    assert again.status_code == 200
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.APPROVED


def test_a_rejection_needs_a_reason_and_leaves_the_page_alone(staff_client, client, region):
    school = region["own"]
    staff_client(region["contact"]).post(reverse("schools_propose", args=[school.pk]), _proposal_data(region))
    proposal = ProfileProposal.objects.get()
    editor = staff_client(MembershipFactory(support_point=region["noord"], role=Role.EDITOR).user)
    no_reason = editor.post(reverse("schools_proposal", args=[proposal.pk]), {"decision": "rejected"})
    assert no_reason.status_code == 400 and "Zeg waarom" in no_reason.content.decode()
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.PROPOSED
    editor.post(
        reverse("schools_proposal", args=[proposal.pk]), {"decision": "rejected", "reason": "Link werkt niet"}
    )
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.REJECTED and proposal.reason == "Link werkt niet"
    school.refresh_from_db()
    assert school.support_coordinator == "" and school.parent_contact == "Bel de administratie"
    home = staff_client(region["contact"]).get(reverse("schools_mine")).content.decode()
    assert "Niet goedgekeurd" in home and "Link werkt niet" in home


def test_the_service_follows_the_state_table(region):
    """Every status pair: the service allows exactly the transitions of ``PROPOSAL_TRANSITIONS``."""
    from steunpunt.schools.services import ProposalError, profile_decide

    for start in ProposalStatus:
        for to in (ProposalStatus.APPROVED, ProposalStatus.REJECTED):
            proposal = ProfileProposal.objects.create(
                school=region["own"],
                support_point=region["noord"],
                status=start,
                proposed_at="2026-01-01T10:00Z",
            )
            if to in PROPOSAL_TRANSITIONS[start]:
                assert profile_decide(proposal=proposal, to=to, by=None, reason="r").status == to
            else:
                with pytest.raises(ProposalError):
                    profile_decide(proposal=proposal, to=to, by=None, reason="r")


def test_bad_proposals_get_a_dutch_message_and_change_nothing(staff_client, region):
    contact = staff_client(region["contact"])
    url = reverse("schools_propose", args=[region["own"].pk])
    empty = contact.post(url, {})
    assert empty.status_code == 400 and "Vul ten minste één deel" in empty.content.decode()
    not_pdf = contact.post(
        url, _proposal_data(region, support_profile_file=SimpleUploadedFile("a.pdf", b"GIF89a"))
    )
    assert not_pdf.status_code == 400 and "als pdf-bestand" in not_pdf.content.decode()
    assert not ProfileProposal.objects.exists()


def test_the_school_contact_person_reaches_only_their_own_school(staff_client, region):
    contact = staff_client(region["contact"])
    for school in (region["neighbour"], region["far"]):
        for name in ("schools_propose", "schools_evaluate", "support_school_referral"):
            assert contact.get(reverse(name, args=[school.pk])).status_code == 404, (name, school)
    for name in ("support_inbox", "schools_proposals", "schools_contacts", "reports_report", "concerns_list"):
        assert contact.get(reverse(name)).status_code == 404, name
    # Someone with the role but no school granted sees no school at all.
    bare = staff_client(MembershipFactory(support_point=region["noord"], role=Role.SCHOOL_CONTACT).user)
    assert bare.get(reverse("schools_mine")).status_code == 404
    assert bare.get(reverse("schools_propose", args=[region["own"].pk])).status_code == 404


def test_the_school_gives_its_opinion_once_per_half_year_anonymously(staff_client, region):
    contact = staff_client(region["contact"])
    url = reverse("schools_evaluate", args=[region["own"].pk])
    assert contact.get(url).status_code == 200
    bad = contact.post(url, {"reachable": "9"})
    assert bad.status_code == 400 and "Kies een antwoord." in bad.content.decode()
    assert contact.post(url, {"reachable": "4", "useful": "5", "remark": "Snel antwoord"}).status_code == 302
    evaluation = SchoolEvaluation.objects.get()
    assert (evaluation.reachable, evaluation.useful, evaluation.period) == (4, 5, half_year())
    # The answer names no school and no person; only a separate row says the school has answered.
    names = {field.name for field in SchoolEvaluation._meta.get_fields()}
    assert not names & {"school", "user", "created_at", "submitted_by"}
    assert SchoolEvaluationGiven.objects.filter(school=region["own"]).count() == 1
    again = contact.post(url, {"reachable": "1", "useful": "1"})
    assert again.status_code == 200 and "haar mening gegeven" in again.content.decode()
    assert SchoolEvaluation.objects.count() == 1


def test_the_evaluation_figures_count_every_answer_and_sort_the_remarks(region):
    from steunpunt.schools.services import school_evaluation_give

    january = datetime.date(2026, 1, 1)
    for index, school in enumerate((region["own"], region["neighbour"])):
        grant = SchoolContact.objects.filter(school=school).first() or SchoolContact.objects.get(
            pk=SchoolContact.objects.create(
                user=UserFactory(), school=school, support_point=region["noord"]
            ).pk
        )
        school_evaluation_give(
            grant=grant, reachable=5, useful=4 - index, remark=f"{'zb'[index]} opmerking", period=january
        )
    figures, before = school_evaluation_figures(
        region["noord"],
        [(january, datetime.date(2027, 1, 1)), (datetime.date(2025, 7, 1), january)],
        remarks_from=2,
    )
    assert figures["answered"] == 2 and before["answered"] == 0
    assert figures["reachable"]["Zeer goed"] == 2 and figures["reachable"]["Slecht"] == 0
    assert figures["remarks"] == ["b opmerking", "z opmerking"]
    # A quarter's figures hold the opinions of its half year; remarks need enough schools.
    (quarter,) = school_evaluation_figures(
        region["noord"], [(datetime.date(2026, 4, 1), datetime.date(2026, 7, 1))], remarks_from=3
    )
    assert quarter["answered"] == 2 and quarter["remarks"] == []
    (next_half,) = school_evaluation_figures(
        region["noord"], [(datetime.date(2026, 7, 1), datetime.date(2027, 1, 1))]
    )
    assert next_half["answered"] == 0


def test_every_screen_of_the_role_speaks_dutch_and_its_menu_leads_there(staff_client, region):
    contact = staff_client(region["contact"])
    school = region["own"].pk
    home = contact.get("/admin/").content.decode()
    assert "mijn-school" in home and "Mijn school" in home  # the sidebar's menu (JSON)
    english = (
        "My school",
        "Propose a change",
        "Refer a family",
        "Send the referral",
        "Back to my school",
        "How easy",
        "Remark",
        "Your proposals",
        "On the website now",
        "Name of the parent",
    )
    for name, args in (
        ("schools_mine", []),
        ("schools_propose", [school]),
        ("schools_evaluate", [school]),
        ("support_school_referral", [school]),
    ):
        page = contact.get(reverse(name, args=args)).content.decode()
        assert [word for word in english if word in page] == [], name
        assert 'lang="nl"' in page
    # Someone with the role but without a school gets no menu item that leads nowhere.
    bare = staff_client(MembershipFactory(support_point=region["noord"], role=Role.SCHOOL_CONTACT).user)
    assert "mijn-school" not in bare.get("/admin/").content.decode()
