"""Command line and timing report shared by engine_duckdb.py and engine_pandas.py.

An engine is run as a fresh process by scripts/bench, like rdr:
    python3 engine_X.py --data DIR --areas areas.rdr --dataset R2024 --kommune Korsbæk \
        --place 30 --out o.csv
It prints its result tables as CSV to stdout (the bench sends them to /dev/null, as it does rdr's)
and, last, one JSON line to stderr: {"engine", "import_ms", "load_ms", "compute_ms"}.
"""
from __future__ import annotations

import argparse
import csv
import json
import sys
import time

OVERVIEW_COLUMNS = ["area", "per", "place", "ranked", "kr_per_person",
                    "benchmark_kr_per_person", "mulighedsrum_kr"]
RANK_COLUMNS = ["place", "municipality", "kr_per_person", "spending_kr", "persons"]
GAP_COLUMNS = ["area", "municipality", "kr_per_person", "place", "benchmark_kr_per_person",
               "difference_kr_per_person", "persons", "mulighedsrum_kr"]


def arguments() -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--data", required=True, help="folder with the teaching CSV files")
    p.add_argument("--areas", required=True, help="areas.rdr with the `define area` lines")
    p.add_argument("--dataset", default="R2024")
    p.add_argument("--kommune", default="Korsbæk")
    p.add_argument("--place", type=int, default=30)
    p.add_argument("--top", type=int, default=3, help="`rank FIRST-AREA top N`")
    p.add_argument("--gap-areas", default="Skole,Ældre", help="the one-area gaps (area keys)")
    p.add_argument("--out", required=True, help="where to export the overview CSV")
    return p.parse_args()


def ms_since(start: float) -> float:
    return (time.perf_counter() - start) * 1000.0


def emit(rows, columns, out=sys.stdout) -> None:
    """A result table as CSV, as `rdr --format csv` prints one."""
    w = csv.writer(out, lineterminator="\n")
    w.writerow(columns)
    w.writerows(rows)


def report(engine: str, import_ms: float, load_ms: float, compute_ms: float) -> None:
    sys.stdout.flush()
    print(json.dumps({"engine": engine, "import_ms": import_ms, "load_ms": load_ms,
                      "compute_ms": compute_ms}), file=sys.stderr)
