"""Shared by the bench engines: parse rdr's `define area` lines and its segments.

Only parsing lives here; each engine expands the function patterns against functions.csv and
sums the population itself, so the computation is really done by DuckDB or pandas.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

OLDEST = 100  # population.csv's last column, age_100plus, counts as age 100

_DEFINE = re.compile(
    r'^\s*define\s+area\s+(?P<key>\S+)\s+"(?P<title>[^"]*)"\s*=\s*(?P<include>.+?)'
    r'(?:\s+except\s+(?P<exclude>.+?))?\s+per\s+(?P<segment>\S+)\s*$'
)


@dataclass(frozen=True)
class Area:
    key: str          # Administration, SocialBørn …: what `rank KEY` uses
    title: str        # "Kultur, fritid & turisme": what the overview shows
    include: tuple[str, ...]  # function codes or wildcards: 5.38.50, 5.38.*, 5.*
    exclude: tuple[str, ...]
    segment: str      # as written: all, 0-5, 65+
    age_from: int
    age_to: int       # inclusive; OLDEST for `all` and open bands


def parse_segment(text: str) -> tuple[int, int]:
    """`all` -> (0, 100), `18-64` -> (18, 64), `65+` -> (65, 100)."""
    if text == "all":
        return 0, OLDEST
    if m := re.fullmatch(r"(\d+)\+", text):
        return int(m[1]), OLDEST
    if m := re.fullmatch(r"(\d+)-(\d+)", text):
        return int(m[1]), int(m[2])
    raise ValueError(f"unknown segment {text!r}")


def _patterns(text: str | None) -> tuple[str, ...]:
    return tuple(p.strip() for p in text.split(",") if p.strip()) if text else ()


def parse_areas(path: str) -> list[Area]:
    """Every `define area` line of an rdr file, in file order."""
    areas = []
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            if not line.lstrip().startswith("define area"):
                continue
            m = _DEFINE.match(line)
            if not m:
                raise ValueError(f"{path}:{number}: cannot parse: {line.strip()}")
            lo, hi = parse_segment(m["segment"])
            areas.append(Area(m["key"], m["title"], _patterns(m["include"]),
                              _patterns(m["exclude"]), m["segment"], lo, hi))
    if not areas:
        raise ValueError(f"{path}: no `define area` lines")
    return areas


def like_pattern(pattern: str) -> str:
    """An rdr function pattern as an SQL LIKE pattern: 5.38.* -> 5.38.%, 5.38.50 -> 5.38.50."""
    return pattern[:-1] + "%" if pattern.endswith("*") else pattern


def matches(function: str, pattern: str) -> bool:
    """Whether a function code matches an rdr pattern (exact code or trailing-* wildcard)."""
    return function.startswith(pattern[:-1]) if pattern.endswith("*") else function == pattern


def population_year(dataset: str) -> int:
    """R2024 / B2024 -> 2024: the population on 1 January of the dataset's year."""
    m = re.fullmatch(r"[RB](\d{4})", dataset)
    if not m:
        raise ValueError(f"unknown dataset {dataset!r}")
    return int(m[1])
