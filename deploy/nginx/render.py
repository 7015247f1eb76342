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
    # The steunpunten's host names, as ALLOWED_HOSTS (commas or spaces; ".example.nl" is the domain and
    # every subdomain); any other host is refused before the cache.
    "server_names": "localhost .localhost 127.0.0.1",
    "cache_dir": "/var/cache/nginx/steunpunt",
    "cache_max_size": "1g",
    # The address that may PURGE (the task worker on this machine); add `allow` lines for more.
    "purge_from": "127.0.0.1",
    "access_log": "/var/log/nginx/steunpunt-access.log",
    "error_log": "/var/log/nginx/steunpunt-error.log",
}
PLACEHOLDER = re.compile(r"\{\{ (\w+) \}\}")
SERVER_NAME = re.compile(r"^(?:\.|\*\.)?[a-z0-9](?:[a-z0-9.-]*[a-z0-9])?$|^\[[0-9a-f:]+\]$")


def server_names(value):
    """``value`` (ALLOWED_HOSTS' syntax, commas or spaces) as nginx's ``server_name`` list; a name
    nginx could read as something else (``*``, a regular expression, a quote) is refused."""
    names = [name.lower() for name in re.split(r"[\s,]+", str(value)) if name]
    bad = [name for name in names if not SERVER_NAME.match(name)]
    if bad or not names:
        raise ValueError(f"not a list of host names: {value!r}")
    # ".example.nl" already holds "example.nl" and "*.example.nl"; nginx ignores a name given twice.
    covered = {name[1:] for name in names if name.startswith(".")}
    covered |= {f"*{name}" for name in names if name.startswith(".")}
    return " ".join(dict.fromkeys(name for name in names if name not in covered))


def render(**values):
    """The configuration with its placeholders filled in (``values`` over :data:`DEFAULTS`)."""
    unknown = set(values) - set(DEFAULTS)
    if unknown:
        raise ValueError(f"unknown placeholders: {sorted(unknown)}")
    filled = {**DEFAULTS, **{name: str(value) for name, value in values.items()}}
    filled["server_names"] = server_names(filled["server_names"])
    return PLACEHOLDER.sub(lambda match: filled[match.group(1)], TEMPLATE.read_text())


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    for name, default in DEFAULTS.items():
        parser.add_argument(f"--{name.replace('_', '-')}", default=default, help=f"default: {default}")
    args = parser.parse_args()
    print(render(**vars(args)), end="")


if __name__ == "__main__":
    main()
