from django.core.cache import cache
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from steunpunt.core.page_cache import current_generation
from steunpunt.core.site_languages import here

from . import material
from .selectors import (
    InvalidPostcode,
    postcode_location,
    school_facets,
    school_links,
    schools_for_support_point,
    sorted_by_distance,
)

MAX_LISTED = 200


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
    """The region's schools, filtered by type, specialism and place, or nearest first from a
    postcode (no JavaScript, no map service)."""
    support_point = _support_point(request)
    chosen = {name: _choice(request, name) for name in ("soort", "specialisme", "plaats", "postcode")}
    filters = {"school_type": chosen["soort"], "specialism": chosen["specialisme"], "place": chosen["plaats"]}
    schools = schools_for_support_point(support_point, **filters).prefetch_related("specialisms")
    count = schools.count()
    postcode_error, near = "", None
    if chosen["postcode"].strip():
        try:
            pc4, point = postcode_location(chosen["postcode"])
        except InvalidPostcode:
            postcode_error = _("Enter a postcode such as 9711 AB, or only its four digits.")
        else:
            if point is None:
                postcode_error = _("We do not know where postcode %(pc4)s is. Try a postcode nearby.") % {
                    "pc4": pc4
                }
            else:
                near = pc4
                schools = sorted_by_distance(schools, point)
    return TemplateResponse(
        request,
        "schools/list.html",
        {
            "schools": schools[:MAX_LISTED],
            "count": count,
            "more": count > MAX_LISTED,
            "facets": school_facets(support_point, **filters),
            "chosen": chosen,
            "near": near,
            "postcode_error": postcode_error,
        },
    )


@require_GET
def school_detail(request, code):
    support_point = _support_point(request)
    if "\x00" in code:
        raise Http404
    school = get_object_or_404(schools_for_support_point(support_point), location_code=code.upper())
    return TemplateResponse(
        request,
        "schools/detail.html",
        {"school": school, "specialisms": school.specialisms.all(), "links": school_links(school)},
    )


def _material_school(request, code):
    support_point = _support_point(request)
    if code is None:
        return support_point, None
    if "\x00" in code:
        raise Http404
    return support_point, get_object_or_404(
        schools_for_support_point(support_point), location_code=code.upper()
    )


@require_GET
def material_page(request, code=None):
    """Posters, flyers and the "Hulp nodig?" button for the steunpunt, or for one of its schools."""
    support_point, school = _material_school(request, code)
    text_snippet, image_snippet = material.button_snippets(support_point, "hulp-nodig.png")
    return TemplateResponse(
        request,
        "schools/material/page.html",
        {
            "school": school,
            "base": here(f"/scholen/{school.location_code}/materiaal/" if school else "/materiaal/"),
            "text_snippet": text_snippet,
            "image_snippet": image_snippet,
            "image_alt": _("Need help? %(name)s helps parents and young people, free and independent.")
            % {"name": support_point.name},
        },
    )


@require_GET
def material_pdf(request, kind, code=None):
    support_point, school = _material_school(request, code)
    if kind not in material.KINDS:
        raise Http404
    # A PDF takes WeasyPrint about a second: kept until any content changes (the page cache's generation).
    key = f"material:{current_generation(request)}:{support_point.pk}:{kind}:{school.pk if school else ''}"
    pdf = cache.get(key)
    if pdf is None:
        pdf = material.material_pdf(support_point, kind, school=school)
        cache.set(key, pdf, timeout=24 * 3600)
    name = f"{kind}-{school.location_code.lower() if school else support_point.slug}.pdf"
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{name}"'
    return response


@require_GET
def material_button(request):
    response = HttpResponse(material.button_png(_support_point(request)), content_type="image/png")
    response["Content-Disposition"] = 'inline; filename="hulp-nodig.png"'
    return response
