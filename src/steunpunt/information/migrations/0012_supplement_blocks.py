"""Regional supplements get the blocks of a national article (issue 17, media).

Before the columns become StreamFields, each text is rewritten in place as the JSON of a stream:
paragraphs separated by blank lines become paragraph blocks, each paragraph's text kept exactly
(without the blank lines around it); an empty text becomes an empty stream. Backwards, the text of
the blocks is joined again with blank lines: paragraphs, headings, notes, list items and questions
come back as text, media blocks (which have no text of their own to keep) are dropped.
"""

import json
import re
import uuid

import wagtail.fields
from django.db import migrations

FIELDS = (
    "body",
    "youth_body",
    "children_body",
    "approved_body",
    "approved_youth_body",
    "approved_children_body",
)
# One or more blank lines (lines with nothing but spaces or tabs) between two paragraphs.
_PARAGRAPH_BREAK = re.compile(r"[ \t]*(?:\r\n|\n|\r)(?:[ \t]*(?:\r\n|\n|\r))+")


def text_to_stream(text):
    """The stream (raw JSON data) of a plain text: one paragraph block per paragraph."""
    paragraphs = [part.strip() for part in _PARAGRAPH_BREAK.split(text or "")]
    return [
        {"type": "paragraph", "value": paragraph, "id": str(uuid.uuid4())}
        for paragraph in paragraphs
        if paragraph
    ]


def _items(value):
    # A ListBlock stores its items as {"type": "item", "value": ...}; older data as bare values.
    return [item["value"] if isinstance(item, dict) and "value" in item else item for item in value or []]


def stream_to_text(stream):
    """The plain text of a stream's raw data (a list, or its JSON): the text blocks, blank-line separated."""
    if isinstance(stream, str):
        stream = json.loads(stream) if stream.strip() else []
    parts = []
    for block in stream or []:
        kind, value = block.get("type"), block.get("value")
        if kind in ("paragraph", "heading", "callout"):
            parts.append(value or "")
        elif kind in ("list", "steps"):
            parts.append("\n".join(str(item) for item in _items(value)))
        elif kind == "questions":
            parts.extend(f"{item['question']}\n{item['answer']}" for item in _items(value))
    return "\n\n".join(part for part in parts if part.strip())


def texts_to_streams(apps, schema_editor):
    RegionalSupplement = apps.get_model("information", "RegionalSupplement")
    for supplement in RegionalSupplement.objects.all():
        for name in FIELDS:
            setattr(supplement, name, json.dumps(text_to_stream(getattr(supplement, name))))
        supplement.save(update_fields=FIELDS)


def streams_to_texts(apps, schema_editor):
    RegionalSupplement = apps.get_model("information", "RegionalSupplement")
    for supplement in RegionalSupplement.objects.all():
        for name in FIELDS:
            setattr(supplement, name, stream_to_text(getattr(supplement, name)))
        supplement.save(update_fields=FIELDS)


def collections_for_existing_steunpunten(apps, schema_editor):
    """Each steunpunt with a content group gets its own collection of images and documents, with the
    group's media rights (new steunpunten get theirs from tenants.groups.media_collection_ensure when
    an editor joins). Collections are a tree (treebeard), which only Wagtail's own model can grow; the
    names and rights follow tenants.groups."""
    from django.contrib.auth.models import Group, Permission
    from wagtail.models import Collection, GroupCollectionPermission

    SupportPoint = apps.get_model("tenants", "SupportPoint")
    codenames = ("add_image", "change_image", "choose_image", "add_document", "change_document", "choose_document")
    permissions = list(Permission.objects.filter(codename__in=codenames))
    if len(permissions) != len(codenames):
        return  # a new database: no steunpunten yet, and the permissions come after the migrations
    for slug in SupportPoint.objects.values_list("slug", flat=True):
        group = Group.objects.filter(name=f"Steunpunt {slug}: redactie").first()
        if group is None:
            continue
        root = Collection.get_first_root_node() or Collection.add_root(name="Root")
        name = f"Steunpunt {slug}"
        collection = root.get_children().filter(name=name).first() or root.add_child(name=name)
        for permission in permissions:
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=collection, permission=permission
            )


class Migration(migrations.Migration):
    dependencies = [
        ("information", "0011_article_media_blocks"),
        ("tenants", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        # While the columns are still text: write each text as the JSON of its stream.
        migrations.RunPython(texts_to_streams, streams_to_texts),
        migrations.RunPython(collections_for_existing_steunpunten, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="regionalsupplement",
            name="approved_body",
            field=wagtail.fields.StreamField(
                [
                    ("heading", 0),
                    ("paragraph", 1),
                    ("list", 3),
                    ("steps", 5),
                    ("callout", 6),
                    ("questions", 10),
                    ("image", 14),
                    ("video", 20),
                    ("document", 23),
                ],
                blank=True,
                block_lookup={
                    0: ("wagtail.blocks.CharBlock", (), {"label": "Heading", "max_length": 120}),
                    1: ("wagtail.blocks.TextBlock", (), {"label": "Paragraph"}),
                    2: ("wagtail.blocks.CharBlock", (), {"label": "Item"}),
                    3: ("wagtail.blocks.ListBlock", (2,), {"label": "List"}),
                    4: ("wagtail.blocks.TextBlock", (), {"label": "Step"}),
                    5: ("wagtail.blocks.ListBlock", (4,), {"icon": "list-ol", "label": "Numbered steps"}),
                    6: ("wagtail.blocks.TextBlock", (), {"icon": "warning", "label": "Note (“let op”)"}),
                    7: ("wagtail.blocks.CharBlock", (), {"label": "Question", "max_length": 250}),
                    8: ("wagtail.blocks.TextBlock", (), {"label": "Answer"}),
                    9: ("wagtail.blocks.StructBlock", [[("question", 7), ("answer", 8)]], {}),
                    10: (
                        "wagtail.blocks.ListBlock",
                        (9,),
                        {"icon": "help", "label": "Questions and answers"},
                    ),
                    11: ("wagtail.images.blocks.ImageChooserBlock", (), {"label": "Image"}),
                    12: (
                        "wagtail.blocks.CharBlock",
                        (),
                        {
                            "help_text": "What the image shows, for readers who cannot see it. Required.",
                            "label": "Alternative text",
                            "max_length": 250,
                        },
                    ),
                    13: (
                        "wagtail.blocks.CharBlock",
                        (),
                        {"label": "Caption", "max_length": 250, "required": False},
                    ),
                    14: ("wagtail.blocks.StructBlock", [[("image", 11), ("alt", 12), ("caption", 13)]], {}),
                    15: ("wagtail.blocks.CharBlock", (), {"label": "Title of the video", "max_length": 200}),
                    16: (
                        "wagtail.documents.blocks.DocumentChooserBlock",
                        (),
                        {
                            "help_text": "An MP4 or WebM file. Or give the address of a YouTube or Vimeo video below.",
                            "label": "Video file (on this site)",
                            "required": False,
                        },
                    ),
                    17: (
                        "wagtail.blocks.URLBlock",
                        (),
                        {
                            "help_text": "Readers first see where the video comes from; it loads only when they choose to.",
                            "label": "YouTube or Vimeo address",
                            "required": False,
                            "search_index": False,
                        },
                    ),
                    18: (
                        "wagtail.documents.blocks.DocumentChooserBlock",
                        (),
                        {
                            "help_text": "For a video file on this site. A video without captions needs a transcript.",
                            "label": "Captions (.vtt file)",
                            "required": False,
                        },
                    ),
                    19: (
                        "wagtail.blocks.TextBlock",
                        (),
                        {
                            "help_text": "Everything that is said and shown. Required for a YouTube or Vimeo video.",
                            "label": "Transcript",
                            "required": False,
                        },
                    ),
                    20: (
                        "wagtail.blocks.StructBlock",
                        [
                            [
                                ("title", 15),
                                ("file", 16),
                                ("embed_url", 17),
                                ("captions", 18),
                                ("transcript", 19),
                            ]
                        ],
                        {},
                    ),
                    21: ("wagtail.documents.blocks.DocumentChooserBlock", (), {"label": "Document"}),
                    22: (
                        "wagtail.blocks.CharBlock",
                        (),
                        {
                            "help_text": "What the reader downloads. Empty: the document's title.",
                            "label": "Link text",
                            "max_length": 200,
                            "required": False,
                        },
                    ),
                    23: ("wagtail.blocks.StructBlock", [[("document", 21), ("title", 22)]], {}),
                },
                editable=False,
            ),
        ),
        migrations.AlterField(
            model_name="regionalsupplement",
            name="approved_children_body",
            field=wagtail.fields.StreamField(
                [
                    ("heading", 0),
                    ("paragraph", 1),
                    ("list", 3),
                    ("steps", 5),
                    ("callout", 6),
                    ("questions", 10),
                    ("image", 14),
                    ("video", 20),
                    ("document", 23),
                ],
                blank=True,
                block_lookup={
                    0: ("wagtail.blocks.CharBlock", (), {"label": "Heading", "max_length": 120}),
                    1: ("wagtail.blocks.TextBlock", (), {"label": "Paragraph"}),
                    2: ("wagtail.blocks.CharBlock", (), {"label": "Item"}),
                    3: ("wagtail.blocks.ListBlock", (2,), {"label": "List"}),
                    4: ("wagtail.blocks.TextBlock", (), {"label": "Step"}),
                    5: ("wagtail.blocks.ListBlock", (4,), {"icon": "list-ol", "label": "Numbered steps"}),
                    6: ("wagtail.blocks.TextBlock", (), {"icon": "warning", "label": "Note (“let op”)"}),
                    7: ("wagtail.blocks.CharBlock", (), {"label": "Question", "max_length": 250}),
                    8: ("wagtail.blocks.TextBlock", (), {"label": "Answer"}),
                    9: ("wagtail.blocks.StructBlock", [[("question", 7), ("answer", 8)]], {}),
                    10: (
                        "wagtail.blocks.ListBlock",
                        (9,),
                        {"icon": "help", "label": "Questions and answers"},
                    ),
                    11: ("wagtail.images.blocks.ImageChooserBlock", (), {"label": "Image"}),
                    12: (
                        "wagtail.blocks.CharBlock",
                        (),
                        {
                            "help_text": "What the image shows, for readers who cannot see it. Required.",
                            "label": "Alternative text",
                            "max_length": 250,
                        },
                    ),
                    13: (
                        "wagtail.blocks.CharBlock",
                        (),
                        {"label": "Caption", "max_length": 250, "required": False},
                    ),
                    14: ("wagtail.blocks.StructBlock", [[("image", 11), ("alt", 12), ("caption", 13)]], {}),
                    15: ("wagtail.blocks.CharBlock", (), {"label": "Title of the video", "max_length": 200}),
                    16: (
                        "wagtail.documents.blocks.DocumentChooserBlock",
                        (),
                        {
                            "help_text": "An MP4 or WebM file. Or give the address of a YouTube or Vimeo video below.",
                            "label": "Video file (on this site)",
                            "required": False,
                        },
                    ),
                    17: (
                        "wagtail.blocks.URLBlock",
                        (),
                        {
                            "help_text": "Readers first see where the video comes from; it loads only when they choose to.",
                            "label": "YouTube or Vimeo address",
                            "required": False,
                            "search_index": False,
                        },
                    ),
                    18: (
                        "wagtail.documents.blocks.DocumentChooserBlock",
                        (),
                        {
                            "help_text": "For a video file on this site. A video without captions needs a transcript.",
                            "label": "Captions (.vtt file)",
                            "required": False,
                        },
                    ),
                    19: (
                        "wagtail.blocks.TextBlock",
                        (),
                        {
                            "help_text": "Everything that is said and shown. Required for a YouTube or Vimeo video.",
                            "label": "Transcript",
                            "required": False,
                        },
                    ),
                    20: (
                        "wagtail.blocks.StructBlock",
                        [
                            [
                                ("title", 15),
                                ("file", 16),
                                ("embed_url", 17),
                                ("captions", 18),
                                ("transcript", 19),
                            ]
                        ],
                        {},
                    ),
                    21: ("wagtail.documents.blocks.DocumentChooserBlock", (), {"label": "Document"}),
                    22: (
                        "wagtail.blocks.CharBlock",
                        (),
                        {
                            "help_text": "What the reader downloads. Empty: the document's title.",
                            "label": "Link text",
                            "max_length": 200,
                            "required": False,
                        },
                    ),
                    23: ("wagtail.blocks.StructBlock", [[("document", 21), ("title", 22)]], {}),
                },
                editable=False,
            ),
        ),
        migrations.AlterField(
            model_name="regionalsupplement",
            name="approved_youth_body",
            field=wagtail.fields.StreamField(
                [
                    ("heading", 0),
                    ("paragraph", 1),
                    ("list", 3),
                    ("steps", 5),
                    ("callout", 6),
                    ("questions", 10),
                    ("image", 14),
                    ("video", 20),
                    ("document", 23),
                ],
                blank=True,
                block_lookup={
                    0: ("wagtail.blocks.CharBlock", (), {"label": "Heading", "max_length": 120}),
                    1: ("wagtail.blocks.TextBlock", (), {"label": "Paragraph"}),
                    2: ("wagtail.blocks.CharBlock", (), {"label": "Item"}),
                    3: ("wagtail.blocks.ListBlock", (2,), {"label": "List"}),
                    4: ("wagtail.blocks.TextBlock", (), {"label": "Step"}),
                    5: ("wagtail.blocks.ListBlock", (4,), {"icon": "list-ol", "label": "Numbered steps"}),
                    6: ("wagtail.blocks.TextBlock", (), {"icon": "warning", "label": "Note (“let op”)"}),
                    7: ("wagtail.blocks.CharBlock", (), {"label": "Question", "max_length": 250}),
                    8: ("wagtail.blocks.TextBlock", (), {"label": "Answer"}),
                    9: ("wagtail.blocks.StructBlock", [[("question", 7), ("answer", 8)]], {}),
                    10: (
                        "wagtail.blocks.ListBlock",
                        (9,),
                        {"icon": "help", "label": "Questions and answers"},
                    ),
                    11: ("wagtail.images.blocks.ImageChooserBlock", (), {"label": "Image"}),
                    12: (
                        "wagtail.blocks.CharBlock",
                        (),
                        {
                            "help_text": "What the image shows, for readers who cannot see it. Required.",
                            "label": "Alternative text",
                            "max_length": 250,
                        },
                    ),
                    13: (
                        "wagtail.blocks.CharBlock",
                        (),
                        {"label": "Caption", "max_length": 250, "required": False},
                    ),
                    14: ("wagtail.blocks.StructBlock", [[("image", 11), ("alt", 12), ("caption", 13)]], {}),
                    15: ("wagtail.blocks.CharBlock", (), {"label": "Title of the video", "max_length": 200}),
                    16: (
                        "wagtail.documents.blocks.DocumentChooserBlock",
                        (),
                        {
                            "help_text": "An MP4 or WebM file. Or give the address of a YouTube or Vimeo video below.",
                            "label": "Video file (on this site)",
                            "required": False,
                        },
                    ),
                    17: (
                        "wagtail.blocks.URLBlock",
                        (),
                        {
                            "help_text": "Readers first see where the video comes from; it loads only when they choose to.",
                            "label": "YouTube or Vimeo address",
                            "required": False,
                            "search_index": False,
                        },
                    ),
                    18: (
                        "wagtail.documents.blocks.DocumentChooserBlock",
                        (),
                        {
                            "help_text": "For a video file on this site. A video without captions needs a transcript.",
                            "label": "Captions (.vtt file)",
                            "required": False,
                        },
                    ),
                    19: (
                        "wagtail.blocks.TextBlock",
                        (),
                        {
                            "help_text": "Everything that is said and shown. Required for a YouTube or Vimeo video.",
                            "label": "Transcript",
                            "required": False,
                        },
                    ),
                    20: (
                        "wagtail.blocks.StructBlock",
                        [
                            [
                                ("title", 15),
                                ("file", 16),
                                ("embed_url", 17),
                                ("captions", 18),
                                ("transcript", 19),
                            ]
                        ],
                        {},
                    ),
                    21: ("wagtail.documents.blocks.DocumentChooserBlock", (), {"label": "Document"}),
                    22: (
                        "wagtail.blocks.CharBlock",
                        (),
                        {
                            "help_text": "What the reader downloads. Empty: the document's title.",
                            "label": "Link text",
                            "max_length": 200,
                            "required": False,
                        },
                    ),
                    23: ("wagtail.blocks.StructBlock", [[("document", 21), ("title", 22)]], {}),
                },
                editable=False,
            ),
        ),
        migrations.AlterField(
            model_name="regionalsupplement",
            name="body",
            field=wagtail.fields.StreamField(
                [
                    ("heading", 0),
                    ("paragraph", 1),
                    ("list", 3),
                    ("steps", 5),
                    ("callout", 6),
                    ("questions", 10),
                    ("image", 14),
                    ("video", 20),
                    ("document", 23),
                ],
                block_lookup={
                    0: ("wagtail.blocks.CharBlock", (), {"label": "Heading", "max_length": 120}),
                    1: ("wagtail.blocks.TextBlock", (), {"label": "Paragraph"}),
                    2: ("wagtail.blocks.CharBlock", (), {"label": "Item"}),
                    3: ("wagtail.blocks.ListBlock", (2,), {"label": "List"}),
                    4: ("wagtail.blocks.TextBlock", (), {"label": "Step"}),
                    5: ("wagtail.blocks.ListBlock", (4,), {"icon": "list-ol", "label": "Numbered steps"}),
                    6: ("wagtail.blocks.TextBlock", (), {"icon": "warning", "label": "Note (“let op”)"}),
                    7: ("wagtail.blocks.CharBlock", (), {"label": "Question", "max_length": 250}),
                    8: ("wagtail.blocks.TextBlock", (), {"label": "Answer"}),
                    9: ("wagtail.blocks.StructBlock", [[("question", 7), ("answer", 8)]], {}),
                    10: (
                        "wagtail.blocks.ListBlock",
                        (9,),
                        {"icon": "help", "label": "Questions and answers"},
                    ),
                    11: ("wagtail.images.blocks.ImageChooserBlock", (), {"label": "Image"}),
                    12: (
                        "wagtail.blocks.CharBlock",
                        (),
                        {
                            "help_text": "What the image shows, for readers who cannot see it. Required.",
                            "label": "Alternative text",
                            "max_length": 250,
                        },
                    ),
                    13: (
                        "wagtail.blocks.CharBlock",
                        (),
                        {"label": "Caption", "max_length": 250, "required": False},
                    ),
                    14: ("wagtail.blocks.StructBlock", [[("image", 11), ("alt", 12), ("caption", 13)]], {}),
                    15: ("wagtail.blocks.CharBlock", (), {"label": "Title of the video", "max_length": 200}),
                    16: (
                        "wagtail.documents.blocks.DocumentChooserBlock",
                        (),
                        {
                            "help_text": "An MP4 or WebM file. Or give the address of a YouTube or Vimeo video below.",
                            "label": "Video file (on this site)",
                            "required": False,
                        },
                    ),
                    17: (
                        "wagtail.blocks.URLBlock",
                        (),
                        {
                            "help_text": "Readers first see where the video comes from; it loads only when they choose to.",
                            "label": "YouTube or Vimeo address",
                            "required": False,
                            "search_index": False,
                        },
                    ),
                    18: (
                        "wagtail.documents.blocks.DocumentChooserBlock",
                        (),
                        {
                            "help_text": "For a video file on this site. A video without captions needs a transcript.",
                            "label": "Captions (.vtt file)",
                            "required": False,
                        },
                    ),
                    19: (
                        "wagtail.blocks.TextBlock",
                        (),
                        {
                            "help_text": "Everything that is said and shown. Required for a YouTube or Vimeo video.",
                            "label": "Transcript",
                            "required": False,
                        },
                    ),
                    20: (
                        "wagtail.blocks.StructBlock",
                        [
                            [
                                ("title", 15),
                                ("file", 16),
                                ("embed_url", 17),
                                ("captions", 18),
                                ("transcript", 19),
                            ]
                        ],
                        {},
                    ),
                    21: ("wagtail.documents.blocks.DocumentChooserBlock", (), {"label": "Document"}),
                    22: (
                        "wagtail.blocks.CharBlock",
                        (),
                        {
                            "help_text": "What the reader downloads. Empty: the document's title.",
                            "label": "Link text",
                            "max_length": 200,
                            "required": False,
                        },
                    ),
                    23: ("wagtail.blocks.StructBlock", [[("document", 21), ("title", 22)]], {}),
                },
                help_text="What this means in your region: who to contact, what is different.",
                verbose_name="text for parents",
            ),
        ),
        migrations.AlterField(
            model_name="regionalsupplement",
            name="children_body",
            field=wagtail.fields.StreamField(
                [
                    ("heading", 0),
                    ("paragraph", 1),
                    ("list", 3),
                    ("steps", 5),
                    ("callout", 6),
                    ("questions", 10),
                    ("image", 14),
                    ("video", 20),
                    ("document", 23),
                ],
                blank=True,
                block_lookup={
                    0: ("wagtail.blocks.CharBlock", (), {"label": "Heading", "max_length": 120}),
                    1: ("wagtail.blocks.TextBlock", (), {"label": "Paragraph"}),
                    2: ("wagtail.blocks.CharBlock", (), {"label": "Item"}),
                    3: ("wagtail.blocks.ListBlock", (2,), {"label": "List"}),
                    4: ("wagtail.blocks.TextBlock", (), {"label": "Step"}),
                    5: ("wagtail.blocks.ListBlock", (4,), {"icon": "list-ol", "label": "Numbered steps"}),
                    6: ("wagtail.blocks.TextBlock", (), {"icon": "warning", "label": "Note (“let op”)"}),
                    7: ("wagtail.blocks.CharBlock", (), {"label": "Question", "max_length": 250}),
                    8: ("wagtail.blocks.TextBlock", (), {"label": "Answer"}),
                    9: ("wagtail.blocks.StructBlock", [[("question", 7), ("answer", 8)]], {}),
                    10: (
                        "wagtail.blocks.ListBlock",
                        (9,),
                        {"icon": "help", "label": "Questions and answers"},
                    ),
                    11: ("wagtail.images.blocks.ImageChooserBlock", (), {"label": "Image"}),
                    12: (
                        "wagtail.blocks.CharBlock",
                        (),
                        {
                            "help_text": "What the image shows, for readers who cannot see it. Required.",
                            "label": "Alternative text",
                            "max_length": 250,
                        },
                    ),
                    13: (
                        "wagtail.blocks.CharBlock",
                        (),
                        {"label": "Caption", "max_length": 250, "required": False},
                    ),
                    14: ("wagtail.blocks.StructBlock", [[("image", 11), ("alt", 12), ("caption", 13)]], {}),
                    15: ("wagtail.blocks.CharBlock", (), {"label": "Title of the video", "max_length": 200}),
                    16: (
                        "wagtail.documents.blocks.DocumentChooserBlock",
                        (),
                        {
                            "help_text": "An MP4 or WebM file. Or give the address of a YouTube or Vimeo video below.",
                            "label": "Video file (on this site)",
                            "required": False,
                        },
                    ),
                    17: (
                        "wagtail.blocks.URLBlock",
                        (),
                        {
                            "help_text": "Readers first see where the video comes from; it loads only when they choose to.",
                            "label": "YouTube or Vimeo address",
                            "required": False,
                            "search_index": False,
                        },
                    ),
                    18: (
                        "wagtail.documents.blocks.DocumentChooserBlock",
                        (),
                        {
                            "help_text": "For a video file on this site. A video without captions needs a transcript.",
                            "label": "Captions (.vtt file)",
                            "required": False,
                        },
                    ),
                    19: (
                        "wagtail.blocks.TextBlock",
                        (),
                        {
                            "help_text": "Everything that is said and shown. Required for a YouTube or Vimeo video.",
                            "label": "Transcript",
                            "required": False,
                        },
                    ),
                    20: (
                        "wagtail.blocks.StructBlock",
                        [
                            [
                                ("title", 15),
                                ("file", 16),
                                ("embed_url", 17),
                                ("captions", 18),
                                ("transcript", 19),
                            ]
                        ],
                        {},
                    ),
                    21: ("wagtail.documents.blocks.DocumentChooserBlock", (), {"label": "Document"}),
                    22: (
                        "wagtail.blocks.CharBlock",
                        (),
                        {
                            "help_text": "What the reader downloads. Empty: the document's title.",
                            "label": "Link text",
                            "max_length": 200,
                            "required": False,
                        },
                    ),
                    23: ("wagtail.blocks.StructBlock", [[("document", 21), ("title", 22)]], {}),
                },
                help_text="The same for children under 12 (je). Leave empty if not relevant.",
                verbose_name="text for children",
            ),
        ),
        migrations.AlterField(
            model_name="regionalsupplement",
            name="youth_body",
            field=wagtail.fields.StreamField(
                [
                    ("heading", 0),
                    ("paragraph", 1),
                    ("list", 3),
                    ("steps", 5),
                    ("callout", 6),
                    ("questions", 10),
                    ("image", 14),
                    ("video", 20),
                    ("document", 23),
                ],
                blank=True,
                block_lookup={
                    0: ("wagtail.blocks.CharBlock", (), {"label": "Heading", "max_length": 120}),
                    1: ("wagtail.blocks.TextBlock", (), {"label": "Paragraph"}),
                    2: ("wagtail.blocks.CharBlock", (), {"label": "Item"}),
                    3: ("wagtail.blocks.ListBlock", (2,), {"label": "List"}),
                    4: ("wagtail.blocks.TextBlock", (), {"label": "Step"}),
                    5: ("wagtail.blocks.ListBlock", (4,), {"icon": "list-ol", "label": "Numbered steps"}),
                    6: ("wagtail.blocks.TextBlock", (), {"icon": "warning", "label": "Note (“let op”)"}),
                    7: ("wagtail.blocks.CharBlock", (), {"label": "Question", "max_length": 250}),
                    8: ("wagtail.blocks.TextBlock", (), {"label": "Answer"}),
                    9: ("wagtail.blocks.StructBlock", [[("question", 7), ("answer", 8)]], {}),
                    10: (
                        "wagtail.blocks.ListBlock",
                        (9,),
                        {"icon": "help", "label": "Questions and answers"},
                    ),
                    11: ("wagtail.images.blocks.ImageChooserBlock", (), {"label": "Image"}),
                    12: (
                        "wagtail.blocks.CharBlock",
                        (),
                        {
                            "help_text": "What the image shows, for readers who cannot see it. Required.",
                            "label": "Alternative text",
                            "max_length": 250,
                        },
                    ),
                    13: (
                        "wagtail.blocks.CharBlock",
                        (),
                        {"label": "Caption", "max_length": 250, "required": False},
                    ),
                    14: ("wagtail.blocks.StructBlock", [[("image", 11), ("alt", 12), ("caption", 13)]], {}),
                    15: ("wagtail.blocks.CharBlock", (), {"label": "Title of the video", "max_length": 200}),
                    16: (
                        "wagtail.documents.blocks.DocumentChooserBlock",
                        (),
                        {
                            "help_text": "An MP4 or WebM file. Or give the address of a YouTube or Vimeo video below.",
                            "label": "Video file (on this site)",
                            "required": False,
                        },
                    ),
                    17: (
                        "wagtail.blocks.URLBlock",
                        (),
                        {
                            "help_text": "Readers first see where the video comes from; it loads only when they choose to.",
                            "label": "YouTube or Vimeo address",
                            "required": False,
                            "search_index": False,
                        },
                    ),
                    18: (
                        "wagtail.documents.blocks.DocumentChooserBlock",
                        (),
                        {
                            "help_text": "For a video file on this site. A video without captions needs a transcript.",
                            "label": "Captions (.vtt file)",
                            "required": False,
                        },
                    ),
                    19: (
                        "wagtail.blocks.TextBlock",
                        (),
                        {
                            "help_text": "Everything that is said and shown. Required for a YouTube or Vimeo video.",
                            "label": "Transcript",
                            "required": False,
                        },
                    ),
                    20: (
                        "wagtail.blocks.StructBlock",
                        [
                            [
                                ("title", 15),
                                ("file", 16),
                                ("embed_url", 17),
                                ("captions", 18),
                                ("transcript", 19),
                            ]
                        ],
                        {},
                    ),
                    21: ("wagtail.documents.blocks.DocumentChooserBlock", (), {"label": "Document"}),
                    22: (
                        "wagtail.blocks.CharBlock",
                        (),
                        {
                            "help_text": "What the reader downloads. Empty: the document's title.",
                            "label": "Link text",
                            "max_length": 200,
                            "required": False,
                        },
                    ),
                    23: ("wagtail.blocks.StructBlock", [[("document", 21), ("title", 22)]], {}),
                },
                help_text="The same for young people (12+), in their words (je). Leave empty if not relevant.",
                verbose_name="text for young people",
            ),
        ),
    ]
