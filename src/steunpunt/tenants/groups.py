"""Wagtail's page permissions for steunpunt roles.

Wagtail decides page editing through groups with page permissions; a steunpunt's
content roles get a group with rights on that steunpunt's own page tree only.
"""

from django.contrib.auth.models import Group, Permission
from wagtail.models import GroupPagePermission

from .policy import Action, actions_for_roles

PAGE_PERMISSIONS = ("add_page", "change_page", "publish_page")


def content_group(support_point):
    """Return the group that edits ``support_point``'s pages, creating it when needed."""
    group, created = Group.objects.get_or_create(name=f"Steunpunt {support_point.slug}: redactie")
    if created:
        grant_page_rights(group, support_point.site.root_page)
    return group


NATIONAL_GROUP_NAME = "Landelijke redactie"


def national_group():
    """Return the group that edits the national information library."""
    group, _created = Group.objects.get_or_create(name=NATIONAL_GROUP_NAME)
    return group


TRANSLATOR_GROUP_NAME = "Vertalers"
TRANSLATION_REVIEW_GROUP_NAME = "Controle vertalingen"


def translator_group():
    """Return the group that makes translations of the national articles (rights on the translated
    libraries only, granted where those are made: information.translations)."""
    group, _created = Group.objects.get_or_create(name=TRANSLATOR_GROUP_NAME)
    return group


def translation_review_group():
    """Return the group whose members check and approve translations (the review task's group)."""
    group, _created = Group.objects.get_or_create(name=TRANSLATION_REVIEW_GROUP_NAME)
    return group


def grant_page_rights(group, page, codenames=PAGE_PERMISSIONS):
    """Give ``group`` the rights to add, edit and publish ``page`` and everything below it (or only
    ``codenames`` of them)."""
    for codename in codenames:
        GroupPagePermission.objects.get_or_create(
            group=group,
            page=page,
            permission=Permission.objects.get(content_type__app_label="wagtailcore", codename=codename),
        )


MEDIA_PERMISSIONS = (
    ("wagtailimages", "add_image"),
    ("wagtailimages", "change_image"),
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "change_document"),
    ("wagtaildocs", "choose_document"),
)


def grant_media_rights(group, collection):
    """Give ``group`` the rights to upload, edit and choose images and documents in ``collection``
    (and the collections below it), as the image and video blocks of an article need."""
    from wagtail.models import GroupCollectionPermission

    for app_label, codename in MEDIA_PERMISSIONS:
        GroupCollectionPermission.objects.get_or_create(
            group=group,
            collection=collection,
            permission=Permission.objects.get(content_type__app_label=app_label, codename=codename),
        )


def media_collection_name(support_point):
    """The name of ``support_point``'s own collection of images and documents (the slug never changes)."""
    return f"Steunpunt {support_point.slug}"


def media_collection(support_point):
    """Return ``support_point``'s own collection of images and documents, or ``None`` before it exists."""
    from wagtail.models import Collection

    root = Collection.get_first_root_node()
    if root is None:
        return None
    return root.get_children().filter(name=media_collection_name(support_point)).first()


def media_collection_ensure(support_point):
    """Return ``support_point``'s own collection, creating it once, with the media rights of its content
    group: its editors upload and choose the images and documents of its regional supplements there."""
    from wagtail.models import Collection

    collection = media_collection(support_point)
    if collection is None:
        root = Collection.get_first_root_node() or Collection.add_root(name="Root")
        collection = root.add_child(name=media_collection_name(support_point))
    grant_media_rights(content_group(support_point), collection)
    return collection


def sync_groups(user, support_point):
    """Put ``user`` in the content groups that the roles allow, and in no other."""
    roles = user.memberships.filter(support_point=support_point).values_list("role", flat=True)
    group = content_group(support_point)
    if Action.CONTENT_EDIT in actions_for_roles(roles):
        media_collection_ensure(support_point)
        user.groups.add(group)
    else:
        user.groups.remove(group)
    all_actions = actions_for_roles(user.memberships.values_list("role", flat=True))
    for action, national in (
        (Action.CONTENT_EDIT_NATIONAL, national_group),
        (Action.TRANSLATE, translator_group),
        (Action.TRANSLATION_REVIEW, translation_review_group),
    ):
        if action in all_actions:
            user.groups.add(national())
        else:
            user.groups.remove(national())
