from django.http import Http404
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.views.decorators.http import require_GET

from .models import SchoolType, Specialism
from .selectors import schools_for_support_point


def _support_point(request):
    support_point = getattr(request, "support_point", None)
    if support_point is None:
        raise Http404
    return support_point


def _choice(request, name):
    """A filter from the address; one with a NUL byte matches nothing anyway and PostgreSQL refuses
    it in a query (a 500 found by wapiti, `make security`), so it counts as not chosen."""
    value = request.GET.get(name, "")[:100]
    return "" if "\x00" in value else value


@require_GET
def school_list(request):
    """The region's schools, filtered by type, specialism and place (no JavaScript needed)."""
    support_point = _support_point(request)
    school_type = _choice(request, "soort")
    specialism = _choice(request, "specialisme")
    place = _choice(request, "plaats")
    everything = schools_for_support_point(support_point)
    schools = schools_for_support_point(
        support_point, school_type=school_type, specialism=specialism, place=place
    )
    return TemplateResponse(
        request,
        "schools/list.html",
        {
            "schools": schools.prefetch_related("specialisms")[:200],
            "count": schools.count(),
            "types": SchoolType.choices,
            "specialisms": Specialism.objects.all(),
            "places": everything.order_by("place").values_list("place", flat=True).distinct(),
            "chosen": {"soort": school_type, "specialisme": specialism, "plaats": place},
        },
    )


@require_GET
def school_detail(request, code):
    support_point = _support_point(request)
    if "\x00" in code:
        raise Http404
    school = get_object_or_404(schools_for_support_point(support_point), location_code=code.upper())
    return TemplateResponse(
        request, "schools/detail.html", {"school": school, "specialisms": school.specialisms.all()}
    )
