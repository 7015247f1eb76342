"""The Dutch readability check, and publishing below the target only with a recorded reason."""

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from steunpunt.information.models import ArticlePage
from steunpunt.information.readability import analyse, syllables
from steunpunt.tenants.roles import Role
from steunpunt.tenants.tests.factories import MembershipFactory

from .factories import ArticlePageFactory

EASY = "De school zoekt een plek. Die plek past bij uw kind. U praat mee."
HARD = (
    "Het samenwerkingsverband passend onderwijs geeft een toelaatbaarheidsverklaring af voor het voortgezet "
    "speciaal onderwijs wanneer de ondersteuningsbehoefte van de leerling dat noodzakelijk maakt."
)


def test_dutch_syllables():
    assert [syllables(word) for word in ["school", "ouders", "toelaatbaarheidsverklaring"]] == [1, 2, 7]


def test_plain_text_scores_high_and_official_text_low():
    easy, hard = analyse(EASY), analyse(HARD, ["toelaatbaarheidsverklaring", "OPP"])
    assert easy.score > 80 and easy.meets(60)
    assert hard.score < 30 and not hard.meets(60)
    assert hard.long_sentences and "samenwerkingsverband" in hard.long_words
    assert hard.jargon == ["toelaatbaarheidsverklaring"]
    assert analyse("").score is None


def _edit_data(article, body_text, reason="", publish=True):
    data = nested_form_data(
        {
            "title": article.title,
            "slug": article.slug,
            "summary": "Kort.",
            "body": streamfield([("paragraph", body_text)]),
            "youth_title": "",
            "youth_summary": "",
            "youth_body": streamfield([]),
            "children_title": "",
            "children_summary": "",
            "children_body": streamfield([]),
            "sources": inline_formset([]),
            "related_links": inline_formset([]),
            "readability_reason": reason,
            "comments": inline_formset([]),
        }
    )
    if publish:
        # National articles go live through the validation chain: submitting to it is the step
        # that needs the reason.
        data["action-submit"] = "action-submit"
    return data


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("text", "reason", "published"),
    [
        (EASY, "", True),
        (HARD, "", False),
        (HARD, "Vaktermen zijn hier nodig; uitgelegd in de begrippenlijst.", True),
    ],
)
def test_publishing_below_the_target_needs_a_reason(staff_client, text, reason, published):
    editor = MembershipFactory(role=Role.NATIONAL_EDITOR).user
    article = ArticlePageFactory(title="Toelating")
    client = staff_client(editor)
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[article.pk]), _edit_data(article, text, reason)
    )
    article = ArticlePage.objects.get(pk=article.pk)
    draft_body = str(article.get_latest_revision_as_object().body[0].value)
    if published:
        assert response.status_code == 302, response.context["form"].errors if response.context else response
        assert draft_body == text and article.workflow_in_progress
    else:
        assert response.status_code == 200
        assert "moeilijker te lezen" in str(response.context["form"].errors["readability_reason"])
        assert draft_body != text and not article.workflow_in_progress


@pytest.mark.django_db
def test_the_editor_shows_the_readability_of_each_version(staff_client):
    editor = MembershipFactory(role=Role.NATIONAL_EDITOR).user
    article = ArticlePageFactory(body=[("paragraph", HARD)], youth=True)
    html = staff_client(editor).get(reverse("wagtailadmin_pages:edit", args=[article.pk])).content.decode()
    assert "Lange zinnen" in html and "samenwerkingsverband" in html
    assert "Jongeren (12+)" in html
