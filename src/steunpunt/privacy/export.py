"""Everything the steunpunt keeps about one requester, as JSON and as a readable PDF (AVG inzage)."""

import json

from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from fpdf import FPDF
from fpdf.enums import XPos, YPos

from .models import AuditAction
from .retention import requester_cases
from .services import audit_many

# The PDF's built-in fonts know Latin-1 only; these typographic characters get a plain equivalent.
_PLAIN = str.maketrans({"–": "-", "—": "-", "‘": "'", "’": "'", "“": '"', "”": '"', "…": "...", "→": "->"})


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
def requester_export_data(case, *, by, kind="json"):
    """Return a dict with everything about the requester of ``case`` at its steunpunt that ``by`` may
    read, and log an export of each case and booking in it."""
    from steunpunt.tenants.access import role_codes

    cases = list(
        requester_cases(case, user=by)
        .select_related("school", "support_point")
        .prefetch_related(
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


def requester_export_json(case, *, by):
    return json.dumps(requester_export_data(case, by=by), cls=DjangoJSONEncoder, ensure_ascii=False, indent=2)


def _text(value):
    if hasattr(value, "tzinfo") and value is not None:
        return date_format(timezone.localtime(value), "j F Y H:i")
    if hasattr(value, "isoformat"):
        return date_format(value, "j F Y")
    return (
        str(value if value is not None else "")
        .translate(_PLAIN)
        .encode("latin-1", "replace")
        .decode("latin-1")
    )


def requester_export_pdf(case, *, by):
    """Return the same export as a readable PDF (bytes), in Dutch."""
    data = requester_export_data(case, by=by, kind="pdf")
    pdf = FPDF()
    pdf.set_auto_page_break(auto=True, margin=15)
    pdf.add_page()
    pdf.set_title(_text(_("Your data at %(name)s") % {"name": data["steunpunt"]}))
    pdf.set_font("Helvetica", "B", 16)
    pdf.multi_cell(
        0,
        8,
        _text(_("Your data at %(name)s") % {"name": data["steunpunt"]}),
        new_x=XPos.LMARGIN,
        new_y=YPos.NEXT,
    )
    pdf.set_font("Helvetica", "", 10)
    pdf.multi_cell(
        0,
        6,
        _text(_("Made on %(date)s") % {"date": _text(data["exported_at"])}),
        new_x=XPos.LMARGIN,
        new_y=YPos.NEXT,
    )
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
    for item in data["cases"]:
        pdf.ln(4)
        pdf.set_font("Helvetica", "B", 13)
        pdf.multi_cell(
            0,
            7,
            _text(_("Question %(reference)s") % {"reference": item["reference"]}),
            new_x=XPos.LMARGIN,
            new_y=YPos.NEXT,
        )
        pdf.set_font("Helvetica", "", 11)
        for key, label in labels.items():
            value = item[key]
            if isinstance(value, list):
                value = ", ".join(value)
            if value in ("", None):
                continue
            pdf.multi_cell(0, 6, f"{_text(label)}: {_text(value)}", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        for title, rows in (
            (
                _("Messages"),
                [f"{_text(m['at'])} ({m['from']}): {_text(m['text'])}" for m in item["messages"]],
            ),
            (
                _("Contact log"),
                [
                    f"{_text(c['on'])}, {_text(c['how'])}, {c['minutes']} min.: {_text(c['summary'])}"
                    for c in item["contacts"]
                ],
            ),
            (
                _("Referrals"),
                [
                    f"{_text(r['organisation'])}: {_text(r['outcome'])} {_text(r['note'])}"
                    for r in item["referrals"]
                ],
            ),
        ):
            if rows:
                pdf.set_font("Helvetica", "B", 11)
                pdf.multi_cell(0, 6, _text(title), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
                pdf.set_font("Helvetica", "", 11)
                for row in rows:
                    pdf.multi_cell(0, 6, row, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    return bytes(pdf.output())
