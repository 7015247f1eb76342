"""The stool (overview), recording a self-assessment, the history of snapshots and evidence files."""

from django.contrib import messages
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from ..blocks import BLOCKS, PILLARS, blocks_of
from ..choices import StepStatus
from ..drawing import stool_drawing
from ..forms import AssessmentForm, BlockForm
from ..selectors import (
    assessments_visible_to,
    current_cycle,
    evidence_visible_to,
    latest_assessments,
    previous_assessment,
)
from ..services import DevelopmentError, assessment_record
from ..stool import stool
from .common import chosen, long_date, page, redirect_for


@require_GET
def overview(request):
    support_points, support_point = chosen(request)
    snapshots = latest_assessments(support_point, 2)
    the_stool = stool(snapshots[0], snapshots[1] if len(snapshots) > 1 else None) if snapshots else None
    cycle = current_cycle(support_point)
    current_step = None
    if cycle is not None:
        current_step = next((s for s in cycle.steps.all() if s.status != StepStatus.COMPLETED), None)
    return page(
        request,
        "development/admin/overview.html",
        _("Development of %(name)s") % {"name": support_point.name},
        support_points=support_points,
        support_point=support_point,
        stool=the_stool,
        drawing=stool_drawing(the_stool) if the_stool else None,
        latest=snapshots[0] if snapshots else None,
        cycle=cycle,
        current_step=current_step,
        member_count=support_point.network_members.count(),
        meeting_count=support_point.working_group_meetings.count(),
    )


def _block_forms(data, files, latest):
    rows = {row.block: row for row in latest.blocks.all()} if latest else {}
    forms = {}
    for block in BLOCKS:
        row = rows.get(block.code)
        initial = {}
        previous_files = ()
        if row is not None:
            previous_files = list(row.files.all())
            initial = {
                "status": row.status,
                "evidence": row.evidence,
                "links": "\n".join(row.links),
                "keep": [str(evidence.pk) for evidence in previous_files],
            }
        forms[block.code] = BlockForm(
            data, files, prefix=block.code, block=block, previous_files=previous_files, initial=initial
        )
    return forms


@require_http_methods(["GET", "POST"])
def assess(request):
    support_points, support_point = chosen(request)
    latest = next(iter(latest_assessments(support_point, 1)), None)
    data = request.POST if request.method == "POST" else None
    files = request.FILES if request.method == "POST" else None
    form = AssessmentForm(data, initial={"assessed_on": timezone.localdate()})
    block_forms = _block_forms(data, files, latest)
    error = None
    if request.method == "POST":
        # Validate every form (no short cut), so that all messages show at once.
        valid = [form.is_valid()] + [f.is_valid() for f in block_forms.values()]
        if all(valid):
            try:
                assessment_record(
                    support_point=support_point,
                    assessed_on=form.cleaned_data["assessed_on"],
                    note=form.cleaned_data["note"],
                    blocks={
                        code: {
                            "status": f.cleaned_data["status"],
                            "evidence": f.cleaned_data["evidence"],
                            "links": f.cleaned_data["links"],
                            "files": f.cleaned_data["files"],
                            "keep": f.cleaned_data.get("keep", []),
                        }
                        for code, f in block_forms.items()
                    },
                    by=request.user,
                )
            except DevelopmentError as refusal:
                error = str(refusal)
            else:
                messages.success(request, _("Thank you. The self-assessment is saved."))
                return redirect_for("development_overview", support_point)
    invalid = error or form.errors or any(f.errors for f in block_forms.values())
    return page(
        request,
        "development/admin/assess.html",
        _("Record a self-assessment"),
        status=400 if invalid else 200,
        support_points=support_points,
        support_point=support_point,
        form=form,
        pillars=[(pillar, [block_forms[block.code] for block in blocks_of(pillar)]) for pillar in PILLARS],
        all_forms=[form, *block_forms.values()],
        invalid=invalid,
        files_chosen=bool(request.FILES),
        error=error,
        latest=latest,
    )


@require_GET
def history(request):
    support_points, support_point = chosen(request)
    snapshots = list(assessments_visible_to(request.user).filter(support_point=support_point))
    rows = [
        (snapshot, stool(snapshot, snapshots[index + 1] if index + 1 < len(snapshots) else None))
        for index, snapshot in enumerate(snapshots)
    ]
    return page(
        request,
        "development/admin/history.html",
        _("Self-assessments of %(name)s") % {"name": support_point.name},
        support_points=support_points,
        support_point=support_point,
        rows=rows,
        pillars=PILLARS,
    )


@require_GET
def assessment_detail(request, pk):
    assessment = get_object_or_404(
        assessments_visible_to(request.user).select_related("support_point", "recorded_by"), pk=pk
    )
    previous = previous_assessment(assessment)
    the_stool = stool(assessment, previous)
    rows = {row.block: row for row in assessment.blocks.all()}
    return page(
        request,
        "development/admin/assessment.html",
        _("Self-assessment of %(date)s") % {"date": long_date(assessment.assessed_on)},
        support_point=assessment.support_point,
        assessment=assessment,
        previous=previous,
        stool=the_stool,
        drawing=stool_drawing(the_stool),
        legs=[(leg, [(state, rows.get(state.block.code)) for state in leg.blocks]) for leg in the_stool.legs],
    )


@require_GET
def evidence_download(request, pk):
    evidence = get_object_or_404(evidence_visible_to(request.user), pk=pk)
    try:
        handle = evidence.file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    return FileResponse(
        handle, as_attachment=True, filename=evidence.name, content_type=evidence.content_type
    )
