"""Private storage for files about people (evidence of the development cycle, files sent with a case's
messages): outside ``MEDIA_ROOT``, so the web server's public ``/media/`` never reaches them. Files
are only served by views that check the access layer."""

from pathlib import Path

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.utils.deconstruct import deconstructible
from django.utils.functional import cached_property


def private_root():
    """Return ``PRIVATE_MEDIA_ROOT`` if set, else a ``private`` folder beside ``MEDIA_ROOT``."""
    configured = getattr(settings, "PRIVATE_MEDIA_ROOT", None)
    return Path(configured) if configured else Path(settings.MEDIA_ROOT).parent / "private"


@deconstructible(path="steunpunt.core.storage.PrivateStorage")
class PrivateStorage(FileSystemStorage):
    """A file system storage without a public address."""

    @cached_property
    def base_location(self):
        return str(private_root())

    def url(self, name):
        raise ValueError("Private files have no public address; use the download view.")

    def _clear_cached_properties(self, setting, **kwargs):
        super()._clear_cached_properties(setting, **kwargs)
        if setting in ("MEDIA_ROOT", "PRIVATE_MEDIA_ROOT"):
            self.__dict__.pop("base_location", None)
            self.__dict__.pop("location", None)


private_storage = PrivateStorage()
