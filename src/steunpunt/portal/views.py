from django.http import HttpResponse
from django.utils.cache import patch_vary_headers
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from steunpunt.tenants.brand import brand_support_point, stylesheet


@require_GET
@cache_control(private=True, max_age=300)
def brand_css(request):
    """The steunpunt's own colours and logo as a stylesheet (an inline style would break the CSP); on the
    platform's host, the signed-in user's steunpunt (the back office), hence private and per cookie."""
    response = HttpResponse(stylesheet(brand_support_point(request)), content_type="text/css; charset=utf-8")
    patch_vary_headers(response, ["Cookie"])
    return response
