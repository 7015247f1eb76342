"""The regional offer in a real browser: schools, social map, experiences and meetings, with axe-core."""

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from steunpunt.core.tests.browser import violations
from steunpunt.meetings.models import Meeting, Registration
from steunpunt.schools.models import School, SchoolType, Specialism
from steunpunt.socialmap.models import Organisation
from steunpunt.stories.models import Story
from steunpunt.tenants.models import Partnership, SupportPoint

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]


@pytest.fixture
def region(demo):
    noord = SupportPoint.objects.get(slug="noord")
    partnership = Partnership.objects.get(code="PO2001")
    for code, name, kind in [
        ("01AA00", "De Regenboog", SchoolType.REGULAR),
        ("02BB00", "SBO De Brug", SchoolType.SBO),
    ]:
        school = School.objects.create(
            location_code=code,
            institution_code=code[:4],
            name=name,
            place="Groningen",
            sector="po",
            school_type=kind,
            street="Voorbeeldstraat 1",
            postcode="9711 AB",
            latitude=53.2164582,
            longitude=6.5703884,
        )
        school.partnerships.add(partnership)
    School.objects.get(location_code="01AA00").specialisms.add(
        Specialism.objects.get_or_create(slug="dyslexie", defaults={"name": "Dyslexie"})[0]
    )
    # The demo data already lists the national organisations.
    assert Organisation.objects.filter(name="Ouders & Onderwijs", support_point=None).exists()
    Story.objects.create(
        support_point=noord,
        author="parent",
        submitted_text="x",
        title="Drie maanden thuis",
        published_text="Het steunpunt hielp.",
        consent_to_publish=True,
        status="published",
    )
    start = timezone.now() + datetime.timedelta(days=7)
    return Meeting.objects.create(
        support_point=noord,
        title="Thema-avond",
        description="Over de overstap.",
        starts_at=start,
        ends_at=start + datetime.timedelta(hours=2),
        place="Groningen",
        capacity=10,
    )


def test_a_parent_finds_a_school_with_dyslexia_support_and_uses_the_regional_pages(
    region, live_server, browser
):
    base = f"http://noord.localhost:{live_server.url.rsplit(':', 1)[1]}"
    page = browser.new_page()
    page.goto(f"{base}/")
    page.get_by_role("link", name="Scholen").click()
    assert violations(page) == []
    # Each option shows how many schools it gives (the demo's made-up profiles and ours).
    page.get_by_label("Ondersteuning bij").select_option(value="dyslexie")
    page.get_by_label("Uw postcode (scholen dichtbij eerst)").fill("9711 AB")
    page.get_by_role("button", name="Laat scholen zien").click()
    expect(page.get_by_role("status")).to_contain_text("dichtst bij 9711 eerst")
    # Nearest first: the test school lies in 9711, the demo's coordinates elsewhere.
    expect(page.locator(".card-title").first).to_have_text("De Regenboog")
    assert page.get_by_role("link", name="SBO De Brug").count() == 0
    page.get_by_role("link", name="De Regenboog", exact=True).click()
    expect(page.locator("main")).to_contain_text("Dyslexie")
    assert violations(page) == []
    page.get_by_role("link", name="Posters, flyers en een knop voor de website van deze school").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Materiaal om uit te delen")
    assert violations(page) == []

    for path in ["/hulp-in-de-buurt/", "/ervaringen/", "/bijeenkomsten/"]:
        page.goto(f"{base}{path}")
        assert violations(page) == [], path

    page.goto(f"{base}/ervaringen/")
    page.get_by_role("button", name="Verstuur mijn verhaal").click()
    assert page.locator(".error").count() >= 2
    assert violations(page) == []

    page.goto(f"{base}/bijeenkomsten/{region.pk}/")
    assert violations(page) == []
    page.get_by_role("button", name="Aanmelden").click()
    assert page.locator(".error").count() == 2
    assert violations(page) == []
    page.get_by_label("Uw naam").fill("Samira")
    page.get_by_label("Uw e-mailadres").fill("samira@example.test")
    page.get_by_role("button", name="Aanmelden").click()
    expect(page.locator("main")).to_contain_text("U bent aangemeld")
    assert violations(page) == []
    assert Registration.objects.get().status == "confirmed"
    page.close()
