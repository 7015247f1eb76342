"""Run what a piece of code leaves for the task worker, as the worker runs it: afterwards."""

from django.test import override_settings


def tasks_left_for_the_worker(load):
    """Call ``load()`` with django-tasks' dummy backend, which keeps each queued task; then run every
    kept task. Return the failures as ``["task(args): error", …]``."""
    from django_tasks import default_task_backend

    with override_settings(TASKS={"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}):
        load()
        queued = list(default_task_backend.results)
    failed = []
    for result in queued:
        try:
            result.task.call(*result.args, **result.kwargs)
        except Exception as error:  # the list says which task failed and why
            failed.append(f"{result.task.name}{result.args}: {error!r}")
    return failed


def assert_related_links_indexed():
    """Wagtail's reference index holds the related articles ("Lees ook") of an article that has them."""
    from wagtail.models import ReferenceIndex

    from steunpunt.information.models import ArticlePage

    article = ArticlePage.objects.filter(related_links__isnull=False).first()
    assert article is not None
    assert (
        ReferenceIndex.get_references_for_object(article)
        .filter(model_path__startswith="related_links")
        .exists()
    )
