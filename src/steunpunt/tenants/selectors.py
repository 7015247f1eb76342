"""Scoped reads: every query starts from the acting user."""

from wagtail.models import Site

from .models import SupportPoint
from .policy import Action, can, support_point_ids_for


def support_points_for(user, action=Action.ACCESS_BACK_OFFICE):
    """Return the steunpunten where ``user`` may do ``action``; all of them for platform admins."""
    if action in (Action.ACCESS_BACK_OFFICE, Action.SUPPORT_POINT_EDIT) and can(user, Action.PLATFORM_MANAGE):
        return SupportPoint.objects.all()
    return SupportPoint.objects.filter(pk__in=support_point_ids_for(user, action))


def chosen_support_point(support_points, value):
    """Return the steunpunt numbered ``value`` among ``support_points`` (a scoped queryset), else the
    first of them; an odd ``value`` from a form or address counts as no choice, never as an error."""
    try:
        chosen = support_points.filter(pk=int(value)).first() if value else None
    except (TypeError, ValueError):
        chosen = None
    return chosen or support_points.first()


def public_support_points():
    """Return every steunpunt of the installation with its site, for the public index."""
    return SupportPoint.objects.select_related("site").prefetch_related("partnerships")


def support_point_for_site(site):
    """Return the steunpunt that owns ``site``, or ``None`` (the platform's own site)."""
    if site is None:
        return None
    try:
        return site.support_point
    except (SupportPoint.DoesNotExist, AttributeError):
        return None


def known_hostnames():
    """Return the set of host names that have a site in this installation."""
    return set(Site.objects.values_list("hostname", flat=True))
