"""Place names in proper Dutch case: DUO's raw files write them in capitals ('T ZANDT GN)."""

import re

# Words that stay in lower case inside a place name (Alphen aan den Rijn, Bergen op Zoom).
_PARTICLES = {
    "aan",
    "de",
    "den",
    "der",
    "en",
    "het",
    "in",
    "op",
    "over",
    "onder",
    "bij",
    "te",
    "ten",
    "ter",
    "van",
    "gem",
    "ca",
}
# DUO's disambiguating province suffixes (Beers NB, 't Zandt GN); Gld is written so.
_SUFFIXES = {
    "GN",
    "FR",
    "DR",
    "OV",
    "NH",
    "ZH",
    "NB",
    "LB",
    "L",
    "UT",
    "ZL",
    "FL",
    "U",
    "O",
    "Z",
    "N",
    "G",
    "D",
    "F",
}
_WORD = re.compile(r"[^\s\-()]+|[\s\-()]+")


def _capitalise(word):
    lowered = word.lower()
    if lowered.startswith("ij"):
        return "IJ" + lowered[2:]
    return lowered[:1].upper() + lowered[1:]


def dutch_place_case(text):
    """``'T ZANDT GN`` → ``'t Zandt GN``, ``'S-HERTOGENBOSCH`` → ``'s-Hertogenbosch``,
    ``DEN HAAG`` → ``Den Haag``, ``IJSSELSTEIN`` → ``IJsselstein``,
    ``ALPHEN AAN DEN RIJN`` → ``Alphen aan den Rijn``. Text already in mixed case is left alone."""
    text = " ".join((text or "").split())
    if not text or text != text.upper():
        return text
    parts = _WORD.findall(text)
    out = []
    first_word = True
    for index, part in enumerate(parts):
        if not part.strip() or set(part) <= set(" -()"):
            out.append(part)
            continue
        lowered = part.lower()
        is_last = all(set(rest) <= set(" -()") for rest in parts[index + 1 :])
        if lowered in {"'t", "'s"}:
            out.append(lowered)
        elif not first_word and is_last and part in _SUFFIXES:
            out.append(part)
        elif not first_word and lowered == "gld":
            out.append("Gld")
        elif (not first_word and lowered in _PARTICLES) or re.fullmatch(r"\d+e", lowered):
            out.append(lowered)
        else:
            out.append(_capitalise(part))
        first_word = first_word and lowered in {"'t", "'s"}
    return "".join(out)
