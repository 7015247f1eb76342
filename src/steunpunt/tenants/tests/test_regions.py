import pytest

from steunpunt.tenants.regions import InvalidPostcode, normalise_postcode, region_for_postcode


@pytest.mark.parametrize(("text", "expected"), [("9711", "9711"), ("9711AB", "9711"), (" 9711 ab ", "9711")])
def test_postcodes_are_read_in_every_common_form(text, expected):
    assert normalise_postcode(text) == expected


@pytest.mark.parametrize("text", ["", "abc", "971", "0711", "97111", "9711 ABC", "9711-AB", "<script>"])
def test_anything_else_is_not_a_postcode(text):
    with pytest.raises(InvalidPostcode):
        normalise_postcode(text)


def test_the_regulation_annex_gives_the_partnerships_of_a_postcode():
    region = region_for_postcode("9711")
    assert (region.municipality, region.po_code, region.vo_code) == ("Groningen", "PO2001", "VO2001")


def test_a_postcode_outside_the_annex_has_no_region():
    assert region_for_postcode("1000") is None
