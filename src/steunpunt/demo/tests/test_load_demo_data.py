"""`load_demo_data`: two demo steunpunten, an account per role, logins a tester can use."""

import base64
import json

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.utils import timezone
from django_otp.oath import totp
from wagtail.models import Page, Site

from steunpunt.meetings.models import Meeting
from steunpunt.tenants.models import Membership, SupportPoint
from steunpunt.tenants.roles import Role

pytestmark = pytest.mark.django_db
KEYS = {"steunpunt", "role", "username", "password", "totp_secret"}


@pytest.fixture
def logins(tmp_path):
    path = tmp_path / "demo-logins.json"
    call_command("load_demo_data", "--port", "8123", "--logins-file", str(path))
    return path, json.loads(path.read_text())


def test_two_demo_steunpunten_one_for_po_and_vo_together_one_for_a_single_partnership(logins):
    codes = {
        sp.slug: sorted(sp.partnerships.values_list("code", flat=True)) for sp in SupportPoint.objects.all()
    }
    assert codes == {"noord": ["PO2001", "VO2001"], "midden": ["PO2601"]}
    assert all(sp.opening_hours.exists() and sp.email and sp.phone for sp in SupportPoint.objects.all())
    assert Site.objects.get(hostname="noord.localhost").port == 8123
    # Issue 17: Noord offers every language of the site, Midden fewer.
    languages = {sp.slug: sp.languages for sp in SupportPoint.objects.all()}
    assert languages == {"noord": ["en", "ar", "tr", "pl", "uk"], "midden": ["en", "pl", "uk"]}


def test_a_first_load_on_a_new_database_gives_each_demo_steunpunt_a_meeting(logins, client):
    """The demo meeting used to be made before the demo steunpunten existed: none on a new database."""
    for support_point in SupportPoint.objects.all():
        assert (
            Meeting.objects.filter(support_point=support_point, title__startswith="Thema-avond").count() == 1
        )
    page = client.get("/bijeenkomsten/", HTTP_HOST="noord.localhost").content.decode()
    assert "Thema-avond: de overstap naar het voortgezet onderwijs (demo)" in page


def test_one_account_per_role_per_demo_steunpunt(logins):
    _path, entries = logins
    assert len(entries) == len(Role) * 2
    assert all(set(entry) >= KEYS for entry in entries)
    pairs = {(entry["steunpunt"], entry["role"]) for entry in entries}
    assert len(pairs) == len(entries)
    assert {entry["role"] for entry in entries} == {role.value for role in Role}


def test_a_demo_login_works_with_password_and_totp_secret(logins, client):
    _path, entries = logins
    entry = next(entry for entry in entries if entry["role"] == Role.COORDINATOR)
    response = client.post(
        "/admin/login/", {"username": entry["username"], "password": entry["password"]}, HTTP_HOST="127.0.0.1"
    )
    assert response.status_code == 302
    key = base64.b32decode(entry["totp_secret"])
    code = f"{totp(key):06d}"
    response = client.post("/beveiliging/tweestapsverificatie/", {"token": code}, HTTP_HOST="127.0.0.1")
    assert response.status_code == 302
    assert client.get("/admin/", HTTP_HOST="127.0.0.1").status_code == 200
    _school_contact_signs_in(entries)


def _school_contact_signs_in(entries):
    """The demo school contact login reaches its school's profile screen and no question (404)."""
    from django.test import Client
    from django.utils.html import escape

    from steunpunt.schools.models import SchoolContact
    from steunpunt.support.models import SchoolReferral

    entry = next(entry for entry in entries if entry["role"] == Role.SCHOOL_CONTACT)
    grant = SchoolContact.objects.select_related("school").get(user__username=entry["username"])
    school = grant.school
    client, host = Client(), {"HTTP_HOST": "127.0.0.1"}
    response = client.post(
        "/admin/login/", {"username": entry["username"], "password": entry["password"]}, **host
    )
    assert response.status_code == 302
    code = f"{totp(base64.b32decode(entry['totp_secret'])):06d}"
    response = client.post("/beveiliging/tweestapsverificatie/", {"token": code}, **host)
    assert response.status_code == 302
    assert "mijn-school" in client.get("/admin/", **host).content.decode()  # the menu leads there
    mine = client.get("/admin/mijn-school/", **host)
    assert mine.status_code == 200 and escape(school.name) in mine.content.decode()
    assert client.get(f"/admin/mijn-school/{school.pk}/profiel/", **host).status_code == 200
    # Not the inbox, not even the case of the family the school referred itself.
    case = SchoolReferral.objects.get(school=school, support_point=grant.support_point).case
    assert client.get("/admin/vragen/", **host).status_code == 404
    assert client.get(f"/admin/vragen/{case.pk}/", **host).status_code == 404


def test_loading_twice_changes_nothing_and_keeps_the_logins(logins, tmp_path):
    path, first = logins
    counts = (
        SupportPoint.objects.count(),
        Page.objects.count(),
        Site.objects.count(),
        Membership.objects.count(),
        get_user_model().objects.count(),
    )
    call_command("load_demo_data", "--port", "8123", "--logins-file", str(path))
    again = json.loads(path.read_text())
    assert again == first
    assert counts == (
        SupportPoint.objects.count(),
        Page.objects.count(),
        Site.objects.count(),
        Membership.objects.count(),
        get_user_model().objects.count(),
    )


def test_each_demo_steunpunt_has_example_questions_its_consultant_can_open(logins, client):
    from steunpunt.support.models import Case

    _path, entries = logins
    # The three example questions of today, beside the eighteen months of history (test_demo_history).
    examples = {
        case.question[:40]: (case.status, case.urgent)
        for case in Case.objects.filter(support_point__slug="noord", created_at__date=timezone.localdate())
        if case.question.startswith(
            ("(Voorbeeldvraag) Mijn zoon", "(Voorbeeldvraag) Moeder", "(Voorbeeldvraag) Mag ik")
        )
    }
    assert sorted(examples.values()) == [("closed", False), ("in_progress", False), ("new", True)]
    noord = SupportPoint.objects.get(slug="noord")
    assert noord.consultation_slots.count() == 4
    assert noord.concerns.filter(title__startswith="(Voorbeeld) Lange wachttijd", published=True).count() == 1
    assert (
        "(Voorbeeld) Ouders vertelden ons"
        in client.get("/wat-we-hoorden/", HTTP_HOST="noord.localhost:8123").content.decode()
    )
    login = next(e for e in entries if e["username"] == "noord-consultant")
    client.post(
        "/admin/login/", {"username": login["username"], "password": login["password"]}, HTTP_HOST="127.0.0.1"
    )
    code = f"{totp(base64.b32decode(login['totp_secret'])):06d}"
    client.post("/beveiliging/tweestapsverificatie/", {"token": code}, HTTP_HOST="127.0.0.1")
    inbox = client.get("/admin/vragen/", HTTP_HOST="127.0.0.1").content.decode()
    assert inbox.count("V-") >= 2


def test_demo_consultation_times_fall_on_the_steunpunts_opening_days(logins):
    from django.utils import timezone

    from steunpunt.consultations.models import ConsultationSlot

    for support_point in SupportPoint.objects.all():
        open_days = set(support_point.opening_hours.values_list("weekday", flat=True))
        days = {
            timezone.localtime(slot.starts_at).weekday()
            for slot in ConsultationSlot.objects.filter(support_point=support_point)
        }
        assert days and days <= open_days


# Issue 18: the types of school in each demo region, as the 2024 extract has them (checked against
# the data: Noord's PO2001 and VO2001 have every type; Midden's PO2601 is a primary partnership, so
# its region has no secondary, praktijkonderwijs or VSO-only schools, which link to VO partnerships).
DEMO_SCHOOL_TYPES = {
    "noord": {"regular", "sbo", "so", "vso", "so_vso", "pro", "secondary"},
    "midden": {"regular", "sbo", "so", "so_vso"},
}
DEMO_NOTICE = "Demo: dit ondersteuningsprofiel is verzonnen"


def _extract_schools_per_demo_steunpunt():
    """``{slug: {location code: school type}}``: the 2024 extract's schools the demo should import for
    each demo steunpunt, worked out from the data as the importer does (first row per location code)."""
    from steunpunt.schools.importer import EXTRACT_2024, links_for, read_file

    codes = {
        sp.slug: set(sp.partnerships.values_list("code", flat=True)) for sp in SupportPoint.objects.all()
    }
    every = set().union(*codes.values())
    rows, _skipped = read_file(EXTRACT_2024)
    seen, wanted = set(), {slug: {} for slug in codes}
    for row in rows:
        links = set(links_for(row))
        if row["location_code"] in seen or not links & every:
            continue
        seen.add(row["location_code"])
        for slug, own in codes.items():
            if links & own:
                wanted[slug][row["location_code"]] = row["school_type"]
    return wanted


def _assert_demo_schools(client, support_point, expected):
    """The demo steunpunt's schools are all of its regions' schools in the extract, of every type the
    data has; a realistic share has a support profile; every profile is marked demo, on its page too."""
    from django.db.models import Q

    from steunpunt.schools.models import SPECIAL_TYPES, School

    slug = support_point.slug
    schools = School.objects.filter(partnerships__support_point=support_point).distinct()
    assert set(schools.values_list("location_code", flat=True)) == set(expected), slug
    types = set(schools.values_list("school_type", flat=True))
    assert types == set(expected.values()) == DEMO_SCHOOL_TYPES[slug], slug
    with_profile = Q(specialisms__isnull=False)
    for name in ("support_profile_url", "support_profile_file", "parent_contact", "support_coordinator"):
        with_profile |= ~Q(**{name: ""})
    profiled = {school.location_code: school for school in schools.filter(with_profile)}
    assert [code for code, school in profiled.items() if not school.profile_is_demo] == [], slug
    host = support_point.site.hostname
    for code in profiled:
        page = client.get(f"/scholen/{code}/", HTTP_HOST=host)
        assert page.status_code == 200 and DEMO_NOTICE in page.content.decode(), (slug, code)
    # "Realistic": schools/demo.py draws a profile for about 80% of the special schools (SHARE_SPECIAL)
    # and 35% of the others (SHARE_OTHER), as on a platform some time in use: neither every school nor
    # a handful. So between 20% and 90% of a steunpunt's schools, special schools more often than others.
    special = [school for school in profiled.values() if school.school_type in SPECIAL_TYPES]
    special_all = schools.filter(school_type__in=SPECIAL_TYPES).count()
    others_all = schools.count() - special_all
    assert 0.2 <= len(profiled) / schools.count() <= 0.9, (slug, len(profiled), schools.count())
    assert 0.5 <= len(special) / special_all <= 0.95, (slug, len(special), special_all)
    assert 0.2 <= (len(profiled) - len(special)) / others_all <= 0.5, (slug, len(profiled), others_all)


def test_the_demo_schools_and_the_school_contact_person_school_proposals_referral_and_opinions(
    logins, client
):
    """Issue 18: each demo steunpunt has every school of its regions, of every type, a realistic share
    with a support profile, each marked as demo. Its school contact login acts for one school with an
    approved and a waiting profile change; its school referred one family (a case "via school"); six
    other schools gave their opinion this half year, enough for the board report. All marked as demo."""
    from steunpunt.reports.build import build_report
    from steunpunt.reports.periods import presets
    from steunpunt.schools.models import ProfileProposal, SchoolContact, SchoolEvaluation
    from steunpunt.support.models import Channel, SchoolReferral

    _path, entries = logins
    expected = _extract_schools_per_demo_steunpunt()
    for support_point in SupportPoint.objects.all():
        _assert_demo_schools(client, support_point, expected[support_point.slug])
        entry = next(
            e for e in entries if e["role"] == Role.SCHOOL_CONTACT and e["steunpunt"] == support_point.name
        )
        grant = SchoolContact.objects.get(user__username=entry["username"])
        proposals = ProfileProposal.objects.filter(school=grant.school, support_point=support_point)
        assert sorted(proposals.values_list("status", flat=True)) == ["approved", "proposed"]
        assert all(proposals.values_list("is_demo", flat=True))
        grant.school.refresh_from_db()
        assert grant.school.profile_is_demo and "(Voorbeeld, demo)" in grant.school.support_coordinator
        referral = SchoolReferral.objects.get(school=grant.school, support_point=support_point)
        assert referral.case.channel == Channel.SCHOOL and referral.is_demo
        assert SchoolEvaluation.objects.filter(support_point=support_point, is_demo=True).count() == 6
        report = build_report(support_point, presets()[0][2])
        assert report.schools["answered"].shown == "6"


def test_every_task_the_load_leaves_for_the_worker_runs_and_the_reference_index_is_whole(tmp_path):
    """`make run`'s task worker logged a ``RelatedArticle.DoesNotExist`` traceback for each related
    article the load saved and replaced before the worker got to it: Wagtail queues a reference-index
    update per saved object. The load now updates that index once, at its end. Here the tasks are
    kept (django-tasks' dummy backend) and run afterwards, as the worker runs them."""
    from steunpunt.core.tests.worker import assert_related_links_indexed, tasks_left_for_the_worker

    logins_file = str(tmp_path / "logins.json")
    failed = tasks_left_for_the_worker(
        lambda: call_command("load_demo_data", "--port", "8123", "--logins-file", logins_file)
    )
    assert failed == []
    # What the reference index says of an article's related articles ("Lees ook") is there.
    assert_related_links_indexed()
