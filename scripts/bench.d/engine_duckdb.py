"""The budget round (overview, ten ranks, two gaps, export) computed with DuckDB SQL.

Load = read the four teaching CSV files into DuckDB tables. Compute = everything after: expand the
area patterns against `functions` (LIKE), unpivot expenditure and population, rank per area
(RANK() = competition ranking), the overview, the ten ranks, the two gaps, and COPY to CSV.
"""
import os
import sys
import time

START = time.perf_counter()
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import duckdb  # noqa: E402

from areas import like_pattern, parse_areas, population_year  # noqa: E402
from engine_common import (GAP_COLUMNS, RANK_COLUMNS, arguments, emit, ms_since,  # noqa: E402
                           report)

IMPORT_MS = ms_since(START)


def load(con, data: str) -> None:
    for table in ("municipalities", "functions", "expenditure", "population"):
        path = os.path.join(data, f"{table}.csv").replace("'", "''")
        con.execute(f"CREATE TABLE {table} AS SELECT * FROM read_csv('{path}', header = true)")


def define_areas(con, areas) -> None:
    con.execute("CREATE TEMP TABLE area_def (ord INT, key VARCHAR, title VARCHAR, "
                "segment VARCHAR, age_from INT, age_to INT)")
    con.executemany("INSERT INTO area_def VALUES (?, ?, ?, ?, ?, ?)",
                    [(i, a.key, a.title, a.segment, a.age_from, a.age_to)
                     for i, a in enumerate(areas)])
    con.execute("CREATE TEMP TABLE area_pattern (key VARCHAR, pattern VARCHAR, is_except BOOLEAN)")
    con.executemany("INSERT INTO area_pattern VALUES (?, ?, ?)",
                    [(a.key, like_pattern(p), False) for a in areas for p in a.include]
                    + [(a.key, like_pattern(p), True) for a in areas for p in a.exclude])
    con.execute("""
        CREATE TEMP TABLE area_function AS
        SELECT DISTINCT p.key, f.function FROM area_pattern p
          JOIN functions f ON f.function LIKE p.pattern WHERE NOT p.is_except
        EXCEPT
        SELECT p.key, f.function FROM area_pattern p
          JOIN functions f ON f.function LIKE p.pattern WHERE p.is_except""")


def rank_all(con, dataset: str, year: int) -> None:
    """ranked(key, code, name, spending, persons, kr, place, pos, ranked) for every area."""
    con.execute(f"""
        CREATE TEMP TABLE ranked AS
        WITH spend AS (
            UNPIVOT (SELECT * EXCLUDE (dataset) FROM expenditure WHERE dataset = '{dataset}')
            ON COLUMNS(* EXCLUDE (code)) INTO NAME function VALUE amount),
        pop AS (
            SELECT code, CAST(regexp_extract(col, '[0-9]+') AS INT) AS age, persons FROM (
              UNPIVOT (SELECT * EXCLUDE (year) FROM population WHERE year = {year})
              ON COLUMNS('^age_') INTO NAME col VALUE persons)),
        s AS (SELECT af.key, sp.code, SUM(sp.amount)::BIGINT * 1000 AS spending
              FROM spend sp JOIN area_function af USING (function) GROUP BY ALL),
        p AS (SELECT a.key, pop.code, SUM(pop.persons)::BIGINT AS persons
              FROM pop JOIN area_def a ON pop.age BETWEEN a.age_from AND a.age_to GROUP BY ALL),
        k AS (SELECT key, code, m.name, spending, persons, spending / persons AS kr
              FROM s JOIN p USING (key, code) JOIN municipalities m USING (code)
              WHERE persons > 0)
        SELECT *,
               RANK() OVER w AS place,
               ROW_NUMBER() OVER (PARTITION BY key ORDER BY kr, name) AS pos,
               COUNT(*) OVER (PARTITION BY key) AS ranked
        FROM k WINDOW w AS (PARTITION BY key ORDER BY kr)""")


def overview(con, kommune: str, place: int) -> None:
    con.execute("""
        CREATE TEMP TABLE overview AS
        WITH o AS (
            SELECT a.ord, a.title AS area, a.segment AS per, own.place, own.ranked,
                   own.kr, bench.kr AS bench_kr,
                   greatest(0, own.kr - bench.kr) * own.persons AS m
            FROM area_def a
            JOIN ranked own ON own.key = a.key AND own.name = $kommune
            JOIN ranked bench ON bench.key = a.key AND bench.pos = $place)
        SELECT area, per, place::VARCHAR AS place, ranked::VARCHAR AS ranked,
               printf('%.2f', kr) AS kr_per_person,
               printf('%.2f', bench_kr) AS benchmark_kr_per_person,
               round(m)::BIGINT AS mulighedsrum_kr
        FROM (SELECT * FROM o
              UNION ALL  -- the total of the rows in whole kroner, as rdr's overview adds them
              SELECT 1e9, 'total', NULL, NULL, NULL, NULL, NULL, sum(round(m)) FROM o)
        ORDER BY ord""", {"kommune": kommune, "place": place})


def show(con, sql: str, params=None) -> None:
    cur = con.execute(sql, params or {})
    emit(cur.fetchall(), [d[0] for d in cur.description])


def rank(con, key: str, kommune: str | None, top: int | None) -> None:
    """`rank KEY top N` or `rank KEY for KOMMUNE`: those rows plus the median (place 50 of 98)."""
    condition = "pos <= $top" if top else "name = $kommune"
    params = {"key": key, **({"top": top} if top else {"kommune": kommune})}
    cur = con.execute(f"""
        SELECT place, CASE WHEN pos = ranked // 2 + 1 AND NOT ({condition})
                           THEN 'median: ' || name ELSE name END,
               printf('%.2f', kr), spending, persons
        FROM ranked WHERE key = $key AND ({condition} OR pos = ranked // 2 + 1)
        ORDER BY ({condition}) DESC, pos""", params)
    emit(cur.fetchall(), RANK_COLUMNS)


def gap(con, key: str, kommune: str, place: int) -> None:
    cur = con.execute("""
        SELECT a.title, own.name, printf('%.2f', own.kr), $place, printf('%.2f', bench.kr),
               printf('%.2f', own.kr - bench.kr), own.persons,
               round(greatest(0, own.kr - bench.kr) * own.persons)::BIGINT
        FROM area_def a
        JOIN ranked own ON own.key = a.key AND own.name = $kommune
        JOIN ranked bench ON bench.key = a.key AND bench.pos = $place
        WHERE a.key = $key""", {"key": key, "kommune": kommune, "place": place})
    emit(cur.fetchall(), GAP_COLUMNS)


def main() -> None:
    args = arguments()
    areas = parse_areas(args.areas)
    con = duckdb.connect()

    t = time.perf_counter()
    load(con, args.data)
    load_ms = ms_since(t)

    t = time.perf_counter()
    define_areas(con, areas)
    rank_all(con, args.dataset, population_year(args.dataset))
    overview(con, args.kommune, args.place)
    show(con, "SELECT * FROM overview")
    for i, area in enumerate(areas):
        rank(con, area.key, args.kommune, args.top if i == 0 else None)
    for key in args.gap_areas.split(","):
        gap(con, key, args.kommune, args.place)
    out = args.out.replace("'", "''")
    con.execute(f"COPY overview TO '{out}' (HEADER, DELIMITER ',')")
    compute_ms = ms_since(t)

    report("duckdb", IMPORT_MS, load_ms, compute_ms)


if __name__ == "__main__":
    main()
