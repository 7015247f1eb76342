"""Translations of national articles: a translator makes and submits them, a reviewer approves and that
publishes; a new Dutch text sets them back to "not yet checked"; ``translation_for`` finds the live one.

Through the real back office (wagtail-localize's translation editor, Wagtail's workflow views) and the
permission layer; real database.
"""

import html
import re

import pytest
from django.urls import reverse
from wagtail.actions.publish_revision import PublishPermissionError
from wagtail.models import Locale, TaskState, WorkflowState
from wagtail_localize.models import Translation

from steunpunt.information.models import ArticlePage, TranslationCheck
from steunpunt.information.translation_services import (
    TranslationRefused,
    translation_start,
    translation_submit,
)
from steunpunt.information.translations import (
    translation_for,
    translation_states,
    translation_unchecked,
    translations_overview,
)
from steunpunt.tenants.roles import Role
from steunpunt.tenants.tests.factories import MembershipFactory

from .factories import ArticlePageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def people():
    return {
        "translator": MembershipFactory(role=Role.TRANSLATOR).user,
        "reviewer": MembershipFactory(role=Role.TRANSLATION_REVIEWER).user,
        "editor": MembershipFactory(role=Role.NATIONAL_EDITOR).user,
    }


def _translate_every_string(page, prefix="EN "):
    """The translator's work in the editor: every string of the Dutch source gets a translation."""
    translation = Translation.objects.get(source__object_id=page.translation_key, target_locale=page.locale)
    po = translation.export_po()
    for entry in po:
        entry.msgstr = prefix + entry.msgid
    translation.import_po(po)
    return translation


def _started(client, translator, article, language="en"):
    response = client(translator).post(reverse("information_translation_start", args=[article.pk, language]))
    page = ArticlePage.objects.get(translation_key=article.translation_key, locale__language_code=language)
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_pages:edit", args=[page.pk])
    return page


def _approve_url(page):
    page.refresh_from_db()
    state = page.current_workflow_task_state
    return reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", state.pk])


def test_a_translator_starts_a_translation_as_a_draft_that_readers_do_not_get(staff_client, people):
    """Starting makes the page in the language's locale through wagtail-localize, not live, unchecked."""
    article = ArticlePageFactory(slug="zorgplicht", title="Zorgplicht")
    page = _started(staff_client, people["translator"], article)
    assert page.locale.language_code == "en" and not page.live
    assert page.slug == "zorgplicht"
    assert Translation.objects.filter(source__object_id=article.translation_key, enabled=True).count() == 1
    assert page.translation_check.status == TranslationCheck.Status.UNCHECKED
    assert translation_for(article, "en") is None
    # The editor that opens is wagtail-localize's, offering the translator "publish" (which submits).
    editor = staff_client(people["translator"]).get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert editor.status_code == 200
    props = html.unescape(editor.content.decode())
    assert "Zorgplicht" in props and '"canPublish": true' in props
    # The permission layer itself still refuses the translator publishing.
    assert not page.permissions_for_user(people["translator"]).can_publish()


def test_the_translator_translates_strings_in_the_editor_others_get_404(staff_client, people):
    """wagtail-localize's editor saves each string through its own call; the access layer answers 404
    to whoever may not reach the translated page, as for every other back-office object."""
    from django.test.client import MULTIPART_CONTENT, encode_multipart

    article = ArticlePageFactory(slug="zorgplicht", title="Zorgplicht")
    page = _started(staff_client, people["translator"], article)
    translation = Translation.objects.get(
        source__object_id=page.translation_key, target_locale=page.locale_id
    )
    title = translation.source.stringsegment_set.get(context__path="title")
    url = reverse("wagtail_localize:edit_string_translation", args=[translation.pk, title.pk])
    body = encode_multipart("BoUnDaRy", {"value": "Duty of care"})
    kind = MULTIPART_CONTENT.replace("BoUnDaRyStRiNg", "BoUnDaRy")
    for outsider in (people["editor"], people["reviewer"], MembershipFactory(role=Role.CONSULTANT).user):
        assert staff_client(outsider).put(url, body, content_type=kind).status_code == 404
    assert not translation.source.stringsegment_set.filter(string__translations__data="Duty of care").exists()
    response = staff_client(people["translator"]).put(url, body, content_type=kind)
    assert response.status_code == 201
    translation.save_target(user=people["translator"], publish=False)
    page.refresh_from_db()
    assert page.get_latest_revision().as_object().title == "Duty of care"


def test_a_translator_cannot_publish_the_publish_button_sends_it_for_review(staff_client, people):
    """The translator's "publish" in the translation editor saves a draft and starts the review; the
    permission layer refuses the translator publishing, everywhere Wagtail asks."""
    article = ArticlePageFactory(slug="zorgplicht", title="Zorgplicht")
    page = _started(staff_client, people["translator"], article)
    _translate_every_string(page)
    client = staff_client(people["translator"])
    response = client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), {"action": "publish"})
    assert response.status_code == 302
    page.refresh_from_db()
    assert not page.live
    assert page.get_latest_revision().content["title"] == "EN Zorgplicht"
    assert page.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    assert translation_for(article, "en") is None
    # The permission layer: no publishing by hand, and the review step is not the translator's.
    assert not page.permissions_for_user(people["translator"]).can_publish()
    with pytest.raises(PublishPermissionError):
        page.get_latest_revision().publish(user=people["translator"])
    page.refresh_from_db()
    assert not page.live
    refused = client.post(_approve_url(page), {})
    assert refused.status_code in (403, 404)
    page.refresh_from_db()
    assert not page.live
    # Wagtail's bulk "publish" neither.
    client.post(
        reverse("wagtail_bulk_action", args=["wagtailcore", "page", "publish"]) + f"?id={page.pk}", {}
    )
    page.refresh_from_db()
    assert not page.live


def test_a_reviewer_approves_and_that_publishes_the_checked_translation(staff_client, people, client):
    """The reviewer's approval publishes the translation; ``translation_for`` then returns it."""
    article = ArticlePageFactory(slug="zorgplicht", title="Zorgplicht")
    page = _started(staff_client, people["translator"], article)
    _translate_every_string(page)
    staff_client(people["translator"]).post(
        reverse("wagtailadmin_pages:edit", args=[page.pk]), {"action": "publish"}
    )
    url = _approve_url(page)
    # The reviewer reads the submitted translation as a reader would, then approves.
    preview = staff_client(people["reviewer"]).get(
        reverse("wagtailadmin_pages:workflow_preview", args=[page.pk, page.current_workflow_task.pk])
    )
    assert preview.status_code == 200 and "EN Zorgplicht" in preview.content.decode()
    response = staff_client(people["reviewer"]).post(url, {})
    assert response.status_code in (200, 302)
    page.refresh_from_db()
    assert page.live and page.title == "EN Zorgplicht"
    check = TranslationCheck.objects.get(page=page)
    assert check.status == TranslationCheck.Status.CHECKED
    assert check.checked_by == people["reviewer"]
    article.refresh_from_db()
    assert check.source_revision_id == article.live_revision_id
    found = translation_for(article, "en")
    assert found is not None and found.pk == page.pk and found.locale.language_code == "en"
    assert not translation_unchecked(found)
    assert translation_for(article, "ar") is None
    assert translation_for(article, "nl") is None
    assert translation_for(article, "xx") is None
    # The Dutch set stays Dutch: the translation is not a second article.
    from steunpunt.information.selectors import article_by_slug, live_articles

    assert list(live_articles()) == [article]
    assert article_by_slug("zorgplicht").pk == article.pk


def test_the_reviewer_does_not_approve_their_own_submission(people):
    """Separation of duties: whoever submitted the revision is not offered the approval."""
    article = ArticlePageFactory(slug="zorgplicht", title="Zorgplicht")
    both = people["translator"]
    MembershipFactory(user=both, role=Role.TRANSLATION_REVIEWER)
    page = translation_start(article=article, language_code="en", by=both)
    translation_submit(page=page, by=both)
    page.refresh_from_db()
    task = page.current_workflow_task
    assert task.get_actions(page, both) == []
    assert [name for name, _label, _modal in task.get_actions(page, people["reviewer"])] == [
        "reject",
        "approve",
    ]


def test_a_national_editor_is_no_translator(staff_client, people):
    """Only translators start translations; the listing is not for everyone."""
    article = ArticlePageFactory(slug="zorgplicht")
    with pytest.raises(TranslationRefused):
        translation_start(article=article, language_code="en", by=people["editor"])
    response = staff_client(people["editor"]).post(
        reverse("information_translation_start", args=[article.pk, "en"])
    )
    assert response.status_code == 404
    assert not ArticlePage.objects.filter(locale__language_code="en").exists()
    outsider = MembershipFactory(role=Role.CONSULTANT).user
    assert staff_client(outsider).get(reverse("information_translations")).status_code == 404


def _published_translation(article, people, language="en"):
    page = translation_start(article=article, language_code=language, by=people["translator"])
    _translate_every_string(page)
    Translation.objects.get(source__object_id=page.translation_key, target_locale=page.locale).save_target(
        user=people["translator"], publish=False
    )
    translation_submit(page=page, by=people["translator"])
    page.refresh_from_db()
    state = page.current_workflow_task_state
    state.task.specific.on_action(state, people["reviewer"], "approve")
    page.refresh_from_db()
    assert page.live
    return page


def test_a_new_dutch_text_marks_the_translation_for_review(staff_client, people, client):
    """Publishing a changed Dutch article sets its translation to "Dutch text changed", shown in the
    listing; wagtail-localize's source now has the new Dutch strings for the translator."""
    article = ArticlePageFactory(slug="zorgplicht", title="Zorgplicht")
    page = _published_translation(article, people)
    assert not translation_unchecked(page)
    article.body = [("paragraph", "Een nieuwe zin over de zorgplicht.")]
    article.save_revision().publish()
    check = TranslationCheck.objects.get(page=page)
    assert check.status == TranslationCheck.Status.SOURCE_CHANGED
    assert translation_unchecked(page)
    # Still live, with the marker for readers, until a reviewer approves it again.
    assert translation_for(article, "en").pk == page.pk
    assert translation_for(article, "en").starter_text
    state = next(s for s in translation_states(article) if s.language.code == "en")
    assert state.status == TranslationCheck.Status.SOURCE_CHANGED and state.live
    listing = staff_client(people["translator"]).get(reverse("information_translations")).content.decode()
    assert 'data-language="en" data-status="source_changed"' in listing
    assert "Nederlandse tekst gewijzigd" in listing
    translation = Translation.objects.get(source__object_id=page.translation_key, target_locale=page.locale)
    assert "Een nieuwe zin over de zorgplicht." in [entry.msgid for entry in translation.export_po()]
    # Checked again: the marker goes.
    _translate_every_string(page)
    translation_submit(page=page, by=people["translator"])
    page.refresh_from_db()
    state = page.current_workflow_task_state
    state.task.specific.on_action(state, people["reviewer"], "approve")
    assert TranslationCheck.objects.get(page=page).status == TranslationCheck.Status.CHECKED
    assert not translation_unchecked(translation_for(article, "en"))


def test_an_unchanged_translation_of_another_article_is_not_marked(people):
    """Only the translations of the article that changed are marked."""
    changed, other = ArticlePageFactory(slug="a"), ArticlePageFactory(slug="b")
    _published_translation(changed, people)
    kept = _published_translation(other, people)
    changed.save_revision().publish()
    assert TranslationCheck.objects.get(page=kept).status == TranslationCheck.Status.CHECKED


def test_the_listing_shows_every_language_of_every_article(staff_client, people):
    article = ArticlePageFactory(slug="zorgplicht", title="Zorgplicht")
    translation_start(article=article, language_code="pl", by=people["translator"])
    rows = translations_overview()
    assert [a.pk for a, _states in rows] == [article.pk]
    states = {state.language.code: state for state in rows[0][1]}
    assert set(states) == {"en", "ar", "tr", "pl", "uk"}
    assert states["pl"].page is not None and not states["pl"].live and states["en"].page is None
    html = staff_client(people["reviewer"]).get(reverse("information_translations")).content.decode()
    assert 'data-language="pl" data-status="unchecked"' in html
    assert 'data-language="en" data-status=""' in html
    # The header names the screen after "Home" (it showed only "Home").
    assert re.search(r"w-breadcrumbs__icon.*?</svg>\s*Vertalingen", html, re.S)
    assert Locale.objects.filter(language_code__in=["en", "ar", "tr", "pl", "uk"]).count() == 5
    assert TaskState.objects.count() == 0


def test_dutch_stays_the_default_locale_and_the_back_offices_language(staff_client, people, settings):
    """Wagtail i18n is on with the platform's six languages; pages are Dutch unless translated, and the
    back office speaks Dutch, also to a translator (who finds the Vertalingen screen in the menu)."""
    assert settings.WAGTAIL_I18N_ENABLED and settings.LANGUAGE_CODE == "nl"
    assert [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES] == [
        "nl",
        "en",
        "ar",
        "tr",
        "pl",
        "uk",
    ]
    assert Locale.get_default().language_code == "nl"
    article = ArticlePageFactory(slug="zorgplicht")
    assert article.locale.language_code == "nl" and article.get_parent().locale.language_code == "nl"
    home = staff_client(people["translator"]).get(reverse("wagtailadmin_home")).content.decode()
    assert '<html lang="nl"' in home
    assert reverse("information_translations") in home and "Vertalingen" in home
    listing = staff_client(people["translator"]).get(reverse("information_translations")).content.decode()
    assert "Geen vertaling" in listing and "Vertalen" in listing


def test_a_rejected_translation_stays_unpublished_until_submitted_again_and_approved(staff_client, people):
    """The reviewer asks for changes (through Wagtail's workflow view): nothing goes live; the translator
    submits again from the editor and the new review publishes."""
    article = ArticlePageFactory(slug="zorgplicht", title="Zorgplicht")
    page = _started(staff_client, people["translator"], article)
    _translate_every_string(page)
    edit = reverse("wagtailadmin_pages:edit", args=[page.pk])
    staff_client(people["translator"]).post(edit, {"action": "publish"})
    page.refresh_from_db()
    reject = reverse(
        "wagtailadmin_pages:workflow_action", args=[page.pk, "reject", page.current_workflow_task_state.pk]
    )
    staff_client(people["reviewer"]).post(reject, {"comment": "Zin twee klopt niet."})
    page.refresh_from_db()
    assert not page.live
    assert page.current_workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES
    _translate_every_string(page, prefix="EN2 ")
    staff_client(people["translator"]).post(edit, {"action": "publish"})
    page.refresh_from_db()
    assert page.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS and not page.live
    staff_client(people["reviewer"]).post(_approve_url(page), {})
    page.refresh_from_db()
    assert page.live and page.title == "EN2 Zorgplicht"
