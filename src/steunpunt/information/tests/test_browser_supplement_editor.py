"""The regional supplement's editing screen in a real browser, under the back office's
Content-Security-Policy: Wagtail's block editor and image chooser start without inline scripts, a
failed save keeps every block, the editor chooses from her own steunpunt's images, and readers see
the approved blocks; the editing screen and the article pass axe."""

import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect

from steunpunt.core.tests.browser import violations
from steunpunt.information.models import RegionalSupplement
from steunpunt.information.services import supplement_approve
from steunpunt.tenants.groups import media_collection
from steunpunt.tenants.roles import Role
from steunpunt.tenants.tests.factories import MembershipFactory, SupportPointFactory, UserFactory

from .factories import ArticlePageFactory, image_create
from .test_browser_editor import PASSWORD, TOTP_KEY, WAIT, Browser

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]


def _regional_editor(support_point):
    user = UserFactory(username="regio", email="regio@example.org", first_name="Rian")
    user.set_password(PASSWORD)
    user.save()
    MembershipFactory(user=user, support_point=support_point, role=Role.EDITOR)
    TOTPDevice.objects.create(user=user, name="test", key=TOTP_KEY, confirmed=True)
    return user


def _add_block(page, label):
    """Add a block at the end of the parents' version through Wagtail's block menu."""
    stream = page.locator("[data-streamfield-stream-container]").first
    stream.locator("button.c-sf-add-button:not([data-streamfield-list-add])").last.click()
    page.locator(".w-combobox__option", has_text=label).first.click()


def test_a_regional_editor_adds_a_callout_and_an_image_under_the_policy(
    transactional_db, live_server, browser, platform, settings, tmp_path
):
    # The screen has no autosave of its own; should Wagtail give it one, each save is still the
    # journey's own (see test_browser_editor).
    settings.WAGTAIL_AUTOSAVE_INTERVAL = 0
    settings.MEDIA_ROOT = tmp_path
    noord = SupportPointFactory(name="Steunpunt Noord", hostname="noord.localhost")
    midden = SupportPointFactory(name="Steunpunt Midden", hostname="midden.localhost")
    MembershipFactory(support_point=midden, role=Role.EDITOR)
    article = ArticlePageFactory(title="De TLV", slug="tlv")
    _regional_editor(noord)
    image_create("Ons loket", collection=media_collection(noord))
    image_create("Loket Midden", collection=media_collection(midden))
    problems = []
    editor = Browser(browser, live_server.url, "regio", problems)
    page = editor.page
    editor.goto("/admin/regional_supplements/new/")
    page.locator("#id_article").select_option(label="De TLV")
    page.locator("#id_support_point").select_option(label="Steunpunt Noord")

    _add_block(page, "Let op")
    page.locator("[name='body-0-value']").fill("Het loket is dicht in de zomervakantie.")
    _add_block(page, "Afbeelding")
    chooser = page.locator("[id$='body-1-value-image-chooser']")
    chooser.get_by_role("button", name="Kies een afbeelding").click()
    modal = page.locator(".modal-content")
    # Her own steunpunt's images only.
    expect(modal.get_by_role("link", name="Ons loket").first).to_be_visible(timeout=WAIT)
    expect(modal.get_by_role("link", name="Loket Midden")).to_have_count(0)
    modal.get_by_role("link", name="Ons loket").first.click()
    expect(chooser).to_contain_text("Ons loket")
    editor.shot("supplement-blocks")

    # Without alternative text the save is refused, in Dutch, and both blocks are still there.
    with page.expect_navigation():
        page.get_by_role("button", name="Toevoegen", exact=True).click()
    expect(page.locator("main")).to_contain_text("Dit is een verplicht veld.", timeout=WAIT)
    assert not RegionalSupplement.objects.exists()
    expect(page.locator("[name='body-0-value']")).to_have_value("Het loket is dicht in de zomervakantie.")
    expect(page.locator("[id$='body-1-value-image-chooser']")).to_contain_text("Ons loket")

    page.locator("[name='body-1-value-alt']").fill("De balie van ons loket.")
    with page.expect_navigation():
        page.get_by_role("button", name="Toevoegen", exact=True).click()
    expect(page.locator(".messages")).to_contain_text("Een collega keurt de aanvulling goed", timeout=WAIT)
    supplement = RegionalSupplement.objects.get(article=article, support_point=noord)
    assert [block.block_type for block in supplement.body] == ["callout", "image"]
    assert supplement.body[0].value == "Het loket is dicht in de zomervakantie."
    assert supplement.body[1].value["alt"] == "De balie van ons loket."
    assert supplement.body[1].value["image"].title == "Ons loket"
    assert supplement.status == RegionalSupplement.Status.PENDING
    editor.goto(f"/admin/regional_supplements/edit/{supplement.pk}/")
    expect(page.locator("[id$='body-1-value-image-chooser']")).to_contain_text("Ons loket")
    assert violations(page) == []

    # Once a colleague approved it, readers see the note and the image in the region's part.
    colleague = MembershipFactory(support_point=noord, role=Role.COORDINATOR).user
    supplement_approve(supplement=supplement, by=colleague)
    reader = browser.new_page()
    reader.goto(f"http://noord.localhost:{live_server.url.rsplit(':', 1)[1]}/informatie/tlv/")
    region = reader.locator("section.supplement")
    expect(region.locator(".callout")).to_contain_text("Let op: Het loket is dicht in de zomervakantie.")
    expect(region.get_by_role("img", name="De balie van ons loket.")).to_be_visible()
    assert violations(reader) == []
    editor.collect()
    assert problems == []
