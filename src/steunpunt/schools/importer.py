"""Reading school files and importing them in one go: DUO's raw 'alle vestigingen' files and the
geocoded 2024 extract of every school location (edugis, see data/README.md).

A file is read and checked completely before anything is written; one unreadable file means
nothing is imported, and the import itself is one transaction. Raw DUO files: older ones name the
keys BRIN NUMMER/VESTIGINGSNUMMER, newer ones INSTELLINGSCODE/VESTIGINGSCODE; secondary-school
files add ONDERWIJSSTRUCTUUR; special-education files say the kind in SOORT PRIMAIR ONDERWIJS
(or SOORT ONDERWIJS). The 2024 extract is UTF-8, ','-separated, with a ``type`` column (basisschool,
SBAO, SO, VSO, (V)SO, PRO or a VO structure such as VBO/MAVO/HAVO/VWO) and ``lon``/``lat``.

Links to partnerships, each with how it was made (:class:`~.models.LinkMethod`):
primary schools and SBO by the postcode regions of the regulation; secondary schools and
practical education by DUO's list of schools per VO partnership, else by postcode; special
schools (SO, VSO, (V)SO) to every partnership of their sector with a postcode area within
:data:`CATCHMENT_KM` of the school, their own region always included.
"""

import csv
import functools
import io
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction
from django.utils.translation import gettext as _

from steunpunt.core.page_cache import bump_generation
from steunpunt.tenants.models import Partnership, Sector
from steunpunt.tenants.regions import _regions, region_for_postcode
from steunpunt.tenants.services import partnership_name

from .geo import distance_km, pc4_points
from .models import SPECIAL_TYPES, Cluster, LinkMethod, School, SchoolPartnership, SchoolType
from .places import dutch_place_case

DATA_DIR = Path(__file__).resolve().parent / "data"
EXTRACT_2024 = DATA_DIR / "scholen_nl_2024-11-22_duo_bag_edugis.csv"
VO_MEMBERSHIP_FILE = DATA_DIR / "duo_vo_school_swv_vsv_2015.csv"
CATCHMENT_KM = 20

KEY_COLUMNS = [("BRIN NUMMER", "VESTIGINGSNUMMER"), ("INSTELLINGSCODE", "VESTIGINGSCODE")]
REQUIRED_COLUMNS = ["VESTIGINGSNAAM", "POSTCODE", "PLAATSNAAM"]
KIND_COLUMNS = ["SOORT PRIMAIR ONDERWIJS", "SOORT ONDERWIJS", "TYPE PRIMAIR ONDERWIJS"]
EXTRACT_COLUMNS = {"vestigingscode", "brin_nummer", "naam", "type", "postcode", "plaats"}
# Written on every import when they changed. Editors own the type and cluster once a school exists,
# and its partnership links once they set them by hand (links_by_hand): a re-import keeps those.
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
    "structure",
]
# Only written when the file has a value: the raw DUO files have no pupils or coordinates, and
# importing one after the 2024 extract must not wipe them.
OPTIONAL_FIELDS = ["pupils", "latitude", "longitude"]
_POSTCODE = re.compile(r"^([1-9][0-9]{3})\s*([A-Z]{2})$")
_CLUSTER_WORDS = [
    (Cluster.VISUAL, ("visio", "bartim", "slechtziend", "blind")),
    (
        Cluster.HEARING,
        ("kentalis", "auris", "slechthorend", "doven", "d/sh", "effatha", "taalkring", "taalbrug"),
    ),
    (
        Cluster.PHYSICAL,
        ("zmlk", "zml", "mytyl", "tyltyl", "lichamelijk gehandicapt", "langdurig ziek", "mg "),
    ),
    (
        Cluster.BEHAVIOUR,
        ("zmok", "zeer moeilijk opvoedbare", "pi-school", "pedologisch", "leo kanner", "school2care"),
    ),
]
_TYPES_2024 = {
    "basisschool": (Sector.PO, SchoolType.REGULAR),
    "bao": (Sector.PO, SchoolType.REGULAR),
    "sbao": (Sector.PO, SchoolType.SBO),
    "sbo": (Sector.PO, SchoolType.SBO),
    "so": (Sector.PO, SchoolType.SO),
    "vso": (Sector.VO, SchoolType.VSO),
    "(v)so": (Sector.VO, SchoolType.SO_VSO),
    "pro": (Sector.VO, SchoolType.PRO),
}
_VO_STRUCTURE_PARTS = {"VBO", "MAVO", "HAVO", "VWO", "PRO", "BRUGJAAR", "VMBO"}


class ImportFileError(Exception):
    """A file that cannot be imported; the message says which file and why, in Dutch."""


@dataclass
class Summary:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    links: int = 0
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


def cluster_from_name(name):
    """The cluster of a special school when its name gives it away (Kentalis, ZMLK, …), else None."""
    lowered = f" {name.lower()} "
    match = re.search(r"cluster\s*([1-4])", lowered)
    if match:
        return int(match.group(1))
    for cluster, words in _CLUSTER_WORDS:
        if any(word in lowered for word in words):
            return cluster.value
    return None


def _school_type(sector, name, structure, kind=""):
    """Sector and type from a raw DUO row: the kind column when there is one, else the structure or name."""
    kind = kind.strip().lower()
    if kind in _TYPES_2024:
        return _TYPES_2024[kind]
    lowered = f" {name.lower()} "
    if sector == Sector.VO:
        parts = structure.upper().split("/")
        if parts == ["PRO"]:
            return Sector.VO, SchoolType.PRO
        if "VSO" in structure.upper() or " vso " in lowered:
            return Sector.VO, SchoolType.VSO
        return Sector.VO, SchoolType.SECONDARY
    if (
        " sbo " in lowered
        or "speciaal basisonderwijs" in lowered
        or "speciale school voor basisonderwijs" in lowered
    ):
        return Sector.PO, SchoolType.SBO
    if "(v)so" in lowered:
        return Sector.VO, SchoolType.SO_VSO
    if " so " in lowered or " so-" in lowered:
        return Sector.PO, SchoolType.SO
    return Sector.PO, SchoolType.REGULAR


def _postcode(text):
    match = _POSTCODE.match((text or "").upper().strip())
    return f"{match.group(1)} {match.group(2)}" if match else ""


def _number(text, kind):
    try:
        value = kind((text or "").strip().replace(",", "."))
    except ValueError:
        return None
    return value if value >= 0 else None


def _row(*, location, institution, name, street, postcode, place, municipality, sector, school_type, **extra):
    return {
        "location_code": location.upper()[:8],
        "institution_code": institution.upper()[:4],
        "name": " ".join(name.split())[:200],
        "street": street[:200],
        "postcode": _postcode(postcode),
        "place": dutch_place_case(place)[:100],
        "municipality": dutch_place_case(municipality)[:100],
        "denomination": extra.get("denomination", "")[:100],
        "phone": extra.get("phone", "")[:20],
        "website": extra.get("website", "")[:200],
        "sector": sector.value if hasattr(sector, "value") else sector,
        "school_type": school_type.value if hasattr(school_type, "value") else school_type,
        "structure": extra.get("structure", "")[:40],
        "cluster": cluster_from_name(name) if school_type in SPECIAL_TYPES else None,
        "pupils": extra.get("pupils"),
        "latitude": extra.get("latitude"),
        "longitude": extra.get("longitude"),
    }


def _read_extract(path, text):
    """The geocoded 2024 extract: one row per address match, so a location code can occur twice."""
    reader = csv.DictReader(io.StringIO(text), strict=True)
    reader.fieldnames = [name.strip().lower() for name in reader.fieldnames]
    missing = sorted(EXTRACT_COLUMNS - set(reader.fieldnames))
    if missing:
        raise ImportFileError(
            _("%(file)s misses the columns: %(columns)s.") % {"file": path, "columns": ", ".join(missing)}
        )
    rows, skipped, seen = [], Counter(), set()
    for record in reader:
        value = {key: (val or "").strip() for key, val in record.items() if key}
        location, institution = value["vestigingscode"].upper(), value["brin_nummer"].upper()
        if not location or not institution:
            skipped[_("no location code")] += 1
            continue
        if location in seen:
            skipped[_("location code twice in the files")] += 1
            continue
        if not value["naam"]:
            skipped[_("no name")] += 1
            continue
        kind = value["type"]
        if kind.lower() in _TYPES_2024:
            sector, school_type = _TYPES_2024[kind.lower()]
            structure = "PRO" if school_type == SchoolType.PRO else ""
        elif kind and set(kind.upper().split("/")) <= _VO_STRUCTURE_PARTS:
            sector, school_type, structure = Sector.VO, SchoolType.SECONDARY, kind.upper()
        else:
            skipped[_("unknown type of school")] += 1
            continue
        seen.add(location)
        number = "".join(value.get(key, "") for key in ("huisnummer", "huisletter"))
        addition = value.get("huisnummertoevoeging", "")
        street = " ".join(part for part in (value.get("straat", ""), number, addition) if part)
        latitude, longitude = _number(value.get("lat"), float), _number(value.get("lon"), float)
        rows.append(
            _row(
                location=location,
                institution=institution,
                name=value["naam"],
                street=street,
                postcode=value["postcode"],
                place=value["plaats"],
                municipality=value.get("gemeente", ""),
                sector=sector,
                school_type=school_type,
                structure=structure,
                denomination=value.get("denominatie", ""),
                website=value.get("internetadres", ""),
                pupils=_number(value.get("leerlingen"), int),
                latitude=latitude if latitude and 50 < latitude < 54 else None,
                longitude=longitude if longitude and 3 < longitude < 8 else None,
            )
        )
    return rows, skipped


def _read_duo(path, text):
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
    kind_column = next((name for name in KIND_COLUMNS if name in reader.fieldnames), None)
    rows, skipped = [], Counter()
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
        structure = value.get("ONDERWIJSSTRUCTUUR", "").upper()
        row_sector, school_type = _school_type(
            sector, value["VESTIGINGSNAAM"], structure, value.get(kind_column, "") if kind_column else ""
        )
        street = " ".join(
            part for part in (value.get("STRAATNAAM", ""), value.get("HUISNUMMER-TOEVOEGING", "")) if part
        )
        rows.append(
            _row(
                location=location,
                institution=institution,
                name=value["VESTIGINGSNAAM"],
                street=street,
                postcode=value.get("POSTCODE", ""),
                place=value.get("PLAATSNAAM", ""),
                municipality=value.get("GEMEENTENAAM", ""),
                sector=row_sector,
                school_type=school_type,
                structure=structure if row_sector == Sector.VO else "",
                denomination=value.get("DENOMINATIE", ""),
                phone=value.get("TELEFOONNUMMER", ""),
                website=value.get("INTERNETADRES", ""),
            )
        )
    return rows, skipped


def read_file(path):
    """Return ``(rows, skipped)`` for one file; raise :class:`ImportFileError` if it is unusable."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise ImportFileError(
            _("%(file)s cannot be opened: %(reason)s") % {"file": path, "reason": error.strerror}
        ) from None
    text = _decode(path, raw)
    header = text.splitlines()[0]
    columns = {name.strip().lower() for name in header.split(",")}
    try:
        if ";" not in header and "vestigingscode" in columns:
            rows, skipped = _read_extract(path, text)
        elif ";" not in header:
            raise ImportFileError(
                _("%(file)s is not a DUO file: the columns are not separated by ';'.") % {"file": path}
            )
        else:
            rows, skipped = _read_duo(path, text)
    except csv.Error as error:
        raise ImportFileError(
            _("%(file)s cannot be read: %(reason)s") % {"file": path, "reason": error}
        ) from None  # the csv module's reason is in English; the file name and the Dutch lead say enough
    if not rows:
        raise ImportFileError(_("%(file)s has no rows with schools.") % {"file": path})
    return rows, skipped


@functools.cache
def vo_membership():
    """``{location code: VO partnership code}`` from DUO's list of secondary schools per partnership."""
    members = {}
    with VO_MEMBERSHIP_FILE.open(encoding="utf-8", newline="") as handle:
        for record in csv.DictReader(handle, delimiter=";"):
            code = record["SAMENWERKINGSVERBAND_NUMMER"].strip().upper()
            location = record["brin_nummer"].strip().upper() + record["vestigings_nummer"].strip().zfill(2)
            members[location] = code
    return members


@functools.cache
def _partnership_areas():
    """``{partnership code: (bounding box, [points])}`` of the PC4 areas in each partnership's region."""
    points = pc4_points()
    areas = defaultdict(list)
    for pc4, region in _regions().items():
        if pc4 in points:
            areas[region.po_code].append(points[pc4])
            areas[region.vo_code].append(points[pc4])
    return {
        code: (
            (min(p[0] for p in pts), max(p[0] for p in pts), min(p[1] for p in pts), max(p[1] for p in pts)),
            pts,
        )
        for code, pts in areas.items()
    }


def _served_codes(point, prefixes):
    """Codes of the partnerships (PO and/or VO) with a PC4 area within CATCHMENT_KM of ``point``."""
    lat, lon = point
    margin_lat, margin_lon = CATCHMENT_KM / 111.0, CATCHMENT_KM / 68.0
    codes = set()
    for code, ((lat_min, lat_max, lon_min, lon_max), pts) in _partnership_areas().items():
        if code[:2] not in prefixes:
            continue
        if not (
            lat_min - margin_lat <= lat <= lat_max + margin_lat
            and lon_min - margin_lon <= lon <= lon_max + margin_lon
        ):
            continue
        if any(distance_km(point, other) <= CATCHMENT_KM for other in pts):
            codes.add(code)
    return codes


def links_for(row):
    """``{partnership code: LinkMethod}`` for a parsed row."""
    region = region_for_postcode(row["postcode"][:4]) if row["postcode"] else None
    school_type = row["school_type"]
    links = {}
    if school_type in SPECIAL_TYPES:
        prefixes = {SchoolType.SO: {"PO"}, SchoolType.VSO: {"VO"}}.get(school_type, {"PO", "VO"})
        if row["latitude"] is not None and row["longitude"] is not None:
            for code in _served_codes((row["latitude"], row["longitude"]), prefixes):
                links[code] = LinkMethod.SERVES_REGION
        if region is not None:
            for code in (region.po_code, region.vo_code):
                if code[:2] in prefixes:
                    links[code] = LinkMethod.SERVES_REGION
        return links
    if row["sector"] == Sector.VO:
        member = vo_membership().get(row["location_code"])
        if member is not None:
            return {member: LinkMethod.MEMBERSHIP}
        return {region.vo_code: LinkMethod.POSTCODE} if region is not None else {}
    return {region.po_code: LinkMethod.POSTCODE} if region is not None else {}


def _partnerships(codes):
    known = {partnership.code: partnership for partnership in Partnership.objects.filter(code__in=codes)}
    missing = [
        Partnership(code=code, name=partnership_name(code), sector=code[:2].lower())
        for code in sorted(set(codes) - set(known))
    ]
    Partnership.objects.bulk_create(missing, ignore_conflicts=True)
    if missing:
        known = {partnership.code: partnership for partnership in Partnership.objects.filter(code__in=codes)}
    return known


@transaction.atomic
def import_rows(rows, *, progress=None, only_partnerships=None):
    """Create or update schools from parsed rows and link them to their partnerships; unchanged
    schools are not written. With ``only_partnerships`` (codes), rows linked to none of them are
    left out (the demo imports its own regions). Returns a :class:`Summary`."""
    summary = Summary()
    existing = {school.location_code: school for school in School.objects.all()}
    new, changed, wanted = [], [], []
    seen = set()
    for index, row in enumerate(rows, start=1):
        if progress:
            progress(index, len(rows))
        if row["location_code"] in seen:
            summary.skipped[_("location code twice in the files")] += 1
            continue
        links = links_for(row)
        if only_partnerships is not None and not set(links) & set(only_partnerships):
            continue
        seen.add(row["location_code"])
        school = existing.get(row["location_code"])
        if school is None:
            school = School(**row)
            new.append(school)
        else:
            fields = FIELDS + [name for name in OPTIONAL_FIELDS if row[name] is not None]
            if any(getattr(school, name) != row[name] for name in fields):
                for name in fields:
                    setattr(school, name, row[name])
                changed.append(school)
            else:
                summary.unchanged += 1
            if school.links_by_hand:
                continue
        wanted.append((school, links))
    School.objects.bulk_create(new, batch_size=500)
    School.objects.bulk_update(changed, FIELDS + OPTIONAL_FIELDS, batch_size=500)
    summary.created, summary.updated = len(new), len(changed)
    partnerships = _partnerships({code for _school, links in wanted for code in links})
    present = set(SchoolPartnership.objects.values_list("school_id", "partnership_id"))
    links = [
        SchoolPartnership(school_id=school.pk, partnership_id=partnerships[code].pk, method=method)
        for school, school_links in wanted
        for code, method in school_links.items()
        if (school.pk, partnerships[code].pk) not in present
    ]
    SchoolPartnership.objects.bulk_create(links, batch_size=500, ignore_conflicts=True)
    summary.links = len(links)
    if new or changed or links:
        # Bulk writes send no signals: cached public pages (the school list) are made stale here.
        transaction.on_commit(bump_generation)
    return summary
