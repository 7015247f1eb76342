"""Issue 17, media in regional supplements: the article blocks in each version, their validation in
the editing screen, the approval of blocks, what readers see, the images and documents of the
steunpunt's own collection only, and the migration of the old texts into paragraph blocks."""

import html
import importlib
import json
import re

import pytest
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.test.utils.form_data import nested_form_data, streamfield

from steunpunt.information.models import RegionalSupplement
from steunpunt.information.services import media_collection_ensure, supplement_approve, supplement_save
from steunpunt.information.supplement_readability import below_target
from steunpunt.tenants.access import media_for_support_point
from steunpunt.tenants.groups import media_collection
from steunpunt.tenants.roles import Role
from steunpunt.tenants.tests.factories import MembershipFactory, SupportPointFactory

from .factories import ArticlePageFactory, image_create

pytestmark = pytest.mark.django_db
HOST = {"HTTP_HOST": "noord.localhost"}
migration = importlib.import_module("steunpunt.information.migrations.0012_supplement_blocks")


@pytest.fixture
def region(settings, tmp_path):
    """Noord with an editor and a coordinator, Midden with an editor, each with an image of their own."""
    settings.MEDIA_ROOT = tmp_path
    noord = SupportPointFactory(hostname="noord.localhost")
    midden = SupportPointFactory(hostname="midden.localhost")
    writer = MembershipFactory(support_point=noord, role=Role.EDITOR).user
    colleague = MembershipFactory(support_point=noord, role=Role.COORDINATOR).user
    MembershipFactory(support_point=midden, role=Role.EDITOR)
    return {
        "noord": noord,
        "midden": midden,
        "writer": writer,
        "colleague": colleague,
        "article": ArticlePageFactory(slug="tlv", title="De TLV", youth=True),
        "own_image": image_create("Ons loket", collection=media_collection(noord)),
        "other_image": image_create("Loket Midden", collection=media_collection(midden)),
        "national_image": image_create("Landelijk beeld", collection=media_collection_ensure()),
    }


def _form(region, readability_reason="", **versions):
    """The supplement form as the browser sends it; each version a list of ``(type, value)`` blocks."""
    return nested_form_data(
        {
            "article": region["article"].pk,
            "support_point": region["noord"].pk,
            "readability_reason": readability_reason,
            **{name: streamfield(versions.get(name, [])) for name in ("body", "youth_body", "children_body")},
        }
    )


def _list(items):
    """A list block's items as the form sends them."""
    return streamfield([("item", item) for item in items])


def _image(image, alt="De balie van ons loket.", caption=""):
    return ("image", {"image": image.pk, "alt": alt, "caption": caption})


def _public(client, path="/informatie/tlv/", host=HOST):
    return client.get(path, **host).content.decode()


def test_an_image_needs_alternative_text_and_a_video_a_transcript_and_nothing_is_lost(region, staff_client):
    client = staff_client(region["writer"])
    response = client.post(
        reverse("regional_supplements:add"),
        _form(
            region,
            body=[
                ("paragraph", "Bel ons op dinsdag."),
                ("callout", "Het loket is dicht in de zomer."),
                _image(region["own_image"], alt=""),
                (
                    "video",
                    {"title": "Ons loket", "embed_url": "https://youtu.be/dQw4w9WgXcQ", "transcript": ""},
                ),
            ],
        ),
    )
    assert response.status_code == 200
    assert not RegionalSupplement.objects.exists()
    page = response.content.decode()
    # The errors, in Dutch, at their blocks (Wagtail's widget reads them from its data attribute) ...
    value, errors = _widget_arguments(page, "body")
    assert errors["blockErrors"] == {
        "2": {"blockErrors": {"alt": {"messages": ["Dit is een verplicht veld."]}}},
        "3": {
            "blockErrors": {
                "transcript": {
                    "messages": ["Een video op YouTube of Vimeo heeft een uitgeschreven tekst nodig."]
                }
            }
        },
    }
    # ... and everything the editor wrote comes back in the form.
    assert [(block["type"], block["value"]) for block in value[:2]] == [
        ("paragraph", "Bel ons op dinsdag."),
        ("callout", "Het loket is dicht in de zomer."),
    ]
    assert value[2]["value"]["image"]["id"] == region["own_image"].pk
    assert value[3]["value"]["title"] == "Ons loket"
    assert value[3]["value"]["embed_url"] == "https://youtu.be/dQw4w9WgXcQ"


def _widget_arguments(page, name):
    """The value and errors Wagtail's stream widget ``name`` starts with (its data attribute)."""
    found = re.search(rf'<div id="{name}" data-block [^>]*data-w-block-arguments-value="([^"]*)"', page)
    return json.loads(html.unescape(found.group(1)))


def test_the_approval_table_holds_for_blocks_and_readers_see_only_approved_blocks(
    region, staff_client, client
):
    writer_client = staff_client(region["writer"])
    first = [("paragraph", "Bel ons op dinsdag."), ("callout", "Neem de brief van school mee.")]
    response = writer_client.post(
        reverse("regional_supplements:add"),
        _form(
            region,
            body=[*first, _image(region["own_image"])],
            youth_body=[("steps", _list(["Stuur ons een app."]))],
        ),
    )
    assert response.status_code == 302
    supplement = RegionalSupplement.objects.get()
    # Saved: waiting for approval, nothing for readers yet.
    assert supplement.status == RegionalSupplement.Status.PENDING
    assert [block.block_type for block in supplement.body] == ["paragraph", "callout", "image"]
    assert len(supplement.approved_body) == 0
    assert "Bel ons op dinsdag." not in _public(client)

    # The colleague reads the blocks on the approval screen and approves: the copies are the drafts.
    approve_url = reverse("regional_supplements:approve", args=[supplement.pk])
    colleague_client = staff_client(region["colleague"])
    screen = colleague_client.get(approve_url).content.decode()
    assert "Neem de brief van school mee." in screen and 'alt="De balie van ons loket."' in screen
    assert colleague_client.post(approve_url).status_code == 302
    supplement.refresh_from_db()
    assert supplement.status == RegionalSupplement.Status.APPROVED
    assert supplement.approved_body.get_prep_value() == supplement.body.get_prep_value()
    assert supplement.approved_youth_body.get_prep_value() == supplement.youth_body.get_prep_value()

    # Readers get the blocks with the article's own templates, in the region's part of the page.
    parents = _public(client)
    region_part = parents[parents.index('id="regio-kop"') :]
    assert '<div class="callout" role="note"><p><strong class="callout-title">Let op:</strong>' in region_part
    assert "Neem de brief van school mee." in region_part
    assert '<figure class="media-image">' in region_part and 'alt="De balie van ons loket."' in region_part
    youth = _public(client, "/informatie/tlv/jongeren/")
    assert '<ol class="steps"><li>Stuur ons een app.</li></ol>' in youth and "Bel ons" not in youth
    assert "Bel ons op dinsdag." not in _public(client, host={"HTTP_HOST": "midden.localhost"})

    # A change waits again; readers keep the approved blocks, not the new ones. (One test client:
    # the writer signs in again.)
    staff_client(region["writer"]).post(
        reverse("regional_supplements:edit", args=[supplement.pk]),
        _form(region, body=[("paragraph", "Bel ons op woensdag."), ("callout", "Nieuwe let op.")]),
    )
    supplement.refresh_from_db()
    assert supplement.status == RegionalSupplement.Status.PENDING
    parents = _public(client)
    assert "Bel ons op dinsdag." in parents and "woensdag" not in parents and "Nieuwe let op." not in parents
    supplement_approve(supplement=supplement, by=region["colleague"])
    parents = _public(client)
    assert "Bel ons op woensdag." in parents and "Nieuwe let op." in parents and "dinsdag" not in parents


def test_an_editor_chooses_only_images_and_documents_of_her_own_steunpunt(region, staff_client):
    writer = region["writer"]
    brochure = get_document_model().objects.create(
        title="Folder Midden", file=_file("folder.pdf"), collection=media_collection(region["midden"])
    )
    # Each steunpunt got its own collection when its first editor joined.
    assert media_collection(region["noord"]).name == f"Steunpunt {region['noord'].slug}"
    # The access layer: Noord's editor may place Noord's image, not Midden's, not the national one.
    images = media_for_support_point(writer, get_image_model(), region["noord"])
    assert list(images) == [region["own_image"]]
    assert not media_for_support_point(writer, get_image_model(), region["midden"]).exists()
    assert not media_for_support_point(writer, get_document_model(), region["noord"]).filter(pk=brochure.pk)

    client = staff_client(writer)
    for foreign in (region["other_image"], region["national_image"]):
        response = client.post(
            reverse("regional_supplements:add"),
            _form(region, body=[("paragraph", "Bel ons."), _image(foreign)]),
        )
        assert response.status_code == 200
        assert "Kies een afbeelding uit de eigen verzameling van uw steunpunt." in response.content.decode()
        assert not RegionalSupplement.objects.exists()
    response = client.post(
        reverse("regional_supplements:add"),
        _form(region, body=[("paragraph", "Bel ons."), ("document", {"document": brochure.pk, "title": ""})]),
    )
    assert "Kies een document uit de eigen verzameling van uw steunpunt." in response.content.decode()
    assert not RegionalSupplement.objects.exists()

    # The image chooser offers her own steunpunt's images only.
    chooser = client.get("/admin/images/chooser/").content.decode()
    assert "Ons loket" in chooser and "Loket Midden" not in chooser and "Landelijk beeld" not in chooser
    response = client.post(
        reverse("regional_supplements:add"),
        _form(region, body=[("paragraph", "Bel ons."), _image(region["own_image"])]),
    )
    assert response.status_code == 302 and RegionalSupplement.objects.get().body[1].value["image"].pk


def _file(name):
    from django.core.files.base import ContentFile

    return ContentFile(b"%PDF-1.4 folder", name=name)


def test_the_readability_check_reads_the_text_of_the_blocks(region):
    hard = (
        "Het samenwerkingsverband passend onderwijs geeft een toelaatbaarheidsverklaring af voor het "
        "voortgezet speciaal onderwijs wanneer de ondersteuningsbehoefte van de leerling "
        "dat noodzakelijk maakt."
    )
    easy = supplement_save(
        article=region["article"],
        support_point=region["noord"],
        body=[
            ("paragraph", "Bel ons."),
            ("image", {"image": region["own_image"], "alt": "A", "caption": "Ons loket."}),
        ],
        by=region["writer"],
    )
    assert below_target(easy) == []
    hard_note = supplement_save(
        article=region["article"],
        support_point=region["noord"],
        body=[("paragraph", "Bel ons."), ("callout", hard)],
        by=region["writer"],
    )
    assert below_target(hard_note) == ["Ouders"]


TEXTS = [
    # (the text as stored before, its paragraphs)
    ("Bel ons op dinsdag.", ["Bel ons op dinsdag."]),
    (
        "Bel ons op dinsdag.\n\nOf mail ons:\ninfo@noord.example\n\n\n   \nWe helpen u graag.  \n",
        ["Bel ons op dinsdag.", "Of mail ons:\ninfo@noord.example", "We helpen u graag."],
    ),
    (
        "Eerste alinea.\r\n\r\nTweede – met “aanhalingstekens” & <tekens>.",
        ["Eerste alinea.", "Tweede – met “aanhalingstekens” & <tekens>."],
    ),
    ("", []),
    ("  \n \n", []),
]


@pytest.mark.parametrize(("text", "paragraphs"), TEXTS)
def test_the_migration_makes_paragraph_blocks_of_the_old_text_and_gives_it_back(text, paragraphs):
    stream = migration.text_to_stream(text)
    assert [block["type"] for block in stream] == ["paragraph"] * len(paragraphs)
    assert [block["value"] for block in stream] == paragraphs
    assert len({block["id"] for block in stream}) == len(stream)
    assert migration.stream_to_text(json.dumps(stream)) == "\n\n".join(paragraphs)


def test_migrated_rows_read_as_blocks_and_turn_back_into_text(region, client):
    """What the migration writes into a real row is a stream Wagtail reads, readers see after approval,
    and the way back gives the text again (media blocks have no text and are left out)."""
    old = "Bel ons op dinsdag.\n\nOf mail ons:\ninfo@noord.example"
    supplement = supplement_save(
        article=region["article"], support_point=region["noord"], body=[], by=region["writer"]
    )
    RegionalSupplement.objects.filter(pk=supplement.pk).update(
        body=json.dumps(migration.text_to_stream(old)), youth_body=json.dumps(migration.text_to_stream(""))
    )
    supplement.refresh_from_db()
    assert [(block.block_type, block.value) for block in supplement.body] == [
        ("paragraph", "Bel ons op dinsdag."),
        ("paragraph", "Of mail ons:\ninfo@noord.example"),
    ]
    assert len(supplement.youth_body) == 0
    supplement_approve(supplement=supplement, by=region["colleague"])
    page = _public(client)
    assert "<p>Bel ons op dinsdag.</p>" in page and "info@noord.example" in page

    supplement.body = [
        *supplement.body.get_prep_value(),
        {"type": "image", "value": _image(region["own_image"])[1]},
    ]
    supplement.save()
    supplement.refresh_from_db()
    assert migration.stream_to_text(supplement.body.get_prep_value()) == old
    # Every block kind with text comes back as text.
    assert (
        migration.stream_to_text(
            [
                {"type": "heading", "value": "Kop"},
                {
                    "type": "steps",
                    "value": [{"type": "item", "value": "Een"}, {"type": "item", "value": "Twee"}],
                },
                {
                    "type": "questions",
                    "value": [{"type": "item", "value": {"question": "V?", "answer": "A."}}],
                },
            ]
        )
        == "Kop\n\nEen\nTwee\n\nV?\nA."
    )


def test_the_migration_gives_each_existing_steunpunt_with_editors_its_own_collection(platform):
    """Steunpunten made before this change have a content group but no collection: the migration makes
    it, with the group's media rights, once; a steunpunt without editors gets none."""
    from django.apps import apps
    from wagtail.models import GroupCollectionPermission

    from steunpunt.tenants.groups import content_group

    with_editors, without = SupportPointFactory(), SupportPointFactory()
    group = content_group(with_editors)
    assert media_collection(with_editors) is None
    for _run in range(2):
        migration.collections_for_existing_steunpunten(apps, None)
    collection = media_collection(with_editors)
    rights = GroupCollectionPermission.objects.filter(group=group, collection=collection)
    assert sorted(rights.values_list("permission__codename", flat=True)) == [
        "add_document",
        "add_image",
        "change_document",
        "change_image",
        "choose_document",
        "choose_image",
    ]
    assert media_collection(without) is None
