"""Acceptance (issue 17): every public page type, loaded in Chromium, asks nothing of another host.

The page types come from the URL resolver and the routes of a steunpunt's home page, as listed in
test_address (which fails on an address that is not listed there): a page type added there and not
loaded here fails this test too. The page tree (every live page of the site), the 404 page, and an
article with every media block — a YouTube video before the reader agrees to play it — are loaded
as well. Any request to a host other than the site's own fails the test (and is stopped).
"""

import datetime

import pytest
from django.utils import timezone
from wagtail.models import Page

from steunpunt.consultations.services import slot_book
from steunpunt.consultations.tests.factories import SlotFactory
from steunpunt.information.tests.factories import (
    ArticlePageFactory,
    GlossaryTermFactory,
    document_create,
    image_create,
    media_body,
)
from steunpunt.meetings.models import Meeting
from steunpunt.meetings.services import registration_create
from steunpunt.schools.models import School, SchoolType
from steunpunt.selfhelp.models import LetterTemplate
from steunpunt.selfhelp.starter import load_starter_selfhelp
from steunpunt.support.services import message_from_staff
from steunpunt.support.tests.factories import CaseFactory
from steunpunt.tenants.models import Partnership
from steunpunt.tenants.tests.factories import MembershipFactory, SupportPointFactory

from .test_address import HOME_ROUTES, PAGES, _closed_with_evaluation

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]


@pytest.fixture
def site(transactional_db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    support_point = SupportPointFactory(
        name="Steunpunt Noord", slug="noord", hostname="noord.localhost", partnership_codes=["PO2001"]
    )
    GlossaryTermFactory(term="OPP", slug="opp", explanation="Het plan voor de extra hulp op school.")
    ArticlePageFactory(title="Thuiszitten", slug="thuiszitten", youth=True, children=True)
    ArticlePageFactory(
        title="Praten met school",
        slug="praten-met-school",
        body=media_body(
            image=image_create(),
            video_file=document_create("Uitleg OPP", "uitleg-opp.mp4"),
            captions=document_create(
                "Ondertitels", "uitleg.vtt", b"WEBVTT\n\n00:00.000 --> 00:02.000\nHallo\n"
            ),
            brochure=document_create("Folder", "folder.pdf", b"%PDF" + b"x" * 2_000),
        ),
    )
    school = School.objects.create(
        location_code="01AA00",
        institution_code="01AA",
        name="De Regenboog",
        place="Groningen",
        sector="po",
        school_type=SchoolType.REGULAR,
    )
    school.partnerships.add(Partnership.objects.get(code="PO2001"))
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
    registration = registration_create(meeting=meeting, name="Anna", email="anna@example.test")
    slot, booked = SlotFactory(support_point=support_point), SlotFactory(support_point=support_point)
    booking = slot_book(
        slot=booked,
        data={
            "requester_kind": "parent",
            "topic": "",
            "name": "Sam",
            "email": "sam@example.test",
            "phone": "",
        },
    )
    case = CaseFactory(support_point=support_point, requester_kind="parent", requester_email="x@example.test")
    message_from_staff(
        case=case, body="Wij bellen morgen.", by=MembershipFactory(support_point=support_point).user
    )
    closed = _closed_with_evaluation(support_point, "parent")
    load_starter_selfhelp()
    return {
        "support_point": support_point,
        "school": school.location_code,
        "meeting": meeting.pk,
        "registration": registration.token,
        "slot": slot.pk,
        "booking": booking.token,
        "case": case.access_token,
        "closed": closed.access_token,
        "evaluation": closed.evaluation_token,
    }


def _addresses(site):
    """Each named page type with the addresses that show it."""
    return {
        # The routes of a steunpunt's home page.
        "index_route": ["/"],
        "information_index": ["/informatie/"],
        "article": ["/informatie/thuiszitten/", "/informatie/praten-met-school/"],
        "article_for": ["/informatie/thuiszitten/jongeren/", "/informatie/thuiszitten/kinderen/"],
        "search": ["/zoeken/", "/zoeken/?q=thuiszitten", "/zoeken/?q=xyzzy"],
        "glossary": ["/begrippen/"],
        "glossary_term": ["/begrippen/opp/"],
        "glossary_term_for": ["/begrippen/opp/jongeren/", "/begrippen/opp/kinderen/"],
        "youth": ["/jongeren/"],
        # The URL configuration's pages.
        "article_feedback": [],  # a form's answer: sent from the article below
        "social_map": ["/hulp-in-de-buurt/"],
        "stories": ["/ervaringen/"],
        "school_list": ["/scholen/", "/scholen/?postcode=9711AB"],
        "school_detail": [f"/scholen/{site['school']}/"],
        "material": ["/materiaal/"],
        "school_material": [f"/scholen/{site['school']}/materiaal/"],
        "meeting_list": ["/bijeenkomsten/"],
        "meeting_detail": [f"/bijeenkomsten/{site['meeting']}/"],
        "registration_cancel": [f"/bijeenkomsten/afmelden/{site['registration']}/"],
        "question": ["/vraag/"],
        "youth_question": ["/vraag/jongeren/"],
        "callback": ["/bel-mij-terug/"],
        "my_question": [f"/mijn-vraag/{site['case']}/?verstuurd=1", f"/mijn-vraag/{site['closed']}/"],
        "privacy_statement": ["/privacy/"],
        "privacy_statement_youth": ["/privacy/jongeren/"],
        "what_we_heard": ["/wat-we-hoorden/"],
        "evaluation_answer": [f"/evaluatie/{site['evaluation']}/"],
        "consultation_list": ["/spreekuur/"],
        "consultation_slot": [f"/spreekuur/{site['slot']}/"],
        "consultation_booking": [f"/spreekuur/afspraak/{site['booking']}/?geboekt=1"],
        "selfhelp_index": ["/zelf-doen/"],
        "selfhelp_route": [
            "/zelf-doen/wegwijzer/",
            "/zelf-doen/wegwijzer/?niveau=vo&school=openbaar&onderwerp=tlv",
        ],
        "selfhelp_deadlines": ["/zelf-doen/termijnen/"],
        "selfhelp_letters": ["/zelf-doen/brief/"],
        "selfhelp_letter": [f"/zelf-doen/brief/{LetterTemplate.objects.order_by('pk').first().slug}/"],
        "selfhelp_conversation": ["/zelf-doen/gesprek/"],
    }


def test_every_public_page_type_loads_nothing_from_another_host(site, live_server, browser):
    addresses = _addresses(site)
    # A page type added to the site (and so to test_address) must be loaded here too.
    assert set(addresses) == PAGES | HOME_ROUTES
    base = f"http://noord.localhost:{live_server.url.rsplit(':', 1)[1]}"
    paths = [path for group in addresses.values() for path in group]
    root = site["support_point"].site.root_page
    paths += [page.get_url_parts()[2] for page in Page.objects.live().descendant_of(root, inclusive=True)]
    paths += ["/bestaat-niet/"]

    # The site's policy would stop most such requests before they leave the browser, so they would
    # never be seen here: the policy is set aside, and every address a page names is judged itself.
    context = browser.new_context(viewport={"width": 390, "height": 844}, bypass_csp=True)
    elsewhere, loaded = [], []

    def judge(route):
        url = route.request.url
        if url.startswith((f"{base}/", "data:", "blob:")):
            loaded.append(url)
            route.continue_()
        else:
            elsewhere.append((page.url, url))
            route.abort()

    context.route("**/*", judge)
    page = context.new_page()
    for path in paths:
        response = page.goto(f"{base}{path}")
        assert response.status == (404 if path == "/bestaat-niet/" else 200), (path, response.status)
        # Lazy images and the like load when they come into view.
        page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
        page.wait_for_load_state("networkidle")

    # The feedback box answered wrongly shows the article again with its errors (400).
    page.goto(f"{base}/informatie/thuiszitten/")
    with page.expect_response(lambda answer: "/reactie/thuiszitten/" in answer.url) as answer:
        page.get_by_role("button", name="Versturen").click()
    assert answer.value.status == 400
    page.wait_for_load_state("networkidle")

    # The media article: its image, video file and captions come from the site itself; the YouTube
    # video is not loaded before the reader agrees.
    assert any("/media/images/" in url for url in loaded)
    assert elsewhere == []
    context.close()
