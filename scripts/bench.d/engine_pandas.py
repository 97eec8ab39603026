"""The budget round (overview, ten ranks, two gaps, export) computed with pandas.

Load = read the four teaching CSV files into DataFrames. Compute = everything after: expand the
area patterns against functions.csv (str.startswith / isin), sum the area's columns of the wide
expenditure table and the segment's age columns of population, rank per area
(rank(method="min") = competition ranking), the overview, the ten ranks, the two gaps, to_csv.
"""
import os
import sys
import time

START = time.perf_counter()
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pandas as pd  # noqa: E402

from areas import OLDEST, population_year  # noqa: E402
from areas import parse_areas  # noqa: E402
from engine_common import (GAP_COLUMNS, OVERVIEW_COLUMNS, RANK_COLUMNS, arguments,  # noqa: E402
                           emit, ms_since, report)

IMPORT_MS = ms_since(START)


def load(data: str) -> dict[str, pd.DataFrame]:
    return {t: pd.read_csv(os.path.join(data, f"{t}.csv"))
            for t in ("municipalities", "functions", "expenditure", "population")}


def pattern_mask(functions: pd.Series, patterns) -> pd.Series:
    prefixes = tuple(p[:-1] for p in patterns if p.endswith("*"))
    exact = [p for p in patterns if not p.endswith("*")]
    mask = functions.isin(exact)
    if prefixes:
        mask |= functions.str.startswith(prefixes)
    return mask


def area_functions(functions: pd.Series, area) -> list[str]:
    keep = pattern_mask(functions, area.include) & ~pattern_mask(functions, area.exclude)
    return functions[keep].tolist()


def rank_all(t: dict[str, pd.DataFrame], areas, dataset: str) -> dict[str, pd.DataFrame]:
    """Per area key: municipalities sorted by kr. per person with place (competition) and pos."""
    exp = t["expenditure"]
    exp = exp[exp["dataset"] == dataset].set_index("code").drop(columns="dataset")
    pop = t["population"]
    pop = pop[pop["year"] == population_year(dataset)].set_index("code").drop(columns="year")
    ages = pop.columns.str.extract(r"(\d+)", expand=False).astype(int)
    names = t["municipalities"].set_index("code")["name"]
    functions = t["functions"]["function"]
    ranked = {}
    for area in areas:
        hi = OLDEST if area.age_to >= OLDEST else area.age_to
        df = pd.DataFrame({
            "name": names,
            "spending": exp[area_functions(functions, area)].sum(axis=1) * 1000,
            "persons": pop.loc[:, (ages >= area.age_from) & (ages <= hi)].sum(axis=1),
        }).dropna()
        df = df[df["persons"] > 0]
        df["kr"] = df["spending"] / df["persons"]
        df = df.sort_values(["kr", "name"]).reset_index()
        df["place"] = df["kr"].rank(method="min").astype(int)
        df["pos"] = range(1, len(df) + 1)
        ranked[area.key] = df
    return ranked


def own_and_bench(df: pd.DataFrame, kommune: str, place: int):
    own = df[df["name"] == kommune].iloc[0]
    bench = df.iloc[place - 1]
    return own, bench, max(0.0, own["kr"] - bench["kr"]) * own["persons"]


def overview(ranked, areas, kommune: str, place: int) -> pd.DataFrame:
    rows, total = [], 0.0
    for area in areas:
        df = ranked[area.key]
        own, bench, m = own_and_bench(df, kommune, place)
        total += round(m)  # the total of the rows in whole kroner, as rdr's overview adds them
        rows.append([area.title, area.segment, int(own["place"]), len(df), f"{own['kr']:.2f}",
                     f"{bench['kr']:.2f}", round(m)])
    rows.append(["total", "", "", "", "", "", round(total)])
    return pd.DataFrame(rows, columns=OVERVIEW_COLUMNS)


def rank(df: pd.DataFrame, kommune: str | None, top: int | None) -> None:
    """`rank KEY top N` or `rank KEY for KOMMUNE`: those rows plus the median (place 50 of 98)."""
    shown = df.head(top) if top else df[df["name"] == kommune]
    median = df.iloc[[len(df) // 2]]
    out = [[r.place, r.name, f"{r.kr:.2f}", int(r.spending), int(r.persons)]
           for r in shown.itertuples()]
    if median["pos"].iloc[0] not in set(shown["pos"]):
        r = next(median.itertuples())
        out.append([r.place, f"median: {r.name}", f"{r.kr:.2f}", int(r.spending), int(r.persons)])
    emit(out, RANK_COLUMNS)


def gap(ranked, area, kommune: str, place: int) -> None:
    own, bench, m = own_and_bench(ranked[area.key], kommune, place)
    emit([[area.title, kommune, f"{own['kr']:.2f}", place, f"{bench['kr']:.2f}",
           f"{own['kr'] - bench['kr']:.2f}", int(own["persons"]), round(m)]], GAP_COLUMNS)


def main() -> None:
    args = arguments()
    areas = parse_areas(args.areas)

    t0 = time.perf_counter()
    tables = load(args.data)
    load_ms = ms_since(t0)

    t0 = time.perf_counter()
    ranked = rank_all(tables, areas, args.dataset)
    ov = overview(ranked, areas, args.kommune, args.place)
    ov.to_csv(sys.stdout, index=False, lineterminator="\n")
    for i, area in enumerate(areas):
        rank(ranked[area.key], args.kommune, args.top if i == 0 else None)
    by_key = {a.key: a for a in areas}
    for key in args.gap_areas.split(","):
        gap(ranked, by_key[key], args.kommune, args.place)
    ov.to_csv(args.out, index=False, lineterminator="\n")
    compute_ms = ms_since(t0)

    report("pandas", IMPORT_MS, load_ms, compute_ms)


if __name__ == "__main__":
    main()
