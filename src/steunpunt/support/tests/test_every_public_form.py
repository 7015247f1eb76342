"""Every public POST of a steunpunt site has the same protection (core.public_forms): a limit per
address, proof of work, CSRF, the honeypot and size limits; a refusal explains itself in Dutch,
keeps what was typed and stores nothing. Plus the attacks that were made before it existed."""

import datetime
import re
from collections.abc import Callable
from dataclasses import dataclass

import pytest
from django.test import Client
from django.utils import timezone

from steunpunt.consultations.models import Booking
from steunpunt.consultations.tests.factories import SlotFactory
from steunpunt.core.tests.public_forms import form_key, solve, solved
from steunpunt.evaluations.models import Invitation, Response
from steunpunt.information.models import ArticleFeedback
from steunpunt.information.tests.factories import ArticlePageFactory
from steunpunt.meetings.models import Meeting, Registration
from steunpunt.outbox.models import OutboxMail
from steunpunt.stories.models import Story
from steunpunt.support.models import Case
from steunpunt.support.services import case_transition
from steunpunt.support.tests.factories import CaseFactory
from steunpunt.tenants.tests.factories import SupportPointFactory

pytestmark = pytest.mark.django_db
HOSTNAME = "noord.localhost"
HOST = {"HTTP_HOST": HOSTNAME}
TYPED = "Tekst die blijft staan na een weigering"
# Without "u"/"je": the young people's form says the same with "je" (core.address).
LIMIT = "veel berichten van"
PROOF = "De automatische controle tegen spam is niet gelukt"
CSRF = "Het formulier stond lang open"
TOO_BIG = "bericht is te lang om te versturen"
HONEYPOT = "bericht is niet verstuurd. Laat het laatste veld leeg"


@dataclass
class Endpoint:
    name: str
    url: Callable  # support point → address of the form
    data: Callable  # → a valid submission with TYPED in a text field
    stored: Callable  # → how many things were stored
    success: int = 302


def _meeting(support_point):
    start = timezone.now() + datetime.timedelta(days=7)
    meeting = Meeting.objects.create(
        support_point=support_point,
        title="Thema-avond",
        description="Kom langs.",
        starts_at=start,
        ends_at=start + datetime.timedelta(hours=2),
        place="Voorbeeldstraat 1",
        capacity=30,
    )
    return f"/bijeenkomsten/{meeting.pk}/"


def _invitation(support_point):
    case = CaseFactory(
        support_point=support_point, requester_email="ouder@example.test", evaluation_consent=True
    )
    case_transition(case=case, to="closed", by=None, outcome="solved")
    return f"/evaluatie/{Invitation.objects.get().token}/"


def _article(support_point):
    ArticlePageFactory(slug="leerplicht")
    return "/reactie/leerplicht/"


QUESTION = {
    "requester_kind": "parent",
    "question": TYPED,
    "age_group": "4_12",
    "school_type": "primary",
    "answer_by": "email",
    "requester_email": "ouder@example.test",
    "consent": "on",
}
ENDPOINTS = [
    Endpoint("question", lambda sp: "/vraag/", lambda: dict(QUESTION), Case.objects.count),
    Endpoint(
        "youth_question",
        lambda sp: "/vraag/jongeren/",
        lambda: {**QUESTION, "age_group": "12_18", "requester_kind": None},
        Case.objects.count,
    ),
    Endpoint(
        "callback",
        lambda sp: "/bel-mij-terug/",
        lambda: {
            "requester_phone": "06 12345678",
            "days": ["maandag"],
            "parts": ["ochtend"],
            "question": TYPED,
            "consent": "on",
        },
        Case.objects.count,
    ),
    Endpoint(
        "booking",
        lambda sp: f"/spreekuur/{SlotFactory(support_point=sp).pk}/",
        lambda: {"requester_kind": "parent", "topic": TYPED, "email": "ouder@example.test", "consent": "on"},
        Booking.objects.count,
    ),
    Endpoint(
        "story",
        lambda sp: "/ervaringen/",
        lambda: {
            "author": Story.Author.choices[0][0],
            "text": TYPED + " en nog wat meer woorden.",
            "consent": "on",
        },
        Story.objects.count,
    ),
    Endpoint(
        "meeting",
        _meeting,
        lambda: {"name": TYPED, "email": "ouder@example.test"},
        Registration.objects.count,
    ),
    Endpoint(
        "feedback",
        _article,
        lambda: {"helpful": "nee", "missing": TYPED},
        ArticleFeedback.objects.count,
    ),
    Endpoint(
        "evaluation",
        _invitation,
        lambda: {"heard": "4", "better": TYPED},
        Response.objects.count,
        success=200,
    ),
]


@pytest.fixture
def support_point(platform):
    return SupportPointFactory(hostname=HOSTNAME, partnership_codes=["PO2001"])


@pytest.fixture(params=ENDPOINTS, ids=[endpoint.name for endpoint in ENDPOINTS])
def endpoint(request, support_point):
    endpoint = request.param
    return endpoint, endpoint.url(support_point)


def _post(client, url, data):
    return client.post(url, {key: value for key, value in data.items() if value is not None}, **HOST)


def _refused(response, status, message):
    """A refusal: the status, the Dutch message, and the form again with what was typed."""
    html = response.content.decode()
    assert response.status_code == status, html[-3000:]
    assert message in html
    assert TYPED in html
    assert 'name="altcha"' in html


def test_too_many_submissions_from_one_address_are_refused_in_dutch(client, endpoint, settings):
    """Over the limit (lower without proof of work): 429, the message and the text; nothing stored."""
    spec, url = endpoint
    for rate in ("PUBLIC_FORM_RATE", "PUBLIC_FEEDBACK_RATE"):
        setattr(settings, rate, "3/m")
        setattr(settings, f"{rate}_UNVERIFIED", "2/m")
    before = spec.stored()
    for _ in range(2):
        assert client.post(url, {}, **HOST).status_code == 400
    _refused(_post(client, url, spec.data()), 429, LIMIT)
    assert spec.stored() == before
    # With a solved puzzle the higher limit applies: one more is accepted.
    response = _post(client, url, {**spec.data(), "altcha": solved(client, HOSTNAME)})
    assert response.status_code == spec.success
    assert spec.stored() == before + 1


def test_a_forged_or_reused_proof_is_refused_and_a_missing_one_is_allowed(client, endpoint):
    """A forged proof: 400 with the text kept; a reused one likewise; none: accepted (no JavaScript)."""
    spec, url = endpoint
    before = spec.stored()
    _refused(_post(client, url, {**spec.data(), "altcha": "bm9uc2Vucw=="}), 400, PROOF)
    proof = solved(client, HOSTNAME)
    _refused(_post(client, url, {**spec.data(), "altcha": proof, "website": "x"}), 400, HONEYPOT)
    _refused(_post(client, url, {**spec.data(), "altcha": proof}), 400, PROOF)
    assert spec.stored() == before
    assert _post(client, url, spec.data()).status_code == spec.success
    assert spec.stored() == before + 1


def test_a_post_without_csrf_token_is_refused_and_the_page_gives_a_working_one(endpoint):
    """No token: 403 with the Dutch message and the text; the form comes back with a token (and
    cookie) that works."""
    spec, url = endpoint
    browser = Client(enforce_csrf_checks=True)
    before = spec.stored()
    refused = _post(browser, url, spec.data())
    _refused(refused, 403, CSRF)
    assert spec.stored() == before
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', refused.content.decode()).group(1)
    forged = _post(browser, url, {**spec.data(), "csrfmiddlewaretoken": "x" * 64})
    _refused(forged, 403, CSRF)
    accepted = _post(browser, url, {**spec.data(), "csrfmiddlewaretoken": token})
    assert accepted.status_code == spec.success
    assert spec.stored() == before + 1


def test_the_honeypot_refuses_software_that_fills_in_every_field(client, endpoint):
    spec, url = endpoint
    before = spec.stored()
    _refused(_post(client, url, {**spec.data(), "website": "https://spam.example"}), 400, HONEYPOT)
    assert spec.stored() == before


def test_an_oversized_field_or_body_gets_a_dutch_message_and_stores_nothing(client, endpoint):
    """A field over its length: 400 with the field's Dutch message and the text; a body over
    PUBLIC_FORM_MAX_BODY: 413, not read at all."""
    spec, url = endpoint
    before = spec.stored()
    data = spec.data()
    field = next(key for key, value in data.items() if value and TYPED in value)
    response = _post(client, url, {**data, field: data[field] + " " + "lang " * 1200})
    assert response.status_code == 400
    html = response.content.decode()
    assert re.search(r"korter|hoogstens|maximaal|Vul een", html), html[-2000:]
    assert TYPED in html
    too_big = _post(client, url, {**data, field: TYPED + "x" * 200_000})
    assert too_big.status_code == 413 and TOO_BIG in too_big.content.decode()
    assert spec.stored() == before


def test_every_public_post_is_declared_protected():
    """The views behind every public form carry the protection (so a new one cannot forget a part)."""
    from django.urls import resolve

    for path in (
        "/vraag/",
        "/vraag/jongeren/",
        "/bel-mij-terug/",
        "/spreekuur/1/",
        "/ervaringen/",
        "/bijeenkomsten/1/",
        "/reactie/leerplicht/",
        "/evaluatie/abc/",
    ):
        view = resolve(path).func
        assert getattr(view, "public_form", False) and getattr(view, "csrf_exempt", False), path


# The attacks as they were made on main before this protection.


def test_regression_25_stories_in_a_row_from_one_address_are_not_all_accepted(
    client, support_point, settings
):
    settings.PUBLIC_FORM_RATE, settings.PUBLIC_FORM_RATE_UNVERIFIED = "10/h", "5/h"
    statuses = [
        client.post(
            "/ervaringen/",
            {
                "author": Story.Author.choices[0][0],
                "text": f"Verhaal nummer {n} met genoeg woorden erin.",
                "consent": "on",
            },
            **HOST,
        ).status_code
        for n in range(25)
    ]
    assert statuses == [302] * 5 + [429] * 20
    assert Story.objects.count() == 5


def test_regression_a_meeting_registration_flood_mails_few_and_never_the_typed_name(
    client, support_point, settings, django_capture_on_commit_callbacks
):
    """25 registrations from one address with other people's addresses: five get a mail (the
    limit without proof of work), and no mail carries the name typed in the form."""
    settings.PUBLIC_FORM_RATE, settings.PUBLIC_FORM_RATE_UNVERIFIED = "10/h", "5/h"
    url = _meeting(support_point)
    for n in range(25):
        client.post(
            url,
            {"name": "Koop nu goedkope pillen op spam.example", "email": f"slachtoffer{n}@example.test"},
            **HOST,
        )
    mails = OutboxMail.objects.all()
    assert Registration.objects.count() == 5 and mails.count() == 5
    for mail in mails:
        assert "spam.example" not in mail.subject + mail.body and "pillen" not in mail.body


def test_regression_feedback_without_csrf_token_is_refused(support_point):
    ArticlePageFactory(slug="leerplicht")
    response = Client(enforce_csrf_checks=True).post("/reactie/leerplicht/", {"helpful": "nee"}, **HOST)
    assert response.status_code == 403 and CSRF in response.content.decode()
    assert not ArticleFeedback.objects.exists()


def test_feedback_works_from_an_article_page_served_by_the_shared_cache(support_point, settings):
    """The article page comes from the page cache (no token, no cookie in it); the form's script
    fetches a token and puzzle, and the answer is accepted with CSRF checks on."""
    settings.PAGE_CACHE_SECONDS = 300
    ArticlePageFactory(slug="leerplicht")
    Client().get("/informatie/leerplicht/", **HOST)  # another visitor fills the cache
    browser = Client(enforce_csrf_checks=True)
    page = browser.get("/informatie/leerplicht/", **HOST)
    assert page["X-Page-Cache"] == "hit" and not page.cookies
    html = page.content.decode()
    assert 'data-public-form-key="/formulier-sleutel/"' in html
    assert re.search(r'name="csrfmiddlewaretoken" value=""', html)
    key = form_key(browser, HOSTNAME)
    assert browser.cookies  # the CSRF cookie came with the key
    response = browser.post(
        "/reactie/leerplicht/",
        {"helpful": "ja", "csrfmiddlewaretoken": key["csrf"], "altcha": solve(key["altcha"])},
        **HOST,
    )
    assert response.status_code == 302
    assert ArticleFeedback.objects.get().helpful is True
    assert browser.get("/formulier-sleutel/", **HOST)["Cache-Control"].startswith("max-age=0")
