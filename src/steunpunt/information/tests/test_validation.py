"""The validation chain: expert check with sources → reading panel → publish, and what readers see.

Separation of duties: the writer does not approve the facts of their own text; nobody publishes a
national article by hand; the chain dates the check; the panel member is thanked and the task
leaves their list; every screen offered to a role opens for it.
"""

import re

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone
from wagtail.models import TaskState
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from steunpunt.information.models import (
    ArticlePage,
    ExpertCheck,
    ExpertCheckTask,
    PanelReview,
    PanelReviewTask,
)
from steunpunt.information.workflow_forms import ExpertCheckForm, PanelReviewForm
from steunpunt.tenants.roles import Role
from steunpunt.tenants.tests.factories import MembershipFactory, SupportPointFactory

from .factories import ArticlePageFactory

pytestmark = pytest.mark.django_db


def _action_url(article, action, task_state):
    return reverse("wagtailadmin_pages:workflow_action", args=[article.pk, action, task_state.pk])


def _submitted(article, writer):
    """``writer`` saves a new revision of ``article`` and submits it to the validation chain."""
    article.save_revision(user=writer)
    article.get_workflow().start(article, writer)
    article.refresh_from_db()
    return article.current_workflow_task_state


def _edit_data(article, **extra):
    data = nested_form_data(
        {
            "title": article.title,
            "slug": article.slug,
            "summary": "Kort.",
            "body": streamfield([("paragraph", "Nieuwe tekst die niemand controleerde.")]),
            "youth_title": "",
            "youth_summary": "",
            "youth_body": streamfield([]),
            "children_title": "",
            "children_summary": "",
            "children_body": streamfield([]),
            "sources": inline_formset([]),
            "related_links": inline_formset([]),
            "readability_reason": "Alleen voor deze test.",
            "comments": inline_formset([]),
        }
    )
    return {**data, **extra}


def test_an_expert_must_record_sources():
    form = ExpertCheckForm({"comment": ""})
    assert not form.is_valid()
    assert form.errors["sources"] == ["Schrijf de bronnen op die u heeft gecontroleerd."]
    assert not PanelReviewForm({"understandable": "misschien"}).is_valid()


def test_an_article_goes_through_expert_and_panel_before_it_is_published_and_dated(staff_client, client):
    SupportPointFactory(hostname="noord.localhost")
    writer = MembershipFactory(role=Role.NATIONAL_EDITOR).user
    expert = MembershipFactory(role=Role.NATIONAL_EDITOR).user
    panel_member = MembershipFactory(role=Role.PANEL_MEMBER).user
    article = ArticlePageFactory(slug="opp", title="Het OPP", last_checked_at=None)
    html = client.get("/informatie/opp/", HTTP_HOST="noord.localhost").content.decode()
    assert "Concept – nog niet gevalideerd" in html and "Laatst gecontroleerd" not in html

    task_state = _submitted(article, writer)
    assert [task.specific.__class__ for task in article.get_workflow().tasks] == [
        ExpertCheckTask,
        PanelReviewTask,
    ]
    assert task_state.task.specific.get_actions(article, panel_member) == []

    # Step 1: another national editor, the expert, approves and records the sources.
    staff_client(expert).post(
        _action_url(article, "approve", task_state),
        {"sources": "Wet op het primair onderwijs\nrijksoverheid.nl", "comment": ""},
    )
    check = ExpertCheck.objects.get(page=article)
    assert "rijksoverheid.nl" in check.sources and check.checked_by == expert and not check.completed

    # Step 2: a panel member sees only the draft and gives an opinion, nothing else.
    article.refresh_from_db()
    task_state = article.current_workflow_task_state
    panel_task = task_state.task.specific
    assert [name for name, *_ in panel_task.get_actions(article, panel_member)] == ["review"]
    assert not panel_task.user_can_access_editor(article, panel_member)
    client_panel = staff_client(panel_member)
    assert client_panel.get(reverse("wagtailadmin_pages:edit", args=[article.pk])).status_code == 404
    preview = client_panel.get(
        reverse("wagtailadmin_pages:workflow_preview", args=[article.pk, panel_task.pk])
    )
    assert preview.status_code == 200 and "Het OPP" in preview.content.decode()
    assert "Het OPP" in client_panel.get(reverse("wagtailadmin_home")).content.decode()
    response = client_panel.post(
        _action_url(article, "review", task_state),
        {"understandable": "partly", "unclear": "Wat is een OPP?", "hard_words": "ontwikkelingsperspectief"},
        follow=True,
    )
    # The panel member is thanked on a screen they may open, and the task has left their list.
    assert response.status_code == 200, response.redirect_chain
    assert response.redirect_chain[-1][0] == reverse("wagtailadmin_home")
    page = response.content.decode()
    assert "Dank u voor uw mening over “Het OPP”" in page
    assert "Het OPP" not in page.replace("Dank u voor uw mening over “Het OPP”", "")
    assert not panel_task.get_task_states_user_can_moderate(panel_member).exists()
    review = PanelReview.objects.get()
    assert (review.understandable, review.hard_words) == ("partly", "ontwikkelingsperspectief")
    article.refresh_from_db()
    assert article.current_workflow_task_state.pk == task_state.pk, "a review alone does not end the step"
    client_panel.post(_action_url(article, "approve", task_state), {})
    article.refresh_from_db()
    assert article.current_workflow_task_state is not None, "panel members cannot close the step"

    # The national editorial team closes the panel step: published, validated and dated.
    staff_client(writer).post(_action_url(article, "approve", task_state), {"comment": ""})
    check.refresh_from_db()
    assert check.completed
    article = ArticlePage.objects.get(pk=article.pk)
    today = timezone.localdate()
    assert article.last_checked_at == today and not article.starter_text
    assert article.check_again_before == today + timezone.timedelta(days=365)
    html = client.get("/informatie/opp/", HTTP_HOST="noord.localhost").content.decode()
    assert "Concept – nog niet gevalideerd" not in html
    assert f"Laatst gecontroleerd op {today.day}" in html


def test_whoever_submitted_a_revision_cannot_approve_its_expert_step(staff_client):
    writer = MembershipFactory(role=Role.NATIONAL_EDITOR).user
    colleague = MembershipFactory(role=Role.NATIONAL_EDITOR).user
    article = ArticlePageFactory(title="Schorsing")
    task_state = _submitted(article, writer)
    expert_task = task_state.task.specific

    assert expert_task.get_actions(article, writer) == []
    assert not expert_task.get_task_states_user_can_moderate(writer).exists()
    assert [name for name, *_ in expert_task.get_actions(article, colleague)] == ["reject", "approve"]
    assert expert_task.get_task_states_user_can_moderate(colleague).exists()

    client = staff_client(writer)
    response = client.post(
        _action_url(article, "approve", task_state), {"sources": "wetten.overheid.nl", "comment": ""}
    )
    assert response.status_code == 404  # denial is always "not found" (tenants.admin_scope)
    assert not ExpertCheck.objects.exists()
    assert TaskState.objects.get(pk=task_state.pk).status == TaskState.STATUS_IN_PROGRESS
    # Nor does their dashboard offer the step ("Awaiting your review"), while a colleague's does.
    assert 'id="awaiting-review-section"' not in client.get(reverse("wagtailadmin_home")).content.decode()
    colleague_home = staff_client(colleague).get(reverse("wagtailadmin_home")).content.decode()
    assert 'id="awaiting-review-section"' in colleague_home and "Schorsing" in colleague_home


def test_an_edit_during_the_chain_goes_back_to_another_expert(staff_client):
    writer = MembershipFactory(role=Role.NATIONAL_EDITOR).user
    expert = MembershipFactory(role=Role.NATIONAL_EDITOR).user
    third = MembershipFactory(role=Role.NATIONAL_EDITOR).user
    article = ArticlePageFactory(title="Vervoer")
    task_state = _submitted(article, writer)
    staff_client(expert).post(
        _action_url(article, "approve", task_state), {"sources": "wetten.overheid.nl", "comment": ""}
    )
    article.refresh_from_db()
    assert isinstance(article.current_workflow_task.specific, PanelReviewTask)
    # The expert now changes the text: no approval carries over to text nobody checked.
    response = staff_client(expert).post(
        reverse("wagtailadmin_pages:edit", args=[article.pk]), _edit_data(article)
    )
    assert response.status_code == 302
    staff_client(writer).post(
        _action_url(article, "approve", article.current_workflow_task_state), {"comment": ""}
    )
    article = ArticlePage.objects.get(pk=article.pk)
    assert "niemand controleerde" not in str(article.body[0].value), "not published"
    task = article.current_workflow_task.specific
    assert isinstance(task, ExpertCheckTask)
    # Neither who wrote the change nor who submitted the article may approve its facts.
    assert task.get_actions(article, expert) == [] and task.get_actions(article, writer) == []
    assert [name for name, *_ in task.get_actions(article, third)] == ["reject", "approve"]


@pytest.mark.parametrize("who", ["national_editor", "superuser"])
def test_nobody_publishes_a_national_article_by_hand(staff_client, who):
    if who == "superuser":
        user = get_user_model().objects.create_superuser("beheer", "beheer@example.org", "x-lang-wachtwoord")
    else:
        user = MembershipFactory(role=Role.NATIONAL_EDITOR).user
    article = ArticlePageFactory(title="Passend onderwijs")
    client = staff_client(user)
    edit_url = reverse("wagtailadmin_pages:edit", args=[article.pk])
    html = client.get(edit_url).content.decode()
    assert 'name="action-publish"' not in html
    assert 'name="action-submit"' in html
    response = client.post(edit_url, _edit_data(article, **{"action-publish": "action-publish"}))
    assert response.status_code == 302
    live = ArticlePage.objects.get(pk=article.pk)
    assert "niemand controleerde" not in str(live.body[0].value), "saved as a draft, not published"
    assert live.has_unpublished_changes
    # Nor a new article in the library, nor through the bulk action.
    add_url = reverse("wagtailadmin_pages:add", args=["information", "articlepage", article.get_parent().pk])
    assert 'name="action-publish"' not in client.get(add_url).content.decode()
    bulk = client.post(
        reverse("wagtail_bulk_action", args=["wagtailcore", "page", "publish"]) + f"?id={article.pk}",
        {"include_descendants": ""},
    )
    assert bulk.status_code in (200, 302)
    assert "niemand controleerde" not in str(ArticlePage.objects.get(pk=article.pk).body[0].value)


def test_the_sources_and_panel_answers_are_shown_in_the_editor_and_the_workflow_history(staff_client):
    writer = MembershipFactory(role=Role.NATIONAL_EDITOR).user
    expert = MembershipFactory(
        role=Role.NATIONAL_EDITOR, user__first_name="Eva", user__last_name="Expert"
    ).user
    panel_member = MembershipFactory(
        role=Role.PANEL_MEMBER, user__first_name="Piet", user__last_name="Panel"
    ).user
    article = ArticlePageFactory(title="Leerlingdossier")
    task_state = _submitted(article, writer)
    staff_client(expert).post(
        _action_url(article, "approve", task_state),
        {
            "sources": "wetten.overheid.nl/BWBR0003420 artikel 40\nautoriteitpersoonsgegevens.nl",
            "comment": "",
        },
    )
    article.refresh_from_db()
    staff_client(panel_member).post(
        _action_url(article, "review", article.current_workflow_task_state),
        {"understandable": "no", "unclear": "Wat mag de andere ouder zien?", "hard_words": "gezag"},
    )
    client = staff_client(writer)
    editor_html = client.get(reverse("wagtailadmin_pages:edit", args=[article.pk])).content.decode()
    history = client.get(
        reverse("wagtailadmin_pages:workflow_history_detail", args=[article.pk, task_state.workflow_state_id])
    ).content.decode()
    for html in (editor_html, history):
        assert "Bronnen die de deskundige controleerde" in html
        assert "wetten.overheid.nl/BWBR0003420 artikel 40" in html and "Eva Expert" in html
        assert "Antwoorden van het leespanel" in html
        assert "Wat mag de andere ouder zien?" in html and "gezag" in html and "Piet Panel" in html
        assert ">Nee<" in html


def test_the_readability_of_a_new_article_shows_no_record_yet(staff_client):
    """The record panel on an article nobody checked says so, instead of an empty table."""
    writer = MembershipFactory(role=Role.NATIONAL_EDITOR).user
    article = ArticlePageFactory(title="Nog niet gecontroleerd")
    html = staff_client(writer).get(reverse("wagtailadmin_pages:edit", args=[article.pk])).content.decode()
    assert "Nog geen deskundige heeft dit artikel gecontroleerd." in html
    assert "Het leespanel heeft nog niet geantwoord." in html


def _offered_links(html):
    """The back-office addresses a page offers: links, the workflow buttons' modal addresses and the
    menu's items (the sidebar is built from JSON: ``"url": "/admin/…"``)."""
    found = re.findall(r'(?:href|data-workflow-action-url)="(/admin/[^"]*)"', html)
    found += re.findall(r'"url": "(/admin/[^"]*)"', html)
    return sorted({link.replace("&amp;", "&") for link in found if "/logout/" not in link})


@pytest.mark.parametrize("role", [Role.PANEL_MEMBER, Role.NATIONAL_EDITOR, Role.EDITOR, Role.COORDINATOR])
def test_every_screen_offered_on_the_dashboard_opens(staff_client, role):
    """The menu, the dashboard and its 'awaiting your review' list offer only screens the role can open."""
    writer = MembershipFactory(role=Role.NATIONAL_EDITOR).user
    article = ArticlePageFactory(title="Klachten")
    _submitted(article, writer)
    if role == Role.PANEL_MEMBER:
        # Bring the article to the panel step.
        expert = MembershipFactory(role=Role.NATIONAL_EDITOR).user
        staff_client(expert).post(
            _action_url(article, "approve", article.current_workflow_task_state),
            {"sources": "wetten.overheid.nl", "comment": ""},
        )
    user = MembershipFactory(role=role).user
    client = staff_client(user)
    home = client.get(reverse("wagtailadmin_home")).content.decode()
    reviews = role in (Role.PANEL_MEMBER, Role.NATIONAL_EDITOR)
    if reviews:
        assert "Klachten" in home, "the article awaits this role's review"
    links = _offered_links(home)
    assert any("/workflow/action/" in link for link in links) is reviews
    assert any(link != "/admin/" for link in links), "the menu's items are found"
    refused = {}
    for link in links:
        # A refusal is a 403/404, or a redirect to the dashboard or the login with an error; a
        # redirect elsewhere (the page explorer to the part of the tree one may edit) is fine.
        response = client.get(link, follow=True)
        landed = response.redirect_chain[-1][0] if response.redirect_chain else link
        if response.status_code != 200 or (
            landed != link and landed.rstrip("/") in ("/admin", "/admin/login")
        ):
            refused[link] = (response.status_code, landed)
    assert refused == {}
