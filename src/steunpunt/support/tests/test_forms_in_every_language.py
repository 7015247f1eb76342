"""Issue 17: the question forms in every language of the site. A question sent from /ar/vraag/ is in
Arabic (Case.language), its errors are in Arabic, and the mails to the requester are written in the
case's language with links to the private page and the evaluation under its prefix; the private page
and the evaluation speak the language of their address."""

import re

import pytest

from steunpunt.evaluations.models import Invitation
from steunpunt.support.models import Case
from steunpunt.support.services import case_transition, message_from_staff
from steunpunt.tenants.roles import Role
from steunpunt.tenants.tests.factories import MembershipFactory, SupportPointFactory

from .test_public_forms import _question

pytestmark = pytest.mark.django_db
HOST = {"HTTP_HOST": "noord.localhost"}


@pytest.fixture
def support_point(platform):
    return SupportPointFactory(hostname="noord.localhost")


def _send(client, path, data, capture):
    with capture(execute=True):
        response = client.post(path, data, **HOST)
    assert response.status_code == 302, response.content.decode()[:2000]
    return response


@pytest.mark.parametrize("code", ["en", "ar", "tr", "pl", "uk"])
def test_each_form_is_there_in_the_language_with_its_language_chosen(client, support_point, code):
    for path in ("/vraag/", "/vraag/jongeren/", "/bel-mij-terug/"):
        html = client.get(f"/{code}{path}", **HOST).content.decode()
        assert f'<html lang="{code}"' in html
        assert re.search(rf'<option value="{code}"[^>]*selected', html), path
        assert f'action="/{code}{path}"' in html


def test_a_question_from_the_arabic_form_is_arabic_with_arabic_mail_and_links(
    client, support_point, smtp_sink, django_capture_on_commit_callbacks
):
    data = _question()
    data.pop("language", None)
    response = _send(client, "/ar/vraag/", data, django_capture_on_commit_callbacks)
    case = Case.objects.get()
    assert case.language == "ar"
    assert response["Location"] == f"/ar/mijn-vraag/{case.access_token}/?verstuurd=1"
    page = client.get(response["Location"], **HOST).content.decode()
    assert '<html lang="ar" dir="rtl">' in page
    assert f"http://noord.localhost/ar/mijn-vraag/{case.access_token}/" in page
    [mail] = smtp_sink.messages
    assert mail["Subject"].strip().startswith("استلمنا سؤالك")
    assert f"http://noord.localhost/ar/mijn-vraag/{case.access_token}/" in mail.get_content()


def test_an_english_question_gets_english_mail_also_when_staff_answer_from_the_dutch_back_office(
    client, support_point, smtp_sink, django_capture_on_commit_callbacks
):
    data = _question(answer_by="email")
    _send(client, "/en/vraag/", data, django_capture_on_commit_callbacks)
    case = Case.objects.get()
    assert case.language == "en"
    consultant = MembershipFactory(support_point=support_point, role=Role.CONSULTANT).user
    with django_capture_on_commit_callbacks(execute=True):
        message_from_staff(case=case, body="Hallo", by=consultant)
    confirmation, notice = smtp_sink.messages
    assert confirmation["Subject"].strip().startswith("We received your question")
    assert f"/en/mijn-vraag/{case.access_token}/" in notice.get_content()
    assert "Dutch" not in notice["Subject"] and "vraag" not in notice["Subject"].lower()


def test_a_question_in_dutch_or_another_language_keeps_dutch_mail_and_plain_links(
    client, support_point, smtp_sink, django_capture_on_commit_callbacks
):
    _send(client, "/vraag/", _question(language="other"), django_capture_on_commit_callbacks)
    _send(client, "/en/vraag/", _question(language="nl"), django_capture_on_commit_callbacks)
    other, dutch = Case.objects.order_by("pk")
    assert (other.language, dutch.language) == ("other", "nl")
    for mail, case in zip(smtp_sink.messages, (other, dutch), strict=True):
        assert "ontvangen" in mail["Subject"]
        assert f"http://noord.localhost/mijn-vraag/{case.access_token}/" in mail.get_content()


def test_form_errors_are_in_the_language_of_the_page(client, support_point):
    english = client.post("/en/vraag/", _question(question=""), **HOST)
    assert english.status_code == 400 and "Write your question." in english.content.decode()
    arabic = client.post("/ar/vraag/", _question(question=""), **HOST)
    assert arabic.status_code == 400 and "اكتب سؤالك." in arabic.content.decode()
    # Django's own messages come in the language too (its own catalogs).
    callback = client.post("/en/bel-mij-terug/", {"requester_phone": "", "consent": "on"}, **HOST)
    assert callback.status_code == 400 and "Vul uw" not in callback.content.decode()
    assert not Case.objects.exists()


def test_the_evaluation_link_is_in_the_cases_language_and_the_page_in_its_addresss(
    client, support_point, smtp_sink, django_capture_on_commit_callbacks
):
    _send(
        client,
        "/en/vraag/",
        _question(evaluation_consent="on"),
        django_capture_on_commit_callbacks,
    )
    case = Case.objects.get()
    case.evaluation_consent = True
    case.save()
    with django_capture_on_commit_callbacks(execute=True):
        case_transition(case=case, to="closed", by=None, outcome="solved")
    invitation = Invitation.objects.get()
    assert invitation.language == "en"
    mail = smtp_sink.messages[-1]
    assert f"http://noord.localhost/en/evaluatie/{invitation.token}/" in mail.get_content()
    english = client.get(f"/en/evaluatie/{invitation.token}/", **HOST).content.decode()
    # The national starting questions are asked in the page's language; the Dutch page keeps Dutch.
    assert '<html lang="en" dir="ltr">' in english and "Did you feel heard?" in english
    dutch = client.get(f"/evaluatie/{invitation.token}/", **HOST).content.decode()
    assert '<html lang="nl" dir="ltr">' in dutch and "Voelde u zich gehoord?" in dutch
    private = client.get(f"/en/mijn-vraag/{case.access_token}/", **HOST).content.decode()
    assert f'href="/en/evaluatie/{invitation.token}/"' in private
