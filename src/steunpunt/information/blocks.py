from django.utils.translation import gettext_lazy as _
from wagtail import blocks


def body_blocks():
    """Plain blocks: plain text keeps the readability check and glossary links exact."""
    return [
        ("heading", blocks.CharBlock(label=_("Heading"), max_length=120)),
        ("paragraph", blocks.TextBlock(label=_("Paragraph"))),
        ("list", blocks.ListBlock(blocks.CharBlock(label=_("Item")), label=_("List"))),
    ]
