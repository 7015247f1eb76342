"""Wagtail's own document and image screens decide per object, not per model: an editor who may keep
the documents and images of her steunpunt's collection gets 404 for another steunpunt's file on every
screen that names it (edit, usage, chooser, admin API), and reaches her own."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Collection, GroupCollectionPermission

from steunpunt.tenants.roles import Role

from .factories import MembershipFactory, SupportPointFactory

pytestmark = pytest.mark.django_db

DOCUMENT_URLS = [
    "/admin/documents/edit/{pk}/",
    "/admin/documents/usage/{pk}/",
    "/admin/documents/chooser/chosen/{pk}/",
    "/admin/api/main/documents/{pk}/",
]
IMAGE_URLS = [
    "/admin/images/{pk}/",
    "/admin/images/usage/{pk}/",
    "/admin/images/chooser/{pk}/select_format/",
    "/admin/images/chooser/chosen/{pk}/",
    "/admin/api/main/images/{pk}/",
]


def _collection_with_files(name, group=None):
    collection = Collection.get_first_root_node().add_child(name=name)
    if group is not None:
        for app, model in (("wagtaildocs", "document"), ("wagtailimages", "image")):
            for action in ("add", "change", "choose"):
                GroupCollectionPermission.objects.create(
                    group=group,
                    collection=collection,
                    permission=Permission.objects.get(
                        content_type__app_label=app, codename=f"{action}_{model}"
                    ),
                )
    document = get_document_model().objects.create(
        title=f"Folder {name}", file=ContentFile(b"%PDF-1.4", name=f"{name}.pdf"), collection=collection
    )
    image = get_image_model().objects.create(
        title=f"Foto {name}", file=get_test_image_file(), collection=collection
    )
    return document, image


@pytest.fixture
def editor_files(staff_client):
    own = SupportPointFactory()
    SupportPointFactory()  # the other steunpunt, whose files lie in a collection the editor cannot reach
    editor = MembershipFactory(support_point=own, role=Role.EDITOR).user
    group = Group.objects.create(name="Beeldbank Noord")
    editor.groups.add(group)
    own_files = _collection_with_files("Noord", group)
    other_files = _collection_with_files("Midden")
    return staff_client(editor), own_files, other_files


@pytest.mark.parametrize("url", DOCUMENT_URLS)
def test_another_steunpunts_document_answers_404_to_an_editor_who_keeps_her_own(editor_files, url):
    client, (own_document, _), (other_document, _) = editor_files
    assert client.get(url.format(pk=other_document.pk)).status_code == 404
    assert client.get(url.format(pk=own_document.pk)).status_code == 200


@pytest.mark.parametrize("url", IMAGE_URLS)
def test_another_steunpunts_image_answers_404_to_an_editor_who_keeps_her_own(editor_files, url):
    client, (_, own_image), (_, other_image) = editor_files
    assert client.get(url.format(pk=other_image.pk)).status_code == 404
    assert client.get(url.format(pk=own_image.pk)).status_code == 200
