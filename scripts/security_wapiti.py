"""Debian's wapiti 3.0.4 with two corrections, then run unchanged (used by scripts/security.py).

1. wapiti 3.0.4 compiles every ``--exclude`` pattern as ``<pattern>\\Z(?ms)``; Python 3.11 refuses
   global flags anywhere but at the start, so any exclusion crashes the crawl. Here the flags come
   first: the same expression.
2. Its csrf module knows the CSRF field names of many frameworks but not Django's
   ``csrfmiddlewaretoken``, so it reported every Django form as having
   no token and never tested whether the token is checked. With the name added it does: it sends
   each form with the token replaced and reports the form if the answer is the same.

Run it with Debian's ``/usr/bin/python3``, where wapiti is installed.
"""

import re
import sys

from wapitiCore.attack.mod_csrf import mod_csrf
from wapitiCore.main.wapiti import wapiti_main
from wapitiCore.net import crawler


def wildcard_translate(pattern):
    """``*`` matches anything; everything else literally (as wapiti's own, with the flags first)."""
    return re.compile("(?ms)" + ".*".join(re.escape(part) for part in pattern.split("*")) + r"\Z")


crawler.wildcard_translate = wildcard_translate
mod_csrf.TOKEN_FORM_STRINGS = [*mod_csrf.TOKEN_FORM_STRINGS, "csrfmiddlewaretoken"]

if __name__ == "__main__":
    sys.argv[0] = "wapiti"
    sys.exit(wapiti_main())
