"""How fast rdr takes in a full REGK31 year: `import` (read, check, store with SHA-256) and
`load` (read the stored answer back, keep the method's figures, build the dataset).

The files are made here in Statistics Denmark's BULK format with codes (byte-order mark,
semicolons, CRLF, decimal comma, `..`): 109 areas (the country, 5 regions, 5 groups, 98
municipalities) × 355 functions × 2 dranst × 6 arts × 2 price units = 928,680 lines, about 30 MB,
and FOLK1A 2023K1 for 99 areas × 127 ages. The figures are INVENTED (only their shape matters).
"""
from __future__ import annotations

import csv
import os
import statistics
import subprocess
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
MUNICIPALITIES = os.path.join(ROOT, "Sources", "RdrData", "Resources", "real", "municipalities.csv")


def municipality_codes() -> list[int]:
    with open(MUNICIPALITIES, encoding="utf-8", newline="") as f:
        return [int(row["code"]) for row in csv.DictReader(f)]


def functions() -> list[str]:
    """355 distinct codes in DST's undotted form, spread over the main accounts 0-6."""
    codes = []
    for i in range(355):
        main, group, function = i // 60, 10 + i % 60, (i * 37) % 100
        codes.append(f"{main if main else ''}{group}{function:02d}")
    return codes


def write_regk31(path: str) -> int:
    areas = [0, 81, 82, 83, 84, 85, 910, 920, 930, 940, 960] + municipality_codes()
    lines = 0
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write("\ufeffOMRÅDE;FUNKTION;DRANST;ART;PRISENHED;TID;INDHOLD\r\n")
        for area in areas:
            for function in functions():
                for dranst in ("1", "3"):
                    for art in ("TOT", "UE", "I", "S0", "S1", "S2"):
                        for unit in ("LOBM", "INDL"):
                            lines += 1
                            value = ".." if lines % 97 == 0 else (f"{lines % 100000 - 5000},5" if lines % 7 == 0 else str(lines % 1000000 - 20000))
                            f.write(f"{area};{function};{dranst};{art};{unit};2023;{value}\r\n")
    return lines


AREA_LABELS = {0: "Hele landet", 81: "Region Nordjylland", 82: "Region Midtjylland", 83: "Region Syddanmark",
               84: "Region Hovedstaden", 85: "Region Sjælland", 910: "Hovedstadskommuner", 920: "Storbykommuner",
               930: "Provinsbykommuner", 940: "Oplandskommuner", 960: "Landkommuner"}
DRANST_LABELS = {"1": "1 Driftskonti", "3": "3 Anlægskonti"}
ART_LABELS = {"TOT": "I alt (netto)", "UE": "Bruttoudgifter", "I": "Indtægter", "S0": "0 Beregnede omkostninger",
              "S1": "1 Lønninger", "S2": "2 Varekøb"}
UNIT_LABELS = {"LOBM": "Løbende priser (1.000 kr.)", "INDL": "Pr. indbygger, løbende priser (kr.)"}


def write_regk31_website(path: str) -> int:
    """The same year as statistikbanken.dk saves it, a line per figure: Windows-1252, commas, every
    label quoted, no header, TID left out (the file's name has the year)."""
    with open(MUNICIPALITIES, encoding="utf-8", newline="") as f:
        names = {int(row["code"]): row["name"] for row in csv.DictReader(f)}
    names.update(AREA_LABELS)
    areas = [0, 81, 82, 83, 84, 85, 910, 920, 930, 940, 960] + municipality_codes()
    lines = 0
    with open(path, "w", encoding="cp1252", newline="") as f:
        for area in areas:
            for function in functions():
                label = f"{int(function[:-4] or 0)}.{function[-4:-2]}.{function[-2:]} Funktion {function}"
                for dranst in ("1", "3"):
                    for art in ("TOT", "UE", "I", "S0", "S1", "S2"):
                        for unit in ("LOBM", "INDL"):
                            lines += 1
                            value = ".." if lines % 97 == 0 else (f"\"{lines % 100000 - 5000},5\"" if lines % 7 == 0 else str(lines % 1000000 - 20000))
                            f.write(f'"{names[area]}","{label}","{DRANST_LABELS[dranst]}","{ART_LABELS[art]}",'
                                    f'"{UNIT_LABELS[unit]}",{value}\r\n')
    return lines


def write_folk1a(path: str) -> None:
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write("\ufeffOMRÅDE;KØN;ALDER;CIVILSTAND;TID;INDHOLD\r\n")
        for area in [0] + municipality_codes():
            total = 0
            for age in range(126):
                count = 50 + (area * 7 + age * 13) % 400
                total += count
                f.write(f"{area:03d};TOT;{age};TOT;2023K1;{count}\r\n")
            f.write(f"{area:03d};TOT;IALT;TOT;2023K1;{total}\r\n")


def timings(stderr: str) -> dict[str, float]:
    result = {}
    for line in stderr.splitlines():
        if line.startswith("timing"):
            parts = line.split(maxsplit=3)
            result[parts[3]] = float(parts[1])
    return result


def sessions(rdr: str, runs: int, tmp: str, accounts: str, folk1a: str, rank: str) -> dict[str, list[float]]:
    """`runs` fresh stores, each: import the accounts file and FOLK1A, load R2023, rank; the
    --timings of each statement, keyed "import REGK31", "import FOLK1A", "load R2023", "rank"."""
    script = f'import "{accounts}"; import "{folk1a}"; load R2023; rank {rank} top 3'
    samples: dict[str, list[float]] = {}
    for run in range(runs):
        store = os.path.join(tmp, f"store-{os.path.basename(accounts)}-{run}")
        done = subprocess.run([rdr, "--data-dir", store, "--timings", "--format", "csv", "-c", script],
                              capture_output=True, text=True)
        if done.returncode != 0:
            raise SystemExit(f"rdr failed on {accounts}: {done.stderr}")
        for label, ms in timings(done.stderr).items():
            key = ("import REGK31" if accounts in label else "import FOLK1A" if folk1a in label
                   else "rank" if label.startswith("rank") else label)
            samples.setdefault(key, []).append(ms)
    return samples


def report(samples: dict[str, list[float]]) -> None:
    for key in ("import REGK31", "import FOLK1A", "load R2023", "rank"):
        if key in samples:
            print(f"  {key:<20} {statistics.median(samples[key]):9.1f} ms")


STORE_LOAD_TARGET_MS = 50.0


def store_load(rdr: str, store: str, runs: int) -> tuple[list[float], list[float]]:
    """`load R2023` from an imported store in fresh processes: once unmeasured (it may build a
    cache), then `runs` times; the --timings of the load and the whole-process wall times."""
    loads, walls = [], []
    command = [rdr, "--data-dir", store, "--timings", "--format", "csv", "-c", "load R2023"]
    for run in range(runs + 1):
        t = time.perf_counter()
        done = subprocess.run(command, capture_output=True, text=True)
        wall = (time.perf_counter() - t) * 1000.0
        if done.returncode != 0:
            raise SystemExit(f"rdr failed to load R2023 from {store}: {done.stderr}")
        if run > 0:
            loads.append(timings(done.stderr)["load R2023"])
            walls.append(wall)
    return loads, walls


def measure(rdr: str, runs: int) -> float:
    """Prints the import measurements; returns the median `load R2023` from the store in a fresh
    process (ms), for the targets."""
    with tempfile.TemporaryDirectory(prefix="rdr-import-bench-") as tmp:
        regk31, folk1a = os.path.join(tmp, "regk31-2023.csv"), os.path.join(tmp, "folk1a-2023.csv")
        lines = write_regk31(regk31)
        write_folk1a(folk1a)
        size = os.path.getsize(regk31) / 1e6
        first = functions()[0]  # a code of the generated chart, in dotted form for rank
        dotted = f"{int(first[:-4] or 0)}.{first[-4:-2]}.{first[-2:]}"
        samples = sessions(rdr, runs, tmp, regk31, folk1a, dotted)
        print(f"\nimport speed: a full REGK31 year, {lines:,} lines, {size:.0f} MB (invented figures), "
              f"median of {runs} fresh stores")
        print("  (the figures are invented, so the reconciliation after the import reports differences)")
        report(samples)
        load = statistics.median(samples.get("load R2023", [float("inf")]))
        print(f"  target: parse a full REGK31 year into the engine well under a second: "
              f"{'met' if load < 1000 else 'NOT MET'} (load {load:.0f} ms)")

        loads, walls = store_load(rdr, os.path.join(tmp, f"store-{os.path.basename(regk31)}-0"), runs)
        store_ms = statistics.median(loads)
        print(f"  load R2023 again from the store, a fresh process ({runs} runs after one unmeasured): "
              f"load {store_ms:.1f} ms, whole process {statistics.median(walls):.1f} ms (median)")

        website = os.path.join(tmp, "regk31-website-2023.csv")
        website_lines = write_regk31_website(website)
        print(f"\nthe same year saved from statistikbanken.dk: a line per figure, labels, Windows-1252, "
              f"{website_lines:,} lines, {os.path.getsize(website) / 1e6:.0f} MB, median of {runs} fresh stores")
        report(sessions(rdr, runs, tmp, website, folk1a, dotted))
        return store_ms
