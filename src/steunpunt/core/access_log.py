"""The access log of the production server (gunicorn) without the codes of private links.

A private link (``/mijn-vraag/<code>/``, ``/evaluatie/<code>/``, a booking or a registration) is the
only key to someone's question or appointment; it must not end up in log files. The logger below
replaces the code with ``…`` in the path, the request line and the referrer, and never logs query
strings, and logs the visitor's address behind nginx (:mod:`steunpunt.core.client_address`, with
``TRUSTED_PROXIES`` from the environment). ``deploy/gunicorn.conf.py`` sets it as gunicorn's
``logger_class``.
"""

import os
import re

from gunicorn.glogging import Logger

from .client_address import client_address, trusted_networks

PRIVATE_LINK = re.compile(r"/(mijn-vraag|evaluatie|spreekuur/afspraak|bijeenkomsten/afmelden)/[^/?#\s]+")


def redact(text):
    """``text`` with the code of every private link replaced by ``…``, and no query string."""
    if not text:
        return text
    return PRIVATE_LINK.sub(lambda match: f"/{match.group(1)}/…", text.split("?", 1)[0])


class RedactingLogger(Logger):
    def __init__(self, cfg):
        super().__init__(cfg)
        self.trusted_proxies = trusted_networks(os.environ.get("TRUSTED_PROXIES", "").split(","))

    def atoms(self, resp, req, environ, request_time):
        atoms = super().atoms(resp, req, environ, request_time)
        atoms["h"] = client_address(
            environ.get("REMOTE_ADDR"), environ.get("HTTP_X_FORWARDED_FOR"), self.trusted_proxies
        )
        atoms["U"] = redact(atoms["U"])
        atoms["q"] = ""
        atoms["f"] = redact(atoms["f"])
        atoms["r"] = f"{environ['REQUEST_METHOD']} {atoms['U']} {environ['SERVER_PROTOCOL']}"
        for key in [key for key in atoms if key.startswith("{referer}")]:
            atoms[key] = redact(atoms[key])
        return atoms
