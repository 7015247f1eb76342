"""The inbox's table rows as HTML, built in Python the way Django's admin builds its change list.

Through the template engine, each of the 50 rows resolved and escaped some forty variables, filters
and tags one by one: half of the inbox's time (bench/README.md, P7). Here every label is translated
once per page, the two case links are reversed once, and each cell is escaped by ``format_html``.
The markup is the template's: the table, its header and the pages stay in support/admin/inbox.html.
"""

from django.template.defaultfilters import truncatechars
from django.urls import reverse
from django.utils import timezone
from django.utils.dates import MONTHS
from django.utils.html import format_html, format_html_join
from django.utils.timesince import timesince
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

# A case number no real case has, reversed in place of one: the link's text before and after it.
_SOME_PK = 987654321

# The header of each data cell (its ``data-label``), in the order of the table's columns.
LABELS = {
    "who_asks": gettext_noop("Who asks"),
    "came_in_by": gettext_noop("Came in by"),
    "language": gettext_noop("Language"),
    "status": gettext_noop("Status"),
    "waiting": gettext_noop("Waiting"),
    "first_contact_before": gettext_noop("First contact before"),
    "consultant": gettext_noop("Consultant"),
    "themes": gettext_noop("Themes"),
}


def _pk_link(name):
    """Return a function that gives the path of the URL ``name`` for a case number, reversed once."""
    path = reverse(name, args=[_SOME_PK])
    before, found, after = path.partition(str(_SOME_PK))
    if not found or str(_SOME_PK) in after:
        raise ValueError(f"{name!r} does not take the case number once: {path}")
    return lambda pk: f"{before}{int(pk)}{after}"


class InboxRows:
    """Builds the cells of the inbox's rows for one page (one request, one language)."""

    def __init__(self, *, now, may_assign):
        self.now = now
        self.may_assign = may_assign
        self.case_link = _pk_link("support_case")
        self.assign_link = _pk_link("support_case_assign") if may_assign else None
        # Escaped like everything else (the template wrote "Thema's", this writes "Thema&#x27;s").
        self.label = {key: _(text) for key, text in LABELS.items()}
        self.urgent = _("Urgent")
        self.received = _("Received")
        self.done = _("done")
        self.overdue = _("overdue")
        self._months = {}

    def day(self, value):
        """``value`` as the template's ``|date:"j F Y"`` writes it, in the current time zone."""
        value = timezone.localtime(value) if timezone.is_aware(value) else value
        month = self._months.get(value.month)
        if month is None:
            month = self._months[value.month] = str(MONTHS[value.month])
        return f"{value.day} {month} {value.year}"

    def cells(self, row):
        """The ``<td>`` cells of one row (a dict the inbox view made) as safe HTML."""
        case = row["case"]
        if row["readable"]:
            reference = format_html('<a href="{}">{}</a>', self.case_link(case.pk), case.reference)
        elif self.may_assign:
            reference = format_html('<a href="{}">{}</a>', self.assign_link(case.pk), case.reference)
        else:
            reference = case.reference
        urgent = format_html(' <strong class="inbox-late">{}</strong>', self.urgent) if case.urgent else ""
        preview = (
            format_html('<span class="inbox-preview">{}</span>', truncatechars(case.question, 140))
            if row["readable"]
            else ""
        )
        waiting = timesince(row["waiting_since"], self.now) if row["waiting_since"] else "—"
        if case.first_contact_at:
            first_contact = self.done
        elif row["overdue"]:
            first_contact = format_html(
                '{} <strong class="inbox-late">({})</strong>', self.day(case.first_contact_due), self.overdue
            )
        else:
            first_contact = self.day(case.first_contact_due)
        themes = ", ".join(theme.name for theme in case.theme_list) or "—"
        label = self.label
        return format_html(
            '<td>{}{} {} <span class="inbox-preview">{} {}</span></td>{}',
            reference,
            urgent,
            preview,
            self.received,
            self.day(case.created_at),
            format_html_join(
                "",
                '<td data-label="{}">{}</td>',
                (
                    (label["who_asks"], row["requester_kind"]),
                    (label["came_in_by"], row["channel"]),
                    (label["language"], row["language"]),
                    (label["status"], row["status"]),
                    (label["waiting"], waiting),
                    (label["first_contact_before"], first_contact),
                    (label["consultant"], row["consultant"] or "—"),
                    (label["themes"], themes),
                ),
            ),
        )
