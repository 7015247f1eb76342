"""The back office speaks as the steunpunt, never as "Wagtail": for every role of the policy table, every
page reachable from its menu (and the sign-in, two-step, password and not-found pages) has a title
"<page> – <steunpunt>" and no "Wagtail" in its title, visible text, menu labels or text alternatives."""

import json
import re
from html.parser import HTMLParser

import pytest

from steunpunt.tenants.policy import RULES
from steunpunt.tenants.roles import Role
from steunpunt.tenants.tests.factories import PASSWORD, MembershipFactory, SupportPointFactory

NAME = "Ouder- en Jeugdsteunpunt Noord"
READ_ATTRIBUTES = ("alt", "aria-label", "placeholder", "title")


class _Text(HTMLParser):
    """The text a person meets on a page: text outside scripts and styles, the title, text alternatives."""

    def __init__(self):
        super().__init__()
        self.skip = 0
        self.parts = []
        self.title = ""
        self._in_title = False
        self.sidebar = None
        self._in_sidebar = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in ("script", "style"):
            self.skip += 1
            self._in_sidebar = attrs.get("id") == "wagtail-sidebar-props"
        if tag == "title":
            self._in_title = True
        if tag == "input" and attrs.get("type") in ("submit", "button") and attrs.get("value"):
            self.parts.append(attrs["value"])
        self.parts.extend(attrs[name] for name in READ_ATTRIBUTES if attrs.get(name))

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self.skip -= 1
            self._in_sidebar = False
        if tag == "title":
            self._in_title = False

    def handle_data(self, data):
        if self._in_sidebar:
            self.sidebar = (self.sidebar or "") + data
        if self._in_title:
            self.title += data
        elif not self.skip:
            self.parts.append(data)


def _read(response):
    parser = _Text()
    parser.feed(response.content.decode())
    return parser


def _menu(sidebar_json):
    """Every (label, url) of the sidebar's menus, submenus included."""
    items = []

    def walk(node):
        if isinstance(node, dict):
            if isinstance(node.get("label"), str):
                items.append((node["label"], node.get("url") or ""))
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(json.loads(sidebar_json))
    return items


def _assert_speaks_as_the_steunpunt(response, where):
    page = _read(response)
    title = " ".join(page.title.split())
    text = " ".join(" ".join(page.parts).split())
    assert "Wagtail" not in title, f"{where}: title {title!r}"
    assert re.fullmatch(rf".+ – {re.escape(NAME)}", title), f"{where}: title {title!r}"
    found = [m.start() for m in re.finditer("wagtail", text, re.IGNORECASE)]
    assert not found, f"{where}: {[text[max(0, i - 60) : i + 60] for i in found]}"
    return page


@pytest.fixture
def noord(platform):
    return SupportPointFactory(name=NAME, slug="noord-test", hostname="noord-test.localhost")


@pytest.mark.parametrize("role", sorted(RULES), ids=str)
def test_no_page_of_a_role_says_wagtail(staff_client, noord, role):
    user = MembershipFactory(support_point=noord, role=role, user__first_name="Anna").user
    client = staff_client(user)
    home = client.get("/admin/")
    assert home.status_code == 200
    page = _assert_speaks_as_the_steunpunt(home, "dashboard")
    menu = _menu(page.sidebar)
    assert menu, "the sidebar has a menu"
    for label, url in menu:
        assert "wagtail" not in label.lower(), f"menu item {label!r}"
        assert "wagtail.org" not in url, f"menu item {label!r} links to {url}"
    urls = sorted({url for _label, url in menu if url.startswith("/admin/") and "logout" not in url})
    # Every role has at least its dashboard and account; most have many more screens.
    assert "/admin/account/" in urls
    for url in urls:
        response = client.get(url, follow=True)
        if response.status_code == 200 and response["Content-Type"].startswith("text/html"):
            _assert_speaks_as_the_steunpunt(response, url)
    missing = client.get("/admin/bestaat-niet/")
    assert missing.status_code == 404
    page = _assert_speaks_as_the_steunpunt(missing, "404")
    assert "Pagina niet gevonden" in page.title


def test_sign_in_two_step_and_password_pages_say_the_steunpunt_not_wagtail(client, noord):
    client.defaults["HTTP_HOST"] = "noord-test.localhost"
    login = client.get("/admin/login/")
    page = _assert_speaks_as_the_steunpunt(login, "login")
    text = " ".join(page.parts)
    assert "Inloggen" in page.title and "Wachtwoord" in text and "Password" not in text
    for url in ("/admin/password_reset/", "/admin/password_reset/done/"):
        _assert_speaks_as_the_steunpunt(client.get(url), url)

    user = MembershipFactory(support_point=noord, role=Role.CONSULTANT).user
    user.totpdevice_set.create(name="app", confirmed=True)
    answer = client.post("/admin/login/", {"username": user.username, "password": PASSWORD})
    assert answer.status_code == 302
    two_step = client.get(answer["Location"], follow=True)
    page = _assert_speaks_as_the_steunpunt(two_step, "two-step")
    assert "Tweestapsverificatie" in page.title
