"""The back office's side of translations: the listing of every article's translations and their state,
starting a translation, and the translation editor's "publish", which submits for review."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from steunpunt.tenants.policy import Action, can

from .models.articles import ThroughValidationOnly
from .selectors import live_articles
from .translation_services import TranslationRefused, is_translation, translation_start, translation_submit
from .translations import translation_languages, translations_overview

READERS = (Action.TRANSLATE, Action.TRANSLATION_REVIEW, Action.CONTENT_EDIT_NATIONAL)


def may_see_translations(user):
    return any(can(user, action) for action in READERS)


class TranslationsView(WagtailAdminTemplateMixin, TemplateView):
    """Every live Dutch article with, per language, its translation and whether it is checked."""

    template_name = "information/admin/translations.html"
    page_title = gettext_lazy("Translations")
    header_icon = "globe"

    def get_breadcrumbs_items(self):
        # The screen's own name after "Home": the header showed only "Home" (seen in the walk).
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def dispatch(self, request, *args, **kwargs):
        if not may_see_translations(request.user):
            raise Http404
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return {
            **super().get_context_data(**kwargs),
            "languages": translation_languages(),
            "rows": translations_overview(),
            "may_translate": can(self.request.user, Action.TRANSLATE),
        }


@require_POST
def start_translation(request, article_id, language_code):
    """A translator starts (or opens) the translation of a Dutch article; then edits it in the editor."""
    if not can(request.user, Action.TRANSLATE):
        raise Http404
    article = get_object_or_404(live_articles(), pk=article_id)
    try:
        page = translation_start(article=article, language_code=language_code, by=request.user)
    except TranslationRefused as refusal:
        messages.error(request, str(refusal))
        return redirect("information_translations")
    return redirect("wagtailadmin_pages:edit", page.pk)


def before_edit_translation(request, page):
    """Wagtail's ``before_edit_page``, ahead of wagtail-localize's: in the translation editor of an
    article's translation, "publish" submits the translated text for review instead of publishing it,
    and the button is offered to whoever may edit the translation."""
    from wagtail_localize.models import Translation
    from wagtail_localize.views.edit_translation import edit_translation

    from .models import ArticlePage

    if page.specific_class is not ArticlePage or not is_translation(page):
        return None
    translation = Translation.objects.filter(
        source__object_id=page.translation_key, target_locale_id=page.locale_id, enabled=True
    ).first()
    if translation is None:
        return None
    page = page.specific
    if request.method == "POST" and request.POST.get("action") == "publish":
        if not page.permissions_for_user(request.user).can_edit():
            raise Http404
        translation.save_target(user=request.user, publish=False)
        try:
            translation_submit(page=page, by=request.user)
        except TranslationRefused as refusal:
            messages.error(request, str(refusal))
        else:
            messages.success(
                request, _("The translation is sent for review. A reviewer checks and publishes it.")
            )
        return redirect(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    if request.method == "GET" and can(request.user, Action.TRANSLATE):
        # Only the button of the editor: its "publish" comes back here and goes to review.
        page.permissions_for_user = lambda user: SubmitInEditor(user, page)
    return edit_translation(request, translation, page)


class SubmitInEditor(ThroughValidationOnly):
    """What the translation editor shows a translator: "publish", which submits (see above)."""

    def can_publish(self):
        return self.can_edit()
