"""The trend of one area for some municipalities over the years, with pandas, from the raw BULK
files (trend_data.py): read every REGK31 and FOLK1A file (all columns as text, as they are), keep
the method's figures, sum the area's functions (TOT - S0, dranst 1, LOBM, x 1000), reprice to 2024
with the state PL and divide by the segment's persons. Same command line as engine_trend_duckdb.py.
"""
import glob
import json
import os
import sys
import time

START = time.perf_counter()
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pandas as pd  # noqa: E402

from trend_common import arguments, ms_since, plan, write  # noqa: E402

IMPORT_MS = ms_since(START)
ACCOUNTS = ["area", "function", "dranst", "art", "unit", "year", "value"]
POPULATION = ["area", "sex", "age", "marital", "quarter", "value"]


def read(pattern: str, names: list[str]) -> pd.DataFrame:
    frames = [pd.read_csv(path, sep=";", header=0, names=names, dtype=str, encoding="utf-8-sig")
              for path in sorted(glob.glob(pattern))]
    return pd.concat(frames, ignore_index=True)


def main() -> None:
    args = arguments()
    job = plan(args)
    t = time.perf_counter()
    acc = read(os.path.join(args.files, "regk31-*.csv"), ACCOUNTS)
    pop = read(os.path.join(args.files, "folk1a-*.csv"), POPULATION)
    load_ms = ms_since(t)

    t = time.perf_counter()
    acc["code"] = acc["area"].astype(int)
    acc = acc[(acc["dranst"] == "1") & (acc["unit"] == "LOBM") & acc["art"].isin(["TOT", "S0"])
              & acc["function"].isin(job.functions) & acc["code"].isin(job.codes)]
    amount = pd.to_numeric(acc["value"].str.replace(",", ".", regex=False), errors="coerce")
    signed = amount.where(acc["art"] == "TOT", -amount) * 1000
    net = signed.groupby([acc["code"], acc["year"].astype(int)]).sum().rename("current_kr").reset_index()

    pop = pop[(pop["sex"] == "TOT") & (pop["marital"] == "TOT") & (pop["age"] != "IALT")].copy()
    pop["code"], pop["age"] = pop["area"].astype(int), pop["age"].astype(int)
    pop = pop[pop["code"].isin(job.codes) & pop["age"].between(job.age_from, job.age_to)]
    persons = (pop["value"].astype("int64").groupby([pop["code"], pop["quarter"].str[:4].astype(int)])
               .sum().rename("persons").reset_index().rename(columns={"quarter": "year"}))

    both = net.merge(persons, on=["code", "year"])
    both["fixed"] = both["current_kr"] * both["year"].map(job.factors)
    both["name"] = both["code"].map(job.codes)
    both = both.sort_values(["name", "year"])
    write(args.out, zip(both["year"], both["name"], both["fixed"], both["persons"]))
    compute_ms = ms_since(t)
    print(json.dumps({"engine": "pandas", "import_ms": IMPORT_MS, "load_ms": load_ms,
                      "compute_ms": compute_ms}), file=sys.stderr)


if __name__ == "__main__":
    main()
