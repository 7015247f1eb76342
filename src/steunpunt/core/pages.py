"""Helpers for Wagtail's page tree that every app may use (core knows no feature app)."""

from django.conf import settings
from django.utils import translation
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale, Page

from . import page_cache


def root_page():
    """Return the tree's root; Wagtail's migrations make it, a flushed test database may not have it."""
    Locale.objects.get_or_create(language_code=get_supported_content_language_variant(settings.LANGUAGE_CODE))
    return Page.get_first_root_node() or Page.add_root(instance=Page(title="Root", slug="root"))


@page_cache.per_generation
def _locale_ids():
    return dict(Locale.objects.values_list("language_code", "pk"))


def locale_id(language_code):
    """The primary key of the Wagtail locale of ``language_code`` (``None`` when there is none), without a
    query: the locales are kept per content generation (a locale is content, page_cache.CONTENT_MODELS).
    Wagtail's own ``Locale.objects.get_for_language`` asks the database at every call."""
    try:
        code = get_supported_content_language_variant(language_code)
    except LookupError:
        return None
    return _locale_ids().get(code)


def active_locale_id():
    """``locale_id`` of the active language, or of the default language where the active one has no
    locale: what Wagtail's ``Locale.get_active()`` returns, as a primary key."""
    active = locale_id(translation.get_language() or settings.LANGUAGE_CODE)
    return active or locale_id(settings.LANGUAGE_CODE)
