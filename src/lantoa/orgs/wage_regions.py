"""Minimum-wage regions of every province's commune-level units, read from the annex of Nghị định 293/2025/NĐ-CP.

The annex names, per province, the wards, communes and special zones of regions I–III and puts "các xã,
phường còn lại" in a default region. `annex_parse` turns the decree's text into official unit names (as
the `vietnam-provinces` package spells them); `manage.py wage_regions_build` writes the result to
`orgs/data/minimum_wage_regions.toml`, the file `services.minimum_wage_zones_load` reads.
"""

import datetime as dt
import json
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from vietnam_provinces import Province, Ward

from lantoa.core.text import nfc

REGIONS_FILE = Path(__file__).parent / "data" / "minimum_wage_regions.toml"
ANNEX_SOURCE = "Nghị định 293/2025/NĐ-CP, Phụ lục"
ANNEX_VALID_FROM = dt.date(2026, 1, 1)
ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4}
_KINDS = {"phường": "Phường", "xã": "Xã", "đặc khu": "Đặc khu"}
# Older and newer Vietnamese spelling put the tone mark on different vowels ("Hoà" / "Hòa"): compare one form.
_TONE_PLACEMENT = {
    "oà": "òa", "oá": "óa", "oả": "ỏa", "oã": "õa", "oạ": "ọa",
    "oè": "òe", "oé": "óe", "oẻ": "ỏe", "oẽ": "õe", "oẹ": "ọe",
    "uỳ": "ùy", "uý": "úy", "uỷ": "ủy", "uỹ": "ũy", "uỵ": "ụy",
}  # fmt: skip
_PROVINCE_HEADING = re.compile(r"^(\d+)\.\s+(.+?)\s*$", re.M)
_REGION_LINE = re.compile(r"^-\s*Vùng\s+(I|II|III|IV),\s*gồm\s+(.*?)\.?\s*$")
_KIND_MARKER = re.compile(r"(?:^|(?<=\s))(?:các\s+)?(phường|xã|đặc khu)\s+")


def name_key(name: str) -> str:
    """A unit name in a form that ignores tone placement, dash style, apostrophe spacing and repeated spaces."""
    text = nfc(name).casefold()
    for old, new in _TONE_PLACEMENT.items():
        text = text.replace(old, new)
    text = re.sub(r"\s*[-–—]\s*", " - ", text)
    text = re.sub(r"\s*['’]\s*", "'", text)
    return " ".join(text.split())


@dataclass
class ProvinceRegions:
    code: int
    name: str
    default_region: int
    regions: dict[int, list[str]] = field(default_factory=dict)
    # names the annex gives that no unit of the package carries: kept with the annex's wording for a person to check
    unmatched: list[str] = field(default_factory=list)

    def region_of(self) -> dict[str, int]:
        return {name: region for region, names in self.regions.items() for name in names}


def province_title(province: Province) -> str:
    # The package's releases differ on whether the name carries its "Tỉnh" prefix.
    return province.name if province.name.startswith(("Tỉnh", "Thành phố")) else f"Tỉnh {province.name}"


def _listed_names(listing: str) -> list[tuple[str, str]]:
    """'các phường A, B; các xã C và đặc khu D' → [('Phường', 'A'), ('Phường', 'B'), ('Xã', 'C'), ('Đặc khu', 'D')]."""
    names: list[tuple[str, str]] = []
    kind = None
    for part in _KIND_MARKER.split(listing):
        if part in _KINDS:
            kind = _KINDS[part]
            continue
        for name in re.split(r",|;|\s+và\s+", part):
            name = name.strip().removeprefix("các ").strip()
            if name and kind:
                names.append((kind, name))
    return names


def _resolve(kind: str, name: str, official: dict[str, str]) -> list[str]:
    """The official names an annex name stands for: itself, or two units where the text lost the comma between them."""
    if name_key(f"{kind} {name}") in official:
        return [official[name_key(f"{kind} {name}")]]
    words = name.split()
    for cut in range(1, len(words)):
        first, second = f"{kind} {' '.join(words[:cut])}", f"{kind} {' '.join(words[cut:])}"
        if name_key(first) in official and name_key(second) in official:
            return [official[name_key(first)], official[name_key(second)]]
    return []


def annex_parse(text: str) -> list[ProvinceRegions]:
    text = nfc(text)
    start = text.find("DANH MỤC ĐỊA BÀN")
    annex = text[start:] if start >= 0 else text
    provinces = {name_key(province_title(p)): p for p in Province.iter_all()}
    headings = list(_PROVINCE_HEADING.finditer(annex))
    parsed = []
    for index, heading in enumerate(headings):
        province = provinces.get(name_key(heading.group(2)))
        if province is None:
            continue
        end = headings[index + 1].start() if index + 1 < len(headings) else len(annex)
        official = {
            name_key(ward.name): " ".join(nfc(ward.name).split()) for ward in Ward.iter_by_province(province.code)
        }
        entry = ProvinceRegions(code=province.code.value, name=province_title(province), default_region=4)
        for line in annex[heading.end() : end].strip().splitlines():
            match = _REGION_LINE.match(line.strip())
            if not match:
                continue
            region, listing = ROMAN[match.group(1)], match.group(2)
            if "còn lại" in listing:
                entry.default_region = region
                continue
            for kind, name in _listed_names(listing):
                resolved = _resolve(kind, name, official)
                entry.regions.setdefault(region, []).extend(resolved)
                if not resolved:
                    entry.unmatched.append(f"{kind} {name}")
        parsed.append(entry)
    return parsed


def regions_toml(provinces: list[ProvinceRegions]) -> str:
    def strings(values: list[str]) -> str:
        return "[" + ", ".join(json.dumps(value, ensure_ascii=False) for value in values) + "]"

    lines = [
        "# Minimum-wage regions of every province's commune-level units (from 01/01/2026).",
        f"# Source: {ANNEX_SOURCE}. Written by `manage.py wage_regions_build` from the decree's text; do not edit",
        "# by hand. Names are the official unit names; units not listed belong to the province's default_region.",
        "# `unmatched`: names in the annex that no unit carries (a misprint or a unit the package lacks): check them.",
        f'source = "{ANNEX_SOURCE}"',
        f"valid_from = {ANNEX_VALID_FROM.isoformat()}",
    ]
    for entry in sorted(provinces, key=lambda item: item.code):
        lines += ["", f"[province.{entry.code}]", f"name = {json.dumps(entry.name, ensure_ascii=False)}"]
        lines.append(f"default_region = {entry.default_region}")
        if entry.unmatched:
            lines.append(f"unmatched = {strings(entry.unmatched)}")
        for region in sorted(entry.regions):
            lines.append(f'regions."{region}" = {strings(entry.regions[region])}')
    return "\n".join(lines) + "\n"


@dataclass(frozen=True)
class RegionsFile:
    source: str
    valid_from: dt.date
    provinces: dict[int, ProvinceRegions]


def regions_file_read(path: Path = REGIONS_FILE) -> RegionsFile:
    with path.open("rb") as handle:
        data = tomllib.load(handle)
    provinces = {
        int(code): ProvinceRegions(
            code=int(code),
            name=item["name"],
            default_region=item["default_region"],
            regions={int(region): names for region, names in item.get("regions", {}).items()},
            unmatched=item.get("unmatched", []),
        )
        for code, item in data["province"].items()
    }
    return RegionsFile(source=data["source"], valid_from=data["valid_from"], provinces=provinces)
