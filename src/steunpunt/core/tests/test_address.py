"""Acceptance (issue 15): every public page, form and mail speaks to its reader in one form of address.

Parents and other adults read "u"; young people and children read "je" (core.address). The pages are
found from the URL resolver, the routes of a steunpunt's home page and the page tree, so a new page
fails here until it is listed below with the reader it speaks to. Each page is fetched (and each form
sent empty, so its error messages show too) for each audience it has; each mail is delivered to a
real SMTP server. The visible text, with labels read aloud (aria-label, alt, title, placeholder), is
searched for words of the other form; quotations are left out, and a part of a page marked
``data-address="je"`` (a link for young people on the home page) is read as such.
"""

import datetime
from html.parser import HTMLParser

import pytest
from django.test import Client
from django.urls import LocalePrefixPattern, URLPattern, URLResolver, get_resolver
from django.utils import timezone
from wagtail.models import Page

from steunpunt.consultations.services import slot_book
from steunpunt.consultations.tests.factories import SlotFactory
from steunpunt.core.address import Address, address_problems
from steunpunt.evaluations.models import Invitation
from steunpunt.evaluations.services import send_reminders
from steunpunt.information.audiences import Audience
from steunpunt.information.models import ArticlePage, GlossaryTerm
from steunpunt.information.starter import load_starter_articles, load_starter_glossary
from steunpunt.meetings.models import Meeting
from steunpunt.meetings.services import registration_create
from steunpunt.outbox.services import outbox_send
from steunpunt.portal.models import SupportPointHomePage
from steunpunt.selfhelp.models import LetterTemplate, Subject
from steunpunt.selfhelp.starter import load_starter_selfhelp
from steunpunt.support.models import Case
from steunpunt.support.services import case_transition, message_from_staff
from steunpunt.support.tests.factories import CaseFactory
from steunpunt.tenants.tests.factories import MembershipFactory, SupportPointFactory

pytestmark = pytest.mark.django_db
HOSTNAME = "noord.localhost"
U, JE = Address.FORMAL, Address.INFORMAL

# Every named address of the URL configuration, with what it is. "page" ones are fetched below; the
# others are no page a family reads (files, machine answers, the staff's sign-in).
NOT_A_PAGE = {
    "sitemap": "XML for search engines",
    "sitemap_section": "XML for search engines",
    "health": "a machine's health check",
    "brand_css": "a style sheet",
    "brand_logo": "the steunpunt's logo (an image)",
    "brand_icon": "the steunpunt's tab icon (an image)",
    "public_form_key": "JSON for the form script",
    "article_read": "a counting image",
    "image_rendition": "an image in an article",
    "meeting_ics": "a calendar file",
    "consultation_booking_ics": "a calendar file",
    "search_suggest": "JSON for the search box's suggestions",
    "search_click": "a redirect to the chosen result",
    "material_pdf": "a poster or flyer as PDF",
    "school_material_pdf": "a poster or flyer as PDF",
    "material_button": "an image for school websites",
    "my_question_attachment": "a file sent with a message",
}
PAGES = {
    "article_feedback",
    "social_map",
    "stories",
    "school_list",
    "school_detail",
    "material",
    "school_material",
    "meeting_list",
    "meeting_detail",
    "registration_cancel",
    "question",
    "youth_question",
    "callback",
    "my_question",
    "privacy_statement",
    "privacy_statement_youth",
    "what_we_heard",
    "evaluation_answer",
    "consultation_list",
    "consultation_slot",
    "consultation_booking",
    "selfhelp_index",
    "selfhelp_route",
    "selfhelp_deadlines",
    "selfhelp_letters",
    "selfhelp_letter",
    "selfhelp_conversation",
}
INCLUDES = {
    "admin/": "the back office (staff, 'u')",
    "beveiliging/": "the staff's second factor",
    "documenten/": "document downloads",
    "": "the page tree and the routes of a steunpunt's home page, walked below",
}
HOME_ROUTES = {
    "index_route",
    "information_index",
    "article",
    "article_for",
    "search",
    "glossary",
    "glossary_term",
    "glossary_term_for",
    "youth",
}


class _Reader(HTMLParser):
    """The text a visitor sees or hears, split by the form of address of the part it stands in."""

    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}
    SPOKEN = ("aria-label", "alt", "title", "placeholder")

    def __init__(self, address):
        super().__init__(convert_charrefs=True)
        self.stack = [("", address, False)]
        self.text = {U: [], JE: []}

    def _here(self):
        return self.stack[-1][1], self.stack[-1][2]

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        address, hidden = self._here()
        address = Address(attrs["data-address"]) if attrs.get("data-address") else address
        # A <cite> is the title of someone else's work (a source), like a quotation.
        hidden = hidden or tag in ("script", "style", "template", "cite")
        if not hidden:
            self.text[address].extend(attrs[name] for name in self.SPOKEN if attrs.get(name))
        if tag not in self.VOID:
            self.stack.append((tag, address, hidden))

    def handle_endtag(self, tag):
        for index in range(len(self.stack) - 1, 0, -1):
            if self.stack[index][0] == tag:
                del self.stack[index:]
                break

    def handle_data(self, data):
        address, hidden = self._here()
        if not hidden:
            self.text[address].append(data)


def problems_in_html(html, address):
    reader = _Reader(address)
    reader.feed(html)
    return [
        problem
        for part_address, parts in reader.text.items()
        for problem in address_problems("\n".join(parts), part_address)
    ]


def test_the_reader_finds_the_wrong_words_and_only_those():
    assert problems_in_html("<p>Wat miste u?</p>", JE) == ["Wat miste u?"]
    assert problems_in_html("<label>Uw e-mailadres</label>", JE)
    assert problems_in_html("<p>Heeft onze hulp je verder geholpen?</p>", U)
    assert problems_in_html('<a aria-label="Jouw mening">x</a>', U)
    # Not an address: "u" inside a word, a time, "je" in a name, quotations, hidden script.
    assert not problems_in_html("<p>Utrecht, 12 uur, om 9.00 u. met Jeroen en Jet.</p>", JE)
    assert not problems_in_html("<p>Uw kind zegt: “Ik wil niet naar school, je snapt het niet.”</p>", U)
    assert not problems_in_html("<script>var je = 1;</script><p>Vraag het ons.</p>", U)
    assert not problems_in_html("<li><cite>Ingrado: hoe hou je zicht op ontwikkeling</cite></li>", U)
    # A part for young people on a parents' page is read as "je", and only that part.
    assert not problems_in_html('<p>Stel uw vraag.</p><p data-address="je">Ben je jong?</p>', U)
    assert problems_in_html('<p>Stel je vraag.</p><p data-address="je">Ben je jong?</p>', U)


# Addresses that are the same in every language (issue 17: not under /en/, /ar/, …): the rest of the
# site is Dutch at its own addresses and under each other language's prefix (core/site_languages.py).
SAME_IN_EVERY_LANGUAGE = {
    "sitemap",
    "sitemap_section",
    "health",
    "brand_css",
    "brand_logo",
    "brand_icon",
    "public_form_key",
    "article_read",
    "image_rendition",
    "search_click",
    "admin/",
    "beveiliging/",
    "documenten/",
}


def _names(patterns, prefix=""):
    pages, includes = set(), set()
    for pattern in patterns:
        if isinstance(pattern, URLPattern):
            pages.add(pattern.name)
        elif isinstance(pattern.pattern, LocalePrefixPattern):
            inner_pages, inner_includes = _names(pattern.url_patterns)
            pages |= inner_pages
            includes |= inner_includes
        elif isinstance(pattern, URLResolver):
            includes.add(str(pattern.pattern))
    return pages, includes


def _names_per_language():
    """The names under the language prefix, and the names outside it."""
    [localised] = [p for p in get_resolver().url_patterns if isinstance(p.pattern, LocalePrefixPattern)]
    inside = _names(localised.url_patterns)
    outside = _names([p for p in get_resolver().url_patterns if p is not localised])
    return inside[0] | inside[1], outside[0] | outside[1]


def test_every_address_of_the_site_is_listed_with_its_reader():
    """A new page fails here until it is added to PAGES (and fetched below) or NOT_A_PAGE."""
    names, includes = _names(get_resolver().url_patterns)
    names.discard(None)  # the two "not found" guards in front of Wagtail's choosers
    assert names == PAGES | set(NOT_A_PAGE)
    assert includes == set(INCLUDES)
    assert {route.name for route in SupportPointHomePage.get_subpage_urls()} == HOME_ROUTES
    inside, outside = _names_per_language()
    outside.discard(None)
    assert outside == SAME_IN_EVERY_LANGUAGE
    assert inside == (PAGES | set(NOT_A_PAGE) | set(INCLUDES)) - SAME_IN_EVERY_LANGUAGE


@pytest.mark.parametrize("prefix", ["/en", "/ar", "/tr", "/pl", "/uk"])
def test_every_public_page_is_there_in_every_language(site, prefix):
    """The same addresses in another language: fetched, in that language, not in Dutch (issue 17)."""
    client = _client()
    for path in (
        "/",
        "/informatie/",
        "/begrippen/",
        "/jongeren/",
        "/vraag/",
        "/vraag/jongeren/",
        "/bel-mij-terug/",
    ):
        response = client.get(prefix + path)
        assert response.status_code == 200 and response["Content-Language"] == prefix[1:], path
    for path in ("/zelf-doen/", "/zelf-doen/wegwijzer/", "/zelf-doen/termijnen/", "/zelf-doen/brief/"):
        assert client.get(prefix + path).status_code == 200, path
    assert client.get(prefix + "/zelf-doen/gesprek/").status_code == 200
    for path in ("/spreekuur/", "/scholen/", "/hulp-in-de-buurt/", "/ervaringen/", "/bijeenkomsten/"):
        assert client.get(prefix + path).status_code == 200, path
    for path in ("/privacy/", "/privacy/jongeren/", "/wat-we-hoorden/", "/materiaal/", "/zoeken/?q=school"):
        assert client.get(prefix + path).status_code == 200, path
    article = ArticlePage.objects.live().first()
    assert client.get(f"{prefix}/informatie/{article.slug}/").status_code == 200


@pytest.fixture
def site():
    load_starter_articles()
    load_starter_glossary()
    load_starter_selfhelp()
    support_point = SupportPointFactory(
        name="Steunpunt Noord",
        slug="noord",
        hostname=HOSTNAME,
        email="info@noord.example",
        phone="050 123 45 67",
    )
    return support_point


def _client():
    return Client(HTTP_HOST=HOSTNAME)


class Pages:
    """Fetches pages and collects every wrong word, so one run names all of them."""

    def __init__(self):
        self.client = _client()
        self.found = []
        self.seen = set()

    def check(self, url, address, *, post=None, expect=(200,)):
        response = self.client.post(url, post) if post is not None else self.client.get(url)
        assert response.status_code in expect, (url, response.status_code)
        if response.status_code == 302:
            return response
        html = response.content.decode()
        self.seen.add((url, address, post is not None))
        self.found.extend(f"{url} [{address}]: {problem}" for problem in problems_in_html(html, address))
        return response


def _closed_with_evaluation(support_point, kind):
    case = CaseFactory(
        support_point=support_point,
        requester_kind=kind,
        channel="web_youth" if kind == "young_person" else "web",
        requester_email=f"{kind}@example.test",
        answer_by="email",
        evaluation_consent=True,
    )
    case_transition(case=case, to="closed", by=None, outcome="solved")
    case.refresh_from_db()
    return case


def test_every_public_page_and_form_speaks_to_its_reader(site):
    pages = Pages()
    staff = MembershipFactory(support_point=site).user

    # The page tree: every live page of the site (the home page, content pages such as "over ons").
    root = site.site.root_page
    for page in Page.objects.live().descendant_of(root, inclusive=True).specific():
        pages.check(page.get_url(), U)

    # The routes of the home page, for each audience.
    pages.check("/informatie/", U)
    pages.check("/zoeken/?q=zorgplicht", U)
    pages.check("/zoeken/?q=xyzzy", U)
    pages.check("/zoeken/?q=zorgplicht&voor=jongeren", JE)
    pages.check("/zoeken/?q=xyzzy&voor=kinderen", JE)
    pages.check("/begrippen/", U)
    pages.check("/jongeren/", JE)
    articles = ArticlePage.objects.live().specific()
    assert articles.count() >= 40
    segments = {Audience.PARENTS: "", Audience.YOUTH: "jongeren/", Audience.CHILDREN: "kinderen/"}
    addresses = {Audience.PARENTS: U, Audience.YOUTH: JE, Audience.CHILDREN: JE}
    for article in articles:
        for version in article.versions():
            url = f"/informatie/{article.slug}/{segments[version.audience]}"
            pages.check(url, addresses[version.audience])
    for term in GlossaryTerm.objects.all():
        for audience, segment in segments.items():
            pages.check(f"/begrippen/{term.slug}/{segment}", addresses[audience])
    # The feedback box answered wrongly shows its errors on the article, in the reader's words.
    with_children = next(a for a in articles if len(a.versions()) == 3)
    for segment, address in (("ouders", U), ("jongeren", JE), ("kinderen", JE)):
        pages.check(
            f"/reactie/{with_children.slug}/",
            address,
            post={"versie": segment, "helpful": "misschien"},
            expect=(400,),
        )

    # The forms, empty and sent empty (every error message shows).
    for url, address in (
        ("/vraag/", U),
        ("/vraag/jongeren/", JE),
        ("/bel-mij-terug/", U),
        ("/privacy/", U),
        ("/privacy/jongeren/", JE),
    ):
        pages.check(url, address)
        if not url.startswith("/privacy/"):
            pages.check(url, address, post={}, expect=(400,))
            pages.check(url, address, post={"answer_by": "email"}, expect=(400,))

    # The other public pages.
    for url in (
        "/hulp-in-de-buurt/",
        "/ervaringen/",
        "/scholen/",
        "/wat-we-hoorden/",
        "/bijeenkomsten/",
        "/materiaal/",
    ):
        pages.check(url, U)
    start = timezone.now() + datetime.timedelta(days=7)
    meeting = Meeting.objects.create(
        support_point=site,
        title="Thema-avond",
        description="Kom langs.",
        starts_at=start,
        ends_at=start + datetime.timedelta(hours=2),
        place="Voorbeeldstraat 1",
        capacity=30,
    )
    pages.check(f"/bijeenkomsten/{meeting.pk}/", U)
    pages.check(f"/bijeenkomsten/{meeting.pk}/", U, post={}, expect=(400,))
    registration = registration_create(meeting=meeting, name="Anna", email="anna@example.test")
    pages.check(f"/bijeenkomsten/afmelden/{registration.token}/", U)

    # The self-help tools (parents, "u"): every question of the wegwijzer and every route, every letter.
    for url in ("/zelf-doen/", "/zelf-doen/termijnen/", "/zelf-doen/brief/", "/zelf-doen/gesprek/"):
        pages.check(url, U)
    pages.check("/zelf-doen/wegwijzer/", U)
    pages.check("/zelf-doen/wegwijzer/?niveau=po", U)
    pages.check("/zelf-doen/wegwijzer/?niveau=po&school=bijzonder", U)
    pages.check("/zelf-doen/wegwijzer/?niveau=xx", U, expect=(400,))
    for school in ("openbaar", "bijzonder"):
        for subject in Subject.values:
            pages.check(f"/zelf-doen/wegwijzer/?niveau=vo&school={school}&onderwerp={subject}", U)
    for letter in LetterTemplate.objects.all():
        pages.check(f"/zelf-doen/brief/{letter.slug}/", U)

    # The consultation hour: the booking page speaks to whoever booked.
    pages.check("/spreekuur/", U)
    slot, other = SlotFactory(support_point=site), SlotFactory(support_point=site)
    pages.check(f"/spreekuur/{slot.pk}/", U)
    pages.check(f"/spreekuur/{slot.pk}/", U, post={}, expect=(400,))
    for kind, booked_slot, address in (("parent", slot, U), ("young_person", other, JE)):
        booking = slot_book(
            slot=booked_slot,
            data={
                "requester_kind": kind,
                "topic": "",
                "name": "Sam",
                "email": f"{kind}@example.test",
                "phone": "",
            },
        )
        pages.check(f"/spreekuur/afspraak/{booking.token}/?geboekt=1", address)

    # The private page of a question, just sent, with a message, closed with the evaluation open; and
    # the evaluation itself, sent empty too.
    for kind, address in (("parent", U), ("young_person", JE), ("child", JE)):
        case = CaseFactory(support_point=site, requester_kind=kind, requester_email="x@example.test")
        message_from_staff(case=case, body="Wij bellen morgen.", by=staff)
        pages.check(f"/mijn-vraag/{case.access_token}/?verstuurd=1", address)
        pages.check(f"/mijn-vraag/{case.access_token}/", address, post={}, expect=(400,))
        closed = _closed_with_evaluation(site, kind)
        pages.check(f"/mijn-vraag/{closed.access_token}/", address)
        pages.check(f"/mijn-vraag/{closed.access_token}/", address, post={"body": "Nog iets"}, expect=(400,))
        pages.check(f"/evaluatie/{closed.evaluation_token}/", address)
        pages.check(f"/evaluatie/{closed.evaluation_token}/", address, post={}, expect=(400,))

    assert not pages.found, "\n".join(pages.found)
    # Every version of every article and every term for each audience was read.
    versions = sum(len(article.versions()) for article in articles)
    assert len([seen for seen in pages.seen if seen[0].startswith("/informatie/")]) == versions + 1
    assert (
        len([seen for seen in pages.seen if seen[0].startswith("/begrippen/")])
        == 3 * GlossaryTerm.objects.count() + 1
    )


def test_every_mail_to_a_family_speaks_to_its_reader(site, smtp_sink):
    staff = MembershipFactory(support_point=site).user
    expected = {}
    for kind, address in (("parent", U), ("young_person", JE), ("child", JE)):
        email = f"{kind}@example.test"
        expected[email] = address
        case = CaseFactory(support_point=site, requester_kind=kind, requester_email=email, answer_by="email")
        message_from_staff(case=case, body="Er is nieuws.", by=staff)  # the notice of a new message
        case = Case.objects.get(pk=case.pk)
        case.evaluation_consent = True
        case.save(update_fields=["evaluation_consent"])
        case_transition(case=case, to="closed", by=None, outcome="solved")  # the evaluation invitation
    for kind, address in (("parent", U), ("young_person", JE)):
        email = f"booking-{kind}@example.test"
        expected[email] = address
        slot_book(
            slot=SlotFactory(support_point=site),
            data={"requester_kind": kind, "topic": "", "name": "Sam", "email": email, "phone": ""},
        )
    send_reminders(now=timezone.now() + datetime.timedelta(days=8))  # the evaluation reminders
    assert Invitation.objects.filter(reminder_sent_at__isnull=False).count() == 3
    outbox_send()

    found, read = [], {}
    for message in smtp_sink.messages:
        to = message["To"]
        if to not in expected:
            continue  # the steunpunt's own mailbox hears of a new question (staff, no personal data)
        text = f"{message['Subject']}\n{message.get_body(preferencelist=('plain',)).get_content()}"
        read[to] = read.get(to, 0) + 1
        found.extend(f"{to}: {problem}" for problem in address_problems(text, expected[to]))
    assert not found, "\n".join(found)
    # Each requester got the confirmation, the notice, the invitation and the reminder; each booker one.
    assert read == {
        "parent@example.test": 4,
        "young_person@example.test": 4,
        "child@example.test": 4,
        "booking-parent@example.test": 1,
        "booking-young_person@example.test": 1,
    }
