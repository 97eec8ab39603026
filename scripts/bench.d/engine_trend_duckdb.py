"""The trend of one area for some municipalities over the years, with DuckDB SQL, from the raw
BULK files (trend_data.py): read every REGK31 and FOLK1A file, keep the method's figures, sum the
area's functions (TOT - S0, dranst 1, LOBM, x 1000), reprice to 2024 with the state PL and divide by
the segment's persons. Whole process timed by the bench; this prints one JSON line to stderr.

    python3 engine_trend_duckdb.py --files DIR --areas areas.rdr --area Skole \
        --municipalities Holbæk,Roskilde --pl state_pl_oes.csv --out trend.csv
"""
import json
import os
import sys
import time

START = time.perf_counter()
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import duckdb  # noqa: E402

from trend_common import arguments, ms_since, plan, write  # noqa: E402

IMPORT_MS = ms_since(START)


def main() -> None:
    args = arguments()
    job = plan(args)
    con = duckdb.connect()
    t = time.perf_counter()
    folder = args.files.replace("'", "''")
    con.execute(f"""
        CREATE TABLE acc AS SELECT * FROM read_csv('{folder}/regk31-*.csv', delim = ';', header = true,
            names = ['area', 'function', 'dranst', 'art', 'unit', 'year', 'value'], all_varchar = true)""")
    con.execute(f"""
        CREATE TABLE pop AS SELECT * FROM read_csv('{folder}/folk1a-*.csv', delim = ';', header = true,
            names = ['area', 'sex', 'age', 'marital', 'quarter', 'value'], all_varchar = true)""")
    load_ms = ms_since(t)

    t = time.perf_counter()
    con.execute("CREATE TEMP TABLE wanted (code INT, name VARCHAR)")
    con.executemany("INSERT INTO wanted VALUES (?, ?)", list(job.codes.items()))
    con.execute("CREATE TEMP TABLE fn (function VARCHAR)")
    con.executemany("INSERT INTO fn VALUES (?)", [(f,) for f in sorted(job.functions)])
    con.execute("CREATE TEMP TABLE factor (year INT, factor DOUBLE)")
    con.executemany("INSERT INTO factor VALUES (?, ?)", list(job.factors.items()))
    rows = con.execute("""
        WITH net AS (
            SELECT CAST(a.area AS INT) AS code, CAST(a.year AS INT) AS year,
                   SUM(CASE a.art WHEN 'TOT' THEN 1 ELSE -1 END
                       * TRY_CAST(replace(a.value, ',', '.') AS DOUBLE)) * 1000 AS current_kr
            FROM acc a JOIN fn USING (function)
            WHERE a.dranst = '1' AND a.unit = 'LOBM' AND a.art IN ('TOT', 'S0')
              AND CAST(a.area AS INT) IN (SELECT code FROM wanted)
            GROUP BY ALL),
        persons AS (
            SELECT CAST(area AS INT) AS code, CAST(left(quarter, 4) AS INT) AS year,
                   SUM(CAST(value AS BIGINT)) AS persons
            FROM pop
            WHERE sex = 'TOT' AND marital = 'TOT' AND age <> 'IALT'
              AND TRY_CAST(age AS INT) BETWEEN $lo AND $hi
              AND CAST(area AS INT) IN (SELECT code FROM wanted)
            GROUP BY ALL)
        SELECT n.year, w.name, n.current_kr * f.factor AS fixed, p.persons
        FROM net n JOIN factor f USING (year) JOIN wanted w USING (code)
        JOIN persons p USING (code, year)
        ORDER BY w.name, n.year""", {"lo": job.age_from, "hi": job.age_to}).fetchall()
    write(args.out, rows)
    compute_ms = ms_since(t)
    print(json.dumps({"engine": "duckdb", "import_ms": IMPORT_MS, "load_ms": load_ms,
                      "compute_ms": compute_ms}), file=sys.stderr)


if __name__ == "__main__":
    main()
