"""Writes for steunpunten and memberships. Each is atomic and logged."""

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _
from wagtail.log_actions import log
from wagtail.models import Site

from .groups import sync_groups
from .links import absolute_url
from .mail import mail_for
from .models import Partnership, Sector, SupportPoint
from .roles import Role
from .validators import HOSTNAME_RE, validate_brand_colour, validate_partnership_code


def partnership_name(code):
    return _("Partnership for appropriate education %(code)s") % {
        "code": f"{code[:2]} {code[2:4]}.{code[4:]}"
    }


def support_point_errors(*, name, slug, hostname, partnership_codes, brand_colour, email=""):
    """Return ``{field: Dutch message}`` for a new steunpunt's values; empty when all is well."""
    errors = {}
    if not name:
        errors["name"] = _("Enter the name of the steunpunt.")
    elif SupportPoint.objects.filter(name=name).exists():
        errors["name"] = _("There is already a steunpunt with this name.")
    if not slug:
        errors["slug"] = _("Enter a short name of letters and digits.")
    elif SupportPoint.objects.filter(slug=slug).exists():
        errors["slug"] = _("There is already a steunpunt with this short name.")
    if not HOSTNAME_RE.match(hostname):
        errors["hostname"] = _("Enter a host name such as noord.example.nl.")
    elif Site.objects.filter(hostname=hostname).exists():
        errors["hostname"] = _("This host name is already in use by another website.")
    if not partnership_codes:
        errors["partnership_codes"] = _("Enter at least one partnership code.")
    for code in partnership_codes:
        try:
            validate_partnership_code(code)
        except ValidationError as error:
            errors["partnership_codes"] = error.messages[0]
            break
        taken = Partnership.objects.filter(code=code, support_point__isnull=False).first()
        if taken:
            errors["partnership_codes"] = _("%(code)s is already served by %(name)s.") % {
                "code": code,
                "name": taken.support_point.name,
            }
            break
    try:
        validate_brand_colour(brand_colour)
    except ValidationError as error:
        errors["brand_colour"] = error.messages[0]
    if email:
        try:
            validate_email(email)
        except ValidationError:
            errors["email"] = _("Enter an e-mail address such as info@steunpunt.nl.")
    return errors


def normalise_codes(codes):
    """Return partnership codes upper-cased, stripped and without blanks or repeats."""
    seen = []
    for code in codes:
        code = (code or "").strip().upper()
        if code and code not in seen:
            seen.append(code)
    return seen


# The public site's home page of a new steunpunt is the portal's (a feature app above tenants), which
# registers how it is made (portal/apps.py): ``make(name=..., slug=...)`` returns the published page.
HOME_PAGE_MAKER = {}


def register_home_page_maker(make):
    HOME_PAGE_MAKER["make"] = make


@transaction.atomic
def support_point_create(
    *,
    name,
    hostname,
    partnership_codes,
    slug="",
    email="",
    phone="",
    address="",
    brand_colour="#1f5c99",
    port=80,
    is_demo=False,
    by=None,
):
    """Create a steunpunt with its public site and published home page.

    ``partnership_codes`` are codes such as ``PO2701``; partnerships that do not exist
    yet are created. Raises ``ValidationError`` with a Dutch message, changing nothing,
    when a value is wrong or a partnership is already served by another steunpunt.
    """
    name = (name or "").strip()
    slug = slugify(slug or name)[:50]
    hostname = (hostname or "").strip().lower()
    codes = normalise_codes(partnership_codes)
    errors = support_point_errors(
        name=name,
        slug=slug,
        hostname=hostname,
        partnership_codes=codes,
        brand_colour=brand_colour,
        email=email,
    )
    if errors:
        raise ValidationError(errors)

    home = HOME_PAGE_MAKER["make"](name=name, slug=slug)
    site = Site.objects.create(hostname=hostname, port=port, root_page=home, site_name=name)
    support_point = SupportPoint.objects.create(
        name=name,
        slug=slug,
        site=site,
        email=email,
        phone=phone,
        address=address,
        brand_colour=brand_colour,
        is_demo=is_demo,
    )
    for code in codes:
        partnership, _created = Partnership.objects.get_or_create(
            code=code,
            defaults={"name": partnership_name(code), "sector": Sector(code[:2].lower())},
        )
        partnership.support_point = support_point
        partnership.save(update_fields=["support_point"])
    log(support_point, "wagtail.create", user=by)
    return support_point


@transaction.atomic
def membership_grant(*, user, support_point, role, by=None):
    """Grant ``role`` at ``support_point`` to ``user``; granting twice changes nothing."""
    from .models import Membership

    membership, created = Membership.objects.get_or_create(
        user=user, support_point=support_point, role=role, defaults={"granted_by": by}
    )
    if created:
        log(membership, "wagtail.create", user=by)
    user.__dict__.pop("_steunpunt_roles", None)
    sync_groups(user, support_point)
    return membership


@transaction.atomic
def membership_revoke(*, membership, by=None):
    """Take a role away; the log keeps who had it."""
    log(membership, "wagtail.delete", user=by)
    membership.delete()
    membership.user.__dict__.pop("_steunpunt_roles", None)
    sync_groups(membership.user, membership.support_point)


def _send_invitation(user, support_point, role):
    """Mail a new staff member a link to choose a password (Wagtail's reset flow)."""
    from django.contrib.auth.forms import PasswordResetForm
    from django.contrib.auth.tokens import default_token_generator
    from django.utils.encoding import force_bytes
    from django.utils.http import urlsafe_base64_encode

    context = {
        "user": user,
        "uid": urlsafe_base64_encode(force_bytes(user.pk)),
        "token": default_token_generator.make_token(user),
        "base_url": absolute_url(support_point),
        "support_point": support_point,
        "role": Role(role).label,
    }
    with mail_for(support_point):
        PasswordResetForm().send_mail(
            "tenants/invitation_subject.txt", "tenants/invitation_email.txt", context, None, user.email
        )


@transaction.atomic
def staff_invite(*, email, first_name, last_name, support_point, role, by):
    """Give ``role`` at ``support_point`` to the person with ``email``, creating the account if new.

    A new account has no password yet: after the transaction commits, the person gets
    an e-mail with a link to choose one. Returns the membership.
    """
    User = get_user_model()
    email = User.objects.normalize_email(email).strip()
    user = User.objects.filter(email__iexact=email).first()
    if user is None:
        user = User(username=email.lower(), email=email, first_name=first_name, last_name=last_name)
        user.set_unusable_password()
        user.save()
        log(user, "wagtail.create", user=by)
        transaction.on_commit(lambda: _send_invitation(user, support_point, role))
    return membership_grant(user=user, support_point=support_point, role=role, by=by)
