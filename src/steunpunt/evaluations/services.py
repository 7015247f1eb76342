"""Invitations, answers and reminders. Nothing here stores a link from an answer to a person."""

from datetime import timedelta

from django.db import transaction
from django.db.models import Max, Q
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from steunpunt.core.address import for_audience as address_for_audience
from steunpunt.core.address import speaking
from steunpunt.core.site_languages import language_prefix
from steunpunt.outbox.services import mail_enqueue

from .models import Audience, Invitation, Questionnaire, Response
from .starter import starter_questions

REMINDER_AFTER = timedelta(days=7)
YOUTH_KINDS = {"child", "young_person"}


class AlreadyAnswered(Exception):
    """The one-time link was used before."""


def current_questionnaire(support_point, audience):
    """Return the newest questions for ``support_point`` and ``audience``: its own, else the national ones."""
    own = Questionnaire.objects.filter(support_point=support_point, audience=audience).first()
    if own is not None:
        return own
    national = Questionnaire.objects.filter(support_point__isnull=True, audience=audience).first()
    if national is None:
        national = Questionnaire.objects.create(
            support_point=None, audience=audience, version=1, questions=starter_questions(audience)
        )
    return national


@transaction.atomic
def questionnaire_save(*, support_point, audience, questions, by):
    """Store ``questions`` as a new version for the steunpunt; earlier versions stay as they were."""
    latest = Questionnaire.objects.filter(
        Q(support_point=support_point) | Q(support_point__isnull=True), audience=audience
    ).aggregate(latest=Max("version"))["latest"]
    keys = set()
    cleaned = []
    for question in questions:
        key = slugify(question.get("key") or question["text"])[:40] or "vraag"
        while key in keys:
            key = f"{key}-{len(keys) + 1}"
        keys.add(key)
        cleaned.append({"key": key, "text": question["text"].strip(), "kind": question["kind"]})
    return Questionnaire.objects.create(
        support_point=support_point,
        audience=audience,
        version=(latest or 0) + 1,
        questions=cleaned,
        created_by=by,
    )


def audience_for(case):
    return Audience.YOUTH if case.requester_kind in YOUTH_KINDS else Audience.PARENTS


def invitation_link(invitation):
    prefix = language_prefix(invitation.language)
    return f"{invitation.support_point.public_url}{prefix}/evaluatie/{invitation.token}/"


def _mail(invitation, template):
    context = {
        "invitation": invitation,
        "link": invitation_link(invitation),
        "support_point": invitation.support_point,
    }
    with speaking(address_for_audience(invitation.questionnaire.audience), invitation.language):
        subject = render_to_string(f"evaluations/mail/{template}_subject.txt", context).strip()
        body = render_to_string(f"evaluations/mail/{template}_body.txt", context)
    mail_enqueue(to=invitation.email, subject=subject, body=body, support_point=invitation.support_point)


@transaction.atomic
def evaluation_invite(case):
    """Invite the requester of a closed ``case`` once, if they agreed; return the invitation or ``None``.

    The invitation copies the month, themes and kinds of support, never the case itself; the case
    keeps the token so its private page can show the link.
    """
    if not case.evaluation_consent or case.evaluation_token:
        return None
    audience = audience_for(case)
    closed = timezone.localtime(case.closed_at or timezone.now()).date()
    invitation = Invitation.objects.create(
        support_point=case.support_point,
        questionnaire=current_questionnaire(case.support_point, audience),
        period=closed.replace(day=1),
        themes=sorted(case.themes.values_list("slug", flat=True)),
        support_kinds=sorted(case.support_given.values_list("kind", flat=True)),
        email=case.requester_email,
        language=case.language,
    )
    case.evaluation_token = invitation.token
    case.save(update_fields=["evaluation_token"])
    if invitation.email:
        _mail(invitation, "invitation")
    return invitation


@transaction.atomic
def evaluation_answer(*, invitation, answers):
    """Store the answers without any link to the invitation; the link cannot be used again."""
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if invitation.answered:
        raise AlreadyAnswered(_("You have already answered these questions. Thank you."))
    Response.objects.create(
        support_point_id=invitation.support_point_id,
        questionnaire_id=invitation.questionnaire_id,
        period=invitation.period,
        themes=invitation.themes,
        support_kinds=invitation.support_kinds,
        answers=answers,
    )
    invitation.answered = True
    invitation.email = ""
    invitation.save(update_fields=["answered", "email"])


def send_reminders(now=None):
    """Remind once, a week after the invitation, whoever has not answered; then forget the address."""
    now = now or timezone.now()
    due = Invitation.objects.filter(
        answered=False, reminder_sent_at__isnull=True, created_at__lte=now - REMINDER_AFTER
    ).exclude(email="")
    sent = 0
    for invitation in due.select_related("support_point"):
        with transaction.atomic():
            _mail(invitation, "reminder")
            invitation.reminder_sent_at = now
            invitation.email = ""
            invitation.save(update_fields=["reminder_sent_at", "email"])
        sent += 1
    return sent
