"""Back-office screens of the findability app: what readers did not find, and the "found it" rate.

Scoped by the access layer (:mod:`.selectors`): content editors see their own steunpunt's
searches, national editors every steunpunt's; only national editors (who keep the national synonym
list) may make a search a synonym. Any other user gets 404, like every screen outside one's role.
"""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from . import selectors
from .forms import SynonymForm
from .services import SynonymExists, synonym_add

DAYS = (30, 90, 365)


def _choice(value, allowed, default):
    try:
        value = type(default)(value)
    except (TypeError, ValueError):
        return default
    return value if value in allowed else default


@require_GET
def report(request):
    if not selectors.may_view(request.user):
        raise Http404
    period = _choice(request.GET.get("periode"), selectors.PERIODS, "week")
    days = _choice(request.GET.get("dagen"), DAYS, 90)
    return TemplateResponse(
        request,
        "findability/admin/report.html",
        {
            "page_title": _("Findability"),
            "header_icon": "search",
            "period": period,
            "days": days,
            "day_choices": DAYS,
            "rates": selectors.found_it_rates(request.user, days=days, period=period),
            "positions": selectors.clicks_by_position(request.user, days=days),
            "not_found": selectors.searches_not_found(request.user, days=days),
            "may_add_synonym": selectors.may_add_synonym(request.user),
        },
    )


@require_http_methods(["GET", "POST"])
def synonym(request):
    if not selectors.may_add_synonym(request.user):
        raise Http404
    if request.method == "POST":
        form = SynonymForm(request.POST)
        if form.is_valid():
            try:
                added = synonym_add(query=form.cleaned_data["query"], means=form.cleaned_data["meaning"])
            except SynonymExists:
                form.add_error("query", _("This search is already a synonym."))
            else:
                messages.success(
                    request,
                    _("“%(query)s” is now a synonym: the next search for it finds what its words find.")
                    % {"query": added.term},
                )
                return redirect(reverse("findability_report"))
        status = 400
    else:
        form = SynonymForm(initial={"query": request.GET.get("zoekterm", "")[:100]})
        status = 200
    return TemplateResponse(
        request,
        "findability/admin/synonym.html",
        {"page_title": _("Add as synonym"), "header_icon": "list-ul", "form": form},
        status=status,
    )
