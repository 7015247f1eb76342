"""Helpers for Wagtail's page tree that every app may use (core knows no feature app)."""

from django.conf import settings
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale, Page


def root_page():
    """Return the tree's root; Wagtail's migrations make it, a flushed test database may not have it."""
    Locale.objects.get_or_create(language_code=get_supported_content_language_variant(settings.LANGUAGE_CODE))
    return Page.get_first_root_node() or Page.add_root(instance=Page(title="Root", slug="root"))
