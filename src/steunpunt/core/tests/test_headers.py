"""S2: every URL pattern of the platform, requested by a visitor and by a signed-in coordinator, answers
with HSTS, a Content-Security-Policy with object-src 'none', base-uri 'none' and frame-ancestors,
nosniff and a Referrer-Policy; every back-office answer with Cache-Control: no-store; every cookie it
sets is Secure and SameSite (the session cookie also HttpOnly); and no answer is a 500."""

import re

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, resolve
from django.urls.exceptions import Resolver404
from django.urls.resolvers import RegexPattern

from steunpunt.tenants.roles import Role
from steunpunt.tenants.tests.factories import MembershipFactory, SupportPointFactory

pytestmark = pytest.mark.django_db

SAMPLES = {"int": "1", "uuid": "00000000-0000-0000-0000-000000000001"}
# The few regular-expression patterns (Wagtail's), each with a concrete address that matches it.
REGEX_SAMPLES = {
    r"(?P<pk>\d+)": "1",
    r"(?P<revision_id_a>live|earliest|\d+)": "earliest",
    r"(?P<revision_id_b>live|latest|\d+)": "latest",
    r"((?:[\w\-]+/)*)": "informatie/",
    r"(\d+)": "1",
    r"(.*)": "x",
    r".*": "x",
    r"\.": ".",
}


def _concrete(pattern):
    text = str(pattern)
    if isinstance(pattern, RegexPattern):
        text = text.removeprefix("^").removesuffix("$")
        for regex, sample in REGEX_SAMPLES.items():
            text = text.replace(regex, sample)
        return text
    return re.sub(r"<(?:(\w+):)?(\w+)>", _sample, text)


def _sample(match):
    converter, name = match.group(1), match.group(2)
    if converter in SAMPLES:
        return SAMPLES[converter]
    # A number in a text parameter (Wagtail's choosers); the platform's own guard takes the rest.
    return "1" if (name == "pk" or name.endswith("_id")) and converter != "notanumber" else "x"


def every_address():
    """One concrete address per URL pattern, each checked to resolve to its own pattern."""
    found = []

    def walk(resolver, prefix, names):
        for pattern in resolver.url_patterns:
            if isinstance(pattern, URLResolver):
                walk(pattern, prefix + _concrete(pattern.pattern), names)
            elif isinstance(pattern, URLPattern):
                found.append((prefix + _concrete(pattern.pattern), pattern))

    walk(get_resolver(), "/", [])
    return found


def test_every_url_pattern_gets_an_address_that_resolves_to_it():
    addresses = every_address()
    assert len(addresses) > 300
    wrong = []
    for address, pattern in addresses:
        try:
            match = resolve(address)
        except Resolver404:
            wrong.append(address)
            continue
        if match.func != pattern.callback and getattr(match.func, "view_class", None) is None:
            wrong.append(address)
    assert wrong == []


# Wagtail's own page for trying out the error page raises on purpose; its 500 must still carry the headers.
ERROR_TEST = "/admin/failwhale/"


def _check(response, address, *, back_office):
    where = f"{address} → {response.status_code}"
    assert response.status_code != 500 or address == ERROR_TEST, where
    assert response["Strict-Transport-Security"].startswith("max-age="), where
    policy = response["Content-Security-Policy"]
    for directive in ("object-src 'none'", "base-uri 'none'", "frame-ancestors"):
        assert directive in policy, where
    assert response["X-Content-Type-Options"] == "nosniff", where
    assert response["Referrer-Policy"], where
    if back_office:
        assert "no-store" in response["Cache-Control"], where
    for name, cookie in response.cookies.items():
        if cookie.value == "" and str(cookie["max-age"]) == "0":
            continue  # a cookie being deleted carries nothing
        assert cookie["secure"] and cookie["samesite"], f"{where}: cookie {name}"
        if name.endswith("sessionid"):
            assert cookie["httponly"], f"{where}: cookie {name}"


@pytest.fixture
def secure(settings):
    settings.SECURE_HSTS_SECONDS = 63072000
    settings.SESSION_COOKIE_SECURE = settings.CSRF_COOKIE_SECURE = True


def test_every_address_answers_with_the_security_headers_for_visitors(client, platform, secure):
    SupportPointFactory(hostname="noord.localhost")
    client.raise_request_exception = False
    for address, _pattern in every_address():
        for host in ("noord.localhost", "127.0.0.1"):
            response = client.get(address, HTTP_HOST=host, secure=True)
            _check(response, address, back_office=address.startswith("/admin/"))


def test_a_chooser_asked_for_a_document_or_image_that_is_not_a_number_answers_404(staff_client):
    own = SupportPointFactory(hostname="noord.localhost")
    client = staff_client(MembershipFactory(support_point=own, role=Role.COORDINATOR).user)
    for kind in ("documents", "images"):
        assert client.get(f"/admin/{kind}/chooser/chosen/x/").status_code == 404
        assert client.get(f"/admin/{kind}/chooser/chosen/1x/").status_code == 404


def test_every_address_answers_with_the_security_headers_for_a_coordinator(staff_client, secure):
    own = SupportPointFactory(hostname="noord.localhost")
    client = staff_client(MembershipFactory(support_point=own, role=Role.COORDINATOR).user)
    client.raise_request_exception = False
    for address, _pattern in every_address():
        if "logout" in address:
            continue  # signing out would end the crawl; its headers are checked for visitors
        response = client.get(address, secure=True)
        _check(response, address, back_office=address.startswith("/admin/"))
