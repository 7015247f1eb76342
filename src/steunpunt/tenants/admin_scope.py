"""The access layer for Wagtail's own back-office screens (pages, documents, images, workflows, choosers,
the admin API): the steunpunt's model screens are scoped by :mod:`.access`; these are scoped here, in one
place, so that their denial is the same 404.

- :func:`deny` replaces Wagtail's "permission denied" answer (a redirect to the dashboard with a
  message, which tells that the object exists) with 404.
- :class:`AdminObjectScopeMiddleware` looks at the objects an admin address names and answers 404 when
  the signed-in user may not reach them: a page outside the page trees Wagtail lets the user explore
  (so another steunpunt's site, or any site for a role that edits no pages) unless the user may edit
  it or act on it in a workflow task in progress (an expert, a reading panel member); a workflow step
  of another page than the one named, or one the user neither finished nor may reach the page of; a
  document, image or collection the user holds none of Wagtail's permissions on (per object: the
  collection it lies in), a workflow or task of which the user holds none, a translation
  (wagtail-localize's editor) of a page the user may not reach. Platform administrators
  (superusers) pass because Wagtail's own policies grant them everything, not by an exception here.
"""

from django.http import Http404

# Which model an admin address's parameter names, by parameter name ...
PAGE_PARAMETERS = frozenset({"page_id", "parent_page_id", "page_to_move_id", "destination_id", "page_pk"})
OTHER_PARAMETERS = {
    "document_id": "document",
    "doc_id": "document",
    "image_id": "image",
    "collection_id": "collection",
    "task_id": "task",
    "task_state_id": "task",
    "workflow_pk": "workflow",
    "workflow_state_id": "workflow",
    # wagtail-localize's translation editor and its calls: a translation of a page.
    "translation_id": "translation",
}
# ... and, for ``pk``, by the URL namespace.
PK_BY_NAMESPACE = {
    "wagtailadmin_pages": "page",
    "wagtailadmin_api:pages": "page",
    "wagtailadmin_api:documents": "document",
    "wagtaildocs_chooser": "document",
    "wagtailadmin_api:images": "image",
    "wagtailimages_chooser": "image",
    "wagtailadmin_collections": "collection",
    "wagtailadmin_workflows": "workflow",
}


def deny(request):
    """Wagtail's ``permission_denied``, the access layer's way: not found."""
    raise Http404


def _models():
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.models import Collection, Task, Workflow

    return {
        "document": get_document_model(),
        "image": get_image_model(),
        "collection": Collection,
        "task": Task,
        "workflow": Workflow,
    }


WAGTAIL_PERMISSIONS = ("add", "change", "delete", "choose")


def holds_any_wagtail_permission(user, model, pk):
    """Whether ``user`` holds any of Wagtail's own permissions on the object ``pk`` of ``model``: Wagtail's
    permission policy for the model decides per object (documents and images by their collection,
    collections by the collections the user manages; workflows and tasks per model)."""
    from wagtail.permissions import policy_registry

    policy = policy_registry.get_by_type(model)
    return policy.instances_user_has_any_permission_for(user, WAGTAIL_PERMISSIONS).filter(pk=pk).exists()


def page_reachable(user, page_id):
    """Whether ``user`` may reach page ``page_id`` in the back office: it lies in a tree Wagtail lets
    the user explore, or the user reviews it in a workflow task that is in progress."""
    from wagtail.models import Page, Task, TaskState
    from wagtail.permission_policies.pages import PagePermissionPolicy

    if PagePermissionPolicy().explorable_instances(user).filter(pk=page_id).exists():
        return True
    in_progress = TaskState.objects.filter(
        status=TaskState.STATUS_IN_PROGRESS,
        workflow_state__base_content_type__isnull=False,
        workflow_state__object_id=str(page_id),
    )
    tasks = Task.objects.filter(pk__in=in_progress.values("task_id")).specific()
    page = Page.objects.filter(pk=page_id).first()
    return page is not None and any(
        # The task's editor, or one of its actions (a reading panel member reviews from a preview).
        task.user_can_access_editor(page, user) or task.get_actions(page, user)
        for task in tasks
    )


def translation_reachable(user, translation_id):
    """Whether ``user`` may reach wagtail-localize's translation ``translation_id``: it translates a page
    (the platform translates no other objects) and the user may reach the translated page."""
    from wagtail.models import Page
    from wagtail_localize.models import Translation

    translation = Translation.objects.filter(pk=translation_id).select_related("source").first()
    if translation is None:
        return False
    page = Page.objects.filter(
        translation_key=translation.source.object_id, locale_id=translation.target_locale_id
    ).first()
    return page is not None and page_reachable(user, page.pk)


def named_objects(match):
    """``[(kind, id)]`` for the objects an admin address names."""
    named = []
    for name, value in match.kwargs.items():
        if name in PAGE_PARAMETERS:
            named.append(("page", value))
        elif name in OTHER_PARAMETERS:
            named.append((OTHER_PARAMETERS[name], value))
        elif name == "pk" and match.namespace in PK_BY_NAMESPACE:
            named.append((PK_BY_NAMESPACE[match.namespace], value))
    return named


def reachable(user, kind, value):
    if not str(value).isdigit():
        return False
    if kind == "page":
        return page_reachable(user, int(value))
    if kind == "translation":
        return translation_reachable(user, int(value))
    return holds_any_wagtail_permission(user, _models()[kind], int(value))


class AdminObjectScopeMiddleware:
    """Answers 404 for a Wagtail admin address that names an object the signed-in user may not reach."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = getattr(request, "resolver_match", None)
        user = getattr(request, "user", None)
        if match is None or not request.path.startswith("/admin/") or user is None:
            return None
        if not user.is_authenticated:
            return None  # Wagtail sends the anonymous to the login
        named = named_objects(match)
        pages = [value for kind, value in named if kind == "page"]
        for kind, value in named:
            if kind == "page":
                if not reachable(user, kind, value):
                    raise Http404
            elif pages and kind in ("task", "workflow"):
                # A workflow step of a named page (approve, reject, preview, its history): the page's
                # check above decides, and the step must belong to that page.
                if not _belongs_to_page(match, pages[0]):
                    raise Http404
            elif "task_state_id" in match.kwargs and kind == "task":
                if not _task_state_reachable(user, match.kwargs["task_state_id"]):
                    raise Http404
            elif not reachable(user, kind, value):
                raise Http404
        return None


def _task_state_reachable(user, task_state_id):
    """A workflow step named on its own (the thank-you after a review): the one who finished it, or
    whoever may reach its page."""
    from wagtail.models import TaskState

    state = TaskState.objects.filter(pk=task_state_id).select_related("workflow_state").first()
    if state is None:
        return False
    object_id = state.workflow_state.object_id
    return state.finished_by_id == user.pk or (object_id.isdigit() and page_reachable(user, int(object_id)))


def _belongs_to_page(match, page_id):
    """Whether the task state or workflow state an address names is one of page ``page_id``'s."""
    from wagtail.models import TaskState, WorkflowState

    kwargs, page = match.kwargs, str(page_id)
    if "task_state_id" in kwargs:
        return TaskState.objects.filter(pk=kwargs["task_state_id"], workflow_state__object_id=page).exists()
    if "workflow_state_id" in kwargs:
        return WorkflowState.objects.filter(pk=kwargs["workflow_state_id"], object_id=page).exists()
    return True  # a task named beside a page (the preview of a step): tasks are the installation's own
