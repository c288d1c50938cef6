#!/usr/bin/env python3
"""Build src/data/councils.tsv: each English council's own official figures.

Reads DfE tables (Open Government Licence v3) from two public mirrors and
writes one small tab-separated file, committed, that the page embeds:

  python3 scripts/councils_data.py CARE_MARKETS CSCD [--out src/data/councils.tsv]

CARE_MARKETS is github.com/BenGoodair/Care-Markets and CSCD is
github.com/BenGoodair/childrens_social_care_data, each either a checkout
(a directory holding the files) or a bare git directory (read at HEAD).
Python 3 standard library only. The source CSVs are never copied into this
repository; only the derived figures below are.

Figures (latest year each; every cell is "year:value", several when a
series is kept, oldest first, separated by spaces; empty when DfE shows
no figure for that council):

  sw_fte       social workers in post, FTE                      csww
  agency_fte   agency social workers, FTE                       csww
  agency_rate  agency FTE / (agency + in post FTE), percent     csww
  turnover     leavers / in post FTE, percent (last 5 years)    csww
  vacancy_fte  vacancies, FTE                                   csww
  vacancy_rate vacancies / (vacancies + in post FTE), percent   csww
  caseload     cases per case-holding FTE                       csww
  cla          children looked after at 31 March (2019-2024)    cla
  cla_rate     children looked after per 10,000 children       cla
  res_spend    residential care spend, GBP (financial year     s251
               ending in the year shown)

The England row (E92000001) is DfE's own national row, kept for checks.
"""

import argparse
import csv
import io
import os
import re
import subprocess
import sys

CSWW = "Data/csww_indicators_2017_to_2024.csv"
PANEL = "Data/panel_data.csv"
CLA_DIR = "Raw_Data/LA_level/Children_Placement_Characteristics/"
CLA_2025 = CLA_DIR + "post_2017_updated25/data/cla_number_and_rate_per_10k_children.csv"
CLA_2024 = CLA_DIR + "post_2017_updated24/data/cla_number_and_rate_per_10k_children.csv"

TABLES = [
    ("csww", "Children's social work workforce", "csww_indicators_2017_to_2024.csv (at 30 September)"),
    ("cla", "Children looked after in England", "cla_number_and_rate_per_10k_children.csv, 2024 and 2025 releases (at 31 March)"),
    ("s251", "LA expenditure on children's services (s251 outturn), residential care", "Care-Markets panel_data.csv residential_expenditure (financial year ending in the year shown)"),
]

COLUMNS = [
    ("sw_fte", "csww", "Social workers in post (FTE)"),
    ("agency_fte", "csww", "Agency social workers (FTE)"),
    ("agency_rate", "csww", "Agency rate (% of in post + agency FTE)"),
    ("turnover", "csww", "Turnover (% of in post FTE leaving in the year)"),
    ("vacancy_fte", "csww", "Vacancies (FTE)"),
    ("vacancy_rate", "csww", "Vacancy rate (% of in post + vacancy FTE)"),
    ("caseload", "csww", "Average caseload per case-holding FTE"),
    ("cla", "cla", "Children looked after at 31 March"),
    ("cla_rate", "cla", "Children looked after per 10,000 children"),
    ("res_spend", "s251", "Residential care spend (GBP)"),
]

# ONS code changes since 2019: a retired code, its name, its successors.
# Where the successor covers the same area, the children-looked-after series
# continues across the change (used for the five-year trend).
RETIRED = [
    ("E10000006", "Cumbria", "E06000063 E06000064", False),
    ("E10000021", "Northamptonshire", "E06000061 E06000062", False),
    ("E10000023", "North Yorkshire", "E06000065", True),
    ("E10000027", "Somerset", "E06000066", True),
    ("E10000009", "Dorset", "E06000059", False),
    ("E06000028", "Bournemouth", "E06000058", False),
    ("E06000029", "Poole", "E06000058", False),
]

ENGLAND = "E92000001"
COUNCIL_PREFIXES = ("E06", "E08", "E09", "E10")


def read(root, path):
    """Text of `path` from a checkout directory or a bare git directory."""
    full = os.path.join(root, path)
    if os.path.isfile(full):
        with open(full, encoding="utf-8-sig", newline="") as f:
            return f.read()
    out = subprocess.run(
        ["git", "--git-dir", root, "show", "HEAD:" + path],
        check=True,
        capture_output=True,
    ).stdout
    return out.decode("utf-8-sig")


def rows(text):
    return list(csv.DictReader(io.StringIO(text)))


def num(s):
    """A DfE cell as a float, or None for suppressed/not applicable (c, x, z, u, low)."""
    try:
        v = float(s.replace(",", ""))
    except (ValueError, AttributeError):
        return None
    return v


def fmt(v):
    return ("%.1f" % v).rstrip("0").rstrip(".") if v != int(v) else str(int(v))


def norm(name):
    name = re.sub(r",\s*(city|county) of$", "", name.strip(), flags=re.I)
    return re.sub(r"[^a-z]", "", name.lower())


def build(care_markets, cscd):
    councils = {}  # code -> dict
    series = {}  # (code, column) -> {year: value}

    def put(code, col, year, value):
        if value is None:
            return
        series.setdefault((code, col), {})[int(year)] = value

    # Children's social work workforce, 2017-2024.
    joint = {}  # joint-service code -> (codes, names)
    for r in rows(read(care_markets, CSWW)):
        level = r["geographic_level"]
        if level == "National":
            codes = [ENGLAND]
            names = ["England"]
        elif level == "Local authority":
            codes = [c.strip() for c in r["new_la_code"].split("/")]
            names = [n.strip() for n in r["la_name"].split("/")]
        else:
            continue
        year = r["time_period"]
        key = " / ".join(codes)
        if len(codes) > 1:
            joint[key] = (codes, names)
        for col, field in [
            ("sw_fte", "inpost_fte"),
            ("agency_fte", "agency_fte"),
            ("agency_rate", "agency_rate_fte"),
            ("turnover", "turnover_rate_fte"),
            ("vacancy_fte", "vacancy_fte"),
            ("vacancy_rate", "vacancy_rate_fte"),
            ("caseload", "caseload_fte"),
        ]:
            put(key, col, year, num(r[field]))
        if len(codes) == 1:
            councils.setdefault(codes[0], {"name": names[0], "region": r["region_name"] or "England"})

    # Children looked after at 31 March: 2020-2024 from the 2025 release,
    # 2019 from the 2024 release (each year from its newest release).
    cla_years = {}
    for path, keep in [(CLA_2025, range(2020, 2025)), (CLA_2024, [2019])]:
        for r in rows(read(cscd, path)):
            # The release's header names this column population_count, but it
            # holds the measure ("Children looked after at 31 March each year").
            measure = r.get("characteristic") or r["population_count"]
            if not measure.startswith("Children looked after at 31 March"):
                continue
            year = int(r["time_period"])
            if year not in keep:
                continue
            level = r["geographic_level"]
            if level == "National":
                code = ENGLAND
            elif level == "Local authority":
                code = r["new_la_code"]
            else:
                continue
            put(code, "cla", year, num(r["number"]))
            put(code, "cla_rate", year, num(r["rate_per_10000"]))
            cla_years[year] = path
            if level == "Local authority" and num(r["number"]) is not None and year == 2024:
                councils.setdefault(code, {"name": r["la_name"], "region": r["region_name"]})
    # Same-area successors continue their predecessor's series.
    for old, _name, new, same_area in RETIRED:
        if same_area:
            for y, v in series.get((old, "cla"), {}).items():
                series.setdefault((new, "cla"), {}).setdefault(y, v)

    # Residential care spend (s251 outturn), keyed by name in the panel.
    by_name = {norm(c["name"]): code for code, c in councils.items()}
    for r in rows(read(care_markets, PANEL)):
        code = by_name.get(norm(r["Local.authority"]))
        if code is None:
            continue
        put(code, "res_spend", r["year"], num(r["residential_expenditure"]))

    current = sorted(c for c in councils if c.startswith(COUNCIL_PREFIXES) and c not in {r[0] for r in RETIRED})
    return councils, series, joint, current


def cell(series, code, col, years=1):
    s = series.get((code, col), {})
    ys = sorted(s)[-years:]
    return " ".join("%d:%s" % (y, fmt(s[y])) for y in ys)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("care_markets", help="BenGoodair/Care-Markets checkout or git dir")
    ap.add_argument("cscd", help="BenGoodair/childrens_social_care_data checkout or git dir")
    ap.add_argument("--out", default="src/data/councils.tsv")
    a = ap.parse_args()
    councils, series, joint, current = build(a.care_markets, a.cscd)

    # Councils served by one joint children's service report one workforce
    # row; the joint row's figures are kept under the joint key.
    joint_of = {c: key for key, (codes, _) in joint.items() for c in codes}

    out = io.StringIO()
    w = out.write
    w("# Turnaround: English councils' official figures. Generated by scripts/councils_data.py; do not edit.\n")
    w("# Contains public sector information licensed under the Open Government Licence v3.0 (Department for Education).\n")
    for key, title, file in TABLES:
        w("#table\t%s\t%s\t%s\n" % (key, title, file))
    for col, table, label in COLUMNS:
        w("#column\t%s\t%s\t%s\n" % (col, table, label))
    for old, name, new, _ in RETIRED:
        w("#retired\t%s\t%s\t%s\n" % (old, name, new))
    for key, (codes, names) in sorted(joint.items()):
        w("#joint\t%s\t%s\n" % (key, " / ".join(names)))
    w("code\tname\tregion\tworkforce\t" + "\t".join(c for c, _, _ in COLUMNS) + "\n")
    for code in [ENGLAND] + current:
        c = councils[code]
        wf = joint_of.get(code, code)
        cells = []
        for col, table, _ in COLUMNS:
            src = wf if table == "csww" else code
            years = 5 if col == "turnover" else 6 if col == "cla" else 1
            cells.append(cell(series, src, col, years))
        w("\t".join([code, c["name"], c["region"], wf if wf != code else ""] + cells) + "\n")

    os.makedirs(os.path.dirname(a.out) or ".", exist_ok=True)
    with open(a.out, "w", encoding="utf-8", newline="\n") as f:
        f.write(out.getvalue())

    # Check against DfE's national totals, and the councils' sum against the England row.
    eng = lambda col: series[(ENGLAND, col)][2024]
    la_keys = [k for k in {joint_of.get(c, c) for c in current}]
    total = lambda col: sum(series.get((k, col), {}).get(2024, 0.0) for k in la_keys)
    print("councils: %d (%d workforce rows, %d joint)" % (len(current), len(la_keys), len(joint)), file=sys.stderr)
    print(
        "England 2024: in post %s FTE (councils sum %.1f), agency %s%% (agency FTE %.1f), turnover %s%%, vacancy %s%%, caseload %s, looked after %s"
        % (fmt(eng("sw_fte")), total("sw_fte"), fmt(eng("agency_rate")), eng("agency_fte"), fmt(eng("turnover")),
           fmt(eng("vacancy_rate")), fmt(eng("caseload")), fmt(series[(ENGLAND, "cla")][2024])),
        file=sys.stderr,
    )
    print("wrote %s (%d bytes)" % (a.out, len(out.getvalue().encode())), file=sys.stderr)


if __name__ == "__main__":
    main()
