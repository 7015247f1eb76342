"""Daily case work (issue 16): the case page around the conversation, the status following the work,
errors on the case's own address, attachments both ways, the triaging inbox and its dashboard."""

import datetime
import io
import re
import zipfile
from pathlib import Path

import pytest
import time_machine
from django.conf import settings as django_settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from steunpunt.privacy.models import AuditAction, AuditRecord
from steunpunt.socialmap.models import Organisation
from steunpunt.support.models import Attachment, Case, CaseStatus, Message
from steunpunt.support.retention import anonymise_expired_cases, requester_erase
from steunpunt.support.services import (
    case_assign,
    contact_add,
    message_from_requester,
    message_from_staff,
    referral_add,
)
from steunpunt.tenants.roles import Role
from steunpunt.tenants.tests.factories import MembershipFactory, SupportPointFactory, UserFactory

from .factories import CaseFactory

pytestmark = pytest.mark.django_db
PDF = b"%PDF-1.4\n% voorbeeldbrief\n"
PUBLIC = {"HTTP_HOST": "noord.localhost"}


def _docx():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        package.writestr("[Content_Types].xml", "<Types/>")
    return buffer.getvalue()


@pytest.fixture(autouse=True)
def _private_files(settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = str(tmp_path / "private")
    settings.MEDIA_ROOT = str(tmp_path / "media")


@pytest.fixture
def noord(platform):
    return SupportPointFactory(name="Steunpunt Noord", hostname="noord.localhost")


@pytest.fixture
def consultant(noord):
    user = UserFactory(first_name="Anna", last_name="de Vries")
    MembershipFactory(user=user, support_point=noord, role=Role.CONSULTANT)
    return user


def _organisation():
    return Organisation.objects.create(
        name="Wijkteam Noord", category="jeugdhulp", helps_with="x", when_to_go="y", phone="050 1234567"
    )


# The case page.


def test_the_case_page_puts_the_question_and_latest_message_first_and_the_date_is_prefilled(
    staff_client, consultant, noord
):
    case = CaseFactory(support_point=noord, question="Mijn zoon mag niet mee op schoolreis.")
    message_from_staff(case=case, body="Ik bel u morgen.", by=consultant)
    message_from_requester(case=case, body="Morgen na tienen graag.")
    html = staff_client(consultant).get(reverse("support_case", args=[case.pk])).content.decode()
    question, latest, timeline = (
        html.index("Mijn zoon mag niet mee"),
        html.index("Laatste bericht"),
        html.index("Tijdlijn"),
    )
    assert question < latest < timeline < html.index("Alle gegevens van de intake")
    assert html.index("Morgen na tienen graag.") < timeline  # the latest message on top
    # The browser's date input only takes the ISO form.
    assert f'name="on" value="{timezone.localdate():%Y-%m-%d}"' in html
    assert "Anna de Vries (Consulent)" in html


def test_the_timeline_holds_messages_contacts_status_changes_referrals_and_reminders_in_order(
    staff_client, consultant, noord
):
    from steunpunt.support.selectors import case_timeline
    from steunpunt.support.services import reminder_add

    with time_machine.travel(datetime.datetime(2026, 11, 2, 9, 0, tzinfo=datetime.UTC), tick=False):
        case = CaseFactory(support_point=noord)
    with time_machine.travel(datetime.datetime(2026, 11, 3, 9, 0, tzinfo=datetime.UTC), tick=False):
        message_from_staff(case=case, body="Eerste bericht", by=consultant)
    with time_machine.travel(datetime.datetime(2026, 11, 4, 12, 0, tzinfo=datetime.UTC), tick=False):
        contact_add(
            case=case,
            channel="phone",
            on=datetime.date(2026, 11, 4),
            minutes=10,
            summary="Gebeld",
            by=consultant,
        )
        referral_add(case=case, organisation=_organisation(), consent=True, note="", by=consultant)
    reminder_add(case=case, due_on=datetime.date(2026, 11, 20), note="Nabellen", by=consultant)
    kinds = [entry["kind"] for entry in case_timeline(case, "full")]
    assert kinds == ["status", "status", "message", "contact", "referral", "reminder"]
    html = staff_client(consultant).get(reverse("support_case", args=[case.pk])).content.decode()
    assert "Doorverwezen naar Wijkteam Noord" in html and "Herinnering: Nabellen" in html
    assert "Contact: Telefoon, 10 min." in html


@pytest.mark.parametrize("work", ["contact", "message"])
def test_a_first_contact_or_message_takes_a_new_question_up(consultant, noord, work):
    case = CaseFactory(support_point=noord)
    if work == "contact":
        contact_add(
            case=case, channel="phone", on=timezone.localdate(), minutes=5, summary="Gebeld", by=consultant
        )
    else:
        message_from_staff(case=case, body="Dag", by=consultant)
    case.refresh_from_db()
    assert case.status == CaseStatus.IN_PROGRESS and case.first_contact_at is not None
    assert list(case.status_changes.values_list("to_status", "by")) == [
        ("new", None),
        ("in_progress", consultant.pk),
    ]


def test_a_reply_picks_up_a_waiting_question_but_leaves_a_new_one_new(noord):
    from steunpunt.support.services import case_transition

    new = CaseFactory(support_point=noord)
    message_from_requester(case=new, body="Nog een vraag")
    new.refresh_from_db()
    assert new.status == CaseStatus.NEW
    waiting = CaseFactory(support_point=noord)
    case_transition(case=waiting, to="in_progress", by=None)
    case_transition(case=waiting, to="waiting", by=None)
    message_from_requester(case=waiting, body="Hier is het antwoord")
    waiting.refresh_from_db()
    assert waiting.status == CaseStatus.IN_PROGRESS


def test_a_form_with_errors_comes_back_on_the_case_address_and_a_reload_is_no_405(
    staff_client, consultant, noord
):
    case = CaseFactory(support_point=noord)
    organisation = _organisation()
    client = staff_client(consultant)
    url = reverse("support_case", args=[case.pk])
    refused = client.post(
        url, {"action": "referral", "referral-organisation": "", "organisation": organisation.pk}
    )
    assert refused.status_code == 400
    assert "Vraag eerst toestemming aan de vrager" in refused.content.decode()
    assert not case.referrals.exists()
    # The older action address: a GET (reload, bookmark) goes to the case page.
    old = client.get(reverse("support_case_referral", args=[case.pk]))
    assert old.status_code == 302 and old["Location"] == url
    unknown = client.post(url, {"action": "delete-everything"})
    assert unknown.status_code == 400 and "Deze actie bestaat niet" in unknown.content.decode()
    empty = client.post(url, {"action": "contact", "on": "", "minutes": "", "summary": ""})
    assert empty.status_code == 400 and not case.contacts.exists()


def test_the_private_page_shows_a_referral(client, consultant, noord):
    case = CaseFactory(support_point=noord)
    referral_add(
        case=case, organisation=_organisation(), consent=True, note="Vraag naar Mieke.", by=consultant
    )
    html = client.get(f"/mijn-vraag/{case.access_token}/", **PUBLIC).content.decode()
    assert "Waar wij u naar doorverwezen" in html and "Wijkteam Noord" in html and "Vraag naar Mieke." in html
    assert "050 1234567" in html


# Attachments.


def test_a_consultant_sends_a_letter_the_parent_downloads_it_and_both_are_audited(
    staff_client, client, consultant, noord, settings
):
    case = CaseFactory(support_point=noord, requester_email="ouder@example.test", answer_by="email")
    staff = staff_client(consultant)
    response = staff.post(
        reverse("support_case", args=[case.pk]),
        {
            "action": "message",
            "body": "Hierbij de voorbeeldbrief.",
            "files": [SimpleUploadedFile("Voorbeeldbrief school.pdf", PDF, content_type="application/pdf")],
        },
    )
    assert response.status_code == 302 and response["Location"] == reverse("support_case", args=[case.pk])
    attachment = Attachment.objects.get()
    assert (attachment.name, attachment.content_type, attachment.size) == (
        "Voorbeeldbrief school.pdf",
        "application/pdf",
        len(PDF),
    )
    stored = Path(attachment.file.path)
    assert stored.read_bytes() == PDF
    assert Path(settings.PRIVATE_MEDIA_ROOT) in stored.parents
    assert not Path(settings.MEDIA_ROOT).exists() or not any(Path(settings.MEDIA_ROOT).rglob("*.pdf"))
    assert "Voorbeeldbrief" not in stored.name  # a random name on disk

    page = client.get(f"/mijn-vraag/{case.access_token}/", **PUBLIC).content.decode()
    link = f"/mijn-vraag/{case.access_token}/bijlage/{attachment.pk}/"
    assert link in page and "Voorbeeldbrief school.pdf" in page
    download = client.get(link, **PUBLIC)
    assert download.status_code == 200 and b"".join(download.streaming_content) == PDF
    assert download["Content-Type"] == "application/pdf" and download["Cache-Control"] == "no-store"
    assert "attachment" in download["Content-Disposition"]

    staff_download = staff.get(reverse("support_case_attachment", args=[case.pk, attachment.pk]))
    assert staff_download.status_code == 200 and b"".join(staff_download.streaming_content) == PDF
    details = set(
        AuditRecord.objects.filter(object_id=str(case.pk), action=AuditAction.READ).values_list(
            "actor", "detail"
        )
    )
    assert ("requester", f"attachment {attachment.pk} (private page)") in details
    assert (consultant.get_username(), f"attachment {attachment.pk}") in details


def test_the_parent_sends_a_word_file_and_the_consultant_reads_it(staff_client, client, consultant, noord):
    case = CaseFactory(support_point=noord)
    docx = _docx()
    response = client.post(
        f"/mijn-vraag/{case.access_token}/",
        {"body": "Het verslag van school.", "files": [SimpleUploadedFile("verslag.docx", docx)]},
        **PUBLIC,
    )
    assert response.status_code == 302
    attachment = Attachment.objects.get(message__from_requester=True)
    html = staff_client(consultant).get(reverse("support_case", args=[case.pk])).content.decode()
    assert (
        reverse("support_case_attachment", args=[case.pk, attachment.pk]) in html and "verslag.docx" in html
    )


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("programma.exe", b"MZ\x90\x00", "“programma.exe” kan niet worden verstuurd. Kies een PDF-"),
        ("brief.pdf", b"MZ\x90\x00 not a pdf", "“brief.pdf” lijkt geen PDF-bestand"),
        (
            "groot.pdf",
            PDF + b"x" * 1024 * 1024,
            "“groot.pdf” is te groot. Een bestand mag hoogstens 1 MB zijn.",
        ),
    ],
)
def test_a_wrong_or_too_large_file_is_refused_in_dutch_and_nothing_is_stored(
    staff_client, client, consultant, noord, settings, name, content, message
):
    settings.CASE_ATTACHMENT_MAX_BYTES = 1024 * 1024
    case = CaseFactory(support_point=noord)
    staff = staff_client(consultant).post(
        reverse("support_case", args=[case.pk]),
        {"action": "message", "body": "Zie bijlage", "files": [SimpleUploadedFile(name, content)]},
    )
    assert staff.status_code == 400 and message in staff.content.decode()
    assert staff.request["PATH_INFO"] == reverse("support_case", args=[case.pk])
    parent = client.post(
        f"/mijn-vraag/{case.access_token}/",
        {"body": "Zie bijlage", "files": [SimpleUploadedFile(name, content)]},
        **PUBLIC,
    )
    assert parent.status_code == 400 and message in parent.content.decode()
    assert not Message.objects.exists() and not Attachment.objects.exists()
    assert not Path(settings.PRIVATE_MEDIA_ROOT).exists() or not any(
        Path(settings.PRIVATE_MEDIA_ROOT).rglob("*.*")
    )


def test_four_files_are_too_many(staff_client, consultant, noord):
    case = CaseFactory(support_point=noord)
    files = [SimpleUploadedFile(f"brief{n}.pdf", PDF) for n in range(4)]
    response = staff_client(consultant).post(
        reverse("support_case", args=[case.pk]), {"action": "message", "body": "Vier", "files": files}
    )
    assert response.status_code == 400 and "Stuur hoogstens 3 bestanden mee" in response.content.decode()
    assert not Attachment.objects.exists()


def test_only_who_may_read_the_case_gets_the_file(staff_client, client, consultant, noord):
    case = CaseFactory(support_point=noord)
    message = message_from_staff(
        case=case, body="Brief", by=consultant, files=[SimpleUploadedFile("brief.pdf", PDF)]
    )
    attachment = message.attachments.get()
    url = reverse("support_case_attachment", args=[case.pk, attachment.pk])
    other = MembershipFactory(role=Role.CONSULTANT).user  # another steunpunt's consultant
    board = MembershipFactory(support_point=noord, role=Role.BOARD).user
    for user in (other, board):
        assert staff_client(user).get(url).status_code == 404
    # Another case's address with this file, or another case's link: not found.
    mine = CaseFactory(support_point=noord)
    assert (
        staff_client(consultant)
        .get(reverse("support_case_attachment", args=[mine.pk, attachment.pk]))
        .status_code
        == 404
    )
    assert (
        client.get(f"/mijn-vraag/{mine.access_token}/bijlage/{attachment.pk}/", **PUBLIC).status_code == 404
    )
    assert not AuditRecord.objects.filter(detail__startswith="attachment").exists()


@pytest.mark.parametrize("how", ["retention", "erasure"])
def test_retention_and_erasure_remove_the_files(consultant, noord, how):
    case = CaseFactory(support_point=noord, closed=True, requester_email="ouder@example.test")
    Case.objects.filter(pk=case.pk).update(status="in_progress")
    message = message_from_staff(
        case=case, body="Brief", by=consultant, files=[SimpleUploadedFile("brief.pdf", PDF)]
    )
    Case.objects.filter(pk=case.pk).update(status="closed")
    stored = Path(message.attachments.get().file.path)
    assert stored.exists()
    from django.test import TestCase

    with TestCase.captureOnCommitCallbacks(execute=True):
        if how == "retention":
            Case.objects.filter(pk=case.pk).update(closed_at=timezone.now() - datetime.timedelta(days=3650))
            assert anonymise_expired_cases() == 1
        else:
            assert requester_erase(case=case, by=consultant) == 1
    assert not Attachment.objects.exists() and not stored.exists()


# The inbox and the dashboard.


def test_the_inbox_triages_overdue_first_with_preview_who_asks_channel_and_one_date_format(
    staff_client, consultant, noord
):
    with time_machine.travel(datetime.datetime(2026, 11, 2, 9, 0, tzinfo=datetime.UTC), tick=False):
        late = CaseFactory(support_point=noord, question="Late vraag over het rooster")
    with time_machine.travel(datetime.datetime(2026, 11, 4, 9, 0, tzinfo=datetime.UTC), tick=False):
        fresh = CaseFactory(support_point=noord, channel="callback", requester_kind="professional")
    with time_machine.travel(datetime.datetime(2026, 11, 6, 9, 0, tzinfo=datetime.UTC), tick=False):
        html = staff_client(consultant).get(reverse("support_inbox")).content.decode()
    assert html.index(late.reference) < html.index(fresh.reference)
    assert "Late vraag over het rooster" in html  # the preview
    assert "Terugbelverzoek" in html and "Professional" in html and "Ouder of verzorger" in html
    assert "2 november 2026" in html and "Nov 2026" not in html
    assert "(te laat)" in html


def test_every_question_lists_the_open_ones_first_then_the_closed_ones_most_recent_first(
    staff_client, consultant, noord
):
    """A closed question was listed before an open one when it had been urgent: the triage order is for
    the open questions; the closed ones follow, the most recent first."""
    with time_machine.travel(datetime.datetime(2026, 10, 1, 9, 0, tzinfo=datetime.UTC), tick=False):
        closed_urgent = CaseFactory(support_point=noord, urgent=True, status=CaseStatus.CLOSED)
    with time_machine.travel(datetime.datetime(2026, 10, 20, 9, 0, tzinfo=datetime.UTC), tick=False):
        closed_recent = CaseFactory(support_point=noord, status=CaseStatus.CLOSED)
    with time_machine.travel(datetime.datetime(2026, 11, 2, 9, 0, tzinfo=datetime.UTC), tick=False):
        waiting_longest = CaseFactory(support_point=noord, first_contact_at=timezone.now())
    with time_machine.travel(datetime.datetime(2026, 11, 3, 9, 0, tzinfo=datetime.UTC), tick=False):
        open_urgent = CaseFactory(support_point=noord, urgent=True, first_contact_at=timezone.now())
    with time_machine.travel(datetime.datetime(2026, 11, 4, 9, 0, tzinfo=datetime.UTC), tick=False):
        html = staff_client(consultant).get(reverse("support_inbox"), {"status": "all"}).content.decode()
    order = [open_urgent, waiting_longest, closed_recent, closed_urgent]
    positions = [html.index(case.reference) for case in order]
    assert positions == sorted(positions), [case.reference for case in order]


def test_coordinator_dashboard_counts_equal_the_inbox(staff_client, noord):
    coordinator = MembershipFactory(support_point=noord, role=Role.COORDINATOR).user
    for _ in range(3):
        CaseFactory(support_point=noord)
    client = staff_client(coordinator)
    home = client.get(reverse("wagtailadmin_home")).content.decode()
    inbox = client.get(reverse("support_inbox"), {"status": "new"})
    assert "3 nieuwe vragen" in home
    assert len(inbox.context["rows"]) == 3


def test_the_assign_list_shows_people_by_name_and_role(staff_client, noord):
    coordinator = MembershipFactory(
        support_point=noord, role=Role.COORDINATOR, user=UserFactory(first_name="Cor", last_name="Bos")
    ).user
    MembershipFactory(
        support_point=noord,
        role=Role.CONSULTANT,
        user=UserFactory(username="noord-consultant", first_name="Anna", last_name="Smit"),
    )
    case = CaseFactory(support_point=noord)
    html = staff_client(coordinator).get(reverse("support_case_assign", args=[case.pk])).content.decode()
    assert "Anna Smit (Consulent)" in html and ">noord-consultant<" not in html


def _cell(html, reference, label):
    """The text of the inbox cell headed ``label`` in the row of the question ``reference``."""
    row = next(row for row in re.findall(r"<tr>.*?</tr>", html, re.S) if f">{reference}<" in row)
    found = re.search(rf'<td data-label="{re.escape(escape(label))}">(.*?)</td>', row, re.S)
    return " ".join(re.sub(r"<[^>]+>", "", found.group(1)).split())


def test_the_inbox_shows_how_long_each_question_waits(staff_client, consultant, noord):
    """Since the question came in until the first contact; after it, since the requester's last
    message nobody answered; nothing while the steunpunt has answered."""
    with time_machine.travel(datetime.datetime(2026, 11, 2, 9, 0, tzinfo=datetime.UTC), tick=False):
        new = CaseFactory(support_point=noord)
        answered = CaseFactory(support_point=noord)
        asked_again = CaseFactory(support_point=noord)
        for case in (answered, asked_again):
            message_from_staff(case=case, body="Ik bel u morgen.", by=consultant)
    with time_machine.travel(datetime.datetime(2026, 11, 4, 7, 0, tzinfo=datetime.UTC), tick=False):
        message_from_requester(case=asked_again, body="Bel liever na tienen.")
    with time_machine.travel(datetime.datetime(2026, 11, 4, 12, 0, tzinfo=datetime.UTC), tick=False):
        html = staff_client(consultant).get(reverse("support_inbox")).content.decode()
    assert '<th scope="col">Wacht al</th>' in html
    assert _cell(html, new.reference, "Wacht al") == "2 dagen, 3 uur"
    assert _cell(html, asked_again.reference, "Wacht al") == "5 uur"
    assert _cell(html, answered.reference, "Wacht al") == "—"


def test_the_inbox_shows_the_consultant_by_name_and_role(staff_client, consultant, noord):
    case = CaseFactory(support_point=noord)
    case_assign(case=case, consultant=consultant, by=None)
    html = staff_client(consultant).get(reverse("support_inbox")).content.decode()
    assert _cell(html, case.reference, "Consulent") == "Anna de Vries (Consulent)"


def test_the_workload_shows_people_by_name_and_role_never_a_bare_user_name(staff_client, consultant, noord):
    coordinator = MembershipFactory(
        support_point=noord, role=Role.COORDINATOR, user=UserFactory(first_name="Cor", last_name="Bos")
    ).user
    nameless = MembershipFactory(
        support_point=noord, role=Role.CONSULTANT, user=UserFactory(username="noord-invaller")
    ).user
    for person in (consultant, consultant, nameless):
        case_assign(case=CaseFactory(support_point=noord), consultant=person, by=None)
    CaseFactory(support_point=noord)
    html = staff_client(coordinator).get(reverse("support_workload")).content.decode()
    rows = [
        [" ".join(re.sub(r"<[^>]+>", "", cell).split()) for cell in re.findall(r"<td>(.*?)</td>", row, re.S)]
        for row in re.findall(r"<tr>(.*?)</tr>", html, re.S)
        if "<td>" in row
    ]
    assert ["Steunpunt Noord", "Anna de Vries (Consulent)", "2", "0"] in rows
    assert ["Steunpunt Noord", "noord-invaller (Consulent)", "1", "0"] in rows
    assert ["Steunpunt Noord", "Niet toegewezen", "1", "0"] in rows
    assert ">noord-invaller<" not in html


def test_the_staff_mail_about_a_new_question_links_to_the_configured_port(platform):
    from steunpunt.outbox.models import OutboxMail

    support_point = SupportPointFactory(hostname="west.localhost", email="info@west.example", port=8123)
    case = CaseFactory(support_point=support_point)
    staff_mail = OutboxMail.objects.get(to="info@west.example")
    assert f"http://west.localhost:8123/admin/vragen/{case.pk}/" in staff_mail.body
    assert ":8000" not in staff_mail.body


def test_wagtails_mails_link_to_the_port_the_platform_runs_on():
    import os
    import subprocess
    import sys

    repo = Path(__file__).resolve().parents[4]
    environment = {k: v for k, v in os.environ.items() if k not in {"WAGTAILADMIN_BASE_URL"}}
    environment.update(PORT="8123", DJANGO_SETTINGS_MODULE="steunpunt.conf.test")
    result = subprocess.run(
        [sys.executable, "-c", "from steunpunt.conf import test as s; print(s.WAGTAILADMIN_BASE_URL)"],
        capture_output=True,
        text=True,
        env={**environment, "PYTHONPATH": str(repo / "src")},
        cwd=repo,
        timeout=60,
    )
    assert result.stdout.strip() == "http://127.0.0.1:8123", result.stderr
    assert "export PORT" in (repo / "scripts" / "run-dev.sh").read_text()
    assert django_settings.CASE_ATTACHMENT_MAX_BYTES > 0
