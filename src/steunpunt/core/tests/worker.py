"""Run what a piece of code leaves for the task worker, as the worker runs it: afterwards."""

from django.test import override_settings


def tasks_left_for_the_worker(load):
    """Call ``load()`` with django-tasks' dummy backend, which keeps each queued task; then run every
    kept task. Return ``(number of tasks, ["task(args): error", …])``."""
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
    return len(queued), failed
