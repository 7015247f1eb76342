from django.http import HttpResponse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

DEFAULT_BRAND_COLOUR = "#1f5c99"


@require_GET
@cache_control(public=True, max_age=300)
def brand_css(request):
    """The steunpunt's own colour as a stylesheet (an inline style would break the CSP)."""
    support_point = getattr(request, "support_point", None)
    colour = support_point.brand_colour if support_point else DEFAULT_BRAND_COLOUR
    return HttpResponse(f":root {{ --brand: {colour}; }}\n", content_type="text/css; charset=utf-8")
