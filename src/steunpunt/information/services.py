"""Writes for the information pillar. Each is atomic and logged."""

from django.db import transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone
from wagtail.log_actions import log

from .models import RegionalSupplement, SupplementCheck


@transaction.atomic
def supplement_save(*, article, support_point, body, by):
    """Create or change a steunpunt's supplement to ``article``; saving it settles any open check."""
    supplement, created = RegionalSupplement.objects.update_or_create(
        article=article, support_point=support_point, defaults={"body": body, "updated_by": by}
    )
    log(supplement, "wagtail.create" if created else "wagtail.edit", user=by)
    SupplementCheck.objects.filter(supplement=supplement, confirmed_at__isnull=True).update(
        confirmed_at=timezone.now(), confirmed_by=by
    )
    return supplement


@transaction.atomic
def supplement_checks_open(*, article):
    """After a national article is published anew, ask every steunpunt with a supplement to check it.

    Steunpunten without a supplement get nothing; a check that is still open stays the one check.
    Returns the checks created.
    """
    open_check = SupplementCheck.objects.filter(supplement=OuterRef("pk"), confirmed_at__isnull=True)
    supplements = RegionalSupplement.objects.filter(~Exists(open_check), article=article)
    return SupplementCheck.objects.bulk_create(
        SupplementCheck(supplement=supplement) for supplement in supplements
    )


@transaction.atomic
def supplement_check_confirm(*, check, by):
    """An editor of the steunpunt confirms the supplement still holds."""
    check.confirmed_at = timezone.now()
    check.confirmed_by = by
    check.save(update_fields=["confirmed_at", "confirmed_by"])
    log(check.supplement, "steunpunt.supplement_checked", user=by)
    return check


@transaction.atomic
def library_ensure():
    """Return the national library page, creating it (and the national editors' rights) once."""
    from wagtail.models import Page

    from steunpunt.core.pages import root_page
    from steunpunt.tenants.groups import grant_page_rights, national_group

    from .models import InformationLibraryPage

    library = InformationLibraryPage.objects.first()
    if library is None:
        library = InformationLibraryPage(title="Landelijke informatie", slug="landelijke-informatie")
        root_page().add_child(instance=library)
        library.save_revision().publish()
    grant_page_rights(national_group(), Page.objects.get(pk=library.pk))
    validation_workflow_ensure(library)
    return library


def feedback_record(*, article, support_point, audience, helpful, missing=""):
    """Store one 'did this help?' answer: no time of day, no address, no account."""
    from .models import ArticleFeedback

    return ArticleFeedback.objects.create(
        article=article,
        support_point=support_point,
        audience=audience,
        helpful=helpful,
        missing=missing.strip(),
    )


@transaction.atomic
def validation_workflow_ensure(library):
    """Attach the validation chain (expert check with sources → reading panel → publish) to the library."""
    from wagtail.models import Workflow, WorkflowPage, WorkflowTask

    from steunpunt.tenants.groups import national_group

    from .models import ExpertCheckTask, PanelReviewTask

    workflow, created = Workflow.objects.get_or_create(name="Validatie landelijke informatie")
    if created:
        expert = ExpertCheckTask.objects.create(name="Feitencontrole door een deskundige")
        expert.groups.set([national_group()])
        panel = PanelReviewTask.objects.create(name="Leespanel: ouders en jongeren")
        WorkflowTask.objects.create(workflow=workflow, task=expert, sort_order=0)
        WorkflowTask.objects.create(workflow=workflow, task=panel, sort_order=1)
    WorkflowPage.objects.get_or_create(page=library.page_ptr, defaults={"workflow": workflow})
    return workflow


@transaction.atomic
def validation_complete(*, workflow_state):
    """The whole chain approved: the expert checks of this article now count as a validation."""
    from .models import ExpertCheck

    ExpertCheck.objects.filter(page_id=workflow_state.object_id, completed=False).update(completed=True)
