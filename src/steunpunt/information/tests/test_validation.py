"""The validation chain: expert check with sources → reading panel → publish, and what readers see."""

import pytest
from django.urls import reverse
from django.utils import timezone

from steunpunt.information.models import ExpertCheck, ExpertCheckTask, PanelReview, PanelReviewTask
from steunpunt.information.workflow_forms import ExpertCheckForm, PanelReviewForm
from steunpunt.tenants.roles import Role
from steunpunt.tenants.tests.factories import MembershipFactory, SupportPointFactory

from .factories import ArticlePageFactory

pytestmark = pytest.mark.django_db


def test_an_expert_must_record_sources():
    form = ExpertCheckForm({"comment": ""})
    assert not form.is_valid()
    assert form.errors["sources"] == ["Schrijf de bronnen op die u heeft gecontroleerd."]
    assert not PanelReviewForm({"understandable": "misschien"}).is_valid()


def test_an_article_goes_through_expert_and_panel_before_it_counts_as_validated(staff_client, client):
    SupportPointFactory(hostname="noord.localhost")
    editor = MembershipFactory(role=Role.NATIONAL_EDITOR).user
    panel_member = MembershipFactory(role=Role.PANEL_MEMBER).user
    article = ArticlePageFactory(slug="opp", title="Het OPP")
    html = client.get("/informatie/opp/", HTTP_HOST="noord.localhost").content.decode()
    assert "Concept – nog niet gevalideerd" in html

    article.save_revision(user=editor)
    workflow = article.get_workflow()
    assert [task.specific.__class__ for task in workflow.tasks] == [ExpertCheckTask, PanelReviewTask]
    workflow.start(article, editor)
    article.refresh_from_db()

    # Step 1: the expert approves and records the sources.
    task_state = article.current_workflow_task_state
    assert task_state.task.specific.get_actions(article, panel_member) == [] or all(
        name == "review" for name, *_ in task_state.task.specific.get_actions(article, panel_member)
    )
    client_editor = staff_client(editor)
    url = reverse("wagtailadmin_pages:workflow_action", args=[article.pk, "approve", task_state.pk])
    client_editor.post(url, {"sources": "Wet op het primair onderwijs\\nrijksoverheid.nl", "comment": ""})
    check = ExpertCheck.objects.get(page=article)
    assert "rijksoverheid.nl" in check.sources and check.checked_by == editor and not check.completed

    # Step 2: a panel member sees only the draft and gives an opinion, nothing else.
    article.refresh_from_db()
    task_state = article.current_workflow_task_state
    panel_task = task_state.task.specific
    assert [name for name, *_ in panel_task.get_actions(article, panel_member)] == ["review"]
    assert not panel_task.user_can_access_editor(article, panel_member)
    client_panel = staff_client(panel_member)
    assert client_panel.get(reverse("wagtailadmin_pages:edit", args=[article.pk])).status_code == 302
    preview = client_panel.get(
        reverse("wagtailadmin_pages:workflow_preview", args=[article.pk, panel_task.pk])
    )
    assert preview.status_code == 200 and "Het OPP" in preview.content.decode()
    review_url = reverse("wagtailadmin_pages:workflow_action", args=[article.pk, "review", task_state.pk])
    client_panel.post(
        review_url,
        {"understandable": "partly", "unclear": "Wat is een OPP?", "hard_words": "ontwikkelingsperspectief"},
    )
    review = PanelReview.objects.get()
    assert (review.understandable, review.hard_words) == ("partly", "ontwikkelingsperspectief")
    article.refresh_from_db()
    assert article.current_workflow_task_state.pk == task_state.pk, "a review alone does not end the step"
    approve_url = reverse("wagtailadmin_pages:workflow_action", args=[article.pk, "approve", task_state.pk])
    client_panel.post(approve_url, {})
    article.refresh_from_db()
    assert article.current_workflow_task_state is not None, "panel members cannot close the step"

    # The national editorial team closes the panel step: published, and now validated.
    # The same test client: sign the editor in again.
    staff_client(editor).post(approve_url, {"comment": ""})
    check.refresh_from_db()
    assert check.completed
    html = client.get("/informatie/opp/", HTTP_HOST="noord.localhost").content.decode()
    assert "Concept – nog niet gevalideerd" not in html
    assert f"Laatst gecontroleerd op {timezone.localdate().day}" in html


def test_overdue_articles_are_on_the_national_editors_dashboard(staff_client):
    editor = MembershipFactory(role=Role.NATIONAL_EDITOR).user
    ArticlePageFactory(
        title="Verlopen artikel", check_again_before=timezone.localdate() - timezone.timedelta(days=1)
    )
    ArticlePageFactory(
        title="Nog goed artikel", check_again_before=timezone.localdate() + timezone.timedelta(days=30)
    )
    html = staff_client(editor).get(reverse("wagtailadmin_home")).content.decode()
    assert "Verlopen artikel" in html and "Nog goed artikel" not in html
