from django.db.models import Q

from steunpunt.tenants.policy import Action, can
from steunpunt.tenants.selectors import support_points_for

from .models import Category, Organisation


def organisations_for_site(support_point, category=None):
    """National organisations plus the steunpunt's own, optionally of one category."""
    organisations = Organisation.objects.filter(
        Q(support_point__isnull=True) | Q(support_point=support_point)
    )
    if category in Category.values:
        organisations = organisations.filter(category=category)
    return organisations.order_by("category", "name")


def organisations_editable_by(user):
    """National editors keep the national ones; content editors their steunpunt's own."""
    scope = Q(support_point__in=support_points_for(user, Action.CONTENT_EDIT))
    if can(user, Action.CONTENT_EDIT_NATIONAL):
        scope |= Q(support_point__isnull=True)
    return Organisation.objects.filter(scope)
