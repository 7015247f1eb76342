"""Wagtail's chooser widgets without their inline script, for the back office's script-src 'self'.

``BaseChooser.render`` appends ``<script>new PageChooser(id, options)</script>`` (Python, not a
template, so no template override reaches it). :func:`install` replaces that script with a hidden
marker holding the same constructor name and options; core/static/core/js/admin-init.js starts it.
"""

import json

from django.utils.html import format_html
from django.utils.safestring import mark_safe


def _render_without_script(self, name, value, attrs=None, renderer=None):
    from wagtail.admin.widgets.workflows import AdminTaskChooser

    try:
        id_ = attrs["id"]
    except (KeyError, TypeError) as e:
        raise TypeError("BaseChooser cannot be rendered without an 'id' attribute") from e
    value_data = self.get_value_data(value)
    widget_html = self.render_html(name, value_data, attrs)
    if isinstance(self, AdminTaskChooser):
        marker = format_html(
            '<span hidden data-steunpunt-init="task-chooser" data-steunpunt-target="{}"></span>', id_
        )
    else:
        marker = format_html(
            '<span hidden data-steunpunt-init="chooser" data-steunpunt-constructor="{}" '
            'data-steunpunt-target="{}" data-steunpunt-config="{}"></span>',
            self.js_constructor,
            id_,
            json.dumps(self.get_js_init_options(id_, name, value_data)),
        )
    return mark_safe(f"{widget_html}{marker}")  # noqa: S308  # nosec B308 B703  # both parts escaped


def install():
    from wagtail.admin.widgets import BaseChooser

    BaseChooser.render = _render_without_script
