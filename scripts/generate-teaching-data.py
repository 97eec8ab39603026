#!/usr/bin/env python3
"""Generate rdr's FICTIONAL teaching dataset. Every figure it writes is INVENTED.

Writes municipalities.csv, population.csv, functions.csv, expenditure.csv and README.md into
Sources/RdrData/Resources/teaching/. Deterministic: one random.Random(SEED), no clock, no hash
order, so two runs give byte-identical files. Usage: python3 scripts/generate-teaching-data.py
"""
import csv
import io
import math
import random
import statistics
import sys
from pathlib import Path

# ---- constants ------------------------------------------------------------------------------
SEED = 20201
ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "Sources" / "RdrData" / "Resources" / "teaching"
REAL_NAMES = ROOT / "Sources" / "RdrData" / "Resources" / "real" / "municipalities.csv"
YEARS = list(range(2018, 2026))                      # population on 1 January
DATASETS = [("R", y) for y in range(2018, 2025)] + [("B", y) for y in range(2020, 2026)]
REGIONS = [("Nordland", 19), ("Østkyst", 22), ("Midtland", 19), ("Vestkyst", 19), ("Sydhavet", 19)]
PREFIXES = ("Kors Ege Hvid Lund Ny Øster Vester Sønder Nør Lille Store Bjerg Skov Strand Hede Mølle "
            "Fjord Rav Ulv Hjort Birke Elme Ask Rug Havre Tjørne Sol Mår Vold Rønne Lyng Kær").split()
SUFFIXES = "bæk by lev sted rup holm strup bjerg lund ved borg køping høj skov hus mose næs ø".split()
FIRST_NAME, FIRST_SIZE = "Korsbæk", 45_400           # code 1001; about 45,000 in 2020
SPECIAL_SIZES = [350_000, 215_000, 178_000, 1_800, 3_300, 6_100]  # big cities and islands
SIZE_MEDIAN, SIZE_SD, SIZE_RANGE = 41_000, 0.6, (9_000, 125_000)
GROUPS = [("Storbykommuner", 3), ("Provinsbykommuner", 16), ("Oplandskommuner", 24)]  # by size
# The rest is Landkommuner; every non-Storby municipality of Østkyst is a Hovedstadskommune.
# A national age pyramid (thousands by age, interpolated; the last point is 100+).
PYRAMID = [(0, 61), (5, 60), (10, 66), (15, 70), (20, 72), (25, 80), (30, 68), (35, 64), (40, 71),
           (45, 78), (50, 82), (55, 73), (60, 68), (65, 66), (70, 72), (72, 70), (75, 52), (80, 36),
           (85, 22), (90, 10), (95, 3), (99, 0.8), (100, 1.1)]
BIRTH_RATE = 0.033                                   # births a year per person aged 20-44
SEGMENTS = {"all": (0, 100), "0-5": (0, 5), "6-16": (6, 16), "0-17": (0, 17),
            "16-64": (16, 64), "18-64": (18, 64), "65+": (65, 100)}
# area key, segment, elasticity of spending per person to municipality size, function prefixes
AREAS = [("SocialVoksen", "18-64", 0.0, ("3.22.17", "5.38.")),
         ("Administration", "all", -0.10, ("6.42.", "6.45.")),
         ("Arbejdsmarked", "16-64", 0.0, ("5.46.", "5.57.", "5.58.", "5.68.")),
         ("Dagtilbud", "0-5", 0.0, ("5.25.",)),
         ("Kultur", "all", 0.0, ("0.32.", "3.32.", "3.35.", "3.38.")),
         ("Skole", "6-16", 0.0, ("3.22.",)),
         ("SocialBørn", "0-17", 0.0, ("5.28.",)),
         ("Sundhed", "all", 0.0, ("4.62.",)),
         ("Teknik", "all", -0.08, ("0.22.", "0.25.", "0.28.", "0.48.", "2.")),
         ("Ældre", "65+", 0.0, ("5.30.",))]
AREA_SD, FUNCTION_SD, YEAR_SD, BUDGET_SD, TREND_SD = 0.12, 0.15, 0.03, 0.02, 0.01
KORSBAEK_AREAS = {"Ældre": 0.07, "Skole": 0.07, "Dagtilbud": -0.07}   # log offsets, for teaching
GROWTH = {2018: 0.955, 2019: 0.978, 2020: 1.0, 2021: 1.025, 2022: 1.07, 2023: 1.115, 2024: 1.145,
          2025: 1.18}                                # nominal price and wage growth, 2020 = 1
ELECTIONS = {2018: 0.4, 2019: 1.8, 2020: 1.0, 2021: 2.2, 2022: 1.4, 2023: 0.4, 2024: 1.2, 2025: 2.2}
ZERO_FUNCTIONS, ZERO_BELOW = ("5.28.23", "3.35.63", "5.38.51", "3.22.03"), 12_000
# code | label | national level in R2020, kr. per person of the area's segment
FUNCTIONS = """0.22.01|Fælles formål (jordforsyning)|30
0.25.11|Beboelse|40
0.25.18|Driftssikring af boligbyggeri|60
0.28.20|Grønne områder og naturpladser|195
0.32.31|Stadion og idrætsanlæg|330
0.32.35|Andre fritidsfaciliteter|110
0.48.72|Redningsberedskab|190
2.22.01|Fælles funktioner (transport og infrastruktur)|100
2.28.11|Vejvedligeholdelse m.v.|530
2.28.12|Belægninger m.v.|300
2.28.14|Vintertjeneste|170
2.32.31|Busdrift|600
3.22.01|Folkeskoler|50000
3.22.03|Syge- og hjemmeundervisning|80
3.22.05|Skolefritidsordninger|5000
3.22.07|Indtægter fra den centrale refusionsordning|-600
3.22.08|Kommunale specialskoler|7600
3.22.10|Bidrag til staten for elever på private skoler|6750
3.22.12|Efterskoler og ungdomskostskoler|1300
3.22.14|Ungdommens Uddannelsesvejledning|450
3.22.17|Specialpædagogisk bistand til voksne|150
3.22.18|Idrætsfaciliteter for børn og unge|550
3.32.50|Folkebiblioteker|435
3.35.60|Museer|90
3.35.63|Musikarrangementer|60
3.35.64|Andre kulturelle opgaver|230
3.38.72|Folkeoplysende voksenundervisning|45
3.38.73|Frivilligt folkeoplysende foreningsarbejde|85
3.38.76|Lokaletilskud|75
4.62.81|Aktivitetsbestemt medfinansiering af sundhedsvæsenet|3950
4.62.82|Kommunal genoptræning og vedligeholdelsestræning|520
4.62.84|Vederlagsfri behandling hos en fysioterapeut|130
4.62.85|Kommunal tandpleje|375
4.62.88|Sundhedsfremme og forebyggelse|240
4.62.89|Kommunal sundhedstjeneste|180
5.25.10|Fælles formål (dagtilbud)|3000
5.25.11|Dagpleje|7500
5.25.14|Daginstitutioner|52000
5.25.15|Særlige dagtilbud og særlige klubber|2200
5.25.17|Tilskud til privatinstitutioner og privat dagpleje|6500
5.28.20|Opholdssteder m.v. for børn og unge|2300
5.28.21|Forebyggende indsatser for børn og unge|5000
5.28.22|Plejefamilier|3300
5.28.23|Døgninstitutioner for børn og unge|2000
5.30.26|Personlig og praktisk hjælp og madservice (frit valg)|10900
5.30.27|Pleje og omsorg m.v. af primært ældre|20700
5.30.28|Hjemmesygepleje|4950
5.30.29|Forebyggende indsats for ældre og handicappede|600
5.38.38|Rådgivning og rådgivningsinstitutioner|350
5.38.39|Personlige tillæg m.v.|90
5.38.40|Hjælpemidler, forbrugsgoder, boligindretning og befordring|60
5.38.41|Hjælpemidler|250
5.38.42|Botilbud for personer med særlige sociale problemer|500
5.38.44|Alkoholbehandling og behandlingshjem for alkoholskadede|120
5.38.45|Behandling af personer med stofmisbrug|270
5.38.50|Botilbud til længerevarende ophold|4000
5.38.51|Botilbudslignende tilbud|250
5.38.52|Botilbud til midlertidigt ophold|2200
5.38.53|Kontaktperson- og ledsageordninger|350
5.38.54|Særlige tilbud (beskyttet beskæftigelse m.v.)|60
5.38.58|Beskyttet beskæftigelse|450
5.38.59|Aktivitets- og samværstilbud|650
5.46.61|Introduktionsprogram m.v.|300
5.57.72|Sygedagpenge|2300
5.57.73|Kontant- og uddannelseshjælp|3700
5.57.78|Dagpenge til forsikrede ledige|3850
5.58.80|Revalidering|250
5.58.81|Løntilskud m.v. til personer i fleksjob|4000
5.58.82|Ressourceforløb og jobafklaringsforløb|1300
5.68.90|Driftsudgifter til den kommunale beskæftigelsesindsats|1300
5.68.95|Seniorjob til personer over 55 år|150
6.42.40|Fælles formål (politisk organisation)|40
6.42.41|Kommunalbestyrelsesmedlemmer|140
6.42.43|Valg m.v.|15
6.45.50|Administrationsbygninger|230
6.45.51|Sekretariat og forvaltninger|2760
6.45.52|Fælles IT og telefoni|700
6.45.53|Jobcentre|520"""


def fail(message):
    """Stop with a loud error."""
    sys.exit(f"generate-teaching-data: ERROR: {message}")


def fold(name):
    """Lower-case a name and fold æ→ae, ø→oe, å→aa for comparisons."""
    return name.lower().replace("æ", "ae").replace("ø", "oe").replace("å", "aa")


def make_names(rng, count):
    """Unique syllable-built names, Korsbæk first, none equal to a real municipality's name."""
    with open(REAL_NAMES, encoding="utf-8") as f:
        real = {key for row in csv.DictReader(f)  # whole names and the parts of Lyngby-Taarbæk etc.
                for part in [row["name"]] + row["name"].split("-") for key in (part.lower(), fold(part))}
    pool = sorted(p + s for p in PREFIXES for s in SUFFIXES if fold(p + s) not in real)
    pool.remove(FIRST_NAME)
    names = [FIRST_NAME] + rng.sample(pool, count - 1)
    for i in rng.sample(range(1, count), 5):          # a few hyphenated names, as in Lyngby-Taarbæk
        names[i] = names[i] + "-" + rng.choice(pool)
    folded = [fold(n) for n in names]
    clash = [n for n in names for p in [n] + n.split("-") if p.lower() in real or fold(p) in real]
    if clash or len(set(folded)) != count or any(" " in n for n in names):
        fail(f"bad names (real, duplicate or with spaces): {clash}")
    if sum(any(c in n.lower() for c in "æøå") for n in names) < 3:
        fail("fewer than three names with æ, ø or å")
    return names


def make_municipalities(rng):
    """Codes, names, regions, sizes (population 2018) and DST groups of the 98 municipalities."""
    count = sum(n for _, n in REGIONS)
    regions = [r for r, n in REGIONS for _ in range(n)]
    names = make_names(rng, count)
    sizes = [min(max(SIZE_MEDIAN * math.exp(rng.gauss(0, SIZE_SD)), SIZE_RANGE[0]), SIZE_RANGE[1])
             for _ in range(count)]
    sizes[0] = FIRST_SIZE
    for i, size in zip(rng.sample(range(1, count), len(SPECIAL_SIZES)), SPECIAL_SIZES):
        sizes[i] = size
    order = sorted(range(count), key=lambda i: (-sizes[i], i))
    groups = ["Landkommuner"] * count
    for i in order[:GROUPS[0][1]]:
        groups[i] = GROUPS[0][0]
    rest = [i for i in order[GROUPS[0][1]:] if regions[i] != "Østkyst"]
    for i in range(count):
        if regions[i] == "Østkyst" and groups[i] == "Landkommuner":
            groups[i] = "Hovedstadskommuner"
    start = 0
    for group, n in GROUPS[1:]:
        for i in rest[start:start + n]:
            groups[i] = group
        start += n
    return [{"code": 1001 + i, "name": names[i], "region": regions[i], "group": groups[i],
             "size": sizes[i]} for i in range(count)]


def base_pyramid():
    """The national pyramid, interpolated to ages 0..99 and 100+."""
    out = []
    for a in range(101):
        (a0, v0), (a1, v1) = next((p, q) for p, q in zip(PYRAMID, PYRAMID[1:]) if p[0] <= a <= q[0])
        out.append(v0 + (v1 - v0) * (a - a0) / (a1 - a0))
    return out


def family_shape(a):
    """Ages of young families (children and parents), for a suburban tilt."""
    return 1.0 if a < 15 or 29 < a < 45 else 0.5 if a < 18 or 26 < a < 48 else 0.0


def student_shape(a):
    """Ages of students and young adults, for a big-city tilt."""
    return 1.0 if 20 <= a <= 29 else 0.5 if a in (18, 19, 30, 31, 32) else 0.0


def mortality(a):
    """Probability of dying within a year at age a (Gompertz-like)."""
    return 0.003 if a == 0 else min(0.5, max(0.0001, 0.00002 * math.exp(0.098 * a)))


def first_pyramid(rng, total, old_share, family, student):
    """Population by age in 2018: the national shape, tilted, with 65+ share solved by bisection."""
    tilted = [b * math.exp(family * family_shape(a) + student * student_shape(a) + rng.gauss(0, 0.03))
              for a, b in enumerate(base_pyramid())]
    lo, hi = 0.05, 20.0
    for _ in range(60):
        k = math.sqrt(lo * hi)
        ages = [x * k ** min(1.0, max(0.0, (a - 50) / 20)) for a, x in enumerate(tilted)]
        lo, hi = (k, hi) if sum(ages[65:]) / sum(ages) < old_share else (lo, k)
    return [x * total / sum(ages) for x in ages]


def next_year(rng, ages, m):
    """Age a+1 next year = age a × survival × (1 + migration) ± noise; age 0 from births."""
    def noisy(x):
        return max(0, round(rng.gauss(x, 0.5 * math.sqrt(x) + 0.005 * x)))
    out = [noisy(m["birth_rate"] * sum(ages[20:45]) * (1 - mortality(0)))]
    for a in range(1, 101):
        mig = m["trend"] + m["student"] * (0.05 if 18 <= a <= 23 else -0.03 if 26 <= a <= 34 else
                                           -0.01 if a <= 6 else 0.0)
        alive = ages[a - 1] * (1 - mortality(a - 1)) + (ages[100] * (1 - mortality(100)) if a == 100 else 0)
        out.append(noisy(alive * (1 + mig)))
    return out


def make_population(rng, munis):
    """Population by single year of age, 1 January 2018..2025, for every municipality."""
    for m in munis:
        z = math.log(m["size"] / SIZE_MEDIAN)
        old = min(0.30, max(0.15, 0.225 - 0.04 * z + rng.gauss(0, 0.02)))
        family = rng.gauss(0, 0.1) + (0.1 if m["group"] == "Hovedstadskommuner" else 0.0)
        m["student"] = min(0.5, max(-0.25, 0.25 * z + rng.gauss(0, 0.08)))
        m["birth_rate"] = BIRTH_RATE * math.exp(0.5 * family + rng.gauss(0, 0.06))
        m["trend"] = 0.002 + 0.0015 * z + rng.gauss(0, 0.002)
        pop = {YEARS[0]: [round(x) for x in first_pyramid(rng, m["size"], old, family, m["student"])]}
        for y in YEARS[1:]:
            pop[y] = next_year(rng, pop[y - 1], m)
        m["pop"] = pop


def segment(m, year, key):
    """The municipality's population in a segment on 1 January of the year."""
    lo, hi = SEGMENTS[key]
    return sum(m["pop"][year][lo:hi + 1])


def area_of(code):
    """The area (key, segment, size elasticity) a function belongs to."""
    return next(a for a in AREAS if code.startswith(a[3]))


def make_expenditure(rng, munis, functions):
    """Net operating expenditure, 1,000 kr., per dataset, municipality and function."""
    trend = {f: rng.gauss(0, TREND_SD) for f, _, _ in functions}
    values = {d: [[0.0] * len(functions) for _ in munis] for d in DATASETS}
    for i, m in enumerate(munis):
        z = math.log(m["size"] / SIZE_MEDIAN)
        area = {a[0]: rng.gauss(0, AREA_SD) + a[2] * z for a in AREAS}
        if i == 0:
            area.update(KORSBAEK_AREAS)
        for j, (f, _, level) in enumerate(functions):
            key, seg, _, _ = area_of(f)
            own = rng.gauss(0, FUNCTION_SD)
            factor = math.exp(area[key] + (0.0 if i == 0 and key in KORSBAEK_AREAS else own))
            zero = m["size"] < ZERO_BELOW and f in ZERO_FUNCTIONS and rng.random() < 0.5
            noise = {y: rng.gauss(0, YEAR_SD) for y in YEARS}
            for kind, y in DATASETS:
                wobble = noise[y] if kind == "R" else 0.5 * noise[y - 1] + rng.gauss(0, BUDGET_SD)
                per_person = (level * factor * GROWTH[y] * math.exp(trend[f] * (y - 2020) + wobble)
                              * (ELECTIONS[y] if f == "6.42.43" else 1.0))
                values[(kind, y)][i][j] = 0.0 if zero else per_person * segment(m, y, seg) / 1000
    for j, (f, _, level) in enumerate(functions):   # national R2020 level = the chosen level
        seg = area_of(f)[1]
        actual = sum(v[j] for v in values[("R", 2020)]) * 1000 / sum(segment(m, 2020, seg) for m in munis)
        for d in DATASETS:
            for row in values[d]:
                row[j] = round(row[j] * level / actual)
    return values


def area_per_person(munis, functions, values, dataset, key):
    """Spending per person of each municipality on one area, kr."""
    seg = next(a[1] for a in AREAS if a[0] == key)
    cols = [j for j, f in enumerate(functions) if area_of(f[0])[0] == key]
    return [sum(values[dataset][i][j] for j in cols) * 1000 / segment(m, dataset[1], seg)
            for i, m in enumerate(munis)]


def check(munis, functions, values):
    """Fail loudly unless Korsbæk sits where the teaching material needs it; print sanity figures."""
    for d in DATASETS:
        for key, above in (("Ældre", True), ("Skole", True), ("Dagtilbud", False)):
            per = area_per_person(munis, functions, values, d, key)
            if (per[0] > statistics.median(per)) != above:
                fail(f"Korsbæk is not {'above' if above else 'below'} the median in {key}, {d}")
    if not any(0 in row for d in DATASETS for row in values[d]):
        fail("no zero anywhere in expenditure")
    print(f"{'function':9} {'level':>7} {'R2020':>9}  segment")
    for j, (f, _, level) in enumerate(functions):
        seg = area_of(f)[1]
        national = sum(v[j] for v in values[("R", 2020)]) * 1000 / sum(segment(m, 2020, seg) for m in munis)
        print(f"{f:9} {level:7} {national:9.1f}  {seg}")
    k = munis[0]
    print(f"{k['name']} 2020: total {segment(k, 2020, 'all')}, 6-16 {segment(k, 2020, '6-16')}, "
          f"65+ {segment(k, 2020, '65+')}; group {k['group']}")
    for key in ("Ældre", "Skole", "Dagtilbud"):
        per = area_per_person(munis, functions, values, ("R", 2020), key)
        print(f"  {key}: place {sorted(per).index(per[0]) + 1} of {len(per)} in R2020")


def write_csv(name, header, rows):
    """Write a UTF-8, LF-terminated RFC 4180 file and return its row count."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    (OUT / name).write_bytes(buffer.getvalue().encode("utf-8"))
    return len(rows)


README = """# EVERY figure in this folder is INVENTED: fictional municipalities, made by scripts/generate-teaching-data.py with seed {seed}.

This is rdr's teaching dataset. Korsbæk and the other {count} municipalities, their regions (Nordland,
Østkyst, Midtland, Vestkyst, Sydhavet), populations and accounts do not exist. Only the function codes
and labels (the municipal chart of accounts, kontoplan) and the DST group names are real. Do not quote
any figure as a fact about Denmark.

## Files
- `municipalities.csv`: `code,name,region,dst_group`. Codes 1001-{last} (real codes are 101-860).
  dst_group uses Statistics Denmark's group names, assigned here by invented size and region.
- `population.csv`: `code,year,age_0,...,age_99,age_100plus`, persons on 1 January of the year, by single
  year of age (the last column is 100 and over), {y0}-{y1}, ordered by code then year.
- `functions.csv`: `function,label`, the {nf} functions of the teaching chart (RFC 4180 quoting).
- `expenditure.csv`: `dataset,code,` then one column per function in the order of functions.csv; one row
  per dataset and municipality, ordered by dataset, then code. Datasets: {datasets}
  (R = accounts, regnskab; B = budget). Net operating expenditure (dranst 1, art other than 0), in
  1,000 kr., current prices (like Statistics Denmark's LOBM unit). Integers; negative for income
  functions (3.22.07); 0 occurs.

## Regenerate
`python3 scripts/generate-teaching-data.py` (Python 3.11, standard library only). The output is
deterministic: running it again gives byte-identical files.
"""


def main():
    """Generate every file and print sanity figures."""
    rng = random.Random(SEED)
    functions = [(c, l, int(v)) for c, l, v in (line.split("|") for line in FUNCTIONS.splitlines())]
    munis = make_municipalities(rng)
    make_population(rng, munis)
    values = make_expenditure(rng, munis, functions)
    check(munis, functions, values)
    OUT.mkdir(parents=True, exist_ok=True)
    counts = {
        "municipalities.csv": write_csv("municipalities.csv", ["code", "name", "region", "dst_group"],
                                        [[m["code"], m["name"], m["region"], m["group"]] for m in munis]),
        "population.csv": write_csv("population.csv", ["code", "year"] + [f"age_{a}" for a in range(100)]
                                    + ["age_100plus"], [[m["code"], y] + m["pop"][y] for m in munis for y in YEARS]),
        "functions.csv": write_csv("functions.csv", ["function", "label"], [[c, l] for c, l, _ in functions]),
        "expenditure.csv": write_csv("expenditure.csv", ["dataset", "code"] + [c for c, _, _ in functions],
                                     [[f"{k}{y}", m["code"]] + values[(k, y)][i]
                                      for k, y in DATASETS for i, m in enumerate(munis)]),
    }
    (OUT / "README.md").write_bytes(README.format(
        seed=SEED, count=len(munis) - 1, last=munis[-1]["code"], y0=YEARS[0], y1=YEARS[-1],
        nf=len(functions), datasets=", ".join(f"{k}{y}" for k, y in DATASETS)).encode("utf-8"))
    for name, n in counts.items():
        print(f"{name}: {n} rows, {(OUT / name).stat().st_size} bytes")


if __name__ == "__main__":
    main()
