"""Small helpers of the case screens."""

from django import template
from django.template.defaultfilters import filesizeformat

register = template.Library()


@register.filter
def label_of(labels, user):
    """``{{ labels|label_of:user }}``: the name and role of ``user`` (see ``selectors.person_labels``)."""
    if user is None:
        return ""
    return labels.get(user.pk) or user.get_full_name() or user.get_username()


@register.filter
def file_size(size):
    return filesizeformat(size)
