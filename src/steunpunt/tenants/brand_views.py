"""The logo and browser-tab icon of the steunpunt whose face a request shows (``brand``)."""

from django.http import Http404, HttpResponse
from django.utils.cache import patch_vary_headers
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from .brand import brand_support_point, icon_png, logo_png


def _png(data):
    if data is None:
        raise Http404
    response = HttpResponse(data, content_type="image/png")
    patch_vary_headers(response, ["Cookie"])
    return response


@require_GET
@cache_control(private=True, max_age=3600)
def logo(request):
    return _png(logo_png(brand_support_point(request)))


@require_GET
@cache_control(private=True, max_age=3600)
def icon(request):
    return _png(icon_png(brand_support_point(request)))
