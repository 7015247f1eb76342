from django.http import HttpResponseNotFound, HttpResponseServerError
from django.template import loader
from django.views.decorators.csrf import requires_csrf_token


@requires_csrf_token
def page_not_found(request, exception=None):
    """The Dutch 404 page, in the look of the steunpunt whose host was asked for."""
    return HttpResponseNotFound(loader.render_to_string("404.html", {}, request))


def server_error(request):
    """The Dutch 500 page; renders without a database or request context."""
    return HttpResponseServerError(loader.get_template("500.html").render())
