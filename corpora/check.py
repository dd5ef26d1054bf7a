#!/usr/bin/env python3
"""Sanity check for the labelled anomaly corpora in this folder.

Standard library only. Run:  python3 check.py   (from anywhere; `python3 check.py skab smd` checks
only the named corpus folders; the project's own `synthetic/` suite uses millisecond timestamps and
is checked by SyntheticCorpusTest instead)

For every corpus folder (a sub-folder holding *.csv or *.csv.gz files) it checks that each CSV
  - has the header  timestamp,value,label
  - has exactly three fields per row
  - has ISO-8601 UTC timestamps of the form YYYY-MM-DDTHH:MM:SSZ that strictly increase
  - has finite numeric values
  - has labels that are 0 or 1
and, where the folder has a MANIFEST.tsv, that the row count, labelled-point count,
labelled-range count and test_start_row recorded there match the CSV.
It prints per-corpus and overall totals and exits non-zero on any failure.
"""
import csv
import gzip
import math
import os
import re
import sys
from datetime import datetime, timezone

ROOT = os.path.dirname(os.path.abspath(__file__))
TS_RE = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$")
MAX_BYTES = 60 * 1000 * 1000
MAX_FILES = 20000


def check_csv(path):
    """Return (stats dict, list of error strings)."""
    errors = []
    rows = labelled = ranges = 0
    prev_ts = None
    prev_label = 0
    first_ts = last_ts = None
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rt", newline="") as f:
        reader = csv.reader(f)
        try:
            header = next(reader)
        except StopIteration:
            return None, [f"{path}: empty file"]
        if header != ["timestamp", "value", "label"]:
            errors.append(f"{path}: bad header {header!r}")
        for lineno, row in enumerate(reader, start=2):
            if len(row) != 3:
                errors.append(f"{path}:{lineno}: expected 3 fields, got {len(row)}")
                continue
            ts_s, val_s, lab_s = row
            if not TS_RE.match(ts_s):
                errors.append(f"{path}:{lineno}: bad timestamp {ts_s!r}")
                continue
            try:
                ts = datetime.strptime(ts_s, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=timezone.utc)
            except ValueError:
                errors.append(f"{path}:{lineno}: invalid timestamp {ts_s!r}")
                continue
            if prev_ts is not None and ts <= prev_ts:
                errors.append(f"{path}:{lineno}: timestamp {ts_s} not after previous")
            prev_ts = ts
            try:
                v = float(val_s)
                if not math.isfinite(v):
                    raise ValueError
            except ValueError:
                errors.append(f"{path}:{lineno}: bad value {val_s!r}")
            if lab_s not in ("0", "1"):
                errors.append(f"{path}:{lineno}: bad label {lab_s!r}")
                continue
            lab = int(lab_s)
            if lab == 1:
                labelled += 1
                if prev_label == 0:
                    ranges += 1
            prev_label = lab
            if first_ts is None:
                first_ts = ts_s
            last_ts = ts_s
            rows += 1
            if len(errors) > 20:
                errors.append(f"{path}: too many errors, stopped")
                break
    if rows == 0:
        errors.append(f"{path}: no data rows")
    return dict(rows=rows, labelled=labelled, ranges=ranges, first=first_ts, last=last_ts), errors


def read_manifest(folder):
    path = os.path.join(folder, "MANIFEST.tsv")
    if not os.path.exists(path):
        return None
    with open(path, newline="") as f:
        return {r["file"]: r for r in csv.DictReader(f, delimiter="\t")}


def main():
    all_errors = []
    total = dict(files=0, csv=0, rows=0, labelled=0, ranges=0, with_anomaly=0, bytes=0)
    for dirpath, _dirs, files in os.walk(ROOT):
        for fn in files:
            total["files"] += 1
            total["bytes"] += os.path.getsize(os.path.join(dirpath, fn))
    corpora = sorted(d for d in os.listdir(ROOT)
                     if os.path.isdir(os.path.join(ROOT, d))
                     and any(x.endswith((".csv", ".csv.gz")) for x in os.listdir(os.path.join(ROOT, d)))
                     and (d in sys.argv[1:] if sys.argv[1:] else d != "synthetic"))
    print(f"{'corpus':<22}{'series':>7}{'w/anom':>7}{'rows':>11}{'anom pts':>10}{'ranges':>8}{'MB':>8}")
    for c in corpora:
        folder = os.path.join(ROOT, c)
        manifest = read_manifest(folder)
        s = dict(csv=0, rows=0, labelled=0, ranges=0, with_anomaly=0, bytes=0)
        seen = set()
        for fn in sorted(os.listdir(folder)):
            p = os.path.join(folder, fn)
            s["bytes"] += os.path.getsize(p)
            if not fn.endswith((".csv", ".csv.gz")):
                continue
            st, errs = check_csv(p)
            all_errors.extend(errs)
            if st is None:
                continue
            fn = fn[:-3] if fn.endswith(".gz") else fn
            seen.add(fn)
            s["csv"] += 1
            s["rows"] += st["rows"]
            s["labelled"] += st["labelled"]
            s["ranges"] += st["ranges"]
            s["with_anomaly"] += 1 if st["labelled"] else 0
            if manifest is not None:
                m = manifest.get(fn)
                if m is None:
                    all_errors.append(f"{p}: not listed in MANIFEST.tsv")
                else:
                    for key, got in (("rows", st["rows"]), ("labelled_points", st["labelled"]),
                                     ("labelled_ranges", st["ranges"])):
                        if key in m and int(m[key]) != got:
                            all_errors.append(f"{p}: MANIFEST {key}={m[key]} but CSV has {got}")
                    if "test_start_row" in m and not (0 <= int(m["test_start_row"]) < st["rows"]):
                        all_errors.append(f"{p}: test_start_row out of range")
        if manifest is not None:
            for fn in manifest:
                if fn not in seen:
                    all_errors.append(f"{folder}: MANIFEST lists missing file {fn}")
        print(f"{c:<22}{s['csv']:>7}{s['with_anomaly']:>7}{s['rows']:>11}{s['labelled']:>10}"
              f"{s['ranges']:>8}{s['bytes'] / 1e6:>8.2f}")
        for k in ("csv", "rows", "labelled", "ranges", "with_anomaly"):
            total[k] += s[k]
    print(f"{'TOTAL':<22}{total['csv']:>7}{total['with_anomaly']:>7}{total['rows']:>11}"
          f"{total['labelled']:>10}{total['ranges']:>8}{total['bytes'] / 1e6:>8.2f}")
    print(f"files in tree: {total['files']}  (limit {MAX_FILES}); bytes: {total['bytes']} (limit {MAX_BYTES})")
    if total["bytes"] >= MAX_BYTES:
        all_errors.append(f"total size {total['bytes']} bytes is not under {MAX_BYTES}")
    if total["files"] >= MAX_FILES:
        all_errors.append(f"{total['files']} files is not under {MAX_FILES}")
    if all_errors:
        print(f"\nFAILED: {len(all_errors)} problem(s)")
        for e in all_errors[:200]:
            print("  " + e)
        return 1
    print("\nOK: every CSV parses, timestamps strictly increase, labels are 0/1")
    return 0


if __name__ == "__main__":
    sys.exit(main())
