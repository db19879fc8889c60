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
REASONS below) explains: "computed" when the differences found in the function's own text add
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

# Documented differences (docs/metrics-languages.md, "Differences from lizard"), per language:
# (regular expression over the function's source text, lizard's count minus repohealth's for
# each match, reason). A disagreement is "explained" when the deltas of the matches in the
# function's text (nested functions of its own left out) add up to lizard - repohealth.
REASONS = {
    "php": [
        # `?int $x`, `): ?Foo`, `public ?Bar $y`: lizard's reader counts every `?` token.
        (r"(?:[(,]\s*|\)\s*:\s*|\b(?:public|protected|private|readonly|var|static)\s+)"
         r"\?\s*\\?[A-Za-z_]", 1, "nullable type ?Type is no decision (lizard: its ? counts)",
         {"code_only": True}),
        (r"\b(?:and|or)\b", -1, "and/or count like &&/|| (lizard: no decision)",
         {"code_only": True}),
        # lizard's PHP reader knows no trait or enum body: the first method runs to its end.
        (lambda c: first_method_of_trait(c), 0,
         "lizard reads a trait's or enum's first method to the end of the trait or enum"),
    ],
    "javascript": [
        (r"\?\?", 1, "?? and ??= count once (lizard: twice)"),
        # lizard's JSX/TSX tokenizer splits `?.` into `?` `.` (its JS and TS readers do not).
        (r"\?\.(?!\d)", 1, "?. is no decision (lizard in .jsx/.tsx: its ? counts)",
         {"suffixes": (".jsx", ".tsx")}),
        # lizard reads a template literal as one string: no decision inside `${…}` counts.
        (lambda c: template_decisions(c["text"], c["path"]), -1,
         "decisions inside a template literal's ${} count (lizard: the literal is one string)"),
        # `items.filter((x) =>` with the body `x && x.ok` on the next line: lizard ends the arrow
        # function at the line break, so the body's decisions count for the enclosing function.
        (lambda c: arrow_body_on_next_line(c), 1,
         "an arrow function's body on the next line: lizard counts it for the enclosing function"),
        # `const x = (a || b) && c;`, `{(a || b) && <X />}`: lizard takes the `(` for an arrow
        # function's parameters and loses the decisions of the rest of the line.
        (lambda c: parenthesis_lost_decisions(c["text"], c["path"]), -1,
         "decisions after `= (` or `{(` on a line: lizard reads the ( as a parameter list"),
        # `promise.catch(() => …)`: lizard counts the method name `catch` as a decision.
        (r"\.\s*catch\s*\(", 1, "the method .catch() is no decision (lizard: catch counts)"),
        # `function Form({ onSave = () => {} })`: lizard's reader ends the function at the default
        # arrow function in its parameters and reports it with CCN 1 (the rest is lost).
        # lizard's JSX reader loses the nesting of some JSX (after `{cond && (` … `)}`, a boolean
        # attribute `<input autoFocus`, a fragment `<>`) and ends a component early or late:
        # see boundary_reason, for every language.
        (r"\A[^{]*?\(\s*\{[^{}]*?=\s*(?:async\s*)?\([^()]*\)\s*=>", 0,
         "an arrow function as a parameter's default: lizard ends the function there",
         {"text": "whole"}),
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
REASONS["typescript"] = REASONS["javascript"]
REASONS["tsx"] = REASONS["javascript"] + [
    # `function f(a?: number)`, `{ x?: string }`: lizard's TSX reader counts the `?` (its
    # TypeScript reader does not).
    (r"[\w\]]\?\s*:", 1, "an optional parameter or property x?: T is no decision "
     "(lizard in .tsx: its ? counts)"),
]
def body_matches(pattern):
    """A REASONS pattern matched only after the function's signature (after its first `{` or
    `=>`): lizard counts no condition in a C# parameter list or return type."""
    def count(c):
        m = re.search(r"\{|=>", c["text"])
        return len(re.findall(pattern, c["text"][m.end():])) if m else 0
    return count


REASONS["csharp"] = [
    # lizard skips a generic's `<…>` up to its first `>`: `F<int?>()` is no decision to it.
    (body_matches(r"(?:(?<=\w)\?(?![^<>\n]*(?<!=)>)|(?<=[>\]])\?)(?=[\s>,)\];=*])"), 1,
     "nullable type T? (lizard: a decision)"),
    (body_matches(r"\?(?=\.(?!\d)|\[)"), 1, "?. and ?[ (lizard: a decision)"),
    (r"\bforeach\b", -1, "foreach counts (lizard: no decision)"),
    (r"\bswitch\s*\{", 0, "switch expression: each arm counts (lizard: none)"),
    (r"\)\s*:\s*(?:base|this)\s*\([^)]*\)\s*=>", 0,
     "an expression-bodied constructor with an initialiser: lizard runs on to the next member"),
]
REASONS["rust"] = [
    (r"\bwhere\b", 1, "where clause (lizard: a decision)"),
    (r"\?\s*Sized\b", 1, "the relaxed bound ?Sized (lizard: its ? is a decision)"),
    (r"(?:^|[(,={;]|=>|\bmove|\breturn)\s*\|\|", 1, "closure without parameters || (lizard: a decision)"),
]
def blank_string(text, i, one_line):
    """The quoted string starting at TEXT[i] with its content blanked (line breaks kept), and
    the index after it. ONE_LINE: it ends at the line's end too (Ruby's reading here)."""
    c, n, j = text[i], len(text), i + 1
    while j < n and text[j] != c and not (one_line and text[j] == "\n"):
        j += 2 if text[j] == "\\" else 1
    j = min(j + 1, n)
    return c + re.sub(r"[^\n]", " ", text[i + 1:j - 1]) + c, j


def ruby_code(text):
    """Ruby TEXT with quoted strings and `#` comments blanked out (a character literal `?"` kept
    as it is): for patterns that must not match prose."""
    out, i, n = [], 0, len(text)
    while i < n:
        c = text[i]
        if c == "?" and i + 1 < n and not (i and (text[i - 1].isalnum() or text[i - 1] in "_)]}?")):
            out.append(text[i:i + 2])
            i += 2
        elif c == "#":
            j = text.find("\n", i)
            j = n if j < 0 else j
            out.append(" " * (j - i))
            i = j
        elif c in "'\"":
            blanked, i = blank_string(text, i, one_line=True)
            out.append(blanked)
        else:
            out.append(c)
            i += 1
    return "".join(out)


def in_ruby_code(pattern):
    return lambda c: len(re.findall(pattern, ruby_code(c["text"])))


REASONS["ruby"] = [
    (in_ruby_code(r"\bunless\b"), -1, "unless counts (lizard: no decision)"),
    (r"(?m)\bit\b[^\n]*\b(?:do|\{)[ \t]*(?:\|[^|\n]*\|)?[ \t]*$", 0,
     "an RSpec it block: lizard's function of its own (named by its description)"),
    (r"(?<![\w)\]}?])\?(?:\\.|[^\s\\])(?![\w?])", 1, "character literal ?a (lizard: a decision)"),
    (in_ruby_code(r"\.\s*for\b"), 1, "a method named for (lizard: the loop keyword)"),
    # `%r{"}`: lizard's tokenizer reads a string from the quote on.
    (r"%r\{[^}\n]*[\"']", 0, "a %r{…} literal with a quote in it: lizard reads a string from there"),
    (r"(?<![\w)\]}?])\?[\"']", 0, "a character literal ?\" or ?': lizard reads a string from there"),
]
REASONS["java"] = [
    (r"\?\s+(?:extends|super)\s+[\w.]+\s*<\s*\?", 1,
     "a wildcard bounded by a generic with a wildcard (lizard: one ? counts)"),
]
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


# Where a function starts on its first line, when another function's code may be before it
# (`p.catch(() => {`, `const f = function (`): an arrow's parameters or the keyword `function`.
FUNCTION_START = re.compile(r"(?:\basync\s*)?(?:\([^()]*\)|[A-Za-z_$][\w$]*)\s*=>|\bfunction\b")


def split_first_line(line):
    """(text before the function on its first line, the function's part of the line)."""
    m = FUNCTION_START.search(line)
    return (line[:m.start()], line[m.start():]) if m else ("", line)


def split_last_line(line):
    """(a block-bodied function's part of its last line, the text after it): `}) ?? [];`."""
    stripped = line.lstrip()
    if not stripped.startswith("}"):
        return line, ""
    cut = len(line) - len(stripped) + 1
    return line[:cut], line[cut:]


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


def template_decisions(text, path):
    """What repohealth counts inside the `${…}` of JavaScript template literals in TEXT and lizard
    does not (it reads the literal as one string), in units of one: `?` `&&` `||` once, and `??`
    and, in .jsx/.tsx, `?.` as the other REASONS count them outside templates (+1 each) too."""
    jsx = path.endswith((".jsx", ".tsx"))
    n, i, stack = 0, 0, []  # stack: "`" inside a template's text, "{" inside code braces
    while i < len(text):
        c, two = text[i], text[i:i + 2]
        in_code = not stack or stack[-1] == "{"
        if not in_code:
            if c == "\\":
                i += 2
                continue
            if two == "${":
                stack.append("{")
                i += 2
                continue
            if c == "`":
                stack.pop()
        else:
            if c == "`":
                stack.append("`")
            elif c == "{" and stack:
                stack.append("{")
            elif c == "}" and stack:
                stack.pop()
            elif c in "\"'":
                j = text.find(c, i + 1)
                i = j + 1 if j > 0 else len(text)
                continue
            elif stack and "`" in stack:
                if two == "??":
                    n += 2
                    i += 2
                    continue
                if two in ("&&", "||"):
                    n += 1
                    i += 2
                    continue
                if two == "?." and not text[i + 2:i + 3].isdigit():
                    n += 1 if jsx else 0
                    i += 2
                    continue
                if c == "?":
                    n += 1
        i += 1
    return n


def js_decisions(code, jsx):
    """lizard's count of the decisions in CODE that repohealth counts as operators: `&&` `||` and
    a ternary `?` once, `??` twice, and in .jsx/.tsx the `?` of `?.`; none inside template
    literals."""
    n = len(re.findall(r"&&|\|\|", code)) + 2 * len(re.findall(r"\?\?", code))
    n += len(re.findall(r"(?<!\?)\?(?![.?])", code))
    if jsx:
        n += len(re.findall(r"\?\.(?!\d)", code))
    return n - template_decisions(code, ".jsx" if jsx else ".js")


def arrow_body_on_next_line(c):
    """For a function whose own first line ends with `=>` (its body on the next lines): minus
    lizard's count of the body's decisions; for an enclosing function: plus the sum over the
    functions directly nested in it."""
    lines, f, functions = c["lines"], c["function"], c["functions"]
    if lines is None:
        return 0
    jsx = c["path"].endswith((".jsx", ".tsx"))

    def body(g):
        first = split_first_line(lines[g["start_line"] - 1])[1]
        if g["end_line"] == g["start_line"] or not re.search(r"=>\s*$", first):
            return 0
        inner = [h for h in functions if h is not g and g["start_line"] < h["start_line"]
                 and h["end_line"] <= g["end_line"]]
        skip = {n for h in inner for n in range(h["start_line"], h["end_line"] + 1)}
        code = "\n".join(lines[n - 1] for n in range(g["start_line"] + 1, g["end_line"] + 1)
                         if n not in skip)
        return js_decisions(code, jsx)

    nested = [g for g in functions if g is not f and f["start_line"] < g["start_line"]
              and g["end_line"] <= f["end_line"]]
    direct = [g for g in nested if not any(h is not g and h["start_line"] < g["start_line"]
                                           and g["end_line"] <= h["end_line"] for h in nested)]
    return sum(body(g) for g in direct) - body(f)


def parenthesis_lost_decisions(text, path):
    """lizard's count of the decisions after `= (` or `{(` (not an arrow function's parameters)
    to the end of the line."""
    jsx = path.endswith((".jsx", ".tsx"))
    n = 0
    for m in re.finditer(r"(?:[^=!<>]=|\{)\s*\((?![^()\n]*\)\s*=>)([^\n]*)", text):
        n += js_decisions(m.group(1), jsx)
    return n


def code_only(text):
    """TEXT with the contents of comments (`//`, `#` but PHP's `#[`, `/* */`) and of quoted
    strings blanked out (line breaks kept): for patterns that must not match prose."""
    out, i, n = [], 0, len(text)
    while i < n:
        c, two = text[i], text[i:i + 2]
        if two == "/*":
            j = text.find("*/", i + 2)
            j = n if j < 0 else j + 2
            out.append(re.sub(r"[^\n]", " ", text[i:j]))
            i = j
        elif two == "//" or (c == "#" and two != "#["):
            j = text.find("\n", i)
            j = n if j < 0 else j
            out.append(" " * (j - i))
            i = j
        elif c in "'\"":
            blanked, i = blank_string(text, i, one_line=False)
            out.append(blanked)
        else:
            out.append(c)
            i += 1
    return "".join(out)


def first_method_of_trait(c):
    """1 when lizard's function runs past repohealth's and a `trait` or `enum` is declared
    before it in the file."""
    lz, f, lines = c.get("lizard"), c["function"], c["lines"]
    if not lz or lines is None or lz["end"] <= f["end_line"]:
        return 0
    before = "\n".join(lines[:f["start_line"]])
    return 1 if re.search(r"(?m)^\s*(?:(?:final|abstract)\s+)*(?:trait|enum)\s+\w+", before) else 0


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
