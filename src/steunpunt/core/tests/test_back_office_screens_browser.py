"""Issue 16: axe-core finds no WCAG A/AA violation on any back-office screen this platform adds, and no
screen a steunpunt role sees says "Wagtail". Generated from the URL resolver, like the access matrix
(``test_access_matrix._patterns``), so a new screen is covered without editing this test:

- every pattern of the platform's own screens (its views and Wagtail's generic views of its models:
  index, add, edit, delete, history, usage, inspect, …) is filled with the steunpunt's own objects and
  opened in real Chromium as the first role (``ACTORS`` order) for which it answers a whole HTML page;
- the same screens in their error state: a form sent back empty that answers 400 is shown as it came
  back;
- the case page in its other states: closed, with a message with an attachment, with an action's
  error (the address stays the case's), and the inbox filtered.

Only ``EXCLUDED`` names screens left out, each with its reason.
"""

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from steunpunt.core.tests.browser import violations
from steunpunt.core.tests.test_access_matrix import (
    OWN,
    SUPERUSER,
    _address,
    _align_ids,
    _objects_of,
    _patterns,
)
from steunpunt.schools.tests.factories import school_contact
from steunpunt.selfhelp.starter import load_starter_selfhelp
from steunpunt.support.models import Case
from steunpunt.support.services import case_transition, message_from_staff
from steunpunt.support.tests.factories import CaseFactory
from steunpunt.tenants.roles import Role
from steunpunt.tenants.tests.factories import MembershipFactory, SupportPointFactory, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]

NAME = "Ouder- en Jeugdsteunpunt Noord"
# The role that opens a screen: the first for which it answers a page. Steunpunt roles first (the
# people who use these screens daily), the platform administrator last (only the steunpunten list).
ACTORS = [
    Role.CONSULTANT,
    Role.COORDINATOR,
    Role.VOLUNTEER,
    Role.EDITOR,
    Role.ADMINISTRATOR,
    Role.NATIONAL_EDITOR,
    Role.BOARD,
    Role.PANEL_MEMBER,
    Role.SCHOOL_CONTACT,
    SUPERUSER,
]
# Screens left out, with the reason.
EXCLUDED = {
    "logout": "signs out; no page",
    "index_results": "the list's results fragment, swapped into its index page (covered there)",
    "javascript_catalog": "a script",
}
# URL names (parts of them) that answer no page of their own to a GET, with the reason.
NOT_PAGES = {
    # actions: a POST only; their errors show on their screen's page (checked there)
    "_delete": "removes after the confirmation on its screen's page (a POST)",
    ":delete": "Wagtail's delete of a list that allows none, or of an object only its screen removes",
    "_remove": "removes a network member (a POST)",
    "concerns_publish": "publishes a signal (a POST)",
    "schools_contact_revoke": "takes a school from its contact person (a POST)",
    "concerns_status": "moves a signal on (a POST)",
    "development_cycle_start": "starts a round of the plan (a POST)",
    "information_confirm_check": "confirms an article is still right (a POST)",
    "information_panel_review_done": "a reading-panel member is done (a POST)",
    "information_translation_start": "starts a translation (a POST), then opens Wagtail's page editor",
    "regional_supplements:approve": "approves a supplement (a POST)",
    "support_case_": "every case action posts to the case page; errors show there (checked)",
    "support_requester_data_erase": "erases (a POST); its page is the requester-data page (checked)",
    # files
    "reports_download": "an XLSX or CSV file",
    "reports_annual_pdf": "a PDF file",
    "support_requester_data_download": "a JSON or PDF file",
    "development_evidence": "a file of a self-assessment",
    # Wagtail's generic views a list does not offer: lists that are read only or filled by the public
    "article_feedback:": "readers' feedback: a read-only list (no add, edit, history)",
    "article_reads:": "reading figures: a read-only list",
    "information_gaps:": "searches without a result: a read-only list",
    "failed_mails:": "failed mail: a list with its own actions, no add or edit",
    "registrations:": "registrations come from the public form; the list is read only",
    "consultation_bookings:": "bookings come from the public form; staff manage one on its own page",
    "stories:add": "stories come from the public form",
    "schools:": "schools come from the DUO import; the list is read only",
    "glossary:": "the national glossary, edited by the national team (this steunpunt has no word)",
    "search_synonyms:": "national synonyms, edited by the national team (this steunpunt has none)",
    "regional_supplements:": "a supplement is made on an article; its list is checked",
    "evaluations_edit": "a steunpunt's questionnaire is made on first use; its overview is checked",
    "development_step_edit": "a step exists once a round of the plan has started (a POST)",
    "development_assessment": "one self-assessment's page: reached from the history (checked)",
    "history_results": "the history's results fragment, swapped into the history page (checked there)",
    "usage": "Wagtail's usage of an object no page refers to",
    "history": "Wagtail's history of a read-only list",
    "None": "an unnamed pattern (Wagtail's catch-all)",
}
# Sent back empty, these would change data rather than show a form's errors.
NOT_POSTED = ("delete", "erase", "wissen", "unpublish", "cancel", "annuleren", "done", "klaar", "restore")


def _excluded(name):
    return any(part in (name or "") for part in EXCLUDED)


def _signed_in_client(user):
    client = Client(HTTP_HOST="127.0.0.1", raise_request_exception=False)
    device = TOTPDevice.objects.create(user=user, name="crawl", confirmed=True)
    client.force_login(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return client


def _is_page(response):
    return (
        response.status_code in (200, 400)
        and response.get("Content-Type", "").startswith("text/html")
        and b"<html" in response.content[:2000].lower()
    )


@pytest.fixture
def back_office(transactional_db, live_server, tmp_path, settings):
    from steunpunt.portal.services import platform_site_ensure

    settings.PRIVATE_MEDIA_ROOT = str(tmp_path / "private")
    port = int(live_server.url.rsplit(":", 1)[1])
    platform_site_ensure(port=port)
    from wagtail.models import Collection

    if Collection.get_first_root_node() is None:  # a transactional test before emptied the tables
        Collection.add_root(name="Root")
    _align_ids(OWN)
    own = SupportPointFactory(name=NAME, slug="noord-crawl")
    mine = _objects_of(own, "EIGEN")
    users = {
        role: MembershipFactory(support_point=own, role=role, user__first_name="Anna").user for role in Role
    }
    _more_objects_of(own, users[Role.COORDINATOR])
    # The school contact person keeps the steunpunt's own school (the matrix's school, id OWN).
    school_contact(mine["school"], own, user=users[Role.SCHOOL_CONTACT])
    users[SUPERUSER] = UserFactory(is_superuser=True)
    clients = {actor: _signed_in_client(user) for actor, user in users.items()}
    consultant = users[Role.CONSULTANT]
    # The case page's other states.
    closed = CaseFactory(support_point=own, assigned_to=consultant)
    case_transition(case=closed, to="in_progress", by=consultant)
    case_transition(case=closed, to="closed", by=consultant, outcome="solved", reason="Opgelost")
    with_files = CaseFactory(support_point=own, assigned_to=consultant)
    message_from_staff(
        case=with_files,
        by=consultant,
        body="Hierbij de voorbeeldbrief.",
        files=[SimpleUploadedFile("voorbeeldbrief.pdf", b"%PDF-1.4\n% brief\n", "application/pdf")],
    )
    return {
        "base": f"http://127.0.0.1:{port}",
        "clients": clients,
        "case": mine["case"],
        "closed": Case.objects.get(pk=closed.pk),
        "with_files": with_files,
        "to_erase": CaseFactory(support_point=own, assigned_to=consultant, requester_name="Wis Mij"),
    }


def _more_objects_of(support_point, coordinator):
    """One of each object of the screens the access matrix's objects leave out (ambitions and their
    costs, signals, the development cycle), with the same ids (``OWN``)."""
    from steunpunt.ambitions.tests.factories import (
        AmbitionFactory,
        CriterionFactory,
        HourlyRateFactory,
        OtherCostFactory,
        PupilCountFactory,
    )
    from steunpunt.concerns.models import Severity
    from steunpunt.concerns.services import concern_create
    from steunpunt.development.tests.factories import (
        NetworkMemberFactory,
        SelfAssessmentFactory,
        WorkingGroupMeetingFactory,
    )

    ambition = AmbitionFactory(support_point=support_point)
    CriterionFactory(ambition=ambition)
    PupilCountFactory(partnership=support_point.partnerships.first())
    HourlyRateFactory(support_point=support_point)
    OtherCostFactory(support_point=support_point)
    concern_create(
        support_point=support_point,
        title="Thuiszitters zonder plan",
        description="Drie gezinnen meldden hetzelfde.",
        severity=Severity.HIGH,
        by=coordinator,
    )
    SelfAssessmentFactory(support_point=support_point, recorded_by=coordinator)
    NetworkMemberFactory(support_point=support_point)
    WorkingGroupMeetingFactory(support_point=support_point)
    # The self-help tools' national content: route steps, deadline rules and letters (the first of each
    # has the id OWN).
    load_starter_selfhelp()


def _screens(clients):
    """``(actor, address, status, html)`` of every screen of the platform, each as the first actor that
    opens it; ``html`` is the answer to show in the browser for a 400 (a form sent back with errors).
    Also the URL names that no actor opens as a page (actions that only take a POST, downloads)."""
    found, errors, not_pages = [], [], set()
    for route, name, _model in _patterns():
        if _excluded(name) or _excluded(route):
            continue
        address = _address(route, OWN)
        not_pages.add(name)
        for actor in ACTORS:
            response = clients[actor].get(address)
            if _is_page(response) and response.status_code == 200:
                not_pages.discard(name)
                found.append((actor, address, 200, None))
                if not any(word in (name or "") + route for word in NOT_POSTED):
                    posted = clients[actor].post(address, {})
                    if _is_page(posted) and posted.status_code == 400:
                        errors.append((actor, address, 400, posted.content))
                break
    return found, errors, not_pages


def _open(page, base, actor_client, address, html=None):
    """Show ``address`` in ``page`` as a new document, as the actor whose client is ``actor_client``.

    One page serves every screen (a new page per screen cost a tenth of a second each): each screen is
    still a navigation of its own, with only that actor's cookies, and the page keeps no storage of its
    own across screens that the back office reads (no sessionStorage)."""
    context = page.context
    context.clear_cookies()
    # The session, and the messages a request before left (Django keeps them in a cookie).
    context.add_cookies(
        [{"name": name, "value": morsel.value, "url": base} for name, morsel in actor_client.cookies.items()]
    )
    page.unroute_all()
    if html is not None:
        # The answer to the form sent back (400), shown at its own address with the site's static files.
        page.route(
            f"{base}{address}",
            lambda route: route.fulfill(status=400, body=html, content_type="text/html; charset=utf-8"),
        )
    page.goto(f"{base}{address}", wait_until="commit")
    page.wait_for_load_state("domcontentloaded")
    return page


def test_every_back_office_screen_of_the_platform_passes_axe_and_never_says_wagtail(back_office, browser):
    base, clients = back_office["base"], back_office["clients"]
    found, errors, not_pages = _screens(clients)
    # Every screen is opened, but what is not a page: an action that only takes a POST (it answers with
    # a redirect, or with its page's errors, checked there), a file download, a fragment.
    unexpected = {name for name in not_pages if not any(part in str(name) for part in NOT_PAGES)}
    assert unexpected == set(), sorted(unexpected)
    addresses = {address for _actor, address, _status, _html in found}
    # The screens the issue names are among those generated (the crawl finds them by itself).
    case = back_office["case"]
    for expected in (
        "/admin/vragen/",
        f"/admin/vragen/{case.pk}/",
        "/admin/vragen/werkverdeling/",
        "/admin/rapportage/",
        "/admin/signalen/",
        "/admin/ontwikkeling/ambities/",
        "/admin/privacy/logboek/",
    ):
        assert any(address.startswith(expected) for address in addresses), expected
    assert len(found) > 60, len(found)
    assert errors, "some form shows its errors"

    consultant = clients[Role.CONSULTANT]
    states = [
        (Role.CONSULTANT, f"/admin/vragen/{back_office['closed'].pk}/", 200, None),
        (Role.CONSULTANT, f"/admin/vragen/{back_office['with_files'].pk}/", 200, None),
        (Role.CONSULTANT, "/admin/vragen/?urgent=1&status=new&taal=tolk", 200, None),
    ]
    # An action's error keeps the case's address and shows the page with the error.
    failed = consultant.post(f"/admin/vragen/{case.pk}/contact/", {"minutes": "nul"})
    assert failed.status_code == 400
    states.append((Role.CONSULTANT, f"/admin/vragen/{case.pk}/", 400, failed.content))

    page = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    wrong = []
    for actor, address, status, html in [*found, *errors, *states]:
        wrong.extend(_check(page, base, clients, actor, address, status, html))
    assert wrong == [], "\n".join(wrong)


def test_a_message_banner_is_shown_at_full_strength_and_passes_axe(back_office, browser):
    """Wagtail's banner of messages.success, here after erasing a requester's data: axe found its white
    text failing colour contrast while it faded in; it is there at full strength from the start."""
    base, clients = back_office["base"], back_office["clients"]
    consultant = clients[Role.CONSULTANT]
    erased = consultant.post(
        f"/admin/vragen/{back_office['to_erase'].pk}/gegevens/wissen/", {"confirm": "yes"}
    )
    assert erased.status_code == 302 and "messages" in consultant.cookies
    page = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    address = erased["Location"]
    assert _check(page, base, clients, Role.CONSULTANT, address, 200, None, shows="gewist") == []


def _check(page, base, clients, actor, address, status, html, *, shows=None):
    """Open ``address`` as ``actor``; return what is wrong: axe violations, "Wagtail", a title that is
    not "<page> – <steunpunt>", or ``shows`` (a text) missing."""
    wrong = []
    _open(page, base, clients[actor], address, html)
    where = f"{actor} {address}{' (errors)' if status == 400 else ''}"
    if shows is not None:
        # A message banner is there at full strength from the start, not faded in (its text would
        # fail the contrast check while it fades, and stay invisible without the script).
        opacity = page.evaluate("getComputedStyle(document.querySelector('.messages > ul')).opacity")
        if opacity != "1":
            wrong.append(f"{where}: the message banner is faded in (opacity {opacity})")
    found_violations = violations(page)
    if found_violations:
        wrong.append(f"{where}: {found_violations}")
    text = page.locator("body").inner_text()
    if shows is not None and shows not in text:
        wrong.append(f"{where}: does not show {shows!r}")
    if actor != SUPERUSER:
        title = page.title()
        if "wagtail" in title.lower() or re.search("wagtail", text, re.IGNORECASE):
            wrong.append(f"{where}: says Wagtail (title {title!r})")
        if not title.endswith(f"– {NAME}"):
            wrong.append(f"{where}: title {title!r}")
    return wrong
