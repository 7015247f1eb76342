"""Find the steunpunt that serves a postcode, for primary and for secondary school."""

from dataclasses import dataclass

from steunpunt.tenants.models import Partnership, Sector
from steunpunt.tenants.regions import region_for_postcode


@dataclass(frozen=True)
class SectorMatch:
    sector: str
    sector_label: str
    partnership_code: str
    partnership: Partnership | None

    @property
    def support_point(self):
        return self.partnership.support_point if self.partnership else None


@dataclass(frozen=True)
class PostcodeResult:
    postcode: str
    municipality: str | None
    matches: tuple[SectorMatch, ...]

    @property
    def known(self):
        return self.municipality is not None

    @property
    def any_support_point(self):
        return any(match.support_point for match in self.matches)


def support_points_for_postcode(postcode):
    """Return a :class:`PostcodeResult` for a normalised four-digit postcode."""
    region = region_for_postcode(postcode)
    if region is None:
        return PostcodeResult(postcode=postcode, municipality=None, matches=())
    codes = {Sector.PO: region.po_code, Sector.VO: region.vo_code}
    partnerships = {
        p.code: p
        for p in Partnership.objects.filter(
            code__in=codes.values(), support_point__isnull=False
        ).select_related("support_point__site")
    }
    matches = tuple(
        SectorMatch(
            sector=sector.value,
            sector_label=sector.label,
            partnership_code=code,
            partnership=partnerships.get(code),
        )
        for sector, code in codes.items()
    )
    return PostcodeResult(postcode=postcode, municipality=region.municipality, matches=matches)
