#!/usr/bin/env python3
"""Precision of repohealth's findings on real repositories, against labels read by a person.

    bench/precision.py --binary build/repohealth --labels bench/precision/labels.tsv \
        NAME=PATH [NAME=PATH ...] [--unlabelled] [--as-of DATE]

Scans each repository (a clone or bare mirror; NAME is how the labels name it, e.g.
os2display/display-api-service), takes the open (unsuppressed) findings, joins them with the
labels (repository, rule, path, line -> true | false | debatable, with a reason) and prints a
Markdown table per rule and severity: findings, true, false, debatable, unlabelled and precision
= true / (true + false + debatable), debatable counted against the tool. Rules measured by
threshold (metric kind: complexity, length, duplication) are counted but not labelled: their
findings are measurements, whose fidelity docs/metrics-languages.md measures against lizard.
--unlabelled lists the findings that need a label (error and security ones first).
"""
import argparse
import collections
import csv
import json
import subprocess
import sys
import tempfile
from pathlib import Path

MEASURED = ("generic.maintainability.",)


def scan(binary, path, as_of):
    out = tempfile.mkdtemp(prefix="rh-precision-")
    cmd = [binary, "scan", path, "--out", out, "--format", "json", "-q"]
    if as_of:
        cmd += ["--as-of", as_of]
    subprocess.run(cmd, check=False)
    return json.loads(Path(out, "facts.json").read_text())


def load_labels(path):
    labels = {}
    with open(path, newline="") as f:
        for row in csv.reader(f, delimiter="\t"):
            if not row or row[0].startswith("#"):
                continue
            repo, rule, file, line, label = row[:5]
            labels[(repo, rule, file, int(line))] = (label, row[5] if len(row) > 5 else "")
    return labels


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--binary", default="build/repohealth")
    ap.add_argument("--labels", default=str(Path(__file__).parent / "precision" / "labels.tsv"))
    ap.add_argument("--as-of", default="")
    ap.add_argument("--unlabelled", action="store_true")
    ap.add_argument("repos", nargs="+", help="NAME=PATH")
    a = ap.parse_args()
    labels = load_labels(a.labels)
    rows = collections.defaultdict(collections.Counter)  # (severity, rule) -> counts
    missing = []
    for spec in a.repos:
        name, path = spec.split("=", 1)
        facts = scan(a.binary, path, a.as_of)
        for f in facts.get("findings", []):
            if f.get("suppressed"):
                continue
            key = (f["severity"], f["rule_id"])
            rows[key]["findings"] += 1
            if f["rule_id"].startswith(MEASURED):
                rows[key]["measured"] += 1
                continue
            label = labels.get((name, f["rule_id"], f.get("path", ""), int(f.get("start_line", 0))))
            if label:
                rows[key][label[0]] += 1
            else:
                rows[key]["unlabelled"] += 1
                missing.append((f["severity"] != "error", name, f["rule_id"], f.get("path", ""),
                                f.get("start_line", 0), f["severity"], f.get("message", "")))
    print("| severity | rule | findings | true | false | debatable | unlabelled | precision |")
    print("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    order = {"error": 0, "warning": 1, "note": 2}
    totals = collections.defaultdict(collections.Counter)
    for (sev, rule), c in sorted(rows.items(), key=lambda kv: (order.get(kv[0][0], 3), kv[0][1])):
        judged = c["true"] + c["false"] + c["debatable"]
        prec = f"{100 * c['true'] / judged:.0f} %" if judged else ("measured" if c["measured"] else "–")
        print(f"| {sev} | `{rule}` | {c['findings']} | {c['true']} | {c['false']} | {c['debatable']} | "
              f"{c['unlabelled']} | {prec} |")
        totals[sev].update(c)
    print()
    for sev in sorted(totals, key=lambda s: order.get(s, 3)):
        c = totals[sev]
        judged = c["true"] + c["false"] + c["debatable"]
        prec = f"{100 * c['true'] / judged:.1f} %" if judged else "–"
        print(f"- {sev}: {c['findings']} findings, {judged} labelled: {c['true']} true, {c['false']} false, "
              f"{c['debatable']} debatable, {c['measured']} measured; precision {prec}")
    if a.unlabelled:
        print()
        for _, name, rule, path, line, sev, msg in sorted(missing):
            print(f"{name}\t{rule}\t{path}\t{line}\t?\t{sev}: {msg[:120]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
