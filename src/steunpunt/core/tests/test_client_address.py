"""The visitor's address: X-Forwarded-For is read only from a trusted proxy, from the right; every
limit counts by that address (steunpunt.core.client_address)."""

import pytest
from django.test import RequestFactory

from steunpunt.core.client_address import ClientAddressMiddleware, client_address, trusted_networks

LOOPBACK = trusted_networks(["127.0.0.1", "::1", "10.0.0.0/8"])


@pytest.mark.parametrize(
    ("remote", "forwarded", "expected"),
    [
        # No trusted proxy in between: the socket's address, whatever the header claims.
        ("203.0.113.5", "198.51.100.1", "203.0.113.5"),
        ("203.0.113.5", None, "203.0.113.5"),
        # From nginx: the address nginx saw.
        ("127.0.0.1", "203.0.113.5", "203.0.113.5"),
        # A visitor's own claim stays on the left; the right-most untrusted entry is the visitor.
        ("127.0.0.1", "198.51.100.1, 203.0.113.5", "203.0.113.5"),
        # Through two trusted proxies (a load balancer, then nginx).
        ("127.0.0.1", "198.51.100.1, 203.0.113.5, 10.1.2.3", "203.0.113.5"),
        # Only trusted hops: the left-most of them.
        ("127.0.0.1", "10.1.2.3", "10.1.2.3"),
        # Something that is no address stops the search at the last trusted hop.
        ("127.0.0.1", "203.0.113.5, nonsense", "127.0.0.1"),
        ("127.0.0.1", "", "127.0.0.1"),
        ("::1", "2001:db8::7", "2001:db8::7"),
        ("::ffff:127.0.0.1", "203.0.113.5", "203.0.113.5"),
    ],
)
def test_the_visitor_is_the_right_most_address_that_is_no_trusted_proxy(remote, forwarded, expected):
    assert client_address(remote, forwarded, LOOPBACK) == expected


def test_without_trusted_proxies_the_header_is_never_read():
    assert client_address("127.0.0.1", "203.0.113.5", trusted_networks([])) == "127.0.0.1"


def test_the_middleware_puts_the_visitor_in_remote_addr_for_every_limit(settings):
    """django-ratelimit and django-axes both read the address the middleware settled on."""
    from axes.helpers import get_client_ip_address
    from django_ratelimit.core import _get_ip

    settings.TRUSTED_PROXIES = ["127.0.0.1"]
    seen = []
    middleware = ClientAddressMiddleware(lambda request: seen.append(request) or "ok")
    factory = RequestFactory()
    middleware(factory.get("/", REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.5"))
    middleware(factory.get("/", REMOTE_ADDR="198.51.100.9", HTTP_X_FORWARDED_FOR="203.0.113.5"))
    assert [request.META["REMOTE_ADDR"] for request in seen] == ["203.0.113.5", "198.51.100.9"]
    assert [get_client_ip_address(request) for request in seen] == ["203.0.113.5", "198.51.100.9"]
    assert [_get_ip(request) for request in seen] == ["203.0.113.5", "198.51.100.9"]


def test_a_trusted_proxies_value_that_is_no_address_stops_the_start(monkeypatch):
    from django.core.exceptions import ImproperlyConfigured

    from steunpunt.conf.env import env_networks

    monkeypatch.setenv("TRUSTED_PROXIES", "127.0.0.1, 10.0.0.0/8")
    assert env_networks("TRUSTED_PROXIES") == ["127.0.0.1", "10.0.0.0/8"]
    monkeypatch.setenv("TRUSTED_PROXIES", "127.0.0.1,nginx")
    with pytest.raises(ImproperlyConfigured, match="TRUSTED_PROXIES"):
        env_networks("TRUSTED_PROXIES")
