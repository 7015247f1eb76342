from urllib.parse import urlencode

from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.formats import date_format

from steunpunt.tenants.selectors import chosen_support_point

from ..selectors import development_support_points


def support_points_or_404(user):
    """The steunpunten whose development ``user`` manages; 404 when there are none."""
    support_points = development_support_points(user)
    if not support_points.exists():
        raise Http404
    return support_points


def chosen(request):
    """Return ``(support_points, support_point)``: the steunpunt picked with ``?steunpunt=``, else the
    first one (an odd value counts as no choice)."""
    support_points = support_points_or_404(request.user)
    return support_points, chosen_support_point(support_points, request.GET.get("steunpunt"))


def url_for(name, support_point, *args, **query):
    """The address of page ``name`` for ``support_point``."""
    return f"{reverse(name, args=args)}?{urlencode({'steunpunt': support_point.pk, **query})}"


def redirect_for(name, support_point, *args, **query):
    return redirect(url_for(name, support_point, *args, **query))


def page(request, template, title, *, status=200, **context):
    return TemplateResponse(
        request,
        template,
        {"page_title": title, "header_title": title, "header_icon": "tasks", **context},
        status=status,
    )


def long_date(day):
    """``day`` as in running Dutch text: 15 maart 2026."""
    return date_format(day, "j F Y")
