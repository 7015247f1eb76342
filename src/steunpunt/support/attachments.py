"""Files on messages between the steunpunt and the requester: which kinds, how large, where stored.

Stored privately (``PRIVATE_MEDIA_ROOT``, never under the public ``MEDIA_ROOT``) under a random name;
served only by the case page's download view (the access layer decides) or the private page (the
link is the key). Retention removes them with the messages (:mod:`steunpunt.support.retention`).
"""

import uuid
from pathlib import PurePath

from django.conf import settings
from django.utils.translation import gettext as _

from steunpunt.core.storage import private_storage

ZIP = b"PK\x03\x04"
# Suffix → (content type, how the file starts). A Word file is a ZIP package.
KINDS = {
    ".pdf": ("application/pdf", (b"%PDF-",)),
    ".docx": ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", (ZIP,)),
    ".odt": ("application/vnd.oasis.opendocument.text", (ZIP,)),
    ".png": ("image/png", (b"\x89PNG\r\n\x1a\n",)),
    ".jpg": ("image/jpeg", (b"\xff\xd8\xff",)),
    ".jpeg": ("image/jpeg", (b"\xff\xd8\xff",)),
}
MAX_FILES = 3
DEFAULT_MAX_BYTES = 10 * 1024 * 1024


class AttachmentRefused(ValueError):
    """The file cannot be sent; the message is Dutch and names the file."""


def max_bytes():
    """The largest file a message may carry (setting ``CASE_ATTACHMENT_MAX_BYTES``)."""
    return int(getattr(settings, "CASE_ATTACHMENT_MAX_BYTES", DEFAULT_MAX_BYTES))


def megabytes(size):
    return f"{size / (1024 * 1024):.0f}" if size >= 1024 * 1024 else f"{size / (1024 * 1024):.1f}"


def check_attachment(upload):
    """Return the content type of ``upload`` if it may be sent, else raise :class:`AttachmentRefused`.

    The suffix must be one of :data:`KINDS` and the first bytes must match it (a renamed program
    is refused); the size is at most :func:`max_bytes`.
    """
    name = PurePath(upload.name or "").name
    suffix = PurePath(name).suffix.lower()
    if suffix not in KINDS:
        raise AttachmentRefused(
            _("“%(name)s” cannot be sent. Choose a PDF, Word (.docx), OpenDocument (.odt), PNG or JPG file.")
            % {"name": name}
        )
    if upload.size > max_bytes():
        raise AttachmentRefused(
            _("“%(name)s” is too large. A file may be at most %(size)s MB.")
            % {"name": name, "size": megabytes(max_bytes())}
        )
    content_type, starts = KINDS[suffix]
    upload.seek(0)
    head = upload.read(8)
    upload.seek(0)
    if not any(head.startswith(start) for start in starts):
        raise AttachmentRefused(
            _("“%(name)s” does not look like a %(kind)s file. Choose the file again or save it anew.")
            % {"name": name, "kind": suffix[1:].upper()}
        )
    return content_type


def check_attachments(files):
    """Return ``[(upload, content_type), …]``; raise :class:`AttachmentRefused` (Dutch) for a bad one."""
    files = [upload for upload in files or () if upload]
    if len(files) > MAX_FILES:
        raise AttachmentRefused(_("Send at most %(count)s files with one message.") % {"count": MAX_FILES})
    return [(upload, check_attachment(upload)) for upload in files]


def attachment_storage():
    """The storage of attachments (a callable, so migrations do not record a path)."""
    return private_storage


def attachment_path(instance, filename):
    """A random name in a folder per steunpunt: the original name is kept in the row, not on disk."""
    suffix = PurePath(filename).suffix.lower()[:10]
    return f"support/{instance.support_point_id}/{uuid.uuid4().hex}{suffix}"
