"""The generation of who may do what in the back office: it moves on at every change of a user, a
profile, a group, a permission or a role, so what is derived from them may be kept while it stays the
same (Wagtail's sidebar, :mod:`steunpunt.core.templatetags.kept_sidebar`).

What is kept this way only shapes the screen (which menu items show); every view still checks access
itself through the access layer (``steunpunt.tenants.access``), so a value kept a moment too long can
show a link that then answers 404, never data. Kept values still expire after
:setting:`ADMIN_SIDEBAR_SECONDS`, so a change made without signals (a bulk ``update()``) shows by then.

The models are Django's and Wagtail's below, and those the apps declare in ``access_models`` on their
AppConfig (a steunpunt's roles, a school contact person's schools).
"""

from django.conf import settings

from .generation import Generation
from .page_cache import declared

KEY = "access:generation"
ACCESS_MODELS = (
    "auth.Group",
    "auth.Permission",
    "wagtailcore.GroupPagePermission",
    "wagtailcore.GroupCollectionPermission",
    "wagtailcore.Collection",
    "wagtailusers.UserProfile",
)


_access = Generation(KEY)


def current(request=None):
    """The generation, read from the shared cache once per request (kept on ``request``)."""
    generation = getattr(request, "access_generation", None)
    if generation is None:
        generation = _access.read()
        if request is not None:
            request.access_generation = generation
    return generation


def bump(sender=None, update_fields=None, **kwargs):
    """Make everything derived from access stale (connected to the signals of :data:`ACCESS_MODELS`)."""
    if update_fields is not None and set(update_fields) <= {"last_login"}:
        return  # a sign-in changes nobody's rights
    _access.bump()


def connect_signals():
    from django.apps import apps
    from django.db.models.signals import m2m_changed, post_delete, post_save
    from wagtail.signals import post_page_move

    labels = (settings.AUTH_USER_MODEL, *ACCESS_MODELS, *declared("access_models"))
    models = [apps.get_model(label) for label in labels]
    for model in models:
        label = model._meta.label
        post_save.connect(bump, sender=model, dispatch_uid=f"access-save-{label}")
        post_delete.connect(bump, sender=model, dispatch_uid=f"access-delete-{label}")
        # A user's groups and permissions, a group's permissions.
        for field in model._meta.local_many_to_many:
            through = field.remote_field.through
            m2m_changed.connect(bump, sender=through, dispatch_uid=f"access-m2m-{through._meta.label}")
    # Where a user's page rights start (Wagtail's explorer menu opens there).
    post_page_move.connect(bump, dispatch_uid="access-page-moved")
