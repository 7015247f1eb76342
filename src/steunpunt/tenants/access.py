"""The one access layer of the back office, derived from the policy table (:mod:`.policy`).

A back-office model screen is a :class:`ScopedModelViewSet` (or a viewset with
:class:`ScopedViewSetMixin`, e.g. a ``SnippetViewSet``) that declares three things and nothing else
about access:

- ``model``;
- ``steunpunt_field``: how an object reaches its steunpunt (``"support_point"``,
  ``"slot__support_point"``, ``"pk"`` for the steunpunt itself, ``None`` for national objects
  that belong to no steunpunt);
- ``actions``: which :class:`~.policy.Action` (or tuple of them, any one suffices) each Wagtail
  operation (``view``, ``add``, ``change``, ``delete``) needs; an operation not named is refused.

Optionally ``selector(user)``, a scoped selector of the app, narrows the scope further (e.g. the
bookings of one's own cases). From the declaration the layer builds the Wagtail permission policy
(:class:`ScopedPermissionPolicy`, registered for the model) and wraps every view the viewset makes —
index, inspect, edit, delete, history, usage, revisions, preview, copy, choosers and whatever Wagtail
adds later — so that each reads through the one scoped queryset. Denial is always 404: an object of
another steunpunt or outside the role is not found, exactly like one that does not exist.

Personal data is declared once per model: ``PERSONAL_FIELDS`` on the model names the fields (and
``"__str__"`` when the text of an object shows them). Every screen of such a model that shows an
object writes one audit record (:mod:`steunpunt.privacy`) per object shown, through
:func:`record_reads`.

Superusers are handled in one place, :func:`holds`: they manage the platform and every steunpunt's
details, never anything else. Writes keep going through each app's services.
"""

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist, PermissionDenied
from django.db.models import Q, QuerySet
from django.db.models.constants import LOOKUP_SEP
from django.http import Http404
from django.shortcuts import get_object_or_404
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.models.reference_index import ReferenceGroups
from wagtail.permission_policies.base import BasePermissionPolicy
from wagtail.permissions import policy_registry, register_permission_policy

from .policy import NATIONAL_ACTIONS, Action, can, roles_by_support_point, support_point_ids_for

# What a platform administrator (superuser) holds at every steunpunt, besides PLATFORM_MANAGE.
SUPERUSER_REACH = frozenset({Action.ACCESS_BACK_OFFICE, Action.SUPPORT_POINT_EDIT})
WAGTAIL_ACTIONS = ("view", "add", "change", "delete")


def is_platform_administrator(user):
    return can(user, Action.PLATFORM_MANAGE)


def holds(user, action, support_point=None):
    """:func:`~.policy.can`, with the superuser's reach: the one place superusers are decided."""
    action = Action(action)
    if action in SUPERUSER_REACH and is_platform_administrator(user):
        return True
    return can(user, action, support_point)


def all_support_point_ids(user, action):
    """Return the ids of the steunpunten where ``user`` holds ``action``, ``None`` meaning all of them."""
    action = Action(action)
    if action is Action.PLATFORM_MANAGE or (action in SUPERUSER_REACH and is_platform_administrator(user)):
        return None if holds(user, action) else set()
    if action in NATIONAL_ACTIONS:
        return None if can(user, action) else set()
    return support_point_ids_for(user, action)


def scoped(queryset, user, *rules, steunpunt_field="support_point"):
    """The objects of ``queryset`` that ``user`` may reach: the one way a view or selector of the platform
    scopes its objects (the model screens get theirs from :class:`ScopedPermissionPolicy`).

    Each rule is an :class:`~.policy.Action` (the objects of every steunpunt where the user holds it) or
    ``(Action, Q)`` (of those, only the ones matching ``Q``, e.g. the cases assigned to the user); an
    object any rule reaches is in. ``steunpunt_field`` says how an object reaches its steunpunt
    (``"pk"`` for the steunpunt itself). Superusers reach what :func:`holds` gives them, nothing else.
    """
    if user is None or not getattr(user, "is_authenticated", False) or not user.is_active:
        return queryset.none()
    conditions = []
    for rule in rules:
        action, extra = rule if isinstance(rule, tuple) else (rule, None)
        ids = all_support_point_ids(user, action)
        if ids is None:
            if extra is None:
                return queryset  # every steunpunt, without a further condition
            conditions.append(extra)
            continue
        if not ids:
            continue
        where = Q(pk__in=ids) if steunpunt_field == "pk" else Q(**{f"{steunpunt_field}__in": ids})
        conditions.append(where & extra if extra is not None else where)
    if not conditions:
        return queryset.none()
    combined = conditions[0]
    for condition in conditions[1:]:
        combined |= condition
    return queryset.filter(combined)


def get_scoped_or_404(queryset, user, *rules, steunpunt_field="support_point", **lookup):
    """The one object of ``queryset`` matching ``lookup`` that ``user`` may reach (:func:`scoped`); 404
    for an object of another steunpunt or outside the role, exactly as for one that does not exist."""
    return get_object_or_404(scoped(queryset, user, *rules, steunpunt_field=steunpunt_field), **lookup)


def media_for_support_point(user, model, support_point):
    """The images or documents (``model``: Wagtail's image or document model) that ``user`` may place in
    ``support_point``'s own content: those in the steunpunt's own collection (and below it) that
    Wagtail's collection rights let ``user`` choose, and only where ``user`` edits that steunpunt's
    content. Another steunpunt's files, and the national collection, are never in it."""
    from wagtail.permissions import policy_registry

    from .groups import media_collection

    queryset = model._default_manager.all()
    collection = media_collection(support_point) if support_point is not None else None
    if collection is None or not holds(user, Action.CONTENT_EDIT, support_point):
        return queryset.none()
    choosable = policy_registry.get_by_type(model).instances_user_has_permission_for(user, "choose")
    return choosable.filter(collection__path__startswith=collection.path)


def personal_fields(model):
    """Return the personal fields a model declares (``PERSONAL_FIELDS``), an empty set if none."""
    return frozenset(getattr(model, "PERSONAL_FIELDS", ()))


def personal_models():
    """Return every model that declares personal fields."""
    return [model for model in apps.get_models() if personal_fields(model)]


def role_codes(user, support_point_id):
    """Return the role codes in which ``user`` acts at a steunpunt, comma-separated, for the audit log."""
    if user is None:
        return "requester"
    codes = sorted(str(role) for role in roles_by_support_point(user).get(support_point_id, ()))
    if not codes and getattr(user, "is_superuser", False):
        return "superuser"
    return ",".join(codes) or "none"


def _own_foreign_key(model, name):
    """The foreign key ``name`` of ``model`` itself (not a path through another model), else ``None``."""
    if LOOKUP_SEP in name:
        return None
    try:
        field = model._meta.get_field(name)
    except FieldDoesNotExist:
        return None
    return field if field.many_to_one and field.concrete else None


def support_point_ids_of(model, steunpunt_field, objects):
    """Return ``{pk: support_point_id}`` for ``objects`` of ``model``, in one query."""
    pks = [obj.pk for obj in objects]
    if steunpunt_field is None or not pks:
        return dict.fromkeys(pks)
    if steunpunt_field == "pk":
        return {pk: pk for pk in pks}
    # A steunpunt the objects carry themselves (a foreign key of their own, read with them): no query.
    field = _own_foreign_key(model, steunpunt_field)
    if field is not None and all(field.attname in obj.__dict__ for obj in objects):
        return {obj.pk: getattr(obj, field.attname) for obj in objects}
    found = {}
    for pk, support_point_id in model._default_manager.filter(pk__in=pks).values_list("pk", steunpunt_field):
        found.setdefault(pk, support_point_id)
    return found


# The one audit log is privacy's (an app above tenants); it registers its writer here (privacy/apps.py):
# ``write(actor=..., action="read", entries=[(obj, support_point_id, role codes)], detail=...)``.
AUDIT_LOG = {}


def register_audit_log(write):
    AUDIT_LOG["write"] = write


def record_reads(user, model, objects, *, steunpunt_field="support_point", detail):
    """Append one READ audit record per object of ``objects`` (instances of ``model``) shown to ``user``."""
    objects = list(objects)
    if not objects:
        return []
    steunpunten = support_point_ids_of(model, steunpunt_field, objects)
    return AUDIT_LOG["write"](
        actor=user,
        action="read",
        entries=[
            (obj, steunpunten.get(obj.pk), role_codes(user, steunpunten.get(obj.pk))) for obj in objects
        ],
        detail=detail,
    )


class ScopedPermissionPolicy(BasePermissionPolicy):
    """The Wagtail permission policy of a :class:`ScopedViewSetMixin` declaration.

    Every answer comes from :meth:`queryset_for`: an instance is permitted exactly when the scoped
    queryset holds it.
    """

    def __init__(self, model, *, steunpunt_field, actions, selector=None):
        super().__init__(model)
        self.steunpunt_field = steunpunt_field
        self.actions = {name: _as_tuple(value) for name, value in actions.items()}
        unknown = set(self.actions) - set(WAGTAIL_ACTIONS)
        if unknown:
            raise ValueError(f"{model.__name__}: unknown operations {sorted(unknown)}")
        self.selector = selector

    def required(self, wagtail_actions):
        return {action for name in wagtail_actions for action in self.actions.get(name, ())}

    def user_has_permission(self, user, action):
        return any(holds(user, needed) for needed in self.required([action]))

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    def queryset_for(self, user, wagtail_actions=WAGTAIL_ACTIONS):
        """Return the objects on which ``user`` may do any of ``wagtail_actions``."""
        queryset = self.selector(user) if self.selector else self.model._default_manager.all()
        needed = self.required(wagtail_actions)
        if not needed or not getattr(user, "is_authenticated", False) or not user.is_active:
            return queryset.none()
        reach = set()
        for action in needed:
            ids = all_support_point_ids(user, action)
            if ids is None:
                return queryset
            reach |= ids
        if self.steunpunt_field is None:
            # National objects: whoever holds the action anywhere holds it for them.
            return queryset if reach else queryset.none()
        if self.steunpunt_field == "pk":
            return queryset.filter(pk__in=reach)
        inside = self.model._default_manager.filter(Q(**{f"{self.steunpunt_field}__in": reach}))
        return queryset.filter(pk__in=inside.values("pk"))

    def user_has_permission_for_instance(self, user, action, instance):
        return self.queryset_for(user, [action]).filter(pk=instance.pk).exists()

    def instances_user_has_any_permission_for(self, user, actions):
        return self.queryset_for(user, actions)

    def instances_user_has_permission_for(self, user, action):
        return self.queryset_for(user, [action])

    def users_with_any_permission(self, actions):
        raise NotImplementedError("Ask the access layer per user instead.")


def _as_tuple(value):
    return tuple(Action(item) for item in (value if isinstance(value, (tuple, list, set)) else (value,)))


class ScopedView:
    """Mixed into every view of a scoped viewset by :meth:`ScopedViewSetMixin.construct_view`."""

    access = None  # the ScopedPermissionPolicy

    def _scope(self, wagtail_actions=None):
        if wagtail_actions is None:
            single = getattr(self, "permission_required", None)
            wagtail_actions = (
                [single] if single else getattr(self, "any_permission_required", None) or WAGTAIL_ACTIONS
            )
        return self.access.queryset_for(self.request.user, wagtail_actions)

    def _narrow(self, queryset):
        if getattr(queryset, "model", None) is self.access.model:
            return queryset.filter(pk__in=self._scope().values("pk"))
        return queryset

    def setup(self, request, *args, **kwargs):
        try:
            super().setup(request, *args, **kwargs)
        except PermissionDenied:
            raise Http404 from None

    def dispatch(self, request, *args, **kwargs):
        try:
            response = super().dispatch(request, *args, **kwargs)
        except PermissionDenied:
            raise Http404 from None
        if request.method == "GET" and 200 <= response.status_code < 300:
            self._audit(response)
        return response

    # Listings (IndexView, choosers) and single-object views alike read through the scope.
    def get_base_queryset(self):
        return self._narrow(super().get_base_queryset())

    def get_queryset(self):
        queryset = super().get_queryset()
        if isinstance(queryset, ReferenceGroups) and isinstance(queryset.qs, QuerySet):
            # A usage listing names each referring object by its text: never one with personal data.
            hidden = [ct.pk for ct in ContentType.objects.get_for_models(*personal_models()).values()]
            queryset.qs = queryset.qs.exclude(content_type_id__in=hidden).exclude(
                base_content_type_id__in=hidden
            )
            return queryset
        return self._narrow(queryset)

    def get_base_object_queryset(self):
        return self._narrow(super().get_base_object_queryset())

    def get_object_list(self):
        return self._narrow(super().get_object_list())

    def get_object(self, *args, **kwargs):
        obj = super().get_object(*args, **kwargs)
        # The one guard every single-object view passes, whatever queryset it used.
        if isinstance(obj, self.access.model) and not self._scope().filter(pk=obj.pk).exists():
            raise Http404
        return obj

    def _audit(self, response):
        model = self.access.model
        shown = personal_fields(model)
        if not shown:
            return
        match = getattr(self.request, "resolver_match", None)
        name = f"screen {match.view_name}" if match else "screen"
        obj = getattr(self, "object", None)
        if isinstance(obj, model):
            record_reads(
                self.request.user, model, [obj], steunpunt_field=self.access.steunpunt_field, detail=name
            )
            return
        context = getattr(response, "context_data", None) or {}
        listed = context.get("object_list")
        columns = {getattr(column, "name", column) for column in getattr(self, "list_display", None) or ()}
        if listed is not None and columns & shown:
            record_reads(
                self.request.user,
                model,
                [item for item in listed if isinstance(item, model)],
                steunpunt_field=self.access.steunpunt_field,
                detail=name,
            )


class ScopedViewSetMixin:
    """The declaration every back-office model screen makes; see the module's docstring."""

    steunpunt_field = "support_point"
    actions = {}
    selector = None

    @property
    def access(self):
        policy = policy_registry.get_by_type(self.model, fallback=False)
        if not isinstance(policy, ScopedPermissionPolicy):
            policy = ScopedPermissionPolicy(
                self.model,
                steunpunt_field=self.steunpunt_field,
                actions=self.actions,
                selector=type(self).selector,
            )
            register_permission_policy(self.model, policy, exact_class=True)
        return policy

    @property
    def permission_policy(self):
        return self.access

    def construct_view(self, view_class, **kwargs):
        scoped = type(f"Scoped{view_class.__name__}", (ScopedView, view_class), {"access": self.access})
        return super().construct_view(scoped, **kwargs)

    def register_permissions(self):
        self.access  # noqa: B018 - registers the policy before Wagtail looks for one
        super().register_permissions()


class ScopedModelViewSet(ScopedViewSetMixin, ModelViewSet):
    """A Wagtail ``ModelViewSet`` served from the scoped queryset. Inspect and copy are off unless
    a screen turns them on (they are scoped like every other view when it does)."""

    inspect_view_enabled = False
    copy_view_enabled = False
