from django.http import Http404
from django.shortcuts import redirect
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from .audiences import AUDIENCE_BY_SEGMENT, URL_SEGMENTS, Audience
from .forms import FeedbackForm
from .selectors import article_by_slug
from .services import feedback_record


# Anonymous and harmless, and the article pages set no cookies: no CSRF token to check.
@csrf_exempt
@require_POST
def article_feedback(request, slug):
    """Store a 'did this help?' answer; a wrong answer is shown on the article itself."""
    support_point = getattr(request, "support_point", None)
    article = article_by_slug(slug)
    if support_point is None or article is None:
        raise Http404
    audience = AUDIENCE_BY_SEGMENT.get(request.POST.get("versie", ""), Audience.PARENTS)
    segment = None if audience == Audience.PARENTS else URL_SEGMENTS[audience]
    home = support_point.site.root_page.specific
    form = FeedbackForm(request.POST)
    if not form.is_valid():
        response = home.article(request, slug, segment, form)
        response.status_code = 400
        return response
    feedback_record(
        article=article,
        support_point=support_point,
        audience=audience,
        helpful=form.cleaned_data["helpful"],
        missing=form.cleaned_data["missing"],
    )
    path = f"{segment}/" if segment else ""
    return redirect(f"{home.get_url(request)}informatie/{slug}/{path}?bedankt=1#reactie")
