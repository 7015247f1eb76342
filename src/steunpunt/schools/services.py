"""Writes for schools as partners: granting the school contact person role, profile proposals and their
approval, and the schools' evaluation of the steunpunt. Each is atomic; errors are Dutch and change
nothing."""

import datetime

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from steunpunt.core.page_cache import bump_generation
from steunpunt.tenants.models import Membership
from steunpunt.tenants.roles import Role
from steunpunt.tenants.services import membership_grant, membership_revoke, staff_invite

from .models import (
    PROFILE_FIELDS,
    PROPOSAL_TRANSITIONS,
    ProfileProposal,
    ProposalStatus,
    School,
    SchoolContact,
    SchoolEvaluation,
    SchoolEvaluationGiven,
)
from .selectors import grantable_schools


class ProposalError(Exception):
    """A proposal cannot change this way; the message is Dutch."""


def half_year(day=None):
    """The first day of the half year ``day`` lies in: the period a school evaluates once."""
    day = day or timezone.localdate()
    return datetime.date(day.year, 1 if day.month <= 6 else 7, 1)


@transaction.atomic
def school_contact_grant(*, school, support_point, email, first_name="", last_name="", by=None, user=None):
    """Make someone school contact person for ``school`` at ``support_point`` (a school of its region).

    A new account gets an e-mail to choose a password (``tenants.services.staff_invite``). Granting twice
    changes nothing. Returns the :class:`SchoolContact`.
    """
    if not grantable_schools(support_point).filter(pk=school.pk).exists():
        raise ValidationError(_("This school is not in the region of the steunpunt."))
    if user is None:
        membership = staff_invite(
            email=email,
            first_name=first_name,
            last_name=last_name,
            support_point=support_point,
            role=Role.SCHOOL_CONTACT,
            by=by,
        )
        user = membership.user
    else:
        membership_grant(user=user, support_point=support_point, role=Role.SCHOOL_CONTACT, by=by)
    contact, created = SchoolContact.objects.get_or_create(
        user=user, school=school, support_point=support_point, defaults={"granted_by": by}
    )
    if created:
        log(contact, "wagtail.create", user=by)
    return contact


@transaction.atomic
def school_contact_revoke(*, contact, by=None):
    """Take the role for one school away; with the person's last school at that steunpunt, the role too."""
    log(contact, "wagtail.delete", user=by)
    user, support_point = contact.user, contact.support_point
    contact.delete()
    if not SchoolContact.objects.filter(user=user, support_point=support_point).exists():
        for membership in Membership.objects.filter(
            user=user, support_point=support_point, role=Role.SCHOOL_CONTACT
        ):
            membership_revoke(membership=membership, by=by)


@transaction.atomic
def profile_propose(*, grant, data, specialisms, by, is_demo=False):
    """Store a proposed support profile for the grant's school; the public page does not change.

    ``data`` holds the fields of ``PROFILE_FIELDS`` and ``note``; a file left out keeps the school's
    current file. Returns the proposal.
    """
    school = grant.school
    values = {name: data.get(name) or "" for name in (*PROFILE_FIELDS, "note")}
    if not values["support_profile_file"]:
        values["support_profile_file"] = school.support_profile_file.name or ""
    proposal = ProfileProposal.objects.create(
        school=school,
        support_point=grant.support_point,
        proposed_by=by,
        proposed_at=timezone.now(),
        is_demo=is_demo,
        **values,
    )
    proposal.specialisms.set(specialisms)
    log(proposal, "wagtail.create", user=by)
    return proposal


@transaction.atomic
def profile_decide(*, proposal, to, by, reason=""):
    """Approve or reject a proposal (the state table ``PROPOSAL_TRANSITIONS``). Approving puts its
    profile on the school's public page; rejecting leaves the page as it was and needs a reason."""
    proposal = ProfileProposal.objects.select_for_update().get(pk=proposal.pk)
    to = ProposalStatus(to)
    if to not in PROPOSAL_TRANSITIONS[ProposalStatus(proposal.status)]:
        raise ProposalError(
            _("This proposal is “%(status)s” already and cannot change any more.")
            % {"status": proposal.get_status_display()}
        )
    reason = (reason or "").strip()
    if to == ProposalStatus.REJECTED and not reason:
        raise ProposalError(_("Say why, so that the school can improve its proposal."))
    proposal.status, proposal.decided_by, proposal.decided_at, proposal.reason = (
        to,
        by,
        timezone.now(),
        reason,
    )
    proposal.save(update_fields=["status", "decided_by", "decided_at", "reason"])
    if to == ProposalStatus.APPROVED:
        school = School.objects.select_for_update().get(pk=proposal.school_id)
        for name in PROFILE_FIELDS:
            setattr(school, name, getattr(proposal, name))
        school.profile_is_demo = proposal.is_demo
        school.save()
        school.specialisms.set(proposal.specialisms.all())
        transaction.on_commit(bump_generation)
    log(proposal, "wagtail.edit", user=by)
    return proposal


def evaluation_given(school, support_point, period=None):
    return SchoolEvaluationGiven.objects.filter(
        school=school, support_point=support_point, period=period or half_year()
    ).exists()


@transaction.atomic
def school_evaluation_give(*, grant, reachable, useful, remark="", period=None, is_demo=False):
    """Store a school's anonymous evaluation of the grant's steunpunt, at most once per half year.

    The answer names neither the school nor the person; a separate row records only that the school has
    answered for the period. Raises ``ValidationError`` (Dutch) the second time.
    """
    period = period or half_year()
    try:
        with transaction.atomic():
            SchoolEvaluationGiven.objects.create(
                school=grant.school, support_point=grant.support_point, period=period
            )
    except IntegrityError:
        raise ValidationError(
            _("Your school has already given its opinion for this half year. Thank you!")
        ) from None
    return SchoolEvaluation.objects.create(
        support_point=grant.support_point,
        period=period,
        reachable=reachable,
        useful=useful,
        remark=(remark or "").strip(),
        is_demo=is_demo,
    )


__all__ = [
    "ProposalError",
    "half_year",
    "profile_decide",
    "profile_propose",
    "school_contact_grant",
    "school_contact_revoke",
    "school_evaluation_give",
]
