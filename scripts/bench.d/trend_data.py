"""Eighteen years of INVENTED Statistics Denmark BULK files for the trend bench, and the trend
the bench expects (the contract the DuckDB and pandas engines compute against).

For each year 2007-2024: a full REGK31 year in BULK format with codes (byte-order mark,
semicolons, CRLF, decimal comma, `..`), shaped as import_speed.py makes one: 109 areas (the
country, 5 regions, 5 groups, 98 municipalities) x 355 functions x 2 dranst x 6 arts x 2 price
units = 928,680 lines; and FOLK1A by single age on 1 January for the country and the 98
municipalities. The 355 functions are the teaching chart's 78 (so that every area of areas.rdr,
Skole among them, has its functions) and invented codes in groups 70-99 to fill the rest. The figures are INVENTED
and labelled so in the files' names; only their shape is real. The method's figures (dranst 1, LOBM,
art TOT and S0) are never `..`, so that every municipality is ranked every year.

The trend (what `trend AREA for A, B prices 2024 using state` reports per municipality and year):
  spending_kr = round(current-price net operating spending x factor), half away from zero, where
  net operating = sum over the area's functions of (art TOT - art S0), dranst 1, LOBM (1,000 kr.)
  x 1000, and factor(y) = product over t = y+1 .. 2024 of (1 + pct_t / 100), pct from the state PL
  file (`year,pct_change`); persons = the area's segment on 1 January of the year.
"""
from __future__ import annotations

import csv
import math
import os

from areas import matches

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
MUNICIPALITIES = os.path.join(ROOT, "Sources", "RdrData", "Resources", "real", "municipalities.csv")
TEACHING_FUNCTIONS = os.path.join(ROOT, "Sources", "RdrData", "Resources", "teaching", "functions.csv")
FIRST_YEAR, LAST_YEAR = 2007, 2024
OTHER_AREAS = [0, 81, 82, 83, 84, 85, 910, 920, 930, 940, 960]


def municipalities() -> list[tuple[int, str]]:
    with open(MUNICIPALITIES, encoding="utf-8", newline="") as f:
        return [(int(row["code"]), row["name"]) for row in csv.DictReader(f)]


def dotted(code: str) -> str:
    """DST's undotted function code (32201, 2201) in the dotted form (3.22.01, 0.22.01)."""
    return f"{int(code[:-4] or 0)}.{code[-4:-2]}.{code[-2:]}"


def functions() -> list[str]:
    """355 distinct undotted codes: the teaching chart's 78, then invented ones."""
    with open(TEACHING_FUNCTIONS, encoding="utf-8", newline="") as f:
        real = [row["function"] for row in csv.DictReader(f)]
    codes = [f"{int(c.split('.')[0]) or ''}{c.split('.')[1]}{c.split('.')[2]}" for c in real]
    taken = set(codes)
    i = 0
    while len(codes) < 355:  # in groups 70-99, which no area of areas.rdr reaches into
        main, group, function = i % 7, 70 + (i // 7) % 30, (i * 37) % 100
        code = f"{main if main else ''}{group}{function:02d}"
        if code not in taken:
            taken.add(code)
            codes.append(code)
        i += 1
    return codes


def value(area: int, function_index: int, dranst: str, art: str, unit: str, year: int) -> str:
    """An invented figure in DST's BULK form: 1,000 kr. (LOBM) with an occasional decimal, or
    kr. per inhabitant (INDL); `..` now and then outside the method's figures."""
    seed = (area * 7919 + function_index * 104729 + year * 31 + len(art) * 17 + (dranst == "3") * 5) % 1_000_003
    if art == "TOT":
        amount = 2_000 + seed % 60_000 + (year - FIRST_YEAR) * 150
    elif art == "S0":
        amount = seed % 900
    else:
        amount = seed % 40_000
    if unit == "INDL":
        return ".." if seed % 89 == 0 else str(amount // 10)
    if dranst == "3" and seed % 97 == 0:
        return ".."
    return f"{amount},5" if seed % 7 == 0 else str(amount)


def write_year(folder: str, year: int, codes: list[tuple[int, str]], chart: list[str]) -> tuple[str, str]:
    accounts = os.path.join(folder, f"regk31-{year}-invented.csv")
    areas = OTHER_AREAS + [code for code, _ in codes]
    with open(accounts, "w", encoding="utf-8", newline="") as f:
        f.write("\ufeffOMRÅDE;FUNKTION;DRANST;ART;PRISENHED;TID;INDHOLD\r\n")
        for area in areas:
            lines = []
            for index, function in enumerate(chart):
                for dranst in ("1", "3"):
                    for art in ("TOT", "UE", "I", "S0", "S1", "S2"):
                        for unit in ("LOBM", "INDL"):
                            lines.append(f"{area};{function};{dranst};{art};{unit};{year};"
                                         f"{value(area, index, dranst, art, unit, year)}\r\n")
            f.write("".join(lines))
    population = os.path.join(folder, f"folk1a-{year}-invented.csv")
    with open(population, "w", encoding="utf-8", newline="") as f:
        f.write("\ufeffOMRÅDE;KØN;ALDER;CIVILSTAND;TID;INDHOLD\r\n")
        everyone: dict[int, int] = {}
        rows = []
        for code, _ in codes:
            total = 0
            for age in range(126):
                count = 0 if age > 110 else 40 + (code * 7 + age * 13 + year) % 400
                total += count
                everyone[age] = everyone.get(age, 0) + count
                rows.append(f"{code:03d};TOT;{age};TOT;{year}K1;{count}\r\n")
            rows.append(f"{code:03d};TOT;IALT;TOT;{year}K1;{total}\r\n")
        country = [f"000;TOT;{age};TOT;{year}K1;{everyone[age]}\r\n" for age in range(126)]
        country.append(f"000;TOT;IALT;TOT;{year}K1;{sum(everyone.values())}\r\n")
        f.write("".join(country + rows))
    return accounts, population


def generate(folder: str) -> list[tuple[str, str]]:
    """The eighteen years' (accounts, population) files in `folder`."""
    codes, chart = municipalities(), functions()
    return [write_year(folder, year, codes, chart) for year in range(FIRST_YEAR, LAST_YEAR + 1)]


def read_state_pl(path: str) -> dict[int, float]:
    with open(path, encoding="utf-8", newline="") as f:
        return {int(row["year"]): float(row["pct_change"]) for row in csv.DictReader(f)}


def factors(pl: dict[int, float], target: int = LAST_YEAR) -> dict[int, float]:
    """Year → the factor from its prices to `target`'s: the product of (1 + pct/100) after it."""
    result = {}
    for year in range(FIRST_YEAR, target + 1):
        factor = 1.0
        for t in range(year + 1, target + 1):
            factor *= 1 + pl[t] / 100
        result[year] = factor
    return result


def round_half_away(x: float) -> int:
    return int(math.floor(x + 0.5)) if x >= 0 else -int(math.floor(-x + 0.5))


def area_functions(area, chart: list[str]) -> set[str]:
    """The undotted codes of `chart` that an area of areas.rdr holds (includes minus exceptions)."""
    return {code for code in chart
            if any(matches(dotted(code), p) for p in area.include)
            and not any(matches(dotted(code), p) for p in area.exclude)}
