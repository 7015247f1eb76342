"""Issue 16: a question records the requester's language and whether an interpreter is needed. The public
forms ask it (optional: nothing chosen is Dutch without an interpreter), staff set and change it, and
the inbox shows it in a "Taal" column and filters on it, without a query more per row."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from steunpunt.core.languages import BY_CODE, CODES, LANGUAGES, OTHER, language_choices
from steunpunt.support.models import Case
from steunpunt.tenants.roles import Role
from steunpunt.tenants.tests.factories import MembershipFactory, SupportPointFactory

from .factories import CaseFactory
from .test_back_office import _intake
from .test_public_forms import HOST, _question

pytestmark = pytest.mark.django_db


@pytest.fixture
def support_point(platform):
    return SupportPointFactory(hostname="noord.localhost")


@pytest.fixture
def consultant(support_point):
    return MembershipFactory(support_point=support_point, role=Role.CONSULTANT).user


def test_the_languages_are_listed_once_with_their_own_names():
    assert CODES == ("nl", "en", "ar", "tr", "pl", "uk")
    assert [language.own_name for language in LANGUAGES] == [
        "Nederlands",
        "English",
        "العربية",
        "Türkçe",
        "Polski",
        "Українська",
    ]
    assert BY_CODE["ar"].direction == "rtl"
    assert [str(label) for _code, label in language_choices()] == [
        "Nederlands",
        "Engels",
        "Arabisch",
        "Turks",
        "Pools",
        "Oekraïens",
        "Andere taal",
    ]
    assert Case._meta.get_field("language").choices == language_choices()


def test_a_question_without_a_language_is_dutch_without_an_interpreter(client, support_point):
    page = client.get("/vraag/", **HOST).content.decode()
    assert "Welke taal spreekt u het best? (mag leeg blijven)" in page
    assert "Arabisch – العربية" in page and "Ik wil graag een tolk" in page
    assert client.post("/vraag/", _question(), **HOST).status_code == 302
    case = Case.objects.get()
    assert (case.language, case.interpreter_needed) == ("nl", False)


def test_each_public_form_records_the_language_and_the_interpreter(client, support_point):
    assert (
        client.post("/vraag/", _question(language="ar", interpreter_needed="on"), **HOST).status_code == 302
    )
    youth = _question(age_group="12_18", answer_by="link", requester_email="", language="uk")
    del youth["requester_kind"]
    assert client.post("/vraag/jongeren/", youth, **HOST).status_code == 302
    callback = {
        "requester_phone": "06 12345678",
        "days": ["maandag"],
        "parts": ["ochtend"],
        "language": "tr",
        "interpreter_needed": "on",
        "consent": "on",
    }
    assert client.post("/bel-mij-terug/", callback, **HOST).status_code == 302
    stored = list(Case.objects.order_by("pk").values_list("channel", "language", "interpreter_needed"))
    assert stored == [("web", "ar", True), ("web_youth", "uk", False), ("callback", "tr", True)]
    assert "Welke taal spreek je het best?" in client.get("/vraag/jongeren/", **HOST).content.decode()


def test_a_language_not_on_the_list_gets_a_dutch_message_and_nothing_is_stored(client, support_point):
    response = client.post("/vraag/", _question(language="klingon"), **HOST)
    assert response.status_code == 400
    page = response.content.decode()
    assert "Kies een taal uit de lijst." in page and "Mijn dochter mag niet meer naar school" in page
    assert not Case.objects.exists()


def test_staff_set_and_change_the_language_of_a_question(staff_client, consultant):
    client = staff_client(consultant)
    form = client.get(reverse("support_case_create")).content.decode()
    assert 'name="language"' in form and 'name="interpreter_needed"' in form
    client.post(reverse("support_case_create"), _intake(language="pl", interpreter_needed="on"))
    case = Case.objects.get()
    assert (case.language, case.interpreter_needed) == ("pl", True)
    page = client.get(reverse("support_case", args=[case.pk])).content.decode()
    assert "Taal: Pools · tolk" in page

    edit = client.get(reverse("support_case_edit", args=[case.pk])).content.decode()
    assert '<option value="pl" selected>Pools</option>' in edit
    changed = client.post(
        reverse("support_case_edit", args=[case.pk]), _intake(language="en", version=case.version)
    )
    assert changed.status_code == 302
    case.refresh_from_db()
    assert (case.language, case.interpreter_needed) == ("en", False)
    bad = client.post(
        reverse("support_case_edit", args=[case.pk]), _intake(language="xx", version=case.version)
    )
    assert bad.status_code == 400
    case.refresh_from_db()
    assert case.language == "en"


def test_the_inbox_shows_the_language_and_filters_on_it(staff_client, consultant, support_point):
    arabic = CaseFactory(support_point=support_point, language="ar", interpreter_needed=True)
    english = CaseFactory(support_point=support_point, language="en")
    dutch = CaseFactory(support_point=support_point)
    other = CaseFactory(support_point=support_point, language=OTHER, interpreter_needed=True)
    client = staff_client(consultant)
    page = client.get(reverse("support_inbox")).content.decode()
    assert '<th scope="col">Taal</th>' in page
    assert "Arabisch · tolk" in page and ">Engels<" in page and ">Nederlands<" in page
    assert "Andere taal · tolk" in page

    def listed(query):
        response = client.get(reverse("support_inbox"), query)
        assert response.status_code == 200
        body = response.content.decode()
        return {case for case in (arabic, english, dutch, other) if case.reference in body}

    assert listed({"taal": "ar"}) == {arabic}
    assert listed({"taal": "nl"}) == {dutch}
    assert listed({"taal": "tolk"}) == {arabic, other}
    # An unknown value filters nothing away; never an error.
    assert listed({"taal": "<script>"}) == {arabic, english, dutch, other}
    filtered = client.get(reverse("support_inbox"), {"taal": "ar"}).content.decode()
    assert '<option value="ar" selected>Arabisch</option>' in filtered


def test_the_language_column_adds_no_query_per_row(staff_client, consultant, support_point):
    client = staff_client(consultant)

    def measure():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(reverse("support_inbox")).status_code == 200
        return len(queries)

    CaseFactory(support_point=support_point, language="ar", interpreter_needed=True)
    measure()  # the first request of a session does some one-time work
    small = measure()
    for code in [*CODES, OTHER] * 3:
        CaseFactory(support_point=support_point, language=code, interpreter_needed=code != "nl")
    assert measure() == small
