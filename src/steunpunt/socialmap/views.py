from django.http import Http404
from django.template.response import TemplateResponse
from django.views.decorators.http import require_GET

from .models import Category
from .selectors import organisations_for_site


@require_GET
def social_map(request):
    """Who else can help: every category, or one, for the steunpunt of this site."""
    support_point = getattr(request, "support_point", None)
    if support_point is None:
        raise Http404
    category = request.GET.get("categorie", "")
    if category and category not in Category.values:
        category = ""
    return TemplateResponse(
        request,
        "socialmap/social_map.html",
        {
            "organisations": organisations_for_site(support_point, category or None),
            "categories": Category.choices,
            "category": category,
        },
    )
