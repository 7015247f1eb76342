"""The public ways in: a parent's question, a young person's question and 'bel mij terug'."""

import pytest

from steunpunt.core.tests.public_forms import solved
from steunpunt.information.tests.factories import ThemeFactory
from steunpunt.outbox.models import OutboxMail
from steunpunt.privacy.models import AuditRecord
from steunpunt.schools.models import School
from steunpunt.support.models import Case, CaseStatus, Channel, RequesterKind
from steunpunt.tenants.tests.factories import SupportPointFactory

pytestmark = pytest.mark.django_db
HOST = {"HTTP_HOST": "noord.localhost"}


@pytest.fixture
def support_point(platform):
    return SupportPointFactory(hostname="noord.localhost", partnership_codes=["PO2001"])


def _question(**overrides):
    data = {
        "requester_kind": "parent",
        "question": "Mijn dochter mag niet meer naar school. Wat kan ik doen?",
        "age_group": "4_12",
        "school_type": "primary",
        "school_name": "",
        "answer_by": "email",
        "requester_name": "",
        "requester_email": "ouder@example.test",
        "requester_phone": "",
        "consent": "on",
        "website": "",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def test_an_anonymous_parent_with_only_an_email_address_gets_a_reference_a_private_link_and_a_mail(
    client, support_point, smtp_sink, django_capture_on_commit_callbacks
):
    theme = ThemeFactory(slug="thuiszitten-en-verzuim", name="Thuiszitten en verzuim")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/vraag/", _question(themes=[theme.pk]), **HOST)
    case = Case.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/mijn-vraag/{case.access_token}/?verstuurd=1"
    assert (case.channel, case.requester_kind, case.status) == (
        Channel.WEB,
        RequesterKind.PARENT,
        CaseStatus.NEW,
    )
    assert case.requester_name == "" and case.consent_at is not None
    assert list(case.themes.all()) == [theme]
    page = client.get(response["Location"], **HOST)
    html = page.content.decode()
    assert case.reference in html and f"http://noord.localhost/mijn-vraag/{case.access_token}/" in html
    assert page["Cache-Control"] == "no-store" and page["Referrer-Policy"] == "same-origin"
    [mail] = smtp_sink.messages
    assert mail["To"] == "ouder@example.test" and case.reference in mail["Subject"]
    assert f"/mijn-vraag/{case.access_token}/" in mail.get_content()
    assert OutboxMail.objects.get().sent_at is not None
    assert AuditRecord.objects.filter(object_id=str(case.pk), action="create").count() == 1


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"question": ""}, "Schrijf uw vraag."),
        ({"consent": None}, "Zet een vinkje"),
        ({"requester_email": ""}, "Vul uw e-mailadres in, of kies een andere manier"),
        ({"requester_email": "geen-adres"}, "naam@voorbeeld.nl"),
        ({"answer_by": "phone", "requester_phone": ""}, "Vul uw telefoonnummer in"),
        ({"answer_by": "phone", "requester_phone": "bel me"}, "06 12345678"),
        ({"answer_by": "fax"}, "Kies hoe u een antwoord wilt krijgen."),
        ({"age_group": "100"}, "Kies een leeftijd"),
        ({"themes": ["999999"]}, "Kies uit de lijst."),
        ({"question": "x" * 5001}, "maximaal 5000 tekens"),
    ],
)
def test_bad_input_gets_a_dutch_message_keeps_the_text_and_stores_nothing(
    client, support_point, overrides, message
):
    response = client.post("/vraag/", _question(**overrides), **HOST)
    html = response.content.decode()
    assert response.status_code == 400
    assert message in html, html[html.find("error-summary") : html.find("error-summary") + 800]
    assert "Er klopt nog iets niet" in html
    if overrides.get("question", "") != "" and "question" not in overrides:
        assert "Mijn dochter mag niet meer naar school." in html
    assert not Case.objects.exists() and not OutboxMail.objects.exists()


def test_software_that_fills_the_hidden_field_is_refused_politely(client, support_point):
    response = client.post("/vraag/", _question(website="http://spam.example"), **HOST)
    assert response.status_code == 400
    assert "Uw bericht is niet verstuurd." in response.content.decode()
    assert not Case.objects.exists()


def test_too_many_forms_from_one_address_are_refused_with_the_text_kept(client, support_point, settings):
    settings.PUBLIC_FORM_RATE = settings.PUBLIC_FORM_RATE_UNVERIFIED = "2/m"
    for _ in range(2):
        assert client.post("/vraag/", _question(), **HOST).status_code == 302
    response = client.post("/vraag/", _question(question="Nog een vraag over de TLV."), **HOST)
    html = response.content.decode()
    assert response.status_code == 429
    assert "Wacht een uur" in html and "Nog een vraag over de TLV." in html
    assert Case.objects.count() == 2


def test_a_child_without_a_school_makes_the_question_urgent_and_the_typed_school_is_matched(
    client, support_point
):
    school = School.objects.create(
        location_code="16AH00",
        institution_code="16AH",
        name="De Brug",
        postcode="9711 AB",
        place="Groningen",
        sector="po",
        school_type="regular",
    )
    school.partnerships.add(support_point.partnerships.get())
    client.post("/vraag/", _question(school_type="none", school_name=" de  brug "), **HOST)
    case = Case.objects.get()
    assert case.urgent and case.school == school
    assert case.first_contact_due < case.created_at + __import__("datetime").timedelta(days=4)


def test_the_form_offers_the_region_schools_and_links_the_privacy_statement(client, support_point):
    html = client.get("/vraag/", **HOST).content.decode()
    assert 'list="scholen"' in html and 'href="/privacy/"' in html
    privacy = client.get("/privacy/", **HOST).content.decode()
    assert "12 maanden" in privacy and "Concept – nog niet gevalideerd" in privacy


def test_a_young_person_uses_the_simpler_form(client, support_point):
    data = _question(age_group="12_18", answer_by="link", requester_email="")
    del data["requester_kind"]
    response = client.post("/vraag/jongeren/", data, **HOST)
    case = Case.objects.get()
    assert response.status_code == 302
    assert (case.channel, case.requester_kind) == (Channel.WEB_YOUTH, RequesterKind.YOUNG_PERSON)
    assert "Wat wil je vragen?" in client.get("/vraag/jongeren/", **HOST).content.decode()


def test_a_call_back_request_becomes_a_question_with_the_preferred_moments(client, support_point):
    response = client.post(
        "/bel-mij-terug/",
        {
            "requester_phone": "06 12345678",
            "days": ["maandag", "woensdag"],
            "parts": ["ochtend"],
            "consent": "on",
        },
        **HOST,
    )
    case = Case.objects.get()
    assert response.status_code == 302
    assert case.channel == Channel.CALLBACK and case.requester_phone == "06 12345678"
    assert case.callback_times == "Maandag, Woensdag (Ochtend)"
    bad = client.post("/bel-mij-terug/", {"requester_phone": "", "consent": "on"}, **HOST)
    assert bad.status_code == 400 and "Vul uw telefoonnummer in." in bad.content.decode()
    assert Case.objects.count() == 1


def test_the_forms_only_exist_on_a_steunpunt_site(client, platform):
    assert client.get("/vraag/", HTTP_HOST="127.0.0.1").status_code == 404


def _solved(client):
    return solved(client, HOST["HTTP_HOST"])


def test_a_solved_proof_of_work_counts_once_and_a_forged_one_is_refused_politely(client, support_point):
    proof = _solved(client)
    assert client.post("/vraag/", _question(altcha=proof), **HOST).status_code == 302
    replay = client.post("/vraag/", _question(altcha=proof, question="Nog een keer"), **HOST)
    assert replay.status_code == 400
    html = replay.content.decode()
    assert "controle tegen spam" in html and "Nog een keer" in html
    forged = client.post("/vraag/", _question(altcha="bm9uc2Vucw=="), **HOST)
    assert forged.status_code == 400 and Case.objects.count() == 1


def test_without_javascript_the_form_works_under_a_lower_limit(client, support_point, settings):
    settings.PUBLIC_FORM_RATE, settings.PUBLIC_FORM_RATE_UNVERIFIED = "10/m", "1/m"
    assert client.post("/vraag/", _question(), **HOST).status_code == 302
    assert client.post("/vraag/", _question(), **HOST).status_code == 429
    assert client.post("/vraag/", _question(altcha=_solved(client)), **HOST).status_code == 302
    assert Case.objects.count() == 2


def test_the_steunpunt_hears_of_a_new_question_without_any_personal_data(
    client, support_point, smtp_sink, django_capture_on_commit_callbacks
):
    support_point.email = "team@steunpunt-noord.example"
    support_point.save()
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/vraag/", _question(school_type="none", requester_name="Fatima"), **HOST)
    case = Case.objects.get()
    staff = next(mail for mail in smtp_sink.messages if mail["To"] == "team@steunpunt-noord.example")
    text = staff["Subject"] + staff.get_content()
    assert case.reference in text and "Dringend" in staff["Subject"] and f"/admin/vragen/{case.pk}/" in text
    assert "Fatima" not in text and "ouder@example.test" not in text and "Mijn dochter" not in text


# What one accepted question writes, as benchmark P6 posts it (bench/README.md): the case, its theme,
# its first status, its audit record and both mails in one transaction, then one sending round queued.
# Savepoint (or BEGIN) and its release (or COMMIT) count as statements here.
QUESTION_STATEMENTS = 8


def test_a_question_costs_a_fixed_number_of_statements_and_stores_every_part(
    client, support_point, settings, django_assert_max_num_queries, django_capture_on_commit_callbacks
):
    from django_tasks_db.models import DBTaskResult

    from steunpunt.support.models import StatusChange

    # The task backend of production (django-tasks' database backend): the sending round is a row.
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    support_point.email = "team@steunpunt-noord.example"
    support_point.save()
    theme = ThemeFactory()
    # The first question of a process reads the steunpunt of the host and the themes; later ones
    # find them kept for the content generation.
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/vraag/", _question(themes=[theme.pk], question="De eerste vraag."), **HOST)
    with (
        django_assert_max_num_queries(QUESTION_STATEMENTS),
        django_capture_on_commit_callbacks(execute=True) as callbacks,
    ):
        response = client.post("/vraag/", _question(themes=[theme.pk]), **HOST)
    assert response.status_code == 302 and len(callbacks) == 1
    case = Case.objects.exclude(question="De eerste vraag.").get()
    assert response["Location"] == f"/mijn-vraag/{case.access_token}/?verstuurd=1"
    assert case.reference.startswith("V-") and case.consent_at is not None
    assert (case.requester_email, case.channel, case.status) == ("ouder@example.test", Channel.WEB, "new")
    assert list(case.themes.all()) == [theme]
    assert list(StatusChange.objects.filter(case=case).values_list("from_status", "to_status")) == [
        ("", "new")
    ]
    assert AuditRecord.objects.filter(object_id=str(case.pk), action="create").count() == 1
    mails = {mail.to: mail for mail in OutboxMail.objects.filter(subject__contains=case.reference)}
    assert set(mails) == {"ouder@example.test", "team@steunpunt-noord.example"}
    assert f"/mijn-vraag/{case.access_token}/" in mails["ouder@example.test"].body
    assert all(mail.support_point_id == support_point.pk and mail.sent_at is None for mail in mails.values())
    assert DBTaskResult.objects.filter(task_path="steunpunt.outbox.tasks.send_outbox").count() == 2


def test_a_theme_added_or_renamed_is_seen_by_the_next_question(client, support_point):
    first = ThemeFactory(name="Eerste thema")
    assert client.post("/vraag/", _question(themes=[first.pk]), **HOST).status_code == 302
    added = ThemeFactory(name="Nieuw thema")
    assert client.post("/vraag/", _question(themes=[added.pk]), **HOST).status_code == 302
    assert list(Case.objects.latest("pk").themes.all()) == [added]
    gone = added.pk
    added.delete()
    response = client.post("/vraag/", _question(themes=[gone]), **HOST)
    assert response.status_code == 400 and "Kies uit de lijst." in response.content.decode()


def test_a_question_costs_three_commands_on_redis(client, support_point, redis_cache, monkeypatch):
    """On the production cache: the content generation (read once), and the limit per address
    (django-ratelimit's add, then one incr). The question itself moves no generation on."""
    import redis

    calls = []
    execute = redis.Redis.execute_command
    monkeypatch.setattr(
        redis.Redis, "execute_command", lambda self, *a, **k: calls.append(a[0]) or execute(self, *a, **k)
    )
    theme = ThemeFactory()
    assert client.post("/vraag/", _question(themes=[theme.pk]), **HOST).status_code == 302
    calls.clear()
    assert client.post("/vraag/", _question(themes=[theme.pk]), **HOST).status_code == 302
    assert calls == ["GET", "SET", "EVALSHA"]
    assert Case.objects.count() == 2
