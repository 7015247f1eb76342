"""Writes for the information pillar. Each is atomic and logged."""

from django.conf import settings
from django.db import transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone
from wagtail.log_actions import log

from .models import RegionalSupplement, SupplementCheck


@transaction.atomic
def supplement_save(
    *, article, support_point, body, by, youth_body=(), children_body=(), readability_reason=""
):
    """Create or change a steunpunt's supplement to ``article``; saving it settles any open check.

    Each version is a stream of the article blocks (a ``StreamValue``, or ``(type, value)`` pairs).
    The change waits for the steunpunt's approval (``supplement_approve``); until then readers keep
    seeing the blocks approved before, if any.
    """
    supplement, created = RegionalSupplement.objects.update_or_create(
        article=article,
        support_point=support_point,
        defaults={
            "body": body,
            "youth_body": youth_body,
            "children_body": children_body,
            "readability_reason": readability_reason,
            "status": RegionalSupplement.Status.PENDING,
            "updated_by": by,
        },
    )
    log(supplement, "wagtail.create" if created else "wagtail.edit", user=by)
    SupplementCheck.objects.filter(supplement=supplement, confirmed_at__isnull=True).update(
        confirmed_at=timezone.now(), confirmed_by=by
    )
    return supplement


class SupplementNotApprovable(Exception):
    """The supplement cannot be approved by this person now; the message says why, in Dutch."""


def supplement_approval_refusal(supplement, user):
    """Return why ``user`` may not approve ``supplement`` now (a translated text), or ``None``."""
    from django.utils.translation import gettext as _

    from steunpunt.tenants.policy import Action, can

    from .supplement_readability import below_target

    if not can(user, Action.CONTENT_EDIT, supplement.support_point):
        return _("Only the editors of this steunpunt can approve its supplements.")
    if supplement.status != RegionalSupplement.Status.PENDING:
        return _("This supplement has already been approved.")
    if supplement.updated_by_id is not None and supplement.updated_by_id == user.pk:
        return _("A colleague approves what you wrote: you cannot approve your own change.")
    if below_target(supplement) and not supplement.readability_reason.strip():
        return _("A version is harder to read than its target and no reason is written down.")
    return None


@transaction.atomic
def supplement_approve(*, supplement, by):
    """The steunpunt's approval: readers now see these blocks. A colleague of the writer approves."""
    supplement = RegionalSupplement.objects.select_for_update().get(pk=supplement.pk)
    refusal = supplement_approval_refusal(supplement, by)
    if refusal:
        raise SupplementNotApprovable(refusal)
    for draft, approved in RegionalSupplement.AUDIENCE_FIELDS.values():
        # A copy of the stored stream (block ids included), not the draft's value object itself.
        setattr(supplement, approved, getattr(supplement, draft).get_prep_value())
    supplement.approved_at = timezone.now()
    supplement.approved_by = by
    supplement.status = RegionalSupplement.Status.APPROVED
    supplement.save()
    log(supplement, "steunpunt.supplement_approved", user=by)
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
    from steunpunt.tenants.groups import grant_media_rights, grant_page_rights, national_group

    from .models import InformationLibraryPage

    library = InformationLibraryPage.objects.filter(locale__language_code=settings.LANGUAGE_CODE).first()
    if library is None:
        library = InformationLibraryPage(title="Landelijke informatie", slug="landelijke-informatie")
        root_page().add_child(instance=library)
        library.save_revision().publish()
    grant_page_rights(national_group(), Page.objects.get(pk=library.pk))
    grant_media_rights(national_group(), media_collection_ensure())
    validation_workflow_ensure(library)
    return library


NATIONAL_COLLECTION_NAME = "Landelijke informatie"


def media_collection_ensure():
    """Return the collection of the national articles' images and documents, creating it once."""
    from wagtail.models import Collection

    root = Collection.get_first_root_node() or Collection.add_root(name="Root")
    found = root.get_children().filter(name=NATIONAL_COLLECTION_NAME).first()
    return found or root.add_child(name=NATIONAL_COLLECTION_NAME)


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


# How long a validated article counts as checked when its editors set no earlier date.
CHECK_AGAIN_AFTER_DAYS = 365


@transaction.atomic
def validation_publish(*, workflow_state, user=None):
    """The whole chain approved: publish the revision that was checked, dated "last checked" today.

    The dates and the end of the "concept" mark go into that revision, so that the published text
    and the next draft carry them. A "check again before" date the editors set stays if it is still
    ahead; otherwise it becomes a year from today.
    """
    today = timezone.localdate()
    revision = workflow_state.current_task_state.revision
    content = dict(revision.content)
    content["last_checked_at"] = today.isoformat()
    content["starter_text"] = False
    again = content.get("check_again_before")
    if not again or again <= today.isoformat():
        content["check_again_before"] = (today + timezone.timedelta(days=CHECK_AGAIN_AFTER_DAYS)).isoformat()
    revision.content = content
    revision.save(update_fields=["content"])
    # The approved chain is the permission: nobody may publish a national article by hand.
    revision.publish(user=user, skip_permission_checks=True)
    return revision


@transaction.atomic
def validation_complete(*, workflow_state):
    """The whole chain approved: the expert checks of this article now count as a validation."""
    from .models import ExpertCheck

    ExpertCheck.objects.filter(page_id=workflow_state.object_id, completed=False).update(completed=True)
