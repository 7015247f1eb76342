"""Text that must keep its left-to-right order on a right-to-left page.

A phone number is digit groups with spaces between them. On an Arabic page the Unicode bidirectional
algorithm lays such groups out from right to left ("050 123 4567" shows as "4567 123 050") whenever
they stand in right-to-left text, as in "اتصل بـ 050 123 4567". ``{{ number|ltr }}`` isolates the value
as one left-to-right unit; it also works inside ``{% blocktranslate with phone=...|ltr %}``.
"""

from django import template
from django.utils.html import format_html

register = template.Library()


@register.filter
def ltr(value):
    return format_html('<bdi dir="ltr">{}</bdi>', value)
