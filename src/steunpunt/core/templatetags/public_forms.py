"""Template tags of the protected public forms (see :mod:`steunpunt.core.public_forms`)."""

from django import template
from django.utils.html import format_html

from steunpunt.core import public_forms

register = template.Library()


@register.simple_tag
def public_form_attrs(shared=False):
    """The form tag's attributes: a fresh proof-of-work puzzle, or (``shared=True``, a page that may
    come from a shared cache) the address the script fetches a puzzle and CSRF token from."""
    if shared:
        return format_html('data-public-form-key="{}"', public_forms.KEY_URL)
    puzzle = public_forms.new_challenge()
    return format_html(
        'data-altcha-algorithm="{}" data-altcha-challenge="{}" data-altcha-salt="{}" '
        'data-altcha-signature="{}" data-altcha-maxnumber="{}"',
        puzzle["algorithm"],
        puzzle["challenge"],
        puzzle["salt"],
        puzzle["signature"],
        puzzle["maxnumber"],
    )


@register.inclusion_tag("includes/public_form_fields.html", takes_context=True)
def public_form_fields(context, form, shared=False):
    """Inside the form: the CSRF token (left for the script on a ``shared`` page), the honeypot, the
    proof-of-work field and its script."""
    return {"form": form, "shared": shared, "csrf_token": None if shared else context.get("csrf_token")}
