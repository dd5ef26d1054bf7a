#!/usr/bin/env python3
"""Convert SKAB (waico/SKAB) into this folder's format: one univariate series per (experiment file, channel).

Usage: python3 convert.py SKAB_CHECKOUT_DIR OUT_DIR
Selection rule (fixed before any detector was run on it): every experiment file under data/valve1,
data/valve2, data/other (34 files, labelled) and data/anomaly-free/anomaly-free.csv (unlabelled),
each of the 8 sensor channels, nothing else left out.
"""
import csv, gzip, os, re, sys

CHANNELS = [("Accelerometer1RMS", "accel1"), ("Accelerometer2RMS", "accel2"), ("Current", "current"),
            ("Pressure", "pressure"), ("Temperature", "temperature"), ("Thermocouple", "thermocouple"),
            ("Voltage", "voltage"), ("Volume Flow RateRMS", "flow")]
GROUPS = ["valve1", "valve2", "other", "anomaly-free"]

def files(src):
    for g in GROUPS:
        d = os.path.join(src, "data", g)
        names = [n for n in os.listdir(d) if n.endswith(".csv")]
        names.sort(key=lambda n: (int(re.sub(r"\D", "", n) or 0), n))
        for n in names:
            yield g, n, os.path.join(d, n)

def ranges(labels):
    out, start = [], None
    for i, y in enumerate(labels + [0]):
        if y and start is None:
            start = i
        if not y and start is not None:
            out.append((start, i - 1)); start = None
    return out

def main(src, out):
    rows_m = []
    for g, n, path in files(src):
        with open(path, newline="") as f:
            r = list(csv.reader(f, delimiter=";"))
        head, body = r[0], [x for x in r[1:] if x]
        ts_i = head.index("datetime")
        lab_i = head.index("anomaly") if "anomaly" in head else None
        stem = g if g == "anomaly-free" else f"{g}-{int(n[:-4]):02d}"
        for col, short in CHANNELS:
            ci = head.index(col)
            seen, ts, vals, labs, dup, dupdiff, dropped = {}, [], [], [], 0, 0, 0
            for x in body:
                v = x[ci].strip()
                y = int(float(x[lab_i])) if lab_i is not None else 0
                if v == "":
                    dropped += 1; continue
                t = x[ts_i].strip().replace(" ", "T") + "Z"
                if t in seen:
                    k = seen[t]; dup += 1
                    if vals[k] != v: dupdiff += 1
                    labs[k] = max(labs[k], y); continue
                if ts and t < ts[-1]:
                    raise SystemExit(f"{path}: timestamps go back at {t}")
                seen[t] = len(ts); ts.append(t); vals.append(v); labs.append(y)
            name = f"{stem}_{short}.csv"
            with gzip.open(os.path.join(out, name + ".gz"), "wt", newline="") as o:
                o.write("timestamp,value,label\n")
                for t, v, y in zip(ts, vals, labs):
                    o.write(f"{t},{v},{y}\n")
            rg = ranges(labs)
            steps = [0] * 0
            rows_m.append([name, g, short, f"data/{g}/{n}", col, len(ts), sum(labs), len(rg),
                           ";".join(f"{a}-{b}" for a, b in rg), ts[0], ts[-1], len(body), dropped, dup, dupdiff,
                           "labelled" if lab_i is not None else "unlabelled"])
    with open(os.path.join(out, "MANIFEST.tsv"), "w") as m:
        m.write("\t".join(["file", "domain", "channel", "source_path", "source_column", "rows", "labelled_points",
                           "labelled_ranges", "ranges", "first_timestamp", "last_timestamp", "source_rows",
                           "dropped_empty_value", "merged_duplicate_timestamps", "duplicates_with_different_value",
                           "kind"]) + "\n")
        for row in rows_m:
            m.write("\t".join(str(c) for c in row) + "\n")

if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
