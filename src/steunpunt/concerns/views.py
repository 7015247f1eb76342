from django.http import Http404
from django.template.response import TemplateResponse
from django.views.decorators.http import require_GET

from .selectors import published_concerns


@require_GET
def what_we_heard(request):
    """'Wat we hoorden en wat er veranderde': the signals the coordinator chose to publish."""
    support_point = getattr(request, "support_point", None)
    if support_point is None:
        raise Http404
    return TemplateResponse(
        request, "concerns/what_we_heard.html", {"concerns": published_concerns(support_point)}
    )
