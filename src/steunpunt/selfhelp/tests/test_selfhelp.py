"""The self-help tools on the server: content from the national editors, drafts marked, nothing posted."""

import json
import re

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.urls import reverse

from steunpunt.information.tests.factories import ArticlePageFactory
from steunpunt.selfhelp.models import DeadlineRule, LetterTemplate, RouteStep, Status
from steunpunt.selfhelp.starter import load_starter_selfhelp
from steunpunt.tenants.roles import Role
from steunpunt.tenants.tests.factories import MembershipFactory, SupportPointFactory

pytestmark = pytest.mark.django_db
HOST = {"HTTP_HOST": "noord.localhost"}
DRAFT = "Concept – nog niet gevalideerd"
TOOLS = (
    "/zelf-doen/",
    "/zelf-doen/wegwijzer/",
    "/zelf-doen/termijnen/",
    "/zelf-doen/brief/",
    "/zelf-doen/brief/bezwaarschrift/",
    "/zelf-doen/gesprek/",
)


@pytest.fixture
def site(platform):
    load_starter_selfhelp()
    return SupportPointFactory(hostname="noord.localhost", partnership_codes=["PO2001"])


def _text(response):
    return re.sub(r"\s+", " ", response.content.decode())


def test_the_starter_content_loads_as_drafts_once_and_never_overwrites(site):
    counts = (RouteStep.objects.count(), DeadlineRule.objects.count(), LetterTemplate.objects.count())
    assert counts[0] >= 10 and counts[1] >= 6 and counts[2] == 4
    assert {letter.slug for letter in LetterTemplate.objects.all()} == {
        "aanmelding",
        "gesprek-opp",
        "bezwaarschrift",
        "klacht",
    }
    for model in (RouteStep, DeadlineRule, LetterTemplate):
        assert set(model.objects.values_list("status", flat=True)) == {Status.DRAFT}
        for item in model.objects.all():
            item.full_clean()  # the starter content passes the editors' own checks
    edited = DeadlineRule.objects.get(title="Besluit over de toelating")
    edited.status, edited.explanation = Status.VALIDATED, "Door de redactie gecontroleerd."
    edited.save()
    assert load_starter_selfhelp() == 0
    call_command("load_starter_content")
    assert (RouteStep.objects.count(), DeadlineRule.objects.count(), LetterTemplate.objects.count()) == counts
    edited.refresh_from_db()
    assert (edited.status, edited.explanation) == (Status.VALIDATED, "Door de redactie gecontroleerd.")


@pytest.mark.parametrize("url", TOOLS)
def test_every_tool_is_public_and_holds_no_form_that_posts(client, site, url):
    response = client.get(url, **HOST)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'method="post"' not in html.lower()
    assert "<script>" not in html and " style=" not in html  # CSP: static files only
    assert client.post(url, {"x": "1"}, **HOST).status_code == 405


def test_the_tools_are_listed_and_in_the_menu(client, site):
    html = _text(client.get("/zelf-doen/", **HOST))
    for url in ("/zelf-doen/wegwijzer/", "/zelf-doen/termijnen/", "/zelf-doen/brief/", "/zelf-doen/gesprek/"):
        assert f'href="{url}"' in html
    assert 'href="/zelf-doen/"' in _text(client.get("/ervaringen/", **HOST))


def test_the_tools_are_not_on_the_platform_site(client, site):
    assert client.get("/zelf-doen/", HTTP_HOST="127.0.0.1").status_code == 404


def test_the_signpost_asks_one_question_per_page_with_links_and_then_shows_the_route(client, site):
    ArticlePageFactory(slug="geschillencommissie-passend-onderwijs")
    first = _text(client.get("/zelf-doen/wegwijzer/", **HOST))
    assert 'href="?niveau=po"' in first and 'href="?niveau=vo"' in first
    second = _text(client.get("/zelf-doen/wegwijzer/?niveau=vo", **HOST))
    assert 'href="?niveau=vo&amp;school=bijzonder"' in second
    third = _text(client.get("/zelf-doen/wegwijzer/?niveau=vo&school=bijzonder", **HOST))
    assert 'href="?niveau=vo&amp;school=bijzonder&amp;onderwerp=schorsing"' in third

    private = _text(
        client.get("/zelf-doen/wegwijzer/?niveau=vo&school=bijzonder&onderwerp=schorsing", **HOST)
    )
    titles = re.findall(r'<li class="route-step"> <h3>(.*?)</h3>', private)
    assert titles[0] == "Praat met de school"
    for step in (
        "Gebruik de klachtenregeling van de school",
        "Maak bezwaar bij het schoolbestuur",
        "Neem contact op met het samenwerkingsverband",
        "Vraag het steunpunt om hulp",
        "Schakel de onderwijsconsulenten in",
        "Vraag de Geschillencommissie passend onderwijs om een oordeel",
        "Vraag het College voor de Rechten van de Mens om een oordeel",
        "Stap naar de civiele rechter",
    ):
        assert step in titles
    assert "Ga in beroep bij de bestuursrechter" not in titles  # a private school: civil court
    assert "Binnen 6 weken. Bent u later? Leg dan uit waarom." in private
    # The article that exists is linked; one that does not is not.
    assert 'href="/informatie/geschillencommissie-passend-onderwijs/"' in private
    assert 'href="/informatie/onderwijsconsulenten/"' not in private
    assert private.count(DRAFT) == len(titles)
    assert "(nog niet gecontroleerd)" in private  # e.g. the civil court: no checked source

    public = _text(client.get("/zelf-doen/wegwijzer/?niveau=po&school=openbaar&onderwerp=toelating", **HOST))
    titles = re.findall(r'<li class="route-step"> <h3>(.*?)</h3>', public)
    assert "Ga in beroep bij de bestuursrechter" in titles and "Stap naar de civiele rechter" not in titles

    tlv = _text(client.get("/zelf-doen/wegwijzer/?niveau=po&school=bijzonder&onderwerp=tlv", **HOST))
    titles = re.findall(r'<li class="route-step"> <h3>(.*?)</h3>', tlv)
    assert "Maak bezwaar bij het samenwerkingsverband" in titles
    assert "Vraag de Geschillencommissie passend onderwijs om een oordeel" not in titles

    home = _text(client.get("/zelf-doen/wegwijzer/?niveau=po&school=openbaar&onderwerp=thuiszitten", **HOST))
    assert "Meld het bij de leerplichtambtenaar" in home and "Schakel de onderwijsconsulenten in" in home


@pytest.mark.parametrize(
    "query", ["?niveau=hbo", "?niveau=po&school=Openbaar", "?niveau=po&school=openbaar&onderwerp=<script>"]
)
def test_an_unknown_choice_is_asked_again_politely(client, site, query):
    response = client.get(f"/zelf-doen/wegwijzer/{query}", **HOST)
    assert response.status_code == 400
    assert "We begrepen een van de keuzes niet. Kies opnieuw." in _text(response)
    assert "<script>" not in response.content.decode()


def test_a_validated_step_loses_the_draft_mark(client, site):
    RouteStep.objects.update(status=Status.VALIDATED)
    page = _text(client.get("/zelf-doen/wegwijzer/?niveau=vo&school=openbaar&onderwerp=opp", **HOST))
    assert "Praat met de school" in page and DRAFT not in page


def test_the_deadline_page_carries_the_rules_as_data_and_in_words(client, site):
    response = client.get("/zelf-doen/termijnen/", **HOST)
    html = response.content.decode()
    data = json.loads(
        re.search(r'<script id="termijn-regels" type="application/json">(.*?)</script>', html).group(1)
    )
    assert len(data) == DeadlineRule.objects.count()
    admission = [rule for rule in data if rule["event"] == "aanmelding"]
    assert [(rule["amount"], rule["unit"]) for rule in admission] == [(6, "weeks"), (10, "weeks")]
    assert all(rule["source"] and rule["draft"] for rule in data)
    suspension = next(rule for rule in data if rule["event"] == "schorsing")
    assert (suspension["amount"], suspension["unit"], suspension["sourceChecked"]) == (
        5,
        "school_days",
        False,
    )
    # Without JavaScript: the rules as a table in words, each with its source.
    text = _text(response)
    assert (
        "6 weken na deze datum" in text and "5 schooldagen (maandag tot en met vrijdag) na deze datum" in text
    )
    assert text.count('<p class="source">Bron:') == len(data)
    assert '<script src="/static/selfhelp/deadlines.js" defer></script>' in html


def test_the_letter_shows_its_template_and_fields(client, site):
    html = _text(client.get("/zelf-doen/brief/bezwaarschrift/", **HOST))
    assert "Ik maak bezwaar tegen uw besluit van [datum van het besluit]" in html
    assert html.count("data-placeholder=") == len(LetterTemplate.objects.get(slug="bezwaarschrift").fields())
    assert '<label for="veld-1">Uw naam</label>' in html
    assert client.get("/zelf-doen/brief/bestaat-niet/", **HOST).status_code == 404


def test_a_letter_needs_a_field_and_a_rule_a_sensible_amount(site):
    letter = LetterTemplate(slug="x", title="X", introduction="X", body="Geen velden.")
    with pytest.raises(ValidationError, match="omschrijving"):
        letter.full_clean()
    rule = DeadlineRule(event="besluit", title="X", explanation="X", amount=0, unit="weeks")
    with pytest.raises(ValidationError, match="1 tot en met 366"):
        rule.full_clean()
    step = RouteStep(title="X", text="X", subjects="toelating,hbo")
    with pytest.raises(ValidationError, match="hbo"):
        step.full_clean()


def test_national_editors_keep_and_validate_the_content_others_only_look(client, staff_client, site):
    national = MembershipFactory(role=Role.NATIONAL_EDITOR, support_point=site).user
    editor = MembershipFactory(role=Role.EDITOR, support_point=site).user
    rule = DeadlineRule.objects.get(title="Bezwaar tegen de TLV")
    admin = staff_client(national)
    assert admin.get(reverse("selfhelp_deadline_rules:index")).status_code == 200
    response = admin.post(
        reverse("selfhelp_deadline_rules:edit", args=[rule.pk]),
        {
            "event": rule.event,
            "order": rule.order,
            "title": rule.title,
            "explanation": rule.explanation,
            "amount": 6,
            "unit": "weeks",
            "source": rule.source,
            "source_url": rule.source_url,
            "source_checked": "on",
            "article_slug": rule.article_slug,
            "status": Status.VALIDATED,
        },
    )
    assert response.status_code == 302
    rule.refresh_from_db()
    assert rule.status == Status.VALIDATED
    page = client.get("/zelf-doen/termijnen/", **HOST).content.decode()
    data = json.loads(re.search(r'type="application/json">(.*?)</script>', page).group(1))
    assert next(r for r in data if r["title"] == "Bezwaar tegen de TLV")["draft"] is False

    admin.logout()
    admin = staff_client(editor)
    assert admin.get(reverse("selfhelp_deadline_rules:index")).status_code == 200
    assert admin.get(reverse("selfhelp_deadline_rules:edit", args=[rule.pk])).status_code == 404
    assert admin.post(reverse("selfhelp_deadline_rules:delete", args=[rule.pk])).status_code == 404
    assert DeadlineRule.objects.filter(pk=rule.pk).exists()


def test_the_need_help_area_of_an_article_points_parents_to_the_tools(client, site):
    ArticlePageFactory(slug="zorgplicht", youth=True)

    def need_help(url):
        html = client.get(url, **HOST).content.decode()
        return re.search(r'<section class="need-help".*?</section>', html, re.S).group(0)

    assert 'href="/zelf-doen/"' in need_help("/informatie/zorgplicht/")
    # The tools speak to parents ("u"); a young reader's article does not send them there.
    assert 'href="/zelf-doen/"' not in need_help("/informatie/zorgplicht/jongeren/")
