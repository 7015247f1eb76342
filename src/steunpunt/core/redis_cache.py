"""Django's Redis cache, with one Redis client kept per connection pool instead of one per call.

Django's ``RedisCacheClient.get_client`` builds a new ``redis.Redis`` object for every cache call
(the connection pool is kept); building it costs about as much as the call itself (bench/README.md:
≈ 0.18 ms of a 0.57 ms page-cache hit). A ``redis.Redis`` is safe to share between threads, and its
pool opens connections again after a fork, so one per pool serves the whole process. ``CACHE_URL``
(``redis://…``) selects this backend (``steunpunt.conf.env.env_cache``).
"""

from django.core.cache.backends.redis import RedisCache as DjangoRedisCache
from django.core.cache.backends.redis import RedisCacheClient


class KeptClientRedisCacheClient(RedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}  # id(pool) → redis.Redis on that pool

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
