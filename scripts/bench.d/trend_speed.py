"""Eighteen years in one process: `load R2007..R2024; trend Skole for Holbæk, Roskilde prices 2024
using state` against a store of 18 invented full REGK31 years and FOLK1A by age (trend_data.py),
and DuckDB and pandas computing the same trend from the same raw BULK files.

The files are generated and imported into a temporary store once (the import is timed and shown
apart). Then, interleaved, `runs` whole processes of rdr (`--data-dir STORE --format csv -c …`) and
`engine_runs` of each Python engine (whole process: interpreter, import, read every file, compute).
Target: rdr < 1 s start to finish (median). Agreement: rdr's spending_kr per municipality and year
equals DuckDB's and pandas' within 1 kr. When `trend` is not a command of this rdr yet, it says so
and measures only the engines.
"""
from __future__ import annotations

import csv
import json
import os
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field

import trend_data

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
AREAS = os.path.join(ROOT, "Sources", "RdrData", "Resources", "areas.rdr")
TARGET_MS = 1000.0
TOLERANCE_KR = 1.0
AREA, MUNICIPALITIES = "Skole", ["Holbæk", "Roskilde"]
SCRIPT = (f"load R{trend_data.FIRST_YEAR}..R{trend_data.LAST_YEAR}; "
          f"trend {AREA} for {', '.join(MUNICIPALITIES)} prices {trend_data.LAST_YEAR} using state")


def state_pl_file(given: str | None) -> str | None:
    """The state PL file: --state-pl, else shared/data/state_pl_oes.csv beside the repository."""
    candidates = [given] if given else [
        os.path.join(ROOT, "..", "shared", "data", "state_pl_oes.csv"),
        os.path.join(ROOT, "..", "..", "shared", "data", "state_pl_oes.csv"),
    ]
    return next((os.path.abspath(c) for c in candidates if c and os.path.isfile(c)), None)


@dataclass
class Result:
    available: bool = True
    reason: str = ""
    rdr_ms: list[float] = field(default_factory=list)
    engine_ms: dict[str, list[float]] = field(default_factory=dict)
    engine_inner: dict[str, list[dict]] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)
    rows: int = 0

    @property
    def median(self) -> float | None:
        return statistics.median(self.rdr_ms) if self.rdr_ms else None

    @property
    def passed(self) -> bool:
        return self.available and self.median is not None and self.median < TARGET_MS and not self.problems


def timed(command: list[str]) -> tuple[float, subprocess.CompletedProcess]:
    t = time.perf_counter()
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    return (time.perf_counter() - t) * 1000.0, done


def not_a_command(stderr: str) -> bool:
    """Whether rdr refused the script for not knowing `trend` (or the year range that comes with
    it), rather than failing at it."""
    text = stderr.lower()
    unknown_trend = "trend" in text and ("unknown command" in text or "not a command" in text
                                         or "neither a command" in text)
    unknown_range = f"found 'r{trend_data.FIRST_YEAR}..r{trend_data.LAST_YEAR}'" in text
    return unknown_trend or unknown_range


def read_rdr(text: str) -> dict[tuple[str, int], int]:
    """rdr's trend CSV (contract: …,year,municipality,…,spending_kr,…): (municipality, year) → kr."""
    rows = [r for r in csv.DictReader(text.splitlines()) if r.get("dataset") != "#"]
    return {(r["municipality"], int(r["year"])): int(float(r["spending_kr"])) for r in rows
            if r.get("spending_kr") not in (None, "")}


def read_engine(path: str) -> dict[tuple[str, int], int]:
    with open(path, encoding="utf-8", newline="") as f:
        return {(r["municipality"], int(r["year"])): int(r["spending_kr"]) for r in csv.DictReader(f)}


def agreement(rdr: dict, engines: dict[str, dict]) -> list[str]:
    problems = []
    for name, theirs in engines.items():
        for (municipality, year), kr in sorted(theirs.items()):
            mine = rdr.get((municipality, year))
            if mine is None:
                problems.append(f"{name}: rdr has no row for {municipality} {year}")
            elif abs(mine - kr) > TOLERANCE_KR:
                problems.append(f"{name}: {municipality} {year}: spending_kr {kr:,} but rdr says {mine:,} "
                                f"(difference {kr - mine:+,})")
    return problems


def measure(rdr: str, tmp: str, runs: int, engine_runs: int, state_pl: str | None,
            python: str = sys.executable) -> Result:
    result = Result()
    pl = state_pl_file(state_pl)
    files = os.path.join(tmp, "trend-files")
    store = os.path.join(tmp, "trend-store")
    os.makedirs(files, exist_ok=True)
    print(f"\ntrend: generating {trend_data.LAST_YEAR - trend_data.FIRST_YEAR + 1} invented full REGK31 "
          f"years and FOLK1A by age …", flush=True)
    t = time.perf_counter()
    pairs = trend_data.generate(files)
    size = sum(os.path.getsize(p) for pair in pairs for p in pair) / 1e6
    print(f"  generated {2 * len(pairs)} files, {size:,.0f} MB, in {time.perf_counter() - t:.1f} s")

    imports = "; ".join(f'import "{a}"; import "{p}"' for a, p in pairs)
    ms, done = timed([rdr, "--data-dir", store, "--format", "csv", "-c", imports])
    if done.returncode != 0:
        result.available, result.reason = False, f"the import failed: {done.stderr.strip()[-600:]}"
        return result
    print(f"  import of the {2 * len(pairs)} files into a fresh store (not part of the target): {ms / 1000:.1f} s")

    command = [rdr, "--data-dir", store, "--format", "csv", "-c", SCRIPT]
    _, probe = timed(command)
    if probe.returncode != 0:
        result.available = False
        result.reason = (f"trend not available in this build ({probe.stderr.strip().splitlines()[0][:160]})"
                         if not_a_command(probe.stderr)
                         else f"rdr failed: {probe.stderr.strip()[-600:]}")
    engines = {}
    if pl is None:
        result.problems.append("no state PL file (shared/data/state_pl_oes.csv); give --state-pl")
    else:
        for name in ("duckdb", "pandas"):
            out = os.path.join(tmp, f"trend-{name}.csv")
            engines[name] = [python, "-B", os.path.join(HERE, f"engine_trend_{name}.py"), "--files", files,
                             "--areas", AREAS, "--area", AREA, "--municipalities", ",".join(MUNICIPALITIES),
                             "--pl", pl, "--out", out]
    rdr_out = probe.stdout
    for i in range(max(runs, engine_runs)):
        if result.available and i < runs:
            ms, done = timed(command)
            if done.returncode != 0:
                result.problems.append(f"rdr failed on run {i + 1}: {done.stderr.strip()[-300:]}")
                break
            result.rdr_ms.append(ms)
            rdr_out = done.stdout
        for name, engine in engines.items():
            if i < engine_runs:
                ms, done = timed(engine)
                if done.returncode != 0:
                    result.problems.append(f"{name} failed: {done.stderr.strip()[-600:]}")
                    continue
                result.engine_ms.setdefault(name, []).append(ms)
                result.engine_inner.setdefault(name, []).append(json.loads(done.stderr.strip().splitlines()[-1]))
    if result.available and engines:
        theirs = {name: read_engine(os.path.join(tmp, f"trend-{name}.csv")) for name in engines
                  if os.path.isfile(os.path.join(tmp, f"trend-{name}.csv"))}
        try:
            mine = read_rdr(rdr_out)
            result.rows = len(mine)
            result.problems += agreement(mine, theirs)
        except (KeyError, ValueError) as error:
            result.problems.append(f"rdr's trend CSV is not as the contract says ({error!r}): "
                                   f"{rdr_out[:300]!r}")
    return result


def report(result: Result) -> None:
    print(f"\ntrend over 18 years: `{SCRIPT}`")
    if result.median is not None:
        w = result.rdr_ms
        print(f"  rdr whole process ({len(w)} runs): median {result.median:.0f} ms, min {min(w):.0f} ms")
    elif not result.available:
        print(f"  rdr: {result.reason}")
    for name, wall in result.engine_ms.items():
        inner = result.engine_inner[name]
        print(f"  {name:<7} whole process ({len(wall)} runs): median {statistics.median(wall):,.0f} ms "
              f"(read {statistics.median(r['load_ms'] for r in inner):,.0f} ms, "
              f"compute {statistics.median(r['compute_ms'] for r in inner):,.0f} ms)"
              + (f", {statistics.median(wall) / result.median:.0f}× rdr" if result.median else ""))
    if result.available and not result.problems:
        print(f"  agreement: duckdb and pandas match rdr's spending_kr ({result.rows} rows) within "
              f"{TOLERANCE_KR:g} kr.")
    for problem in result.problems[:20]:
        print(f"  MISMATCH: {problem}")
    if len(result.problems) > 20:
        print(f"  … and {len(result.problems) - 20} more")
