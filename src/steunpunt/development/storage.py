"""Where evidence files are kept: the platform's private storage (:mod:`steunpunt.core.storage`), never
under the public ``/media/``; served only by the download view, which checks the policy."""

from steunpunt.core.storage import PrivateStorage, private_root, private_storage

__all__ = ["PrivateStorage", "evidence_storage", "private_root", "private_storage"]


def evidence_storage():
    """The storage of evidence files (a callable, so migrations do not record a path)."""
    return private_storage
