"""Evaluation: a one-time link after closing (only with consent), one reminder after a week, answers
stored without any link to the person or the case, versions of the questions kept."""

import datetime

import pytest
import time_machine
from django.core.management import call_command
from django.urls import reverse

from steunpunt.evaluations.models import Invitation, Questionnaire, Response
from steunpunt.evaluations.services import send_reminders
from steunpunt.information.tests.factories import ThemeFactory
from steunpunt.outbox.models import OutboxMail
from steunpunt.support.services import case_transition
from steunpunt.support.tests.factories import CaseFactory
from steunpunt.tenants.roles import Role
from steunpunt.tenants.tests.factories import MembershipFactory, SupportPointFactory

pytestmark = pytest.mark.django_db
HOST = {"HTTP_HOST": "noord.localhost"}


@pytest.fixture
def support_point(platform):
    return SupportPointFactory(hostname="noord.localhost")


def _close(case):
    return case_transition(case=case, to="closed", by=None, outcome="solved")


def test_only_people_who_agreed_are_invited_once_and_the_answer_has_no_link_to_them(client, support_point):
    theme = ThemeFactory(slug="zorgplicht")
    silent = CaseFactory(support_point=support_point, requester_email="nee@example.test")
    _close(silent)
    assert not Invitation.objects.exists()

    case = CaseFactory(
        support_point=support_point,
        requester_email="ouder@example.test",
        requester_name="Fatima",
        evaluation_consent=True,
    )
    case.themes.add(theme)
    case = _close(case)
    invitation = Invitation.objects.get()
    assert case.evaluation_token == invitation.token
    assert (invitation.themes, invitation.period) == (["zorgplicht"], case.closed_at.date().replace(day=1))
    mail = OutboxMail.objects.get(to="ouder@example.test", subject__contains="Hoe ging")
    assert f"/evaluatie/{invitation.token}/" in mail.body
    # Closing again after reopening does not invite twice.
    case = case_transition(case=case, to="reopened", by=None)
    _close(case)
    assert Invitation.objects.count() == 1

    page = client.get(f"/mijn-vraag/{case.access_token}/", **HOST).content.decode()
    assert f"/evaluatie/{invitation.token}/" in page
    form = client.get(f"/evaluatie/{invitation.token}/", **HOST)
    assert form.status_code == 200 and "Voelde u zich gehoord?" in form.content.decode()
    empty = client.post(f"/evaluatie/{invitation.token}/", {}, **HOST)
    assert empty.status_code == 400 and "Beantwoord minstens één vraag." in empty.content.decode()
    bad = client.post(f"/evaluatie/{invitation.token}/", {"heard": "9"}, **HOST)
    assert bad.status_code == 400 and not Response.objects.exists()
    done = client.post(
        f"/evaluatie/{invitation.token}/",
        {"heard": "4", "helped": "partly", "better": "Sneller bellen"},
        **HOST,
    )
    assert "Dank u voor uw antwoorden" in done.content.decode()
    response = Response.objects.get()
    assert response.answers == {"heard": "4", "helped": "partly", "better": "Sneller bellen"}
    assert {field.name for field in Response._meta.get_fields()} == {
        "id",
        "support_point",
        "questionnaire",
        "period",
        "themes",
        "support_kinds",
        "answers",
    }
    invitation.refresh_from_db()
    assert invitation.answered and invitation.email == ""
    again = client.post(f"/evaluatie/{invitation.token}/", {"heard": "1"}, **HOST)
    assert "al beantwoord" in again.content.decode() and Response.objects.count() == 1
    assert (
        f"/evaluatie/{invitation.token}/"
        not in client.get(f"/mijn-vraag/{case.access_token}/", **HOST).content.decode()
    )


def test_a_young_person_gets_the_youth_questions(client, support_point):
    case = CaseFactory(support_point=support_point, requester_kind="young_person", evaluation_consent=True)
    _close(case)
    invitation = Invitation.objects.get()
    assert invitation.questionnaire.audience == "youth" and invitation.email == ""
    assert "Voelde je je gehoord?" in client.get(f"/evaluatie/{invitation.token}/", **HOST).content.decode()
    assert client.get("/evaluatie/onbekend/", **HOST).status_code == 404
    assert client.get(f"/evaluatie/{invitation.token}/", HTTP_HOST="127.0.0.1").status_code == 404


def test_one_reminder_after_a_week_and_never_more(support_point):
    start = datetime.datetime(2026, 11, 2, 10, 0, tzinfo=datetime.UTC)
    with time_machine.travel(start, tick=False):
        _close(
            CaseFactory(
                support_point=support_point, requester_email="a@example.test", evaluation_consent=True
            )
        )
    with time_machine.travel(start + datetime.timedelta(days=6), tick=False):
        assert send_reminders() == 0
    with time_machine.travel(start + datetime.timedelta(days=7, hours=1), tick=False):
        call_command("send_evaluation_reminders")
        assert send_reminders() == 0
    with time_machine.travel(start + datetime.timedelta(days=30), tick=False):
        assert send_reminders() == 0
    assert OutboxMail.objects.filter(to="a@example.test", subject__startswith="Herinnering").count() == 1
    assert Invitation.objects.get().email == ""


def test_coordinators_change_the_questions_as_a_new_version_and_others_cannot(staff_client, support_point):
    _close(CaseFactory(support_point=support_point, evaluation_consent=True))
    old = Invitation.objects.get().questionnaire
    coordinator = MembershipFactory(support_point=support_point, role=Role.COORDINATOR).user
    client = staff_client(coordinator)
    assert client.get(reverse("evaluations_overview")).status_code == 200
    url = reverse("evaluations_edit", args=[support_point.pk, "parents"])
    form = client.get(url).context["formset"]
    data = {
        "form-TOTAL_FORMS": "2",
        "form-INITIAL_FORMS": "0",
        "form-MIN_NUM_FORMS": "0",
        "form-MAX_NUM_FORMS": "12",
    }
    data.update(
        {
            "form-0-text": "Hoe tevreden bent u?",
            "form-0-kind": "scale",
            "form-1-text": "",
            "form-1-kind": "text",
        }
    )
    assert len(form.forms) >= 4
    assert client.post(url, data).status_code == 302
    new = Questionnaire.objects.filter(support_point=support_point, audience="parents").get()
    assert new.version == old.version + 1 and new.questions[0]["text"] == "Hoe tevreden bent u?"
    old.refresh_from_db()
    assert len(old.questions) == 4  # the old version is untouched
    _close(CaseFactory(support_point=support_point, evaluation_consent=True))
    assert Invitation.objects.order_by("pk").last().questionnaire == new
    nothing = {**data, "form-0-text": ""}
    assert client.post(url, nothing).status_code == 400
    for role in (Role.CONSULTANT, Role.BOARD, Role.EDITOR):
        other = staff_client(MembershipFactory(support_point=support_point, role=role).user)
        assert other.get(reverse("evaluations_overview")).status_code == 404
        assert other.get(url).status_code == 404
