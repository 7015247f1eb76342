"""A generation: a number in the shared cache that moves on at every change of what it stands for, so
that whatever is derived from that may be kept, in any process, for as long as the number stays the
same. The content of the public pages has one (:mod:`steunpunt.core.page_cache`), and so have the access
rights of the back office (:mod:`steunpunt.core.access_generation`)."""

import secrets

from django.core.cache import cache


def _fresh():
    # A number never used before: after the cache was emptied (a restart, an eviction), counting again
    # from 1 would make old keys and kept values look current.
    return secrets.randbits(52)


class Generation:
    def __init__(self, key):
        self.key = key

    def read(self):
        """The current number; without a working cache a new one at every call, so nothing is kept."""
        generation = cache.get(self.key)
        if generation is None:
            cache.add(self.key, _fresh(), timeout=None)
            generation = cache.get(self.key)
        return generation if generation is not None else _fresh()

    def read_if_set(self):
        """The current number, or ``None`` when the cache has none yet (nothing is added)."""
        return cache.get(self.key)

    def bump(self):
        """Move the number on: everything kept under the old one is stale."""
        try:
            cache.incr(self.key)
        except ValueError:  # gone from the cache
            cache.set(self.key, _fresh(), timeout=None)
