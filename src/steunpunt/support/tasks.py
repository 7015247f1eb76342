from datetime import timedelta

from django.utils import timezone
from django_tasks import task

from .retention import anonymise_expired_cases

ONCE_A_DAY = timedelta(days=1)


@task()
def anonymise_expired():
    """Anonymise expired closed cases, and run again tomorrow (on backends that can wait)."""
    count = anonymise_expired_cases()
    if anonymise_expired.get_backend().supports_defer:
        anonymise_expired.using(run_after=timezone.now() + ONCE_A_DAY).enqueue()
    return count
