"""Reading DUO's 'alle vestigingen' files in their raw form, and importing them in one go.

A file is read and checked completely before anything is written; one unreadable file
means nothing is imported. Older files name the keys BRIN NUMMER/VESTIGINGSNUMMER, newer
ones INSTELLINGSCODE/VESTIGINGSCODE; secondary-school files add ONDERWIJSSTRUCTUUR.
"""

import csv
import io
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction
from django.utils.translation import gettext as _

from steunpunt.tenants.models import Partnership, Sector
from steunpunt.tenants.regions import InvalidPostcode, normalise_postcode, region_for_postcode
from steunpunt.tenants.services import partnership_name

from .models import School, SchoolType

KEY_COLUMNS = [("BRIN NUMMER", "VESTIGINGSNUMMER"), ("INSTELLINGSCODE", "VESTIGINGSCODE")]
REQUIRED_COLUMNS = ["VESTIGINGSNAAM", "POSTCODE", "PLAATSNAAM"]
FIELDS = [
    "institution_code",
    "name",
    "street",
    "postcode",
    "place",
    "municipality",
    "denomination",
    "phone",
    "website",
    "sector",
]
# Editors own the type once a school exists, and the partnership links once they change them:
# a re-import never overwrites either.
_POSTCODE = re.compile(r"^([1-9][0-9]{3})\s*([A-Z]{2})$")


class ImportFileError(Exception):
    """A file that cannot be imported; the message says which file and why, in Dutch."""


@dataclass
class Summary:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: Counter = field(default_factory=Counter)


def _decode(path, raw):
    if not raw.strip():
        raise ImportFileError(_("%(file)s is empty.") % {"file": path})
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ImportFileError(
        _("%(file)s cannot be read: it is not a Windows-1252 or UTF-8 text file.") % {"file": path}
    )


def _school_type(sector, name, structure):
    lowered = f" {name.lower()} "
    if sector == Sector.VO:
        if "PRO" in structure.upper().split("/"):
            return SchoolType.PRO
        if "VSO" in structure.upper() or " vso " in lowered:
            return SchoolType.VSO
        return SchoolType.REGULAR
    if (
        " sbo " in lowered
        or "speciaal basisonderwijs" in lowered
        or "speciale school voor basisonderwijs" in lowered
    ):
        return SchoolType.SBO
    if " so " in lowered or "(v)so" in lowered or " so-" in lowered:
        return SchoolType.SO
    return SchoolType.REGULAR


def read_file(path):
    """Return ``(rows, skipped)`` for one DUO file; raise :class:`ImportFileError` if it is unusable."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise ImportFileError(
            _("%(file)s cannot be opened: %(reason)s") % {"file": path, "reason": error.strerror}
        ) from None
    text = _decode(path, raw)
    header = text.splitlines()[0]
    if ";" not in header:
        raise ImportFileError(
            _("%(file)s is not a DUO file: the columns are not separated by ';'.") % {"file": path}
        )
    reader = csv.DictReader(io.StringIO(text), delimiter=";")
    reader.fieldnames = [name.strip().upper() for name in reader.fieldnames]
    keys = next(
        ((brin, loc) for brin, loc in KEY_COLUMNS if brin in reader.fieldnames and loc in reader.fieldnames),
        None,
    )
    missing = [column for column in REQUIRED_COLUMNS if column not in reader.fieldnames]
    if keys is None or missing:
        names = missing or ["BRIN NUMMER/INSTELLINGSCODE", "VESTIGINGSNUMMER/VESTIGINGSCODE"]
        raise ImportFileError(
            _("%(file)s misses the columns: %(columns)s.") % {"file": path, "columns": ", ".join(names)}
        )
    sector = Sector.VO if "ONDERWIJSSTRUCTUUR" in reader.fieldnames else Sector.PO
    rows, skipped = [], Counter()
    try:
        for record in reader:
            value = {key.strip().upper(): (val or "").strip() for key, val in record.items() if key}
            institution, location = value.get(keys[0], ""), value.get(keys[1], "")
            if location and len(location) <= 2:
                location = f"{institution}{location}"
            if not location or not institution:
                skipped[_("no location code")] += 1
                continue
            if not value.get("VESTIGINGSNAAM"):
                skipped[_("no name")] += 1
                continue
            postcode = value.get("POSTCODE", "").upper()
            match = _POSTCODE.match(postcode)
            street = " ".join(
                part for part in (value.get("STRAATNAAM", ""), value.get("HUISNUMMER-TOEVOEGING", "")) if part
            )
            rows.append(
                {
                    "location_code": location.upper()[:8],
                    "institution_code": institution.upper()[:4],
                    "name": value["VESTIGINGSNAAM"][:200],
                    "street": street[:200],
                    "postcode": f"{match.group(1)} {match.group(2)}" if match else "",
                    "place": value.get("PLAATSNAAM", "").title()[:100],
                    "municipality": value.get("GEMEENTENAAM", "").title()[:100],
                    "denomination": value.get("DENOMINATIE", "")[:100],
                    "phone": value.get("TELEFOONNUMMER", "")[:20],
                    "website": value.get("INTERNETADRES", "")[:200],
                    "sector": sector.value,
                    "school_type": _school_type(
                        sector, value["VESTIGINGSNAAM"], value.get("ONDERWIJSSTRUCTUUR", "")
                    ),
                }
            )
    except csv.Error as error:
        raise ImportFileError(
            _("%(file)s cannot be read at line %(line)s: %(reason)s")
            % {"file": path, "line": reader.line_num, "reason": error}
        ) from None
    if not rows and not skipped:
        raise ImportFileError(_("%(file)s has no rows with schools.") % {"file": path})
    return rows, skipped


def _partnership_for(row, cache):
    if row["sector"] != Sector.PO or not row["postcode"]:
        return None
    try:
        region = region_for_postcode(normalise_postcode(row["postcode"][:4]))
    except InvalidPostcode:
        return None
    if region is None:
        return None
    if region.po_code not in cache:
        cache[region.po_code], _created = Partnership.objects.get_or_create(
            code=region.po_code, defaults={"name": partnership_name(region.po_code), "sector": Sector.PO}
        )
    return cache[region.po_code]


@transaction.atomic
def import_rows(rows, *, progress=None):
    """Create or update schools from parsed rows; unchanged ones are not written. Returns a Summary."""
    summary = Summary()
    existing = {school.location_code: school for school in School.objects.all()}
    new, changed, links, partnerships = [], [], [], {}
    seen = set()
    for index, row in enumerate(rows, start=1):
        if row["location_code"] in seen:
            summary.skipped[_("location code twice in the files")] += 1
            continue
        seen.add(row["location_code"])
        school = existing.get(row["location_code"])
        if school is None:
            school = School(**row)
            new.append(school)
            partnership = _partnership_for(row, partnerships)
            if partnership is not None:
                links.append((school, partnership))
        elif any(getattr(school, name) != row[name] for name in FIELDS):
            for name in FIELDS:
                setattr(school, name, row[name])
            changed.append(school)
        else:
            summary.unchanged += 1
        if progress:
            progress(index, len(rows))
    School.objects.bulk_create(new, batch_size=500)
    School.objects.bulk_update(changed, FIELDS, batch_size=500)
    summary.created, summary.updated = len(new), len(changed)
    Through = School.partnerships.through
    Through.objects.bulk_create(
        [Through(school_id=school.pk, partnership_id=partnership.pk) for school, partnership in links],
        batch_size=500,
        ignore_conflicts=True,
    )
    return summary
