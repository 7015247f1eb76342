"""Helpers for tests of protected public forms: solve a puzzle, fetch a token, as the browser script does."""

import base64
import json

import altcha


def form_key(client, host):
    """The CSRF token and puzzle a page from a shared cache fetches (this sets the CSRF cookie)."""
    response = client.get("/formulier-sleutel/", HTTP_HOST=host)
    assert response.status_code == 200
    return response.json()


def solve(puzzle):
    """The proof-of-work answer to ``puzzle`` (the attributes of ``new_challenge``), as sent by the form."""
    solution = altcha.solve_challenge_v1(
        puzzle["challenge"], puzzle["salt"], puzzle["algorithm"], puzzle["maxnumber"]
    )
    payload = {key: puzzle[key] for key in ("algorithm", "challenge", "salt", "signature")}
    return base64.b64encode(json.dumps({**payload, "number": solution.number}).encode()).decode()


def solved(client, host):
    """A fresh, solved proof of work for one submission from ``host``'s site."""
    return solve(form_key(client, host)["altcha"])
