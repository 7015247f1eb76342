"""Glossary links from articles, term pages, and the 'did this help?' answers."""

import pytest

from steunpunt.information.models import ArticleFeedback, GlossaryTerm
from steunpunt.tenants.tests.factories import SupportPointFactory

from .factories import ArticlePageFactory

pytestmark = pytest.mark.django_db
HOST = {"HTTP_HOST": "noord.localhost"}


@pytest.fixture
def site(platform):
    return SupportPointFactory(hostname="noord.localhost", partnership_codes=["PO2001"])


def test_the_first_occurrence_of_a_term_links_to_its_explanation(client, site):
    GlossaryTerm.objects.create(
        term="TLV",
        slug="tlv",
        explanation="Een toelaatbaarheidsverklaring.",
        also="toelaatbaarheidsverklaring",
    )
    GlossaryTerm.objects.create(term="speciaal basisonderwijs", slug="sbo", explanation="Een school voor...")
    ArticlePageFactory(
        slug="tlv-uitleg",
        body=[
            ("paragraph", "Voor speciaal basisonderwijs heeft uw kind een toelaatbaarheidsverklaring nodig."),
            ("paragraph", "De TLV vraagt de school aan. Een TLV geldt een tijd."),
        ],
    )
    html = client.get("/informatie/tlv-uitleg/", **HOST).content.decode()
    assert html.count('href="/begrippen/tlv/"') == 1
    # Explained in place: the word opens a popover with the explanation and a link to the term's page.
    assert (
        '<button type="button" class="term" popovertarget="begrip-tlv">toelaatbaarheidsverklaring</button>'
        in html
    )
    assert (
        '<button type="button" class="term" popovertarget="begrip-sbo">speciaal basisonderwijs</button>'
        in html
    )
    assert html.count('id="begrip-tlv"') == 1
    assert '<span class="term-explanation">Een toelaatbaarheidsverklaring.</span>' in html
    term = client.get("/begrippen/tlv/", **HOST)
    assert term.status_code == 200 and "Een toelaatbaarheidsverklaring." in term.content.decode()
    assert client.get("/begrippen/", **HOST).status_code == 200
    assert client.get("/begrippen/bestaat-niet/", **HOST).status_code == 404


def test_article_text_is_escaped_even_with_links(client, site):
    GlossaryTerm.objects.create(term="OPP", slug="opp", explanation="Plan.")
    ArticlePageFactory(slug="veilig", body=[("paragraph", "<script>alert(1)</script> Het OPP & meer.")])
    html = client.get("/informatie/veilig/", **HOST).content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;" in html and 'popovertarget="begrip-opp">OPP</button>' in html
    assert "</button></span> &amp; meer" in html


def test_a_reader_answers_no_with_what_was_missing(client, site):
    article = ArticlePageFactory(slug="leerplicht", youth=True)
    response = client.post(
        "/reactie/leerplicht/",
        {"helpful": "nee", "missing": "Wat als mijn kind ziek is?", "versie": "jongeren"},
        **HOST,
    )
    assert response.status_code == 302
    assert response["Location"] == "/informatie/leerplicht/jongeren/?bedankt=1#reactie"
    answer = ArticleFeedback.objects.get()
    assert (answer.article_id, answer.support_point, answer.audience, answer.helpful) == (
        article.pk,
        site,
        "youth",
        False,
    )
    assert answer.missing == "Wat als mijn kind ziek is?"
    thanks = client.get(response["Location"], **HOST).content.decode()
    assert "Dank je wel voor je antwoord" in thanks  # the young people's version says "je"
    assert "sessionid" not in response.cookies and "csrftoken" not in response.cookies


@pytest.mark.parametrize("data", [{}, {"helpful": "misschien"}, {"helpful": "ja", "missing": "x" * 501}])
def test_a_wrong_answer_gets_a_dutch_message_and_stores_nothing(client, site, data):
    ArticlePageFactory(slug="zorgplicht")
    response = client.post("/reactie/zorgplicht/", data, **HOST)
    assert response.status_code == 400
    html = response.content.decode()
    assert "Kies ja of nee." in html or "korter" in html
    assert not ArticleFeedback.objects.exists()


def test_feedback_for_an_unknown_article_or_host_is_not_found(client, site):
    assert client.post("/reactie/bestaat-niet/", {"helpful": "ja"}, **HOST).status_code == 404
    ArticlePageFactory(slug="opp")
    assert client.post("/reactie/opp/", {"helpful": "ja"}, HTTP_HOST="127.0.0.1").status_code == 404
    assert client.get("/reactie/opp/", **HOST).status_code == 405


def test_article_pages_set_no_cookies(client, site):
    ArticlePageFactory(slug="cookieloos")
    response = client.get("/informatie/cookieloos/", **HOST)
    assert response.cookies == {} or not any(response.cookies.values())


def test_the_kept_empty_form_never_shows_another_readers_answer_or_errors(client, site):
    """The fields of the empty feedback form are kept per content generation ({% kept %}); a form
    with errors is rendered for its reader alone, and the next reader gets the empty form again."""
    ArticlePageFactory(slug="zorgplicht")
    empty = client.get("/informatie/zorgplicht/", **HOST).content.decode()
    assert "Kies ja of nee." not in empty
    wrong = client.post("/reactie/zorgplicht/", {"missing": "Mijn eigen vraag"}, **HOST).content.decode()
    assert "Kies ja of nee." in wrong and "Mijn eigen vraag" in wrong and 'aria-invalid="true"' not in empty
    again = client.get("/informatie/zorgplicht/", **HOST).content.decode()
    assert "Kies ja of nee." not in again and "Mijn eigen vraag" not in again
    assert again.count('name="helpful"') == empty.count('name="helpful"') == 2
