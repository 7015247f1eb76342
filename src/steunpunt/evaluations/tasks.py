from datetime import timedelta

from django.utils import timezone
from django_tasks import task

from .services import send_reminders


@task()
def evaluation_reminders():
    """Send the week-old reminders, and run again tomorrow (on backends that can wait)."""
    sent = send_reminders()
    if evaluation_reminders.get_backend().supports_defer:
        evaluation_reminders.using(run_after=timezone.now() + timedelta(days=1)).enqueue()
    return sent
