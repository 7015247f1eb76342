"""The back office under the Content-Security-Policy: no inline scripts (see admin-init.js)."""

from django.templatetags.static import static
from django.utils.html import format_html
from wagtail import hooks


@hooks.register("insert_global_admin_js")
def start_widgets_without_inline_scripts():
    return format_html('<script src="{}"></script>', static("core/js/admin-init.js"))
