"""Writes for the public sites: the platform's own site and a steunpunt's home page."""

from django.conf import settings
from django.db import transaction
from wagtail.models import Page, Site

from steunpunt.core.pages import root_page

from . import starter
from .models import PlatformHomePage, SupportPointHomePage


def _publish(page):
    page.save_revision().publish()
    return page


@transaction.atomic
def platform_site_ensure(*, port=80):
    """Make sure the platform index page exists and answers on every ``PLATFORM_HOSTS`` name.

    Replaces Wagtail's initial welcome page. Safe to call again: returns the same page.
    """
    root = root_page()
    home = PlatformHomePage.objects.first()
    if home is None:
        home = PlatformHomePage(slug="steunpunten", starter_text=True, **starter.PLATFORM_HOME)
        root.add_child(instance=home)
        _publish(home)
    for index, hostname in enumerate(settings.PLATFORM_HOSTS):
        site = Site.objects.filter(hostname=hostname).first() or Site(hostname=hostname)
        site.port = port
        site.root_page = home
        site.site_name = home.title
        site.is_default_site = index == 0
        if site.is_default_site:
            Site.objects.exclude(pk=site.pk).filter(is_default_site=True).update(is_default_site=False)
        site.save()
    # Wagtail's welcome page is no use once the platform page is in place.
    for page in Page.objects.filter(depth=2, content_type__model="page", sites_rooted_here=None):
        page.delete()
    return home


def support_point_home_page_create(*, name, slug):
    """Create and publish a steunpunt's home page with the starter texts."""
    root = root_page()
    home = SupportPointHomePage(title=name, slug=slug, starter_text=True, **starter.SUPPORT_POINT_HOME)
    root.add_child(instance=home)
    return _publish(home)
