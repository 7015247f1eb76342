"""The blocks of an article's text: plain text blocks and, since issue 17, media and help blocks.

Text stays plain text (no rich text): the readability check, the glossary links and the search read
it exactly. :func:`block_texts` says, for every block type, which text a reader reads; the
readability check, the search index and the read-aloud button all go through it, so a new block
type is counted everywhere once it is listed there.
"""

import re
from urllib.parse import parse_qs, urlsplit

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks import StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock

# Video platforms an editor may embed, each with the player address that sets no cookies before
# the video plays, and the name the reader sees before agreeing to load it.
_YOUTUBE_ID = re.compile(r"^[A-Za-z0-9_-]{6,20}$")
_VIMEO_ID = re.compile(r"^[0-9]{4,12}$")


def embed_player(url):
    """Return ``(provider name, player address)`` for a YouTube or Vimeo address, else ``None``.

    The player address is built here from the video's id, never fetched: nothing is asked of the
    platform (no oEmbed) while the editor saves or a reader opens the page.
    """
    parts = urlsplit(url or "")
    host = (parts.hostname or "").lower().removeprefix("www.").removeprefix("m.")
    path = [part for part in parts.path.split("/") if part]
    video = None
    if host == "youtu.be" and path:
        video = path[0]
    elif host in ("youtube.com", "youtube-nocookie.com"):
        if path[:1] == ["watch"]:
            video = (parse_qs(parts.query).get("v") or [None])[0]
        elif len(path) >= 2 and path[0] in ("embed", "shorts", "live"):
            video = path[1]
    if video and _YOUTUBE_ID.match(video):
        return "YouTube", f"https://www.youtube-nocookie.com/embed/{video}"
    if host in ("vimeo.com", "player.vimeo.com"):
        number = path[-1] if path else ""
        if _VIMEO_ID.match(number):
            return "Vimeo", f"https://player.vimeo.com/video/{number}?dnt=1"
    return None


def _extension(document):
    return document.file_extension.lower() if document else ""


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Image"))
    alt = blocks.CharBlock(
        label=_("Alternative text"),
        max_length=250,
        help_text=_("What the image shows, for readers who cannot see it. Required."),
    )
    caption = blocks.CharBlock(label=_("Caption"), max_length=250, required=False)

    class Meta:
        icon = "image"
        label = _("Image")
        template = "information/blocks/image.html"


class VideoBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title of the video"), max_length=200)
    file = DocumentChooserBlock(
        label=_("Video file (on this site)"),
        required=False,
        help_text=_("An MP4 or WebM file. Or give the address of a YouTube or Vimeo video below."),
    )
    embed_url = blocks.URLBlock(
        label=_("YouTube or Vimeo address"),
        required=False,
        search_index=False,
        help_text=_("Readers first see where the video comes from; it loads only when they choose to."),
    )
    captions = DocumentChooserBlock(
        label=_("Captions (.vtt file)"),
        required=False,
        help_text=_("For a video file on this site. A video without captions needs a transcript."),
    )
    transcript = blocks.TextBlock(
        label=_("Transcript"),
        required=False,
        help_text=_("Everything that is said and shown. Required for a YouTube or Vimeo video."),
    )

    class Meta:
        icon = "media"
        label = _("Video")
        template = "information/blocks/video.html"

    def clean(self, value):
        value = super().clean(value)
        errors = {}
        has_file, has_embed = value.get("file") is not None, bool(value.get("embed_url"))
        if has_file == has_embed:
            message = _("Choose a video file on this site or give a YouTube or Vimeo address, not both.")
            errors["file" if not has_file else "embed_url"] = ValidationError(message)
        if has_embed and embed_player(value["embed_url"]) is None:
            errors["embed_url"] = ValidationError(_("Give the address of one YouTube or Vimeo video."))
        if has_file and _extension(value["file"]) not in ("mp4", "webm", "ogv", "m4v"):
            errors["file"] = ValidationError(_("Choose a video file: MP4 or WebM."))
        captions = value.get("captions")
        if captions is not None and _extension(captions) != "vtt":
            errors["captions"] = ValidationError(_("Captions must be a .vtt file."))
        transcript = (value.get("transcript") or "").strip()
        if has_embed and not transcript:
            # A caption file cannot be added to another platform's player: the transcript is the text.
            errors["transcript"] = ValidationError(_("A YouTube or Vimeo video needs a transcript."))
        elif not has_embed and captions is None and not transcript:
            errors["transcript"] = ValidationError(
                _("Add captions (.vtt) or a transcript, so everyone can follow the video.")
            )
        if errors:
            raise StructBlockValidationError(block_errors=errors)
        return value

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        player = embed_player(value.get("embed_url")) if value.get("embed_url") else None
        context["provider"], context["player"] = player or (None, None)
        return context


class DocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    title = blocks.CharBlock(
        label=_("Link text"),
        max_length=200,
        required=False,
        help_text=_("What the reader downloads. Empty: the document's title."),
    )

    class Meta:
        icon = "doc-full"
        label = _("Document to download")
        template = "information/blocks/document.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        document = value["document"]
        context["kind"] = (document.file_extension or "").upper() if document else ""
        context["size"] = file_size(document.get_file_size()) if document else ""
        return context


def file_size(size):
    """A file size as readers know it: "240 kB", "1,4 MB" (Dutch decimal comma)."""
    if not size:
        return ""
    if size < 1000 * 1000:
        return f"{max(1, round(size / 1000))} kB"
    return f"{size / 1000 / 1000:.1f} MB".replace(".", ",")


class QuestionAnswerBlock(blocks.StructBlock):
    question = blocks.CharBlock(label=_("Question"), max_length=250)
    answer = blocks.TextBlock(label=_("Answer"))


def body_blocks():
    """The blocks of an article version; plain text keeps readability and glossary links exact."""
    return [
        ("heading", blocks.CharBlock(label=_("Heading"), max_length=120)),
        ("paragraph", blocks.TextBlock(label=_("Paragraph"))),
        ("list", blocks.ListBlock(blocks.CharBlock(label=_("Item")), label=_("List"))),
        (
            "steps",
            blocks.ListBlock(blocks.TextBlock(label=_("Step")), label=_("Numbered steps"), icon="list-ol"),
        ),
        ("callout", blocks.TextBlock(label=_("Note (“let op”)"), icon="warning")),
        ("questions", blocks.ListBlock(QuestionAnswerBlock(), label=_("Questions and answers"), icon="help")),
        ("image", ImageBlock()),
        ("video", VideoBlock()),
        ("document", DocumentBlock()),
    ]


# What kind of text each block holds for the readability check: running prose, headings (counted
# apart, like a title) or list items (counted apart). Media without text of their own count as nothing.
PROSE, HEADING, ITEM = "prose", "heading", "item"


def block_texts(block_type, value):
    """The text a reader reads in one block, as ``(kind, text)`` pairs (kind: PROSE, HEADING, ITEM)."""
    if block_type == "heading":
        return [(HEADING, str(value))]
    if block_type in ("paragraph", "callout"):
        return [(PROSE, str(value))]
    if block_type in ("list", "steps"):
        return [(ITEM, str(item)) for item in value]
    if block_type == "questions":
        return [pair for item in value for pair in ((HEADING, item["question"]), (PROSE, item["answer"]))]
    if block_type == "image":
        return [(HEADING, value["caption"])] if value.get("caption") else []
    if block_type == "video":
        return [(HEADING, value["title"])] + (
            [(PROSE, value["transcript"])] if value.get("transcript") else []
        )
    if block_type == "document":
        document = value.get("document")
        title = value.get("title") or (document.title if document else "")
        return [(HEADING, title)] if title else []
    return []


def stream_texts(stream):
    """Every text of a StreamField value, in reading order, as ``(kind, text)`` pairs."""
    return [pair for block in stream or [] for pair in block_texts(block.block_type, block.value)]
