"""The audit log, read-only, for the steunpunt's coordinator and administrator (the privacy officer)."""

from django.core.paginator import Paginator
from django.http import Http404
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from steunpunt.tenants.policy import Action, support_point_ids_for

from .models import AuditAction, AuditRecord


def audit_records_visible_to(user):
    """Return the audit records of the steunpunten ``user`` manages; none for anyone else."""
    return AuditRecord.objects.filter(
        support_point_id__in=support_point_ids_for(user, Action.SUPPORT_POINT_EDIT)
    )


@require_GET
def audit_log(request):
    if not support_point_ids_for(request.user, Action.SUPPORT_POINT_EDIT):
        raise Http404
    records = audit_records_visible_to(request.user)
    action = request.GET.get("wat", "")
    if action in AuditAction.values:
        records = records.filter(action=action)
    who = request.GET.get("wie", "")[:150].strip()
    if who:
        records = records.filter(actor__iexact=who)
    which = request.GET.get("welke", "")[:50].strip()
    if which:
        records = records.filter(object_id=which)
    page = Paginator(records, 100).get_page(request.GET.get("pagina"))
    return TemplateResponse(
        request,
        "privacy/audit_log.html",
        {
            "page_title": _("Audit log of personal data"),
            "header_icon": "history",
            "records": page,
            "actions": AuditAction.choices,
            "chosen": {"wat": action, "wie": who, "welke": which},
        },
    )
