"""Which samenwerkingsverband serves a postcode, from the regulation's postcode annex."""

import csv
import functools
import re
from dataclasses import dataclass
from pathlib import Path

REGIONS_FILE = Path(__file__).resolve().parent / "data" / "swv_regio_pc4_2015.csv"
POSTCODE_RE = re.compile(r"^\s*([1-9][0-9]{3})\s*(?:[A-Za-z]{2})?\s*$")


@dataclass(frozen=True)
class Region:
    pc4: str
    municipality: str
    po_code: str
    vo_code: str


class InvalidPostcode(ValueError):
    """The text is not a Dutch postcode (four digits, optionally two letters)."""


def normalise_postcode(text):
    """Return the four digits of a Dutch postcode such as ``1234``, ``1234AB`` or ``1234 ab``."""
    match = POSTCODE_RE.match(text or "")
    if not match:
        raise InvalidPostcode(text)
    return match.group(1)


@functools.cache
def _regions():
    with REGIONS_FILE.open(encoding="utf-8", newline="") as handle:
        return {
            row["pc4"]: Region(row["pc4"], row["gemeente"], row["swv_po"], row["swv_vo"])
            for row in csv.DictReader(handle)
        }


def region_for_postcode(text):
    """Return the :class:`Region` of a postcode, or ``None`` when the annex does not list it.

    Raises :class:`InvalidPostcode` when ``text`` is not a postcode at all.
    """
    return _regions().get(normalise_postcode(text))


@functools.cache
def _municipalities_by_partnership():
    found = {}
    for region in _regions().values():
        for code in (region.po_code, region.vo_code):
            if code:
                found.setdefault(code, set()).add(region.municipality)
    return {code: tuple(sorted(names)) for code, names in found.items()}


def municipalities_for(codes):
    """Return the gemeenten (in the regulation's postcode annex) that the partnerships ``codes``
    serve together, in alphabetical order: what a parent recognises, where a code says nothing."""
    table = _municipalities_by_partnership()
    return sorted({name for code in codes for name in table.get(code, ())})
