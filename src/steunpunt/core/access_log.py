"""The access log of the production server (gunicorn) without the codes of private links.

A private link (``/mijn-vraag/<code>/``, ``/evaluatie/<code>/``, a booking or a registration) is the
only key to someone's question or appointment; it must not end up in log files. The logger below
replaces the code with ``…`` in the path, the request line and the referrer, and never logs query
strings. ``deploy/gunicorn.conf.py`` sets it as gunicorn's ``logger_class``.
"""

import re

from gunicorn.glogging import Logger

PRIVATE_LINK = re.compile(r"/(mijn-vraag|evaluatie|spreekuur/afspraak|bijeenkomsten/afmelden)/[^/?#\s]+")


def redact(text):
    """``text`` with the code of every private link replaced by ``…``, and no query string."""
    if not text:
        return text
    return PRIVATE_LINK.sub(lambda match: f"/{match.group(1)}/…", text.split("?", 1)[0])


class RedactingLogger(Logger):
    def atoms(self, resp, req, environ, request_time):
        atoms = super().atoms(resp, req, environ, request_time)
        atoms["U"] = redact(atoms["U"])
        atoms["q"] = ""
        atoms["f"] = redact(atoms["f"])
        atoms["r"] = f"{environ['REQUEST_METHOD']} {atoms['U']} {environ['SERVER_PROTOCOL']}"
        for key in [key for key in atoms if key.startswith("{referer}")]:
            atoms[key] = redact(atoms[key])
        return atoms
