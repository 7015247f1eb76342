"""Writes for signals; each atomic. A signal only links to questions of its own steunpunt."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import Concern, ConcernStatus, ConcernStatusChange
from .states import ALLOWED_TRANSITIONS, DATE_FIELD, TEXT_FIELD


class ConcernError(Exception):
    """A change that is not allowed; the message is Dutch."""


def _check_cases(support_point, cases):
    cases = list(cases)
    if any(case.support_point_id != support_point.pk for case in cases):
        raise ConcernError(_("A signal can only be linked to questions of its own steunpunt."))
    return cases


@transaction.atomic
def concern_create(*, support_point, title, description, severity, themes=(), cases=(), by):
    cases = _check_cases(support_point, cases)
    concern = Concern.objects.create(
        support_point=support_point, title=title, description=description, severity=severity, created_by=by
    )
    concern.themes.set(themes)
    concern.cases.set(cases)
    ConcernStatusChange.objects.create(concern=concern, to_status=ConcernStatus.RAISED, by=by)
    return concern


@transaction.atomic
def concern_update(*, concern, title, description, severity, themes, cases, by):
    cases = _check_cases(concern.support_point, cases)
    concern.title, concern.description, concern.severity = title, description, severity
    concern.save()
    concern.themes.set(themes)
    concern.cases.set(cases)
    return concern


@transaction.atomic
def concern_transition(*, concern, to, on=None, text="", by):
    """Move ``concern`` to status ``to`` on date ``on``; a response and a follow-up need their text."""
    concern = Concern.objects.select_for_update().get(pk=concern.pk)
    to = ConcernStatus(to)
    if to not in ALLOWED_TRANSITIONS[ConcernStatus(concern.status)]:
        raise ConcernError(
            _("A signal that is “%(from)s” cannot become “%(to)s”.")
            % {"from": concern.get_status_display(), "to": to.label}
        )
    if to in TEXT_FIELD and not text.strip():
        raise ConcernError(
            _("Write the response of the board.")
            if to == ConcernStatus.RESPONSE
            else _("Write what changed.")
        )
    on = on or timezone.localdate()
    setattr(concern, DATE_FIELD[to], on)
    if to in TEXT_FIELD:
        setattr(concern, TEXT_FIELD[to], text.strip())
    ConcernStatusChange.objects.create(
        concern=concern, from_status=concern.status, to_status=to, on=on, by=by
    )
    concern.status = to
    concern.save()
    return concern


@transaction.atomic
def concern_publish(*, concern, published, heard, changed, by):
    """Show (or hide) the signal on the public page, in plain words written for it."""
    if published and not heard.strip():
        raise ConcernError(_("Write in plain words what you heard before you show it on the website."))
    concern.published, concern.public_heard, concern.public_changed = (
        published,
        heard.strip(),
        changed.strip(),
    )
    concern.save(update_fields=["published", "public_heard", "public_changed", "updated_at"])
    return concern


def linkable_cases(concern_or_support_point, user):
    """Questions the user may link: readable by them, of the signal's steunpunt."""
    from steunpunt.support.selectors import cases_readable_by

    support_point_id = (
        getattr(concern_or_support_point, "support_point_id", None) or concern_or_support_point.pk
    )
    return cases_readable_by(user).filter(support_point_id=support_point_id).order_by("-created_at")
