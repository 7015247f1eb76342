"""Fill in the placeholders of deploy/nginx/steunpunt.conf and print the result.

    .venv/bin/python deploy/nginx/render.py [--listen 127.0.0.1:8080] [--upstream 127.0.0.1:8000] ...

The result goes inside nginx's ``http {}`` block (on Debian: /etc/nginx/sites-enabled/). The test
suite and the P2 benchmark render the same file with their own ports and paths (:func:`render`).
"""

import argparse
import re
from pathlib import Path

TEMPLATE = Path(__file__).resolve().parent / "steunpunt.conf"
# The purge module nginx must load (Debian: libnginx-mod-http-cache-purge, loaded by modules-enabled/).
PURGE_MODULE = Path("/usr/lib/nginx/modules/ngx_http_cache_purge_module.so")

DEFAULTS = {
    # Plain HTTP on loopback: PURGE requests of the task worker (FRONTEND_CACHE_URL).
    "listen": "127.0.0.1:8080",
    # gunicorn (deploy/gunicorn.conf.py, GUNICORN_BIND).
    "upstream": "127.0.0.1:8000",
    "cache_dir": "/var/cache/nginx/steunpunt",
    "cache_max_size": "1g",
    # The address that may PURGE (the task worker on this machine); add `allow` lines for more.
    "purge_from": "127.0.0.1",
    "access_log": "/var/log/nginx/steunpunt-access.log",
    "error_log": "/var/log/nginx/steunpunt-error.log",
}
PLACEHOLDER = re.compile(r"\{\{ (\w+) \}\}")


def render(**values):
    """The configuration with its placeholders filled in (``values`` over :data:`DEFAULTS`)."""
    unknown = set(values) - set(DEFAULTS)
    if unknown:
        raise ValueError(f"unknown placeholders: {sorted(unknown)}")
    filled = {**DEFAULTS, **{name: str(value) for name, value in values.items()}}
    return PLACEHOLDER.sub(lambda match: filled[match.group(1)], TEMPLATE.read_text())


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    for name, default in DEFAULTS.items():
        parser.add_argument(f"--{name.replace('_', '-')}", default=default, help=f"default: {default}")
    args = parser.parse_args()
    print(render(**vars(args)), end="")


if __name__ == "__main__":
    main()
