"""Wagtail's sidebar, built once per user, language, access generation and content generation.

Building it asks for the user's permissions (four statements), every menu item's ``is_shown`` and the
packing of the whole menu for the browser: about a sixth of each back-office page (bench/README.md,
P7). The result depends only on who the user is and may do (:mod:`steunpunt.core.access_generation`
moves on at every change of that), the language, and the page tree (the content generation), so it is
kept in this process and expires after :setting:`ADMIN_SIDEBAR_SECONDS` (``0`` builds it every time).
``wagtailadmin/base.html`` (this app's copy of Wagtail's) calls this tag instead of ``sidebar_props``.
"""

import time

from django import template
from django.conf import settings
from django.utils.translation import get_language
from wagtail.admin.templatetags.wagtailadmin_tags import sidebar_props

from .. import access_generation, page_cache

register = template.Library()

_kept = page_cache.LocalPages(size=1000)


@register.simple_tag(takes_context=True)
def kept_sidebar_props(context):
    request = context["request"]
    user = getattr(request, "user", None)
    seconds = settings.ADMIN_SIDEBAR_SECONDS
    if not seconds or user is None or user.pk is None:
        return sidebar_props(context)
    key = (
        user.pk,
        get_language(),
        access_generation.current(request),
        page_cache.current_generation(request),
    )
    props = _kept.get(key)
    if props is None:
        props = sidebar_props(context)
        _kept.keep(key, props, time.monotonic() + seconds)
    return props
