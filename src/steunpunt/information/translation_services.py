"""Writes for the translations of national articles: made with wagtail-localize, checked by a reviewer.

- A translator starts a translation (:func:`translation_start`): wagtail-localize copies the Dutch article
  into the language's locale as a draft and keeps its strings; the translator translates them in
  wagtail-localize's editor, whose "publish" submits the translation for review (``wagtail_hooks``).
- A translation reviewer approves the review task (``TranslationReviewTask``); the completed workflow
  publishes the translation and marks it checked (:func:`translation_publish`). Nobody publishes a
  translation by hand (``models.articles.ThroughValidationOnly``).
- Publishing a new Dutch text updates wagtail-localize's copy of the source (the translator's editor then
  shows the changed strings) and sets every translation of it to "Dutch text changed"
  (:func:`translations_source_changed`); readers see "Translation – not yet checked" until a reviewer
  approves it again.
"""

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from steunpunt.tenants.policy import Action, can

from .models import ArticlePage, InformationLibraryPage, TranslationCheck, TranslationReviewTask
from .services import library_ensure

TRANSLATION_WORKFLOW_NAME = "Controle vertaling"
TRANSLATION_TASK_NAME = "Controle door een tweede vertaler"
TRANSLATOR_PAGE_PERMISSIONS = ("add_page", "change_page")


class TranslationRefused(Exception):
    """The translation cannot be made by this person now; the message says why, in Dutch."""


def is_translation(page):
    """Whether ``page`` is in another locale than Dutch (a translation of a national article)."""
    return page.locale.language_code != settings.LANGUAGE_CODE


@transaction.atomic
def translation_workflow_ensure():
    """Return the workflow of translations (one review task by the translation reviewers), made once."""
    from wagtail.models import Workflow, WorkflowTask

    from steunpunt.tenants.groups import translation_review_group

    workflow, created = Workflow.objects.get_or_create(name=TRANSLATION_WORKFLOW_NAME)
    if created:
        task = TranslationReviewTask.objects.create(name=TRANSLATION_TASK_NAME)
        task.groups.set([translation_review_group()])
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    return workflow


@transaction.atomic
def translation_library_ensure(language_code):
    """Return the library of ``language_code`` (the national library's translation), made once, with the
    translators' rights on it and the translation workflow attached."""
    from wagtail.models import Locale, Page, WorkflowPage

    from steunpunt.tenants.groups import grant_page_rights, translator_group

    locale, _created = Locale.objects.get_or_create(language_code=language_code)
    library = library_ensure()
    translated = InformationLibraryPage.objects.filter(
        translation_key=library.translation_key, locale=locale
    ).first()
    if translated is None:
        # An alias follows the Dutch library (it has no text of its own); only its articles are translated.
        translated = library.copy_for_translation(locale, alias=True)
    page = Page.objects.get(pk=translated.pk)
    grant_page_rights(translator_group(), page, TRANSLATOR_PAGE_PERMISSIONS)
    WorkflowPage.objects.get_or_create(page=page, defaults={"workflow": translation_workflow_ensure()})
    return translated


def _check_against_source(page, article, **fields):
    check, _created = TranslationCheck.objects.update_or_create(
        page=page, defaults={"source_revision_id": article.live_revision_id, **fields}
    )
    return check


@transaction.atomic
def translation_start(*, article, language_code, by):
    """Make ``article``'s translation into ``language_code`` as a draft in wagtail-localize (its strings
    still Dutch) and return it; an existing translation is returned as it is."""
    from wagtail.models import Locale
    from wagtail_localize.operations import TranslationCreator

    from .translations import translation_languages

    if not can(by, Action.TRANSLATE):
        raise TranslationRefused(_("Only translators can start a translation."))
    if language_code not in {language.code for language in translation_languages()}:
        raise TranslationRefused(_("Articles are not translated into this language."))
    if is_translation(article):
        raise TranslationRefused(_("Translate the Dutch article, not a translation."))
    translation_library_ensure(language_code)
    locale = Locale.objects.get(language_code=language_code)
    existing = ArticlePage.objects.filter(translation_key=article.translation_key, locale=locale).first()
    if existing is not None and existing.alias_of_id is None:
        return existing
    # wagtail-localize's translate_object, but for the article alone: related articles are translated
    # on their own, when a translator chooses to.
    TranslationCreator(by, [locale]).create_translations(article, include_related_objects=False)
    page = ArticlePage.objects.get(translation_key=article.translation_key, locale=locale)
    _check_against_source(page, article, status=TranslationCheck.Status.UNCHECKED)
    return page


@transaction.atomic
def translation_submit(*, page, by):
    """Send the latest revision of translation ``page`` to the translation review; returns the state.

    A review already in progress starts again, with this revision.
    """
    from wagtail.models import WorkflowState

    page = ArticlePage.objects.get(pk=page.pk)
    if not (can(by, Action.TRANSLATE) and page.permissions_for_user(by).can_edit()):
        raise TranslationRefused(_("Only translators can submit a translation."))
    state = page.current_workflow_state
    open_states = (WorkflowState.STATUS_IN_PROGRESS, WorkflowState.STATUS_NEEDS_CHANGES)
    if state is not None and state.status in open_states:
        state.cancel(user=by)
    workflow = page.get_workflow()
    return workflow.start(page, by)


@transaction.atomic
def translation_publish(*, workflow_state, user=None):
    """The reviewer approved: publish the checked revision and mark the translation checked against the
    Dutch text that is live now. The completed review is the permission: nobody publishes by hand."""
    revision = workflow_state.current_task_state.revision
    content = dict(revision.content)
    content["starter_text"] = False
    revision.content = content
    revision.save(update_fields=["content"])
    revision.publish(user=user, skip_permission_checks=True)
    page = ArticlePage.objects.get(pk=workflow_state.object_id)
    source = page.get_translations().filter(locale__language_code=settings.LANGUAGE_CODE).specific().first()
    approver = workflow_state.current_task_state.finished_by or user
    _check_against_source(
        page,
        source,
        status=TranslationCheck.Status.CHECKED,
        checked_at=timezone.now(),
        checked_by=approver,
    )
    return revision


@transaction.atomic
def translations_source_changed(*, article):
    """A new revision of Dutch ``article`` was published: bring wagtail-localize's copy of the source up to
    date and set every translation not checked against this revision to "Dutch text changed".
    Returns the checks changed."""
    from wagtail_localize.models import TranslationSource

    if is_translation(article):
        return []
    if TranslationSource.objects.filter(object_id=article.translation_key).exists():
        TranslationSource.update_or_create_from_instance(article)
    checks = list(
        TranslationCheck.objects.filter(page__translation_key=article.translation_key)
        .exclude(page_id=article.pk)
        .exclude(source_revision_id=article.live_revision_id)
    )
    now = timezone.now()
    for check in checks:
        check.status = TranslationCheck.Status.SOURCE_CHANGED
        check.source_changed_at = now
        check.save(update_fields=["status", "source_changed_at"])
    # What readers go by: the live translation is marked "not yet checked" at once (the Dutch page's
    # publication that calls this renews the page cache); the reviewer's approval clears it.
    ArticlePage.objects.filter(pk__in=[check.page_id for check in checks]).update(starter_text=True)
    return checks
