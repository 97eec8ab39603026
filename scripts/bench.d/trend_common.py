"""Command line, plan and output shared by engine_trend_duckdb.py and engine_trend_pandas.py.

The plan is what both engines need besides the files: the municipalities' codes, the area's
functions in the files' undotted form, its age band and the repricing factor of each year. The
output is `year,municipality,spending_kr,persons` (spending in fixed 2024 prices, whole kroner,
rounded half away from zero), sorted by municipality and year.
"""
from __future__ import annotations

import argparse
import csv
import time
from dataclasses import dataclass

import trend_data
from areas import parse_areas


def arguments() -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--files", required=True, help="folder with regk31-YEAR-*.csv and folk1a-YEAR-*.csv")
    p.add_argument("--areas", required=True, help="areas.rdr with the `define area` lines")
    p.add_argument("--area", default="Skole")
    p.add_argument("--municipalities", default="Holbæk,Roskilde")
    p.add_argument("--pl", required=True, help="the state PL: year,pct_change")
    p.add_argument("--out", required=True)
    return p.parse_args()


def ms_since(start: float) -> float:
    return (time.perf_counter() - start) * 1000.0


@dataclass
class Plan:
    codes: dict[int, str]     # code -> name
    functions: set[str]       # undotted
    age_from: int
    age_to: int
    factors: dict[int, float]


def plan(args: argparse.Namespace) -> Plan:
    names = {name: code for code, name in trend_data.municipalities()}
    codes = {names[n]: n for n in args.municipalities.split(",")}
    area = next(a for a in parse_areas(args.areas) if a.key == args.area)
    return Plan(codes, trend_data.area_functions(area, trend_data.functions()), area.age_from, area.age_to,
                trend_data.factors(trend_data.read_state_pl(args.pl)))


def write(path: str, rows) -> None:
    """rows: (year, municipality, fixed-price kroner as a float, persons)."""
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["year", "municipality", "spending_kr", "persons"])
        for year, name, fixed, persons in rows:
            w.writerow([int(year), name, trend_data.round_half_away(float(fixed)), int(persons)])
