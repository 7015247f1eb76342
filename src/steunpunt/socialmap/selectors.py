from django.db.models import Q

from steunpunt.tenants.access import scoped
from steunpunt.tenants.policy import Action

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
    return scoped(
        Organisation.objects.all(),
        user,
        Action.CONTENT_EDIT,
        (Action.CONTENT_EDIT_NATIONAL, Q(support_point__isnull=True)),
    )
