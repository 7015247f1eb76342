"""Everything the steunpunt keeps about one requester, as JSON and as a readable PDF (AVG inzage)."""

import json
import unicodedata

from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from steunpunt.core.pdf import html_to_pdf

from .models import AuditAction
from .services import audit_many


def _case_data(case):
    return {
        "reference": case.reference,
        "received": case.created_at,
        "status": case.get_status_display(),
        "channel": case.get_channel_display(),
        "who_asks": case.get_requester_kind_display(),
        "age_group": case.get_age_group_display(),
        "school_type": case.get_school_type_display(),
        "school": case.school.name if case.school else case.school_name,
        "themes": [theme.name for theme in case.themes.all()],
        "question": case.question,
        "name": case.requester_name,
        "email": case.requester_email,
        "phone": case.requester_phone,
        "answer_by": case.get_answer_by_display(),
        "callback_times": case.callback_times,
        "consent_given": case.consent_at,
        "closed": case.closed_at,
        "outcome": case.get_outcome_display() if case.outcome else "",
        "messages": [
            {
                "at": message.created_at,
                "from": "requester" if message.from_requester else "steunpunt",
                "text": message.body,
            }
            for message in case.messages.all()
        ],
        "contacts": [
            {
                "on": contact.on,
                "how": contact.get_channel_display(),
                "minutes": contact.minutes,
                "summary": contact.summary,
            }
            for contact in case.contacts.all()
        ],
        "consultation_bookings": [
            {"at": booking.slot.starts_at, "status": booking.get_status_display(), "topic": booking.topic}
            for booking in case.consultation_bookings.all()
        ],
        "referrals": [
            {
                "organisation": referral.organisation.name,
                "outcome": referral.get_outcome_display(),
                "note": referral.note,
            }
            for referral in case.referrals.all()
        ],
    }


@transaction.atomic
def requester_export_data(case, cases, *, by, kind="json"):
    """Return a dict with everything about the requester of ``case`` in ``cases`` (the queryset of their
    cases that ``by`` may read, from the app that keeps them), and log an export of each case and
    booking in it."""
    from steunpunt.tenants.access import role_codes

    cases = list(
        cases.select_related("school", "support_point").prefetch_related(
            "themes", "messages", "contacts", "referrals__organisation", "consultation_bookings__slot"
        )
    )
    # One record per object with personal data in the export: each case and each of its bookings.
    audit_many(
        actor=by,
        action=AuditAction.EXPORT,
        entries=[
            (item, case_.support_point_id, role_codes(by, case_.support_point_id))
            for case_ in cases
            for item in (case_, *case_.consultation_bookings.all())
        ],
        detail=f"requester export ({kind})",
    )
    return {
        "steunpunt": case.support_point.name,
        "exported_at": timezone.now(),
        "cases": [_case_data(item) for item in cases],
    }


def requester_export_json(case, cases, *, by):
    data = requester_export_data(case, cases, by=by)
    return json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2)


def _text(value):
    if hasattr(value, "tzinfo") and value is not None:
        return date_format(timezone.localtime(value), "j F Y H:i")
    if hasattr(value, "isoformat"):
        return date_format(value, "j F Y")
    if isinstance(value, list):
        return ", ".join(str(item) for item in value)
    return str(value if value is not None else "")


def text_direction(text):
    """``"rtl"`` or ``"ltr"`` by the first strong character, as HTML's ``dir="auto"`` decides.

    WeasyPrint does not resolve ``dir="auto"`` itself, so the PDF gets the direction written out:
    an Arabic or Hebrew answer is laid out right to left, a Dutch one left to right.
    """
    for character in str(text):
        kind = unicodedata.bidirectional(character)
        if kind == "L":
            return "ltr"
        if kind in ("R", "AL"):
            return "rtl"
    return "ltr"


def _value(text):
    return {"text": text, "dir": text_direction(text)}


def requester_export_pdf(case, cases, *, by):
    """Return the same export as a readable PDF (bytes), in Dutch, with every script the requester used.

    Rendered by WeasyPrint (as the board report) from ``privacy/requester_export.html``: names and
    texts in any alphabet (Łukasz, Şükrü, Олена, محمد) come out as written, right-to-left text laid
    out right to left.
    """
    data = requester_export_data(case, cases, by=by, kind="pdf")
    labels = {
        "reference": _("Number"),
        "received": _("Received"),
        "status": _("Status"),
        "channel": _("Came in by"),
        "who_asks": _("Who asks"),
        "age_group": _("Age group"),
        "school_type": _("Type of school"),
        "school": _("School"),
        "themes": _("Themes"),
        "question": _("Question"),
        "name": _("Name"),
        "email": _("E-mail address"),
        "phone": _("Phone number"),
        "answer_by": _("Answer by"),
        "callback_times": _("Best days and times to call"),
        "consent_given": _("Consent given"),
        "closed": _("Closed"),
        "outcome": _("Outcome"),
    }
    senders = {"requester": _("Requester"), "steunpunt": _("steunpunt")}
    cases = []
    for item in data["cases"]:
        fields = [
            {"label": label, "value": _value(_text(item[key]))}
            for key, label in labels.items()
            if item[key] not in ("", None, [])
        ]
        sections = [
            (
                _("Messages"),
                [(f"{_text(m['at'])} ({senders[m['from']]})", m["text"]) for m in item["messages"]],
            ),
            (
                _("Contact log"),
                [
                    (f"{_text(c['on'])}, {c['how']}, {c['minutes']} min.", c["summary"])
                    for c in item["contacts"]
                ],
            ),
            (
                _("Consultation hours"),
                [
                    (_text(b["at"]), f"{b['status']} {b['topic']}".strip())
                    for b in item["consultation_bookings"]
                ],
            ),
            (
                _("Referrals"),
                [(r["organisation"], f"{r['outcome']} {r['note']}".strip()) for r in item["referrals"]],
            ),
        ]
        cases.append(
            {
                "reference": item["reference"],
                "fields": fields,
                "sections": [
                    {
                        "title": title,
                        "rows": [{"head": head, "value": _value(_text(text))} for head, text in rows],
                    }
                    for title, rows in sections
                    if rows
                ],
            }
        )
    html = render_to_string(
        "privacy/requester_export.html",
        {
            "title": _("Your data at %(name)s") % {"name": data["steunpunt"]},
            "made_on": _("Made on %(date)s") % {"date": _text(data["exported_at"])},
            "cases": cases,
        },
    )
    return html_to_pdf(html)
