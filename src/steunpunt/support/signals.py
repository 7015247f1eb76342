"""Signals other apps listen to, so that support needs to know none of them."""

from django.dispatch import Signal

# Sent when the personal data of cases is removed (retention or erasure), with ``case_ids``: an app
# that keeps personal data beside a case (a consultation booking) removes its own.
requester_data_removed = Signal()

# Sent by the case timeline (full access only) with ``case``: an app that keeps a history beside a case
# (spreekuur bookings) answers with a list of ``{"kind", "at", "object"}`` entries for it.
case_timeline_entries = Signal()
