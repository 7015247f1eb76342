import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpResponseNotFound, HttpResponseServerError
from django.template import loader
from django.utils.cache import add_never_cache_headers
from django.views.decorators.csrf import requires_csrf_token

# Seconds a browser or proxy is asked to wait before trying again while the database is away.
RETRY_AFTER_SECONDS = 30


@requires_csrf_token
def page_not_found(request, exception=None):
    """The Dutch 404 page, in the look of the steunpunt whose host was asked for."""
    return HttpResponseNotFound(loader.render_to_string("404.html", {}, request))


def database_unavailable():
    """The Dutch 503 page for while the database does not answer (quality.md R5).

    Rendered without a database, a request context or the steunpunt's look: none of them can be read.
    """
    response = HttpResponseServerError(loader.get_template("503.html").render(), status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    add_never_cache_headers(response)
    return response


def server_error(request):
    """The Dutch 500 page; renders without a database or request context.

    Django calls this inside the handling of the exception, so the exception is at hand: when the
    database cannot be reached (down, restarting, refusing connections, a broken connection), the
    answer is a 503 that says to try again shortly, not a 500.
    """
    if isinstance(sys.exc_info()[1], (OperationalError, InterfaceError)):
        return database_unavailable()
    return HttpResponseServerError(loader.get_template("500.html").render())
