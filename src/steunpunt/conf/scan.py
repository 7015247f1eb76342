"""Settings for `make security` (scripts/security.py): production, scanned on loopback.

The scan runs gunicorn with TLS on 127.0.0.1, so every production setting for HTTPS stays as it is
(SSL redirect, HSTS, Secure ``__Host-`` cookies, CSRF with Origin/Referer checks). Only what a
scanner sending thousands of requests from one address would otherwise trip over is relaxed here;
every check itself stays on.
"""

from .production import *  # noqa: F403

# The public forms accept 10 (5 without proof of work) submissions per hour per address. sqlmap and
# wapiti send thousands from 127.0.0.1, without JavaScript and so without the ALTCHA proof of work:
# past the limit every answer would be the polite 429 refusal, and the scanners would test nothing
# behind it. The limit itself is still checked on every submission (django-ratelimit counts on);
# only its ceiling is raised. The proof of work and the honeypot are untouched: a forged or reused
# proof is still refused.
PUBLIC_FORM_RATE = PUBLIC_FORM_RATE_UNVERIFIED = "1000000/h"
PUBLIC_FEEDBACK_RATE = PUBLIC_FEEDBACK_RATE_UNVERIFIED = "1000000/h"

# django-axes locks signing in for an hour after five wrong passwords for one user name from one
# address. sqlmap and wapiti test the login form from 127.0.0.1 with the same made-up user name
# thousands of times: after five tries every answer would be the lockout page, and the password
# field would be tested against that page only. Every failure is still recorded and the lockout
# still applies; only its threshold is raised. (The demo coordinator whose session the scan uses
# signs in once, before the scanners start.)
AXES_FAILURE_LIMIT = 1_000_000
