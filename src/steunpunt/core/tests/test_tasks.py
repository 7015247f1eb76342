"""Background work goes through django-tasks with the database backend and its worker."""

import pytest
from django.core.management import call_command
from django_tasks_db.models import DBTaskResult

from steunpunt.tenants.services import support_point_create


@pytest.mark.django_db(transaction=True)
def test_publishing_enqueues_tasks_in_the_database_and_the_worker_runs_them(settings, platform):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    DBTaskResult.objects.all().delete()
    support_point_create(name="Steunpunt Taak", hostname="taak.localhost", partnership_codes=["PO2801"])
    queued = DBTaskResult.objects.filter(status="READY")
    assert queued.exists(), "publishing the home page should leave work for the worker"
    call_command("db_worker", "--batch", "--interval", "0")
    assert not DBTaskResult.objects.filter(status="READY").exists()
    assert DBTaskResult.objects.filter(status="SUCCESSFUL").count() == DBTaskResult.objects.count()
