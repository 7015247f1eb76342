"""The national article editor in a real browser, under the back office's Content-Security-Policy.

Wagtail's inline panels and date pickers started from inline scripts, which the policy blocks
(script-src 'self'): adding a source or a related article and the date pickers did nothing. The
back office now starts them from a static file (core/static/core/js/admin-init.js). This journey
writes, submits, checks and publishes an article through the validation chain and fails on any
policy violation or console error in any of the three browsers.
"""

import json
import os

import pytest
from django.utils import timezone
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect

from steunpunt.information.models import ArticlePage, ExpertCheck, PanelReview
from steunpunt.tenants.roles import Role
from steunpunt.tenants.tests.factories import MembershipFactory, SupportPointFactory, UserFactory

from .factories import ArticlePageFactory


def _stored_videos(article):
    """The video blocks of every stored revision of ``article`` (drafts and autosaves included)."""
    from wagtail.models import Revision

    revisions = Revision.objects.filter(
        base_content_type__model="page", object_id=str(article.pk)
    ).values_list("content", flat=True)
    bodies = [json.loads(content["body"]) for content in revisions]
    return [block["value"] for body in bodies for block in body if block["type"] == "video"]


pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]


@pytest.fixture(autouse=True)
def _no_autosave(settings):
    """These journeys press "Bewaar concept" themselves. Wagtail 8 also autosaves every half second; an
    autosave still in flight (or refused with a 400 for the video without its transcript) when the
    button is pressed made the form's submit wait past the test's patience on a busy CI machine
    (the media journey failed there once). Autosave is Wagtail's own, on in every installation; here
    it is off so that each save is the one the journey makes."""
    settings.WAGTAIL_AUTOSAVE_INTERVAL = 0


SCREENSHOTS = os.environ.get("STEUNPUNT_SCREENSHOTS")

PASSWORD = "een-lang-wachtwoord-voor-de-test"  # nosec B105  # a test account
TOTP_KEY = "3132333435363738393031323334353637383930"
# Milliseconds to wait for the next page: the machine running the suite may be busy.
WAIT = 30_000

# Every Content-Security-Policy violation in the page, whatever the console says about it.
WATCH_POLICY = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__violations.push(
    [event.violatedDirective, event.blockedURI || "inline", event.sourceFile, event.lineNumber].join(" ")
  );
});
"""


def _staff(username, role, name):
    user = UserFactory(username=username, email=f"{username}@example.org", first_name=name)
    user.set_password(PASSWORD)
    user.save()
    MembershipFactory(user=user, role=role)
    TOTPDevice.objects.create(user=user, name="test", key=TOTP_KEY, confirmed=True)
    return user


class Browser:
    """One person's browser: signed in, collecting console errors and policy violations."""

    def __init__(self, chromium, base, username, problems):
        self.context = chromium.new_context(viewport={"width": 1280, "height": 900})
        self.context.add_init_script(WATCH_POLICY)
        self.page = self.context.new_page()
        self.problems = problems
        # Console errors (a blocked script says so there too) and script errors. A failed request is
        # judged by its answer below instead: Wagtail's autosave answers 400 while a new related-article
        # form has no article chosen yet, which is the form's validation, not an error of the page.
        self.page.on(
            "console",
            lambda message: (
                message.type == "error"
                and not message.text.startswith("Failed to load resource")
                and problems.append(f"{username}: {message.text}")
            ),
        )
        self.page.on("pageerror", lambda error: problems.append(f"{username}: {error}"))
        self.page.on(
            "response",
            lambda response: (
                response.status >= 500 and problems.append(f"{username}: {response.status} {response.url}")
            ),
        )
        self.username = username
        self.base = base
        page = self.page
        page.goto(f"{base}/admin/login/")
        page.locator("#id_username").fill(username)
        page.locator("#id_password").fill(PASSWORD)
        page.locator("#id_password").press("Enter")
        page.wait_for_url("**/beveiliging/**")
        page.locator("#id_token").fill(f"{totp(bytes.fromhex(TOTP_KEY)):06d}")
        page.get_by_role("button", name="Verder").click()
        page.wait_for_url(f"{base}/admin/")

    def collect(self):
        """Record the violations of the page shown now (each page load starts a new list)."""
        for violation in self.page.evaluate("window.__violations"):
            self.problems.append(f"{self.username}: {violation}")

    def goto(self, address):
        self.collect()
        self.page.goto(f"{self.base}{address}")

    def shot(self, name):
        if SCREENSHOTS:
            self.page.screenshot(path=f"{SCREENSHOTS}/{name}.png", full_page=True)


def _eventually(page, condition):
    """Wait (up to WAIT) until the server has done what the browser asked, then go on."""
    for _attempt in range(WAIT // 250):
        if condition():
            return
        page.wait_for_timeout(250)
    raise AssertionError("the server did not do it")


def _dashboard_action(browser, article_title, action_label):
    """Choose ``action_label`` for ``article_title`` in 'Awaiting your review' on the dashboard."""
    browser.goto("/admin/")
    row = browser.page.locator("#awaiting-review-section tr", has_text=article_title)
    row.get_by_role("button", name="Acties").click()
    row.get_by_role("button", name=action_label).click()


def test_an_editor_adds_a_source_a_related_article_and_a_date_and_the_chain_publishes_it(
    transactional_db, live_server, browser, platform
):
    SupportPointFactory(hostname="noord.localhost")
    ArticlePageFactory(title="Het OPP", slug="opp")
    article = ArticlePageFactory(title="Extra ondersteuning", slug="extra-ondersteuning")
    _staff("schrijver", Role.NATIONAL_EDITOR, "Sam")
    _staff("deskundige", Role.NATIONAL_EDITOR, "Eva")
    _staff("lezer", Role.PANEL_MEMBER, "Piet")
    problems = []
    base = live_server.url

    # The writer adds a source, a related article and a date, saves and submits the text.
    writer = Browser(browser, base, "schrijver", problems)
    page = writer.page
    writer.goto(f"/admin/pages/{article.pk}/edit/")
    page.get_by_role("tab", name="Bronnen en validatie").click()
    page.get_by_role("button", name="Voeg Bronnen toe").click()
    page.locator("#id_sources-0-title").fill("Wet op het primair onderwijs, artikel 40")
    page.locator("#id_sources-0-url").fill("https://wetten.overheid.nl/BWBR0003420")
    page.get_by_role("button", name="Voeg Verwante artikelen toe").click()
    page.locator("#id_related_links-0-article-chooser").get_by_role("button", name="Kies een pagina").click()
    modal = page.locator(".modal-content")
    # The chooser opens in the national library, the part of the tree the editor may edit.
    writer.shot("page-chooser")
    modal.get_by_role("link", name="Het OPP", exact=True).click()
    expect(page.locator("#id_related_links-0-article-chooser")).to_contain_text("Het OPP")
    page.locator("#id_check_again_before").click()
    picker = page.locator(".xdsoft_datetimepicker:visible")
    picker.locator(".xdsoft_next").first.click()
    picker.locator("td.xdsoft_date[data-date='15']:not(.xdsoft_other_month)").first.click()
    chosen = page.locator("#id_check_again_before").input_value()
    assert chosen, "the date picker filled in the date"
    writer.shot("editor-filled")
    with page.expect_navigation():
        page.get_by_role("button", name="Bewaar concept").click()
    expect(page.locator(".messages")).to_contain_text("is gewijzigd", timeout=WAIT)
    draft = ArticlePage.objects.get(pk=article.pk).get_latest_revision_as_object()
    assert [source.title for source in draft.sources.all()] == ["Wet op het primair onderwijs, artikel 40"]
    assert [link.article.title for link in draft.related_links.all()] == ["Het OPP"]
    assert draft.check_again_before.isoformat() == chosen and draft.check_again_before.day == 15
    # No "Publiceren" for anyone: the text goes to the validation chain.
    page.locator("footer .dropdown-toggle, [data-w-dropdown-target='toggle']").last.click()
    assert page.locator("button[name='action-publish']").count() == 0
    page.locator("button[name='action-submit']").click()
    _eventually(page, lambda: ArticlePage.objects.get(pk=article.pk).workflow_in_progress)
    expect(page.locator(".messages")).to_contain_text("ter goedkeuring ingediend", timeout=WAIT)

    # The writer may not check their own facts: another national editor, the expert, does.
    writer.goto("/admin/")
    assert page.locator("#awaiting-review-section").count() == 0
    expert = Browser(browser, base, "deskundige", problems)
    _dashboard_action(expert, "Extra ondersteuning", "De feiten kloppen")
    expert.page.get_by_label("Bronnen die u heeft gecontroleerd").fill(
        "wetten.overheid.nl/BWBR0003420 artikel 40"
    )
    expert.shot("expert-modal")
    expert.page.locator(".modal-content").get_by_role("button", name="De feiten kloppen").click()
    _eventually(expert.page, lambda: ExpertCheck.objects.exists())
    assert ExpertCheck.objects.get().checked_by.username == "deskundige"

    # A reader of the panel gives an opinion, is thanked, and the article leaves their list.
    reader = Browser(browser, base, "lezer", problems)
    _dashboard_action(reader, "Extra ondersteuning", "Geef uw mening")
    reader.page.get_by_label("Een beetje").check()
    reader.page.get_by_label("Welke woorden zijn moeilijk?").fill("ontwikkelingsperspectief")
    reader.page.locator(".modal-content").get_by_role("button", name="Geef uw mening").click()
    expect(reader.page.locator(".messages")).to_contain_text(
        "Dank u voor uw mening over “Extra ondersteuning”"
    )
    assert reader.page.locator("#awaiting-review-section").count() == 0
    reader.shot("panel-thanks")
    assert PanelReview.objects.get().hard_words == "ontwikkelingsperspectief"

    # The national editorial team closes the panel step: the chain publishes and dates the article.
    _dashboard_action(writer, "Extra ondersteuning", "Leespanel klaar")
    _eventually(page, lambda: not ArticlePage.objects.get(pk=article.pk).workflow_in_progress)
    live = ArticlePage.objects.get(pk=article.pk)
    assert live.live and not live.has_unpublished_changes
    assert [source.title for source in live.sources.all()] == ["Wet op het primair onderwijs, artikel 40"]
    assert live.last_checked_at == timezone.localdate()
    # The editor shows what the expert and the panel recorded.
    writer.goto(f"/admin/pages/{article.pk}/edit/")
    page.get_by_role("tab", name="Bronnen en validatie").click()
    record = page.locator(".validation-record")
    expect(record).to_contain_text("wetten.overheid.nl/BWBR0003420 artikel 40")
    expect(record).to_contain_text("ontwikkelingsperspectief")
    writer.shot("editor-record")

    public = browser.new_page()
    public.goto(f"http://noord.localhost:{base.rsplit(':', 1)[1]}/informatie/extra-ondersteuning/")
    expect(public.locator("main")).to_contain_text(f"Laatst gecontroleerd op {timezone.localdate().day}")
    for person in (writer, expert, reader):
        person.collect()
    assert problems == []


def _add_block(page, label):
    """Add a block at the end of the parents' text through Wagtail's block menu."""
    stream = page.locator("[data-streamfield-stream-container]").first
    stream.locator("button.c-sf-add-button:not([data-streamfield-list-add])").last.click()
    page.locator(".w-combobox__option", has_text=label).first.click()


def _field(page, name):
    """A field of the parents' text by its name in the form (``body-<block>-value-<field>``)."""
    return page.locator(f"[name='body-{name}']")


def test_an_editor_adds_the_media_blocks_in_the_editor_under_the_policy(
    transactional_db, live_server, browser, platform, settings, tmp_path
):
    """Issue 17: the new blocks in the real editor: a note, numbered steps, an image from the image
    library, and a YouTube video that is refused without a transcript; nothing breaks the policy."""
    from steunpunt.information.services import media_collection_ensure

    from .factories import image_create

    settings.MEDIA_ROOT = tmp_path
    SupportPointFactory(hostname="noord.localhost")
    article = ArticlePageFactory(title="Praten met school", slug="praten-met-school")
    # National editors may upload and choose images in the national articles' collection.
    image_create(title="Moeder bij de leraar", collection=media_collection_ensure())
    _staff("schrijver", Role.NATIONAL_EDITOR, "Sam")
    problems = []
    writer = Browser(browser, live_server.url, "schrijver", problems)
    page = writer.page
    writer.goto(f"/admin/pages/{article.pk}/edit/")

    _add_block(page, "Let op")
    _field(page, "1-value").fill("Houd de termijn van zes weken in de gaten.")
    _add_block(page, "Genummerde stappen")
    _field(page, "2-value-0-value").fill("Schrijf uw vraag op.")
    _add_block(page, "Afbeelding")
    page.locator("[id$='body-3-value-image-chooser']").get_by_role(
        "button", name="Kies een afbeelding"
    ).click()
    page.locator(".modal-content").get_by_role("link", name="Moeder bij de leraar").first.click()
    expect(page.locator("[id$='body-3-value-image-chooser']")).to_contain_text("Moeder bij de leraar")
    _add_block(page, "Video")
    _field(page, "4-value-title").fill("Filmpje over thuiszitten")
    _field(page, "4-value-embed_url").fill("https://www.youtube.com/watch?v=dQw4w9WgXcQ")
    writer.shot("editor-media-blocks")

    # No transcript and no alternative text: the editor is told, and no video without its transcript is
    # stored. (Wagtail's autosave keeps drafts of the valid parts meanwhile, so the article's revisions
    # are checked, not whether one was added.)
    with page.expect_navigation():
        page.get_by_role("button", name="Bewaar concept").click()
    main = page.locator("main")
    expect(main).to_contain_text("Een video op YouTube of Vimeo heeft een uitgeschreven tekst nodig.")
    assert _stored_videos(article) == []
    _field(page, "3-value-alt").fill("Een moeder praat met een leraar.")
    _field(page, "4-value-transcript").fill("Een vader vertelt over zijn zoon die thuis zit.")
    with page.expect_navigation():
        page.get_by_role("button", name="Bewaar concept").click()
    expect(page.locator(".messages")).to_contain_text("is gewijzigd", timeout=WAIT)
    draft = ArticlePage.objects.get(pk=article.pk).get_latest_revision_as_object()
    assert [block.block_type for block in draft.body] == ["paragraph", "callout", "steps", "image", "video"]
    assert draft.body[3].value["alt"] == "Een moeder praat met een leraar."
    assert draft.body[4].value["transcript"] == "Een vader vertelt over zijn zoon die thuis zit."
    videos = _stored_videos(article)
    assert videos and all(video["transcript"] for video in videos)
    writer.collect()
    assert problems == []
