"""Public endpoints of the site search: suggestions while typing, and a click on a result."""

from django.http import HttpResponseRedirect, JsonResponse
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.views.decorators.http import require_GET

from steunpunt.core.site_languages import here
from steunpunt.information.search import normalise

from .models import ResultKind
from .services import click_count
from .suggest import suggestions

MAX_POSITION = 1000


@require_GET
def suggest(request):
    """``{"suggestions": [{"label", "kind", "url"}]}`` for the text typed so far (``?q=``)."""
    found = suggestions(request.GET.get("q", "")[:100])
    response = JsonResponse(
        {"suggestions": [{**item.as_json(), "url": f"/{item.path}" if item.path else ""} for item in found]}
    )
    # The same letters give the same answer until the content changes: a browser may keep it briefly.
    patch_cache_control(response, public=True, max_age=60)
    return response


@require_GET
def result_click(request):
    """Count a click on a search result by its position, then go to the result.

    ``?q=<search>&soort=<kind>&positie=<n>&naar=<address on this site>``. Only an address on this
    site is followed; anything else goes back to the search, and nothing is counted.
    """
    query = normalise(request.GET.get("q", ""))
    kind = request.GET.get("soort", "")
    target = request.GET.get("naar", "")
    try:
        position = int(request.GET.get("positie", ""))
    except ValueError:
        position = 0
    safe = (
        target.startswith("/")
        and not target.startswith("//")
        and "\\" not in target
        and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()})
    )
    if not safe:
        response = HttpResponseRedirect(here("/zoeken/?" + urlencode({"q": query}) if query else "/zoeken/"))
    else:
        support_point = getattr(request, "support_point", None)
        if support_point is not None and query and kind in ResultKind.values and 0 < position <= MAX_POSITION:
            click_count(support_point=support_point, query=query, kind=kind, position=position)
        response = HttpResponseRedirect(target)
    add_never_cache_headers(response)
    return response
