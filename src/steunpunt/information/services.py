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

    from steunpunt.portal.services import root_page
    from steunpunt.tenants.groups import grant_page_rights, national_group

    from .models import InformationLibraryPage

    library = InformationLibraryPage.objects.first()
    if library is None:
        library = InformationLibraryPage(title="Landelijke informatie", slug="landelijke-informatie")
        root_page().add_child(instance=library)
        library.save_revision().publish()
    grant_page_rights(national_group(), Page.objects.get(pk=library.pk))
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
