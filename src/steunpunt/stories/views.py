from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.views.decorators.http import require_http_methods

from steunpunt.core.public_forms import protected
from steunpunt.core.site_languages import here

from .forms import StoryForm
from .models import Story
from .services import story_submit


@require_http_methods(["GET", "POST"])
@protected
def stories(request):
    """Published experiences of this steunpunt, and the form to share one."""
    support_point = getattr(request, "support_point", None)
    if support_point is None:
        raise Http404
    form = StoryForm(request.POST if request.method == "POST" else None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            story_submit(
                support_point=support_point,
                author=form.cleaned_data["author"],
                text=form.cleaned_data["text"],
                consent=form.cleaned_data["consent"],
            )
            return redirect(here("/ervaringen/?bedankt=1#delen"))
        status = 400
    published = Story.objects.filter(support_point=support_point, status=Story.Status.PUBLISHED)
    return TemplateResponse(
        request,
        "stories/stories.html",
        {"stories": published, "form": form, "thanks": "bedankt" in request.GET},
        status=status,
    )
