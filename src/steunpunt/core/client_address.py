"""The visitor's internet address, also behind nginx: what every limit and the access log count by.

Behind a proxy the socket's address (``REMOTE_ADDR``) is the proxy's, the same for everybody. The
proxy's ``X-Forwarded-For`` header names the visitor, but anybody can send that header: it is only
read when the request comes from a trusted proxy (:setting:`TRUSTED_PROXIES`, addresses or networks),
and then from the right, skipping trusted proxies: the right-most entry that is not a trusted proxy
is the visitor (entries further left are what the visitor itself claimed). Otherwise the socket's
address stands.

:class:`ClientAddressMiddleware` puts the result in ``REMOTE_ADDR`` before anything else reads it, so
django-ratelimit, django-axes and Django's own logging all count the same address; gunicorn's access
log (:mod:`steunpunt.core.access_log`) computes the same with :func:`client_address`.
"""

import functools
import ipaddress

from django.conf import settings


@functools.cache
def _networks(values):
    return tuple(ipaddress.ip_network(value.strip(), strict=False) for value in values if value.strip())


def trusted_networks(values):
    """``values`` (addresses or networks such as ``127.0.0.1`` or ``10.0.0.0/8``) as networks."""
    return _networks(tuple(values))


def _address(text):
    try:
        return ipaddress.ip_address(text.strip())
    except ValueError:
        return None


def _trusted(address, networks):
    if address.version == 6 and address.ipv4_mapped:
        address = address.ipv4_mapped
    return any(address in network for network in networks)


def client_address(remote_addr, forwarded_for, networks):
    """The visitor's address: ``remote_addr`` unless that is a trusted proxy, then the right-most
    entry of ``forwarded_for`` that is not a trusted proxy (an entry that is no address stops the
    search: what the last trusted hop saw stands)."""
    current = _address(remote_addr or "")
    if current is None or not networks or not _trusted(current, networks) or not forwarded_for:
        return remote_addr
    for entry in reversed(forwarded_for.split(",")):
        address = _address(entry)
        if address is None:
            break
        current = address
        if not _trusted(address, networks):
            break
    return str(current)


def of_request(request):
    """The visitor's address of ``request`` (set by :class:`ClientAddressMiddleware`): the key of
    django-axes (``AXES_CLIENT_IP_CALLABLE``) and django-ratelimit (``RATELIMIT_IP_META_KEY``)."""
    return request.META.get("REMOTE_ADDR")


class ClientAddressMiddleware:
    """Replace ``REMOTE_ADDR`` with the visitor's address (:func:`client_address`); first in the chain."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        meta = request.META
        meta["REMOTE_ADDR"] = client_address(
            meta.get("REMOTE_ADDR"),
            meta.get("HTTP_X_FORWARDED_FOR"),
            trusted_networks(settings.TRUSTED_PROXIES),
        )
        return self.get_response(request)
