from datetime import timedelta

from django.utils import timezone
from django_tasks import task

from .services import outbox_send

RETRY_AFTER = timedelta(minutes=2)


@task()
def send_outbox():
    """Send the due mails; while some wait, try again later (on backends that can wait)."""
    sent, failed, waiting = outbox_send()
    if waiting and send_outbox.get_backend().supports_defer:
        send_outbox.using(run_after=timezone.now() + RETRY_AFTER).enqueue()
    return {"sent": sent, "failed": failed, "waiting": waiting}
