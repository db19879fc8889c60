#!/usr/bin/env python3
"""Function-by-function agreement of repohealth's cyclomatic complexity with lizard's.

    bench/lizard_agreement.py --lizard LIZARD_SRC [--binary build/repohealth] [--top N] REPO

REPO is a folder, a clone or a bare mirror (its HEAD is exported to a temporary folder, so both
tools read the same files). LIZARD_SRC is a checkout of lizard's source (its lizard.py is run
with this Python; nothing is installed). Both tools read the same tree; only files repohealth
analysed and lizard read are compared (repohealth leaves out vendored, generated, minified and
too-large files).

Functions are matched by file and start line, then by file and name among the rest. Printed per
language: the functions each tool found, the matched pairs, exact CCN agreement, and the largest
disagreements, each with the documented reasons (docs/metrics-languages.md) its source text
shows. `--json FILE` also writes every disagreement.
"""
import argparse
import collections
import csv
import io
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

# repohealth language id -> lizard's -l name
LIZARD_LANGUAGE = {
    "c": "cpp", "cpp": "cpp", "java": "java", "csharp": "csharp", "javascript": "javascript",
    "typescript": "typescript", "tsx": "tsx", "python": "python", "ruby": "ruby", "php": "php",
    "go": "go", "rust": "rust",
}

# Documented differences (docs/metrics-languages.md, "Differences from lizard"), per language:
# (regular expression over the function's source text, lizard's count minus repohealth's for
# each match, reason). A disagreement is "explained" when the deltas of the matches in the
# function's text (nested functions of its own left out) add up to lizard - repohealth.
REASONS = {
    "php": [
        (r"\bmatch\s*\(", 0, "match: each arm but default counts (lizard: the match once)"),
    ],
    "javascript": [
        (r"\?\?", 1, "?? counts once (lizard: twice)"),
    ],
    "c": [
        # lizard's CppRValueRefStates: an `&&` with an `=` after it before any ; { } ) is
        # taken for `T&& x = …` and counted -1 (the tokens it reads past are not looked at).
        (r"&&[^;{})\"]*?(?<![=!<>+\-*/%&|^])=(?!=)", -1,
         "&& followed by an assignment: lizard takes it for an rvalue reference"),
        # `for (auto&& x : v)`: the reference reaches `)` before any `=`, so lizard counts it.
        (r"\bauto\s*&&\s*\w+\s*:(?!:)", 1, "for (auto&& x : v): lizard counts the reference as a decision"),
        # lizard's tokenizer knows R"(…)" only: after R"re(…)re" it reads the rest as a string.
        (r'\bR"[^(\s"]+\(', 0, "raw string with a delimiter: lizard misreads the code after it"),
    ],
}
REASONS["typescript"] = REASONS["tsx"] = REASONS["javascript"]
REASONS["cpp"] = REASONS["c"]


def export_tree(repo, into):
    """A folder to scan: REPO's HEAD exported when it is a clone or bare mirror, else REPO."""
    p = Path(repo)
    if (p / ".git").exists():
        git = ["git", "-C", str(p)]
    elif (p / "HEAD").exists() and (p / "objects").exists():
        git = ["git", "--git-dir", str(p)]
    else:
        return p
    # Blob by blob, not `git archive`: a partial mirror may lack some blobs (images, say), which
    # are left out instead of failing the export.
    listing = subprocess.run(git + ["ls-tree", "-r", "-z", "HEAD"], check=True,
                             capture_output=True).stdout.split(b"\0")
    for entry in filter(None, listing):
        meta, path = entry.split(b"\t", 1)
        mode, kind, oid = meta.split()
        if kind != b"blob" or mode == b"120000":
            continue
        blob = subprocess.run(git + ["cat-file", "blob", oid.decode()], capture_output=True)
        if blob.returncode != 0:
            continue
        target = Path(into) / os.fsdecode(path)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(blob.stdout)
    return Path(into)


def run_repohealth(binary, tree):
    out = tempfile.mkdtemp(prefix="rh-lizard-")
    subprocess.run([binary, "scan", str(tree), "--out", out, "--format", "json", "-q",
                    "--no-history", "--no-health"], check=False)
    facts = json.loads(Path(out, "facts.json").read_text())
    shutil.rmtree(out, ignore_errors=True)
    return facts


def run_lizard(lizard_src, tree, files):
    """lizard's functions of FILES (relative paths), as dicts keyed like the CSV."""
    listing = tempfile.NamedTemporaryFile("w", delete=False, suffix=".txt")
    for f in files:
        listing.write(str(tree / f) + "\n")
    listing.close()
    cmd = [sys.executable, str(Path(lizard_src) / "lizard.py"), "--csv", "-t2",
           "-f", listing.name]
    res = subprocess.run(cmd, capture_output=True, text=True)
    os.unlink(listing.name)
    rows = []
    for r in csv.reader(io.StringIO(res.stdout)):
        if len(r) < 11 or not r[1].isdigit():
            continue
        rows.append({"ccn": int(r[1]), "file": os.path.relpath(r[6], tree), "name": r[7],
                     "start": int(r[9]), "end": int(r[10])})
    return rows


def match(rh_funcs, lz_funcs):
    """Pairs (rh, lz) matched by start line, then by name; and the unmatched of each side."""
    pairs, rh_left, lz_left = [], [], list(lz_funcs)
    by_start = collections.defaultdict(list)
    for i, f in enumerate(lz_left):
        by_start[f["start"]].append(i)
    used = set()
    for f in rh_funcs:
        cands = [i for i in by_start.get(f["start_line"], []) if i not in used]
        if len(cands) > 1:
            named = [i for i in cands if short(lz_left[i]["name"]) == short(f["name"])]
            cands = named or cands
        if cands:
            used.add(cands[0])
            pairs.append((f, lz_left[cands[0]]))
        else:
            rh_left.append(f)
    rest = [f for i, f in enumerate(lz_left) if i not in used]
    still = []
    for f in rh_left:
        cands = [g for g in rest if short(g["name"]) == short(f["name"])]
        if len(cands) == 1:
            rest.remove(cands[0])
            pairs.append((f, cands[0]))
        else:
            still.append(f)
    return pairs, still, rest


def short(name):
    return re.split(r"::|\.", name)[-1]


def own_text(lines, f, functions):
    """The function's source lines without the lines of functions nested in it."""
    nested = set()
    for g in functions:
        if g is not f and f["start_line"] < g["start_line"] and g["end_line"] <= f["end_line"]:
            nested.update(range(g["start_line"], g["end_line"] + 1))
    return "\n".join(lines[n - 1] for n in range(f["start_line"], f["end_line"] + 1)
                     if n not in nested and n <= len(lines))


def reasons(language, text, diff):
    """The documented differences found in TEXT, and whether their deltas add up to DIFF
    (lizard - repohealth). A difference with delta 0 is named but not computed."""
    found, total, computable = [], 0, True
    for pattern, delta, why in REASONS.get(language, []):
        n = len(re.findall(pattern, text))
        if n:
            found.append(f"{why} x{n}")
            total += delta * n
            computable = computable and delta != 0
    return found, bool(found) and (total == diff or not computable)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--lizard", required=True, help="lizard's source folder (holds lizard.py)")
    ap.add_argument("--binary", default="build/repohealth")
    ap.add_argument("--top", type=int, default=5, help="largest disagreements shown per language")
    ap.add_argument("--json", help="write every disagreement and unmatched function here")
    ap.add_argument("--name", help="name printed for the repository (default: its folder)")
    ap.add_argument("repo")
    a = ap.parse_args()

    tmp = Path(tempfile.mkdtemp(prefix="rh-lizard-tree-"))
    try:
        tree = export_tree(a.repo, tmp)
        facts = run_repohealth(a.binary, tree)
        files = {f["path"]: f for f in facts["files"]
                 if f.get("parsed") and f["language"] in LIZARD_LANGUAGE}
        lizard_rows = run_lizard(a.lizard, tree, sorted(files))
        by_file = collections.defaultdict(list)
        for r in lizard_rows:
            by_file[r["file"]].append(r)

        stats = collections.defaultdict(collections.Counter)
        disagreements = collections.defaultdict(list)
        unmatched = collections.defaultdict(list)
        for path, f in sorted(files.items()):
            lang = f["language"]
            lz = by_file.get(path, [])
            pairs, rh_only, lz_only = match(f["functions"], lz)
            s = stats[lang]
            s["files"] += 1
            s["repohealth"] += len(f["functions"])
            s["lizard"] += len(lz)
            s["matched"] += len(pairs)
            lines = None
            for rh, lzf in pairs:
                if rh["cyclomatic"] == lzf["ccn"]:
                    s["exact"] += 1
                    continue
                if lines is None:
                    lines = (tree / path).read_text(errors="replace").splitlines()
                disagreements[lang].append({
                    "path": path, "start_line": rh["start_line"], "name": rh["name"],
                    "lizard_name": lzf["name"], "repohealth": rh["cyclomatic"],
                    "lizard": lzf["ccn"]})
                d = disagreements[lang][-1]
                d["reasons"], d["explained"] = reasons(
                    lang, own_text(lines, rh, f["functions"]), lzf["ccn"] - rh["cyclomatic"])
            for g in rh_only:
                unmatched[lang].append({"side": "repohealth only", "path": path,
                                        "start_line": g["start_line"], "name": g["name"]})
            for g in lz_only:
                unmatched[lang].append({"side": "lizard only", "path": path,
                                        "start_line": g["start"], "name": g["name"]})

        name = a.name or Path(a.repo.rstrip("/")).name
        print(f"## {name}\n")
        print("| language | files | lizard | repohealth | matched | exact CCN | agreement | "
              "explained by a documented difference |")
        print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
        for lang in sorted(stats):
            s = stats[lang]
            explained = sum(1 for d in disagreements[lang] if d["explained"])
            pct = 100.0 * s["exact"] / s["matched"] if s["matched"] else 100.0
            with_doc = (100.0 * (s["exact"] + explained) / s["matched"]) if s["matched"] else 100.0
            print(f"| {lang} | {s['files']} | {s['lizard']} | {s['repohealth']} | {s['matched']} "
                  f"| {s['exact']} | {pct:.1f} % | {explained} ({with_doc:.1f} %) |")
        for lang in sorted(stats):
            worst = sorted(disagreements[lang],
                           key=lambda d: (d["explained"],
                                          -abs(d["repohealth"] - d["lizard"])))[:a.top]
            if worst:
                print(f"\n{lang}, largest disagreements (repohealth / lizard):")
                for d in worst:
                    why = "; ".join(d["reasons"]) or "no documented reason"
                    if d["reasons"] and not d["explained"]:
                        why = "not explained by: " + why
                    print(f"- {d['path']}:{d['start_line']} {d['name']}: "
                          f"{d['repohealth']} / {d['lizard']} ({why})")
            um = unmatched[lang]
            if um:
                counts = collections.Counter(u["side"] for u in um)
                print(f"\n{lang}, unmatched: " +
                      ", ".join(f"{n} {side}" for side, n in sorted(counts.items())))
                for u in um[:a.top]:
                    print(f"- {u['side']}: {u['path']}:{u['start_line']} {u['name']}")
        if a.json:
            Path(a.json).write_text(json.dumps({"disagreements": disagreements,
                                                "unmatched": unmatched}, indent=1))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
