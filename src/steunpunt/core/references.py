"""Wagtail's reference index ("where is this used?") brought up to date once after a load of content.

Wagtail queues a background task to update the index for every object saved. A load of many pages
(the starter set, its translations, the demo) saves thousands of objects and replaces some of them
before the task worker gets to them: the worker then looks for rows that are gone and logs a
``DoesNotExist`` traceback for each, and indexes the same pages again and again.
"""

import io
from contextlib import contextmanager

from django.core.management import call_command
from wagtail.signal_handlers import disable_reference_index_auto_update, reference_index_auto_update_disabled


@contextmanager
def references_indexed_at_the_end():
    """Queue no reference-index update inside the block; build the whole index once at its end, in
    this process. Inside another such block it only waits for the outer one's end."""
    if getattr(reference_index_auto_update_disabled, "value", False):
        yield
        return
    with disable_reference_index_auto_update():
        yield
    call_command("rebuild_references_index", verbosity=0, stdout=io.StringIO())
