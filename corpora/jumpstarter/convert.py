#!/usr/bin/env python3
"""Convert JumpStarter's Dataset2 and Dataset3 (NetManAIOps/JumpStarter) into this folder's format.

Usage: python3 convert.py JUMPSTARTER_CHECKOUT_DIR OUT_DIR

Selection rule (written and fixed before any detector was run on these data; it reads neither
labels nor any detector output to choose):
  - Dataset2 and Dataset3 only (Dataset1 is the Server Machine Dataset, already in ../smd);
  - every service, service0 ... service29 of each, one metric per service;
  - the metric of service s is column s mod 19 (0-based; written as dim s%19+1); if that column
    is constant over the whole service (training and test rows), the next column (cyclically)
    that is not;
  - the series is the training rows (unlabelled warm-up, label 0, 'not labelled') followed by the
    test rows, labelled with the service's test_label; test_start_row = number of training rows;
  - timestamps are synthesised from 2019-01-01T00:00:00Z every 300 s (the upstream files have none;
    20 training days in 5,760 rows and 25 test days in 7,200 rows give the 5-minute step);
  - values are copied as the upstream text.
A service with no labelled test row is kept as an unlabelled negative control.
"""
import gzip, os, sys
from datetime import datetime, timedelta, timezone

DATASETS = ["Dataset2", "Dataset3"]
SERVICES = 30
METRICS = 19
START = datetime(2019, 1, 1, tzinfo=timezone.utc)
STEP = timedelta(seconds=300)


def read_rows(path):
    with open(path) as f:
        return [line.strip().split(",") for line in f if line.strip()]


def ranges(labels, offset):
    out, start = [], None
    for i, y in enumerate(labels + [0]):
        if y and start is None:
            start = i
        if not y and start is not None:
            out.append((start + offset, i - 1 + offset))
            start = None
    return out


def main(src, out):
    manifest = []
    for ds in DATASETS:
        for s in range(SERVICES):
            base = os.path.join(src, "dataset", ds)
            train = read_rows(os.path.join(base, "train", f"service{s}.csv"))
            test = read_rows(os.path.join(base, "test", f"service{s}.csv"))
            labels = [int(float(x[0])) for x in read_rows(os.path.join(base, "test_label", f"service{s}.csv"))]
            if len(labels) != len(test):
                raise SystemExit(f"{ds}/service{s}: {len(test)} test rows but {len(labels)} labels")
            rows = train + test
            if any(len(r) != METRICS for r in rows):
                raise SystemExit(f"{ds}/service{s}: a row without {METRICS} columns")
            nonconstant = [j for j in range(METRICS) if len({float(r[j]) for r in rows}) > 1]
            chosen = next((j % METRICS for j in range(s % METRICS, s % METRICS + METRICS)
                           if j % METRICS in nonconstant), None)
            if chosen is None:
                raise SystemExit(f"{ds}/service{s}: every column is constant")
            labs = [0] * len(train) + labels
            name = f"{ds[-1:]}-service{s:02d}_dim{chosen + 1:02d}.csv"
            name = "d" + name
            with gzip.open(os.path.join(out, name + ".gz"), "wt", newline="") as o:
                o.write("timestamp,value,label\n")
                for i, (r, y) in enumerate(zip(rows, labs)):
                    t = (START + i * STEP).strftime("%Y-%m-%dT%H:%M:%SZ")
                    o.write(f"{t},{r[chosen]},{y}\n")
            rg = ranges(labels, len(train))
            manifest.append([name, ds, f"service{s}", chosen + 1, s % METRICS + 1,
                             "labelled" if rg else "unlabelled", len(rows), len(train),
                             (START + len(train) * STEP).strftime("%Y-%m-%dT%H:%M:%SZ"),
                             sum(labels), len(rg), ";".join(f"{a}-{b}" for a, b in rg),
                             len(nonconstant)])
    with open(os.path.join(out, "MANIFEST.tsv"), "w") as m:
        m.write("\t".join(["file", "dataset", "service", "dim", "rule_dim", "kind", "rows",
                           "test_start_row", "test_start_timestamp", "labelled_points",
                           "labelled_ranges", "ranges", "service_nonconstant_dims"]) + "\n")
        for row in manifest:
            m.write("\t".join(str(c) for c in row) + "\n")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
