"""Evidence files: which kinds are accepted and how large they may be."""

from pathlib import PurePath

from django.utils.translation import gettext as _

MAX_BYTES = 10 * 1024 * 1024
MAX_FILES_PER_BLOCK = 5

ZIP = b"PK\x03\x04"
# Suffix → (content type, how the file starts). Office files are ZIP packages.
KINDS = {
    ".pdf": ("application/pdf", (b"%PDF-",)),
    ".docx": ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", (ZIP,)),
    ".xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", (ZIP,)),
    ".odt": ("application/vnd.oasis.opendocument.text", (ZIP,)),
    ".png": ("image/png", (b"\x89PNG\r\n\x1a\n",)),
    ".jpg": ("image/jpeg", (b"\xff\xd8\xff",)),
    ".jpeg": ("image/jpeg", (b"\xff\xd8\xff",)),
}


class UploadRefused(ValueError):
    """The file cannot be kept; the message is Dutch and names the file."""


def check_upload(upload):
    """Return the content type of ``upload`` if it may be kept, else raise :class:`UploadRefused`.

    The suffix must be one of :data:`KINDS` and the first bytes must match it (so a renamed
    program is refused); the size is at most :data:`MAX_BYTES`.
    """
    name = PurePath(upload.name or "").name
    suffix = PurePath(name).suffix.lower()
    if suffix not in KINDS:
        raise UploadRefused(
            _(
                "“%(name)s” cannot be added. Choose a PDF, Word (.docx), Excel (.xlsx), "
                "OpenDocument (.odt), PNG or JPG file."
            )
            % {"name": name}
        )
    if upload.size > MAX_BYTES:
        raise UploadRefused(_("“%(name)s” is too large. A file may be at most 10 MB.") % {"name": name})
    content_type, starts = KINDS[suffix]
    upload.seek(0)
    head = upload.read(8)
    upload.seek(0)
    if not any(head.startswith(start) for start in starts):
        raise UploadRefused(
            _("“%(name)s” does not look like a %(kind)s file. Choose the file again or save it anew.")
            % {"name": name, "kind": suffix[1:].upper()}
        )
    return content_type
