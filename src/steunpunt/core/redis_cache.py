"""Django's Redis cache, with one Redis client kept per connection pool instead of one per call.

Django's ``RedisCacheClient.get_client`` builds a new ``redis.Redis`` object for every cache call
(the connection pool is kept); building it costs about as much as the call itself (bench/README.md:
≈ 0.18 ms of a 0.57 ms page-cache hit). A ``redis.Redis`` is safe to share between threads, and its
pool opens connections again after a fork, so one per pool serves the whole process. ``CACHE_URL``
(``redis://…``) selects this backend (``steunpunt.conf.env.env_cache``).

``incr`` (the limit per address of every public form counts with it, and the content generation moves
on with it) is one round trip: Django's asks whether the key exists, then increments it.
"""

from django.core.cache.backends.redis import RedisCache as DjangoRedisCache
from django.core.cache.backends.redis import RedisCacheClient

# INCRBY only when the key exists (Django's contract: a missing key is a ValueError); false otherwise.
# One round trip, and atomic: between Django's EXISTS and INCRBY the key could expire, and INCRBY would
# then make a new one without a timeout.
INCR_EXISTING = """
if redis.call('EXISTS', KEYS[1]) == 1 then
    return redis.call('INCRBY', KEYS[1], ARGV[1])
end
return false
"""


class KeptClientRedisCacheClient(RedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}  # id(pool) → redis.Redis on that pool
        self._incr_scripts = {}  # id(client) → the script registered on that client

    def incr(self, key, delta):
        client = self.get_client(key, write=True)
        script = self._incr_scripts.get(id(client))
        if script is None:
            # Sent by its SHA1 (EVALSHA), loaded on the server when it does not know it yet.
            script = self._incr_scripts[id(client)] = client.register_script(INCR_EXISTING)
        value = script(keys=[key], args=[delta])
        if value is None:
            raise ValueError(f"Key '{key}' not found.")
        return value

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients[id(pool)] = self._client(connection_pool=pool)
        return client


class RedisCache(DjangoRedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = KeptClientRedisCacheClient
