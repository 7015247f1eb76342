import base64

from django.conf import settings
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.views.decorators.http import require_POST
from django.views.static import serve

from steunpunt.core.public_forms import protected

from .audiences import AUDIENCE_BY_SEGMENT, URL_SEGMENTS, Audience
from .forms import FeedbackForm
from .models import ArticlePage
from .selectors import article_by_slug
from .services import feedback_record
from .usage import count_read

# A transparent image of one pixel (GIF, 43 bytes).
PIXEL = base64.b64decode("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7")


def article_read(request, pk, segment):
    """Count one read of an article's version on this steunpunt's site: the article page loads this
    image, also when the page came from a cache the request never got past (the app's page cache,
    nginx's front cache). No cookie is set and nothing about the reader is kept (information.usage);
    software that does not load images (most crawlers) is not counted."""
    support_point = getattr(request, "support_point", None)
    audience = AUDIENCE_BY_SEGMENT.get(segment)
    if support_point is None or audience is None or not ArticlePage.objects.live().filter(pk=pk).exists():
        raise Http404
    count_read(support_point_id=support_point.pk, article_id=pk, audience=audience)
    response = HttpResponse(PIXEL, content_type="image/gif")
    # Every read asks again: neither the browser nor a cache in between may keep it.
    add_never_cache_headers(response)
    patch_cache_control(response, no_store=True, private=True)
    return response


@require_POST
@protected(rate="PUBLIC_FEEDBACK_RATE")
def article_feedback(request, slug):
    """Store a 'did this help?' answer; a wrong answer or a refusal is shown on the article itself.

    The article page may come from a shared cache, so its form carries no CSRF token and no puzzle:
    the script fetches both (core.public_forms.form_key). Without the script the first answer is
    refused politely and shown again with both, never cached; sending it again works."""
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
        response["Cache-Control"] = "no-store"
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


def image_rendition(request, name):
    """An image of an article at the size the article shows it (a Wagtail rendition under
    MEDIA_ROOT/images/). Only renditions are served: the originals an editor uploaded stay unserved."""
    response = serve(request, f"images/{name}", document_root=settings.MEDIA_ROOT)
    patch_cache_control(response, public=True, max_age=7 * 24 * 3600)
    return response
