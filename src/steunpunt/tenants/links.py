"""Absolute addresses on a steunpunt's site, from its configuration, never from a request.

A request's Host header is the visitor's to choose (its port, behind nginx also the name): a link
built from it could send someone who gets a mail, a password reset or a calendar file anywhere. The
address is the Wagtail site's host name and port (80 and 443 are left out) with the configured
scheme (:setting:`PUBLIC_URL_SCHEME`).
"""

from django.conf import settings

DEFAULT_PORTS = (80, 443)


def site_url(site):
    """``scheme://host[:port]`` of a Wagtail ``site``, without a slash at the end."""
    port = "" if site.port in DEFAULT_PORTS else f":{site.port}"
    return f"{settings.PUBLIC_URL_SCHEME}://{site.hostname}{port}"


def absolute_url(support_point, path=""):
    """The full address of ``path`` (starting with ``/``) on ``support_point``'s site."""
    return site_url(support_point.site) + path


def request_site_url(request):
    """The configured address of the site a request came in on: its steunpunt's, else the Wagtail site
    of its host (the platform's own), else :setting:`WAGTAILADMIN_BASE_URL`."""
    from wagtail.models import Site

    support_point = getattr(request, "support_point", None)
    if support_point is not None:
        return site_url(support_point.site)
    site = Site.find_for_request(request)
    return site_url(site) if site is not None else settings.WAGTAILADMIN_BASE_URL.rstrip("/")
