"""The protected public forms in a real browser: the script solves the proof of work (and, on a page
from the shared cache, fetches its token first) and the form is accepted; axe-core on each page."""

import datetime

import pytest
from django.utils import timezone

from steunpunt.core.tests.browser import violations
from steunpunt.information.models import ArticleFeedback
from steunpunt.information.tests.factories import ArticlePageFactory
from steunpunt.meetings.models import Meeting, Registration
from steunpunt.outbox.models import OutboxMail
from steunpunt.stories.models import Story
from steunpunt.tenants.tests.factories import SupportPointFactory

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]


@pytest.fixture
def site(transactional_db, platform, live_server, settings):
    # The live server answers every page; the steunpunt is found by its host name alone.
    settings.PUBLIC_FORM_RATE, settings.PUBLIC_FORM_RATE_UNVERIFIED = "10/h", "0/h"
    settings.PUBLIC_FEEDBACK_RATE, settings.PUBLIC_FEEDBACK_RATE_UNVERIFIED = "10/h", "0/h"
    support_point = SupportPointFactory(hostname="noord.localhost", partnership_codes=["PO2001"])
    return support_point, f"http://noord.localhost:{live_server.url.rsplit(':', 1)[1]}"


def _send(page, button):
    """Press ``button``; return the form's POST body, which must carry a solved puzzle."""
    with page.expect_request(lambda request: request.method == "POST") as sent:
        page.get_by_role("button", name=button).click()
    body = sent.value.post_data
    # The answer to the puzzle: base64 of a JSON object ({"algorithm": ...).
    assert "altcha=eyJ" in body, body
    return body


def test_a_story_and_a_meeting_registration_are_sent_with_the_puzzle_solved(site, browser):
    """Without a solved puzzle these would be refused (the limit without proof is 0 here)."""
    support_point, base = site
    start = timezone.now() + datetime.timedelta(days=7)
    meeting = Meeting.objects.create(
        support_point=support_point,
        title="Thema-avond over de overstap",
        description="Kom langs.",
        starts_at=start,
        ends_at=start + datetime.timedelta(hours=2),
        place="Voorbeeldstraat 1",
        capacity=20,
    )
    errors = []
    page = browser.new_page()
    page.on("pageerror", lambda error: errors.append(str(error)))

    page.goto(f"{base}/ervaringen/")
    assert violations(page) == []
    page.get_by_label("Ouder").check()
    page.get_by_label("Uw verhaal").fill("De school zocht samen met ons naar een plek die past. Dat hielp.")
    _send(page, "Verstuur mijn verhaal")
    page.wait_for_url("**/ervaringen/?bedankt=1*")
    assert "Dank u voor uw verhaal" in page.locator("#delen").inner_text()
    assert Story.objects.get().submitted_text.startswith("De school zocht")
    assert violations(page) == []

    page.goto(f"{base}/bijeenkomsten/{meeting.pk}/")
    assert violations(page) == []
    page.get_by_label("Uw naam").fill("Sanne")
    page.get_by_label("Uw e-mailadres").fill("sanne@example.test")
    _send(page, "Aanmelden")
    page.wait_for_url(f"**/bijeenkomsten/{meeting.pk}/*")
    assert "U bent aangemeld" in page.locator("#aanmelden").inner_text()
    assert Registration.objects.get().email == "sanne@example.test"
    assert "Sanne" not in OutboxMail.objects.get(to="sanne@example.test").body
    assert violations(page) == []
    assert errors == []


def test_feedback_on_an_article_from_the_shared_cache_is_accepted(site, browser, settings):
    """The page comes from the page cache without token or puzzle; starting on the form fetches
    both, and the answer is accepted with Django's CSRF check."""
    settings.PAGE_CACHE_SECONDS = 300
    _support_point, base = site
    ArticlePageFactory(slug="leerplicht")
    page = browser.new_page()
    first = page.goto(f"{base}/informatie/leerplicht/")
    again = page.goto(f"{base}/informatie/leerplicht/")
    assert (first.headers.get("x-page-cache"), again.headers.get("x-page-cache")) == ("miss", "hit")
    assert page.context.cookies() == []
    page.get_by_label("Nee").check()
    page.get_by_label("Wat miste u? (mag leeg blijven)").fill("Een voorbeeld.")
    body = _send(page, "Versturen")
    assert "csrfmiddlewaretoken=" in body and "csrfmiddlewaretoken=&" not in body
    page.wait_for_url("**/informatie/leerplicht/?bedankt=1*")
    assert "Dank u voor uw antwoord" in page.locator("#reactie").inner_text()
    assert ArticleFeedback.objects.get().missing == "Een voorbeeld."
