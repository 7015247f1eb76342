"""Issue 17: the public site in every language of core/languages.py. Dutch stays at the site's own
addresses; English, Arabic, Turkish, Polish and Ukrainian are under /en/, /ar/, /tr/, /pl/, /uk/ with
the same Dutch path words. Each page says its language and direction, links its other languages
(hreflang and a switcher, each language in its own name), and every link on it stays in its language.
A steunpunt offers the languages it chooses; any other is the Dutch 404 page."""

import re

import pytest
from django.urls import reverse
from django.utils import translation

from steunpunt.core import site_languages
from steunpunt.core.address import Address, language_for, speaking
from steunpunt.information.tests.factories import ArticlePageFactory
from steunpunt.tenants.models import SupportPoint
from steunpunt.tenants.tests.factories import SupportPointFactory

pytestmark = pytest.mark.django_db

HOST = {"HTTP_HOST": "noord.localhost"}
OTHERS = ("en", "ar", "tr", "pl", "uk")


@pytest.fixture
def support_point(platform):
    support_point = SupportPointFactory(name="Steunpunt Noord", hostname="noord.localhost")
    support_point.phone = "050 123 45 67"
    support_point.save()
    return support_point


def _get(client, path, status=200, **headers):
    response = client.get(path, **{**HOST, **headers})
    assert response.status_code == status, (path, response.status_code)
    return response


def _html(client, path, **headers):
    return _get(client, path, **headers).content.decode()


def _html_tag(html):
    return re.search(r"<html[^>]*>", html).group(0)


def test_a_new_steunpunt_offers_every_language(support_point):
    assert support_point.languages == list(OTHERS)
    assert site_languages.offered(support_point) == ("nl", *OTHERS)


@pytest.mark.parametrize(
    ("prefix", "lang", "direction", "menu"),
    [
        ("", "nl", "ltr", "Informatie"),
        ("/en", "en", "ltr", "Information"),
        ("/ar", "ar", "rtl", None),
        ("/tr", "tr", "ltr", None),
        ("/pl", "pl", "ltr", None),
        ("/uk", "uk", "ltr", None),
    ],
)
def test_every_language_has_the_dutch_path_words_under_its_prefix_with_its_lang_and_dir(
    client, support_point, prefix, lang, direction, menu
):
    for path in ("/", "/vraag/", "/vraag/jongeren/", "/bel-mij-terug/", "/zelf-doen/", "/informatie/"):
        response = _get(client, prefix + path)
        html = response.content.decode()
        assert _html_tag(html) == f'<html lang="{lang}" dir="{direction}">', path
        assert response["Content-Language"] == lang
        # Every link of the menu stays in the language.
        assert f'href="{prefix}/informatie/"' in html and f'href="{prefix}/vraag/"' in html
        assert f'action="{prefix}/zoeken/"' in html
    if menu:
        assert f">{menu}</a>" in html


def test_a_visitors_accept_language_or_cookie_never_changes_the_dutch_site(client, support_point):
    client.cookies["django_language"] = "en"
    response = _get(client, "/informatie/", HTTP_ACCEPT_LANGUAGE="en,ar;q=0.9")
    assert _html_tag(response.content.decode()) == '<html lang="nl" dir="ltr">'
    assert "Accept-Language" not in response.get("Vary", "")
    assert '<html lang="nl"' in _html(client, "/", HTTP_ACCEPT_LANGUAGE="ar")


def test_each_page_links_its_languages_with_hreflang_absolute_and_x_default(client, support_point):
    html = _html(client, "/ar/zelf-doen/?x=1")
    for code in ("nl", *OTHERS):
        prefix = "" if code == "nl" else f"/{code}"
        link = (
            f'<link rel="alternate" hreflang="{code}" href="http://noord.localhost{prefix}/zelf-doen/?x=1">'
        )
        assert link in html
    assert '<link rel="alternate" hreflang="x-default" href="http://noord.localhost/zelf-doen/?x=1">' in html


def test_the_switcher_names_each_language_in_itself_and_links_the_same_page(client, support_point):
    html = _html(client, "/tr/vraag/")
    switcher = re.search(r'<nav class="language-switcher".*?</nav>', html, re.S).group(0)
    links = re.findall(r"<a ([^>]*)>([^<]*)</a>", switcher)
    assert [text for _attrs, text in links] == [
        "Nederlands",
        "English",
        "العربية",
        "Türkçe",
        "Polski",
        "Українська",
    ]
    attrs = {text: a for a, text in links}
    assert 'href="/vraag/"' in attrs["Nederlands"] and 'lang="nl"' in attrs["Nederlands"]
    assert 'href="/ar/vraag/"' in attrs["العربية"] and 'lang="ar" dir="rtl"' in attrs["العربية"]
    assert 'aria-current="true"' in attrs["Türkçe"]
    assert sum('aria-current="true"' in a for a, _text in links) == 1


def test_a_language_the_steunpunt_does_not_offer_is_the_dutch_404_and_not_in_the_switcher(
    client, support_point
):
    support_point.languages = ["en"]
    support_point.save()
    response = _get(client, "/ar/vraag/", status=404)
    html = response.content.decode()
    assert _html_tag(html) == '<html lang="nl" dir="ltr">' and "We kunnen deze pagina niet vinden" in html
    english = _html(client, "/en/vraag/")
    switcher = re.search(r'<nav class="language-switcher".*?</nav>', english, re.S).group(0)
    assert 'hreflang="ar"' not in english and "العربية" not in switcher
    assert 'hreflang="en"' in english and "English" in switcher
    # Another steunpunt still offers Arabic.
    SupportPointFactory(hostname="zuid.localhost")
    assert client.get("/ar/vraag/", HTTP_HOST="zuid.localhost").status_code == 200


def test_reverse_and_wagtail_urls_carry_the_prefix_of_the_active_language_but_not_the_back_office(
    client, support_point
):
    with translation.override("ar"):
        assert reverse("question") == "/ar/vraag/"
        assert support_point.site.root_page.specific.get_url_parts()[2] == "/ar/"
        assert reverse("sitemap") == "/sitemap.xml" and reverse("health") == "/health/"
        assert reverse("brand_css") == "/huisstijl.css"
        assert reverse("wagtailadmin_home") == "/admin/"
    assert reverse("question") == "/vraag/"
    for path in ("/en/admin/", "/en/health/", "/en/sitemap.xml", "/en/huisstijl.css"):
        assert client.get(path, **HOST).status_code == 404, path
    assert client.get("/sitemap.xml", **HOST).status_code == 200
    assert client.get("/health/", **HOST).status_code == 200


def test_the_routes_of_the_home_page_work_in_every_language(client, support_point):
    article = ArticlePageFactory(slug="zorgplicht", title="Zorgplicht")
    for code in OTHERS:
        html = _html(client, f"/{code}/informatie/")
        assert f'href="/{code}/informatie/{article.slug}/"' in html
    assert _get(client, "/en/informatie/zorgplicht/ouders/", status=301)["Location"] == (
        "/en/informatie/zorgplicht/"
    )


def test_a_missing_translation_says_so_and_shows_the_dutch_text_the_phone_and_the_interpreter(
    client, support_point
):
    ArticlePageFactory(slug="zorgplicht", title="Zorgplicht", body=[("paragraph", "De school zoekt.")])
    html = _html(client, "/en/informatie/zorgplicht/")
    assert _html_tag(html) == '<html lang="en" dir="ltr">'
    assert "This article has not been translated into your language yet" in html
    notice = re.search(r'<section class="notice translation-missing".*?</section>', html, re.S).group(0)
    assert "we can arrange an interpreter" in notice and "free" not in notice
    assert 'href="tel:0501234567"' in html
    assert '<h1 lang="nl" dir="ltr">Zorgplicht</h1>' in html
    assert re.search(
        r'<div class="article-body" data-read-text lang="nl" dir="ltr">.*De school zoekt', html, re.S
    )
    arabic = _html(client, "/ar/informatie/zorgplicht/")
    assert '<html lang="ar" dir="rtl">' in arabic and '<h1 lang="nl" dir="ltr">Zorgplicht</h1>' in arabic
    dutch = _html(client, "/informatie/zorgplicht/")
    assert "translation-missing" not in dutch and "<h1>Zorgplicht</h1>" in dutch


def test_a_translation_is_shown_in_its_language_once_reviewed_and_marked_when_the_dutch_changes(
    client, support_point
):
    """A real translation through the workflow (information/tests/test_translations.py has its steps):
    readers get it only once a reviewer approved it, in its own language, and see "Translation – not yet
    checked" again as soon as the Dutch text changes."""
    from wagtail_localize.models import Translation

    from steunpunt.information.tests.test_translations import _translate_every_string
    from steunpunt.information.translation_services import translation_start, translation_submit
    from steunpunt.tenants.roles import Role
    from steunpunt.tenants.tests.factories import MembershipFactory

    translator = MembershipFactory(role=Role.TRANSLATOR).user
    reviewer = MembershipFactory(role=Role.TRANSLATION_REVIEWER).user
    article = ArticlePageFactory(
        slug="zorgplicht", title="Zorgplicht", body=[("paragraph", "De school zoekt.")]
    )
    page = translation_start(article=article, language_code="en", by=translator)
    _translate_every_string(page, prefix="EN ")
    Translation.objects.get(source__object_id=page.translation_key, target_locale=page.locale).save_target(
        user=translator, publish=False
    )
    translation_submit(page=page, by=translator)
    # Waiting for review: readers still get the Dutch text with the missing-translation note.
    assert "translation-missing" in _html(client, "/en/informatie/zorgplicht/")
    page.refresh_from_db()
    state = page.current_workflow_task_state
    state.task.specific.on_action(state, reviewer, "approve")
    html = _html(client, "/en/informatie/zorgplicht/")
    assert '<h1 lang="en" dir="ltr">EN Zorgplicht</h1>' in html and "EN De school zoekt." in html
    assert "Translation – not yet checked" not in html and "translation-missing" not in html
    article.body = [("paragraph", "De school zoekt een passende plek.")]
    article.save_revision().publish()
    assert "Translation – not yet checked" in _html(client, "/en/informatie/zorgplicht/")


def test_the_translation_seam_has_no_translations_yet(support_point):
    from steunpunt.information.translations import translation_for

    assert translation_for(ArticlePageFactory(), "en") is None


def test_the_page_cache_keeps_each_language_of_a_page_apart(client, support_point, settings):
    settings.PAGE_CACHE_SECONDS = 300
    dutch = _get(client, "/informatie/")
    assert dutch["X-Page-Cache"] == "miss"
    english = _get(client, "/en/informatie/")
    assert english["X-Page-Cache"] == "miss" and english.content != dutch.content
    again = _get(client, "/en/informatie/")
    assert again["X-Page-Cache"] == "hit" and again.content == english.content
    assert _get(client, "/informatie/")["X-Page-Cache"] == "hit"


def test_the_page_cache_key_names_the_language():
    from django.test import RequestFactory

    from steunpunt.core.page_cache import _key

    request = RequestFactory().get("/informatie/", HTTP_HOST="noord.localhost")
    request.content_generation = 1
    keys = set()
    for code in ("nl", *OTHERS):
        request.LANGUAGE_CODE = code
        keys.add(_key(request))
    assert len(keys) == 6


def test_the_front_cache_purges_every_language_of_an_address():
    from steunpunt.core.front_cache import in_every_language

    urls = in_every_language(["http://noord.localhost/informatie/?thema=a", "http://noord.localhost/"])
    assert "http://noord.localhost/ar/informatie/?thema=a" in urls
    assert "http://noord.localhost/uk/" in urls and "http://noord.localhost/" in urls
    assert len(urls) == 12


def test_only_dutch_has_two_forms_of_address():
    with translation.override("nl"):
        assert language_for(Address.INFORMAL) == "nl-informal"
        assert language_for(Address.FORMAL) == "nl"
    for code in OTHERS:
        with translation.override(code):
            assert language_for(Address.INFORMAL) == code
            with speaking(Address.INFORMAL):
                assert translation.get_language() == code
            with speaking(Address.FORMAL, "nl"):
                assert translation.get_language() == "nl"
    with translation.override("nl"), speaking(Address.INFORMAL, "ar"):
        assert translation.get_language() == "ar"
    with translation.override("nl"), speaking(Address.INFORMAL, "other"):
        assert translation.get_language() == "nl-informal"


def test_a_coordinator_chooses_the_languages_on_the_steunpunt_screen(staff_client, support_point):
    from wagtail.test.utils.form_data import inline_formset, nested_form_data

    from steunpunt.tenants.roles import Role
    from steunpunt.tenants.tests.factories import MembershipFactory

    client = staff_client(MembershipFactory(support_point=support_point, role=Role.COORDINATOR).user)
    url = reverse("support_points:edit", args=[support_point.pk])
    page = client.get(url).content.decode()
    assert 'name="languages" value="ar"' in page and "Talen van de website" in page
    data = nested_form_data(
        {
            "name": support_point.name,
            "email": support_point.email,
            "phone": support_point.phone,
            "address": support_point.address,
            "brand_colour": support_point.brand_colour,
            "accent_colour": support_point.accent_colour,
            "opening_hours": inline_formset([]),
            "first_contact_days": support_point.first_contact_days,
            "urgent_first_contact_days": support_point.urgent_first_contact_days,
            "retention_months": support_point.retention_months,
            "report_threshold": support_point.report_threshold,
        }
    )
    response = client.post(url, {**data, "languages": ["ar", "uk"]})
    assert response.status_code == 302
    assert SupportPoint.objects.get(pk=support_point.pk).languages == ["ar", "uk"]
    response = client.post(url, {**data, "languages": ["ar", "xx"]})
    assert response.status_code == 200 and response.context["form"].errors["languages"]
    assert SupportPoint.objects.get(pk=support_point.pk).languages == ["ar", "uk"]
    # Another steunpunt's screen is not found for this coordinator (the access layer).
    other = SupportPointFactory()
    assert client.get(reverse("support_points:edit", args=[other.pk])).status_code == 404


def test_a_language_list_with_an_unknown_code_is_refused():
    from django.core.exceptions import ValidationError

    from steunpunt.tenants.languages import validate_offered_languages

    validate_offered_languages(["en", "ar"])
    for value in (["nl"], ["xx"], "en", [1]):
        with pytest.raises(ValidationError):
            validate_offered_languages(value)


def test_the_back_office_stays_dutch_whatever_the_browser_asks(client, support_point):
    response = client.get("/admin/login/", HTTP_ACCEPT_LANGUAGE="en,ar;q=0.9", **HOST)
    html = response.content.decode()
    assert response.status_code == 200 and '<html lang="nl"' in html
    assert "Inloggen" in html or "Aanmelden" in html


def test_text_editors_wrote_in_dutch_is_marked_dutch_on_the_other_languages_pages(client, support_point):
    from steunpunt.selfhelp.starter import load_starter_selfhelp

    load_starter_selfhelp()
    arabic = _html(client, "/ar/zelf-doen/termijnen/")
    assert '<span lang="nl" dir="ltr">' in arabic
    home = _html(client, "/ar/")
    assert '<p class="lead" lang="nl" dir="ltr">' in home
    assert '<span lang="nl"' not in _html(client, "/zelf-doen/termijnen/")


def test_a_phone_number_keeps_its_order_on_a_right_to_left_page(client, support_point):
    """Seen in the walk: on the Arabic home page the call button read "اتصل بـ 67 45 123 050": the
    bidirectional algorithm lays digit groups out right to left inside Arabic text. Each number is now
    one left-to-right unit, in the buttons and in the contact details."""
    arabic = _html(client, "/ar/")
    number = '<bdi dir="ltr">050 123 45 67</bdi>'
    assert arabic.count(number) >= 2  # the two call buttons
    assert 'dir="ltr">050 123 45 67</a>' in arabic  # the contact details in the footer
    # Dutch pages carry the same isolation; it changes nothing there.
    assert number in _html(client, "/")
