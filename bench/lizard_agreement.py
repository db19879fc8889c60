#!/usr/bin/env python3
"""Function-by-function agreement of repohealth's cyclomatic complexity with lizard's.

    bench/lizard_agreement.py --lizard LIZARD_SRC [--binary build/repohealth] [--top N] REPO

REPO is a folder, a clone or a bare mirror (its HEAD is exported to a temporary folder, so both
tools read the same files). LIZARD_SRC is a checkout of lizard's source (its lizard.py is run
with this Python; nothing is installed). Both tools read the same tree; only files repohealth
analysed and lizard read are compared (repohealth leaves out vendored, generated, minified and
too-large files).

Functions are matched by file and start line, then by file and name among the rest. Printed per
language: the functions each tool found, the matched pairs, exact CCN agreement, and how many
disagreements a documented difference (docs/metrics-languages.md, "Differences from lizard";
bench/lizard_reasons.py) explains: "computed" when the differences found in the function's own text add
up to lizard - repohealth exactly, "named" when a difference whose size cannot be computed (a
function boundary lizard misreads) is found there; then the largest disagreements with their
reasons, and the functions only one tool reports. `--json FILE` also writes every disagreement
and unmatched function.
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


# repohealth language id -> lizard's -l name (the languages both tools read)
LIZARD_LANGUAGE = {
    "c": "cpp", "cpp": "cpp", "java": "java", "csharp": "csharp", "javascript": "javascript",
    "typescript": "typescript", "tsx": "tsx", "python": "python", "ruby": "ruby", "php": "php",
    "go": "go", "rust": "rust",
}

from lizard_reasons import REASONS, code_only, split_first_line, split_last_line  # noqa: E402




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


# lizard picks its reader by the file's extension and reads any other file with its C reader;
# these repohealth languages' files with another extension (Drupal's .module, .inc, .install,
# .theme…; .mjs, .cjs) are given to lizard under an alias with the extension it knows.
# (The extensions lizard 1.24.0 knows for each; the first is the alias.)
LIZARD_EXTENSION = {"php": (".php",), "javascript": (".js", ".jsx", ".mjs", ".cjs"),
                    "typescript": (".ts",), "tsx": (".tsx", ".jsx"), "python": (".py",),
                    "ruby": (".rb",), "go": (".go",), "rust": (".rs",), "java": (".java",),
                    "csharp": (".cs",), "c": (".c", ".h"),
                    "cpp": (".cpp", ".cc", ".cxx", ".h", ".hpp")}


def run_lizard(lizard_src, tree, files):
    """lizard's functions of FILES (relative path -> repohealth language), as dicts keyed like
    the CSV."""
    aliases = Path(tempfile.mkdtemp(prefix="rh-lizard-alias-"))
    listing = tempfile.NamedTemporaryFile("w", delete=False, suffix=".txt")
    back = {}
    for f, lang in files.items():
        path = tree / f
        exts = LIZARD_EXTENSION.get(lang)
        if exts and not f.endswith(exts):
            alias = aliases / (f + exts[0])
            alias.parent.mkdir(parents=True, exist_ok=True)
            alias.symlink_to(path.resolve())
            back[str(alias)] = f
            path = alias
        listing.write(str(path) + "\n")
    listing.close()
    # lizard's own API (analyze_file, as its command line runs it), not its CSV: a long name
    # holding a quote or a line break breaks the CSV's rows, and those functions were lost.
    res = subprocess.run([sys.executable, "-c", LIZARD_DRIVER, str(lizard_src), listing.name],
                         capture_output=True, text=True)
    os.unlink(listing.name)
    shutil.rmtree(aliases, ignore_errors=True)
    if res.returncode != 0:
        sys.exit(f"lizard failed: {res.stderr.strip()[-2000:]}")
    rows = []
    for line in res.stdout.splitlines():
        r = json.loads(line)
        file = back.get(r["file"]) or os.path.relpath(r["file"], tree)
        rows.append({"ccn": r["ccn"], "file": file, "name": r["name"],
                     "start": r["start"], "end": r["end"]})
    return rows


LIZARD_DRIVER = """
import json, multiprocessing, sys
sys.path.insert(0, sys.argv[1])
import lizard
def one(path):
    info = lizard.analyze_file(path)
    return [{"file": path, "name": f.name, "ccn": f.cyclomatic_complexity,
             "start": f.start_line, "end": f.end_line} for f in info.function_list]
if __name__ == "__main__":
    paths = [p for p in open(sys.argv[2]).read().splitlines() if p]
    with multiprocessing.Pool(2) as pool:
        for rows in pool.imap(one, paths, chunksize=8):
            for r in rows:
                print(json.dumps(r))
"""


JSX_TAG_LINES = 12  # the most lines between a JSX tag's `<` and a function in its attributes


def match(rh_funcs, lz_funcs):
    """Pairs (rh, lz) matched by start line, then by name, then (JSX) by the nearest earlier
    start; and the unmatched of each side."""
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
    # lizard's JSX reader gives a function written in a tag's attributes (`onClick={() => …}`)
    # the line of the tag's `<`: pair what is left with the nearest start a few lines before.
    left = []
    for f in still:
        cands = [g for g in rest if 0 < f["start_line"] - g["start"] <= JSX_TAG_LINES]
        if cands:
            g = max(cands, key=lambda g: g["start"])
            rest.remove(g)
            pairs.append((f, g))
        else:
            left.append(f)
    return pairs, left, rest


def short(name):
    return re.split(r"::|\.", name)[-1]


def own_text(lines, f, functions, mode="own"):
    """The function's source text without the functions nested in it: their lines are left out
    but for what is written before one on its first line (`p.catch(() => {`) and after its
    closing `}` on its last line (`}) ?? [];`); the function's own first and last lines are cut
    the same way. Mode "whole": all its lines."""
    if mode == "whole":
        return "\n".join(lines[f["start_line"] - 1:f["end_line"]])
    inner, firsts, lasts = set(), set(), set()
    for g in functions:
        if g is not f and f["start_line"] < g["start_line"] and g["end_line"] <= f["end_line"]:
            inner.update(range(g["start_line"] + 1, g["end_line"] + 1))
            firsts.add(g["start_line"])
            if g["end_line"] > g["start_line"]:
                lasts.add(g["end_line"])
    out = []
    for n in range(f["start_line"], min(f["end_line"], len(lines)) + 1):
        line = lines[n - 1]
        if n == f["start_line"]:
            line = split_first_line(line)[1]
        elif n == f["end_line"]:
            line = split_last_line(line)[0]
        if n in firsts:
            line = split_first_line(line)[0]
        elif n in lasts:
            line = split_last_line(line)[1]
        elif n in inner:
            continue
        out.append(line)
    return "\n".join(out)


def lost_nested(rh, functions, rh_only):
    """The functions repohealth reports inside RH that lizard does not see (its reader missed a
    boundary, or, as in Java, it folds an anonymous class into the method): lizard counts their
    decisions for RH. Those whose innermost matched enclosing function is RH."""
    unmatched = {id(g) for g in rh_only}
    lost = []
    for g in rh_only:
        around = [h for h in functions if h is not g and id(h) not in unmatched
                  and h["start_line"] <= g["start_line"] and g["end_line"] <= h["end_line"]]
        if around and max(around, key=lambda h: (h["start_line"], -h["end_line"])) is rh:
            lost.append(g)
    return lost


def boundary_reason(f, lizard, parsed_cleanly):
    """lizard's function ends 2 lines or more away from repohealth's, in a file repohealth parsed
    without a syntax error (so its boundaries are the syntax tree's): the two count different
    code; lizard's reader misread where the function ends (docs/metrics-languages.md)."""
    if not (f and lizard and parsed_cleanly) or abs(lizard["end"] - f["end_line"]) < 2:
        return ""
    return (f"lizard's function ends on line {lizard['end']}, repohealth's (the syntax tree's) "
            f"on {f['end_line']}: they count different code")


def reasons(language, path, text, diff, functions_text=None, lines=None, f=None, functions=None,
            lizard=None, lost=(), parsed_cleanly=False):
    """The documented differences found in TEXT (of a function in PATH), and whether their deltas
    add up to DIFF (lizard - repohealth). A difference with delta 0 is named but not computed.
    An entry's options: `suffixes` (only files ending so), `text` ("whole": matched
    over FUNCTIONS_TEXT(mode) instead, see own_text), `code_only` (comments and strings
    blanked out first). A pattern is a regular expression or a
    function of a dict (text, path, lines, function, functions) -> count."""
    found, total, computable = [], 0, True
    for pattern, delta, why, *rest in REASONS.get(language, []):
        opts = rest[0] if rest else {}
        if "suffixes" in opts and not path.endswith(tuple(opts["suffixes"])):
            continue
        t = functions_text(opts["text"]) if "text" in opts and functions_text else text
        if opts.get("code_only"):
            t = code_only(t)
        if callable(pattern):
            n = pattern({"text": t, "path": path, "lines": lines, "function": f,
                         "functions": functions, "lizard": lizard})
        else:
            n = len(re.findall(pattern, t))
        if n:
            found.append(f"{why} x{n}")
            total += delta * n
            computable = computable and delta != 0
    if lost:
        # lizard folds a function it does not see into the one around it: its decisions (CCN - 1)
        extra = sum(g["cyclomatic"] - 1 for g in lost)
        found.append(f"lizard does not see {len(lost)} function(s) written in it, whose "
                     f"decisions it counts for this one (+{extra})")
        total += extra
    boundary = boundary_reason(f, lizard, parsed_cleanly)
    if boundary:
        found.append(boundary)
        computable = False
    # "computed": the deltas add up exactly; "named": a difference whose delta cannot be computed
    # (a misread boundary) is in the function, so the disagreement is put down to it.
    if found and computable and total == diff:
        return found, "computed"
    return found, "named" if found and not computable else ""


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
        lizard_rows = run_lizard(a.lizard, tree,
                                 {p: files[p]["language"] for p in sorted(files)})
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
                    "path": path, "start_line": rh["start_line"], "end_line": rh["end_line"],
                    "name": rh["name"], "lizard_name": lzf["name"],
                    "lizard_lines": [lzf["start"], lzf["end"]], "repohealth": rh["cyclomatic"],
                    "lizard": lzf["ccn"]})
                d = disagreements[lang][-1]
                d["reasons"], d["explained"] = reasons(
                    lang, path, own_text(lines, rh, f["functions"]), lzf["ccn"] - rh["cyclomatic"],
                    lambda mode, rh=rh: own_text(lines, rh, f["functions"], mode),
                    lines, rh, f["functions"], lzf,
                    lost_nested(rh, f["functions"], rh_only), f.get("parse_errors", 1) == 0)
            for g in rh_only:
                unmatched[lang].append({"side": "repohealth only", "path": path,
                                        "start_line": g["start_line"], "name": g["name"]})
            for g in lz_only:
                unmatched[lang].append({"side": "lizard only", "path": path,
                                        "start_line": g["start"], "name": g["name"]})

        name = a.name or Path(a.repo.rstrip("/")).name
        print(f"## {name}\n")
        print("| language | files | lizard | repohealth | matched | exact CCN | explained: "
              "computed | explained: named | unexplained | exact + explained |")
        print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
        for lang in sorted(stats):
            s = stats[lang]
            computed = sum(1 for d in disagreements[lang] if d["explained"] == "computed")
            named = sum(1 for d in disagreements[lang] if d["explained"] == "named")
            unexplained = len(disagreements[lang]) - computed - named

            def pct(n):
                return f"{100.0 * n / s['matched']:.1f} %" if s["matched"] else "-"
            print(f"| {lang} | {s['files']} | {s['lizard']} | {s['repohealth']} | {s['matched']} "
                  f"| {s['exact']} ({pct(s['exact'])}) | {computed} | {named} | {unexplained} "
                  f"| {pct(s['exact'] + computed + named)} |")
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
