#!/usr/bin/env python3
"""A large generated git repository of real-looking code, for benchmarks (bench/compare.sh).

  bench/generate_repo.py DIR [--files 5000] [--commits 20000] [--seed 42]

Writes a repository of --files source files in seven languages (Python, JavaScript, PHP, C,
Java, Go, Bash), each 3-40 functions with branches, loops, nesting and calls, some files copied
from others with renamed identifiers (so clone detection has work), and a history of --commits
commits over three years by 40 people in 5 organisations, each commit editing 1-4 files (a
function rewritten or appended). Deterministic for a seed. Built with git fast-import: no
checkout is needed for the history, and the working tree is checked out at the end for peers.
"""
import argparse
import os
import random
import subprocess

LANGS = {
    "py": ("src/py/pkg{m}/mod{f}.py", "python"),
    "js": ("web/js/part{m}/comp{f}.js", "javascript"),
    "php": ("app/php/Module{m}/Service{f}.php", "php"),
    "c": ("lib/c/unit{m}/file{f}.c", "c"),
    "java": ("java/src/main/java/org/example/m{m}/Class{f}.java", "java"),
    "go": ("go/pkg{m}/file{f}.go", "go"),
    "sh": ("scripts/s{m}/task{f}.sh", "bash"),
}


def cond(r, v):
    return r.choice([f"{v} > {r.randint(0, 99)}", f"{v} == {r.randint(0, 9)}", f"{v} % 3 == 1", f"{v} < limit"])


def body_lines(r, lang, depth, budget):
    """A block of statements with nested control flow; returns lines (without indentation)."""
    out = []
    while budget > 0:
        budget -= 1
        kind = r.random()
        v = r.choice(["count", "total", "index", "value"])
        if kind < 0.25 and depth < 4:
            inner = body_lines(r, lang, depth + 1, r.randint(1, 3))
            out.append(("if", cond(r, v), inner))
        elif kind < 0.4 and depth < 4:
            inner = body_lines(r, lang, depth + 1, r.randint(1, 3))
            out.append(("loop", v, inner))
        else:
            out.append(("stmt", v, expression(r, 0)))
    return out


VARS = ["count", "total", "index", "value", "limit"]
OPS = ["+", "-", "*", "/", "%", "<<", ">>", "&", "|", "^"]


def expression(r, depth):
    """An arithmetic expression of varied shape: variables are marked '@', calls 'call(' (so
    each language renders them its own way); real code's variety of shapes, so that clone
    detection finds the renamed copies, not every statement."""
    kind = r.random()
    if depth < 2 and kind < 0.3:
        return "(" + expression(r, depth + 1) + " " + r.choice(OPS) + " " + expression(r, depth + 1) + ")"
    if depth < 2 and kind < 0.45:
        args = ", ".join(expression(r, depth + 1) for _ in range(r.randint(1, 3)))
        return f"call{r.randint(0, 9)}(" + args + ")"
    if kind < 0.75:
        return "@" + r.choice(VARS)
    return str(r.randint(0, 999))


def render_expression(lang, text, name_of):
    import re
    if lang == "sh":  # no calls inside $(( )): a call becomes its first argument's sum
        text = re.sub(r"call\d\(", "(", text).replace(", ", " + ")
        return text.replace("@", "")
    if lang == "php":
        text = re.sub(r"call(\d)\(", lambda m: "$this->" + name_of("helper") + m.group(1) + "(", text)
        return text.replace("@", "$")
    return re.sub(r"call(\d)\(", lambda m: name_of("helper") + m.group(1) + "(", text).replace("@", "")


def block_end(lang, shell_word, pad, body):
    """A block's body and its closing line: none in Python, `fi`/`done` in Bash, `}` elsewhere."""
    if lang == "py":
        return body
    return body + [pad + (shell_word if lang == "sh" else "}")]


def render(lang, block, indent, name_of):
    pad = {"py": "    ", "sh": "  "}.get(lang, "    ") * indent
    lines = []
    for item in block:
        if item[0] == "stmt":
            _, v, e = item
            e = render_expression(lang, e, name_of)
            if lang == "py" or lang == "go":
                lines.append(f"{pad}{v} = {e}")
            elif lang == "sh":
                lines.append(f"{pad}{v}=$(( {e} ))")
            elif lang == "php":
                lines.append(f"{pad}${v} = {e};")
            else:
                lines.append(f"{pad}{v} = {e};")
        elif item[0] == "if":
            _, c, inner = item
            if lang == "py":
                lines.append(f"{pad}if {c}:")
            elif lang == "sh":
                c = c.replace(" > ", " -gt ").replace(" == ", " -eq ").replace(" < ", " -lt ").replace(" % 3", "")
                lines.append(f"{pad}if [ \"${c.split()[0]}\" {' '.join(c.split()[1:])} ]; then")
            else:
                if lang == "php":
                    c = "$" + c.replace("limit", "$limit")
                lines.append(f"{pad}if ({c}) {{" if lang != "go" else f"{pad}if {c} {{")
            lines += block_end(lang, "fi", pad, render(lang, inner, indent + 1, name_of))
        else:
            _, v, inner = item
            if lang == "py":
                lines.append(f"{pad}for {v} in range(limit):")
            elif lang == "sh":
                lines.append(f"{pad}for {v} in $(seq 1 \"$limit\"); do")
            elif lang == "php":
                lines.append(f"{pad}foreach ($items as ${v}) {{")
            elif lang == "go":
                lines.append(f"{pad}for {v} = 0; {v} < limit; {v}++ {{")
            else:
                lines.append(f"{pad}for ({v} = 0; {v} < limit; {v}++) {{")
            lines += block_end(lang, "done", pad, render(lang, inner, indent + 1, name_of))
    return lines


def function(r, lang, name, salt):
    block = body_lines(r, lang, 1, r.randint(2, 9))
    name_of = lambda base: f"{base}_{salt}"
    inner = render(lang, block, 1 if lang in ("py", "sh") else 2, name_of)
    if lang == "py":
        return [f"def {name}(count, total, index, value, limit=10):", '    """Generated."""'] + inner + \
            ["    return count + total", ""]
    if lang == "sh":
        return [f"{name}() {{", "  local count=0 total=0 index=0 value=0 limit=$1"] + inner + ["  echo \"$count\"", "}", ""]
    if lang == "js":
        return [f"export function {name}(count, total, index, value, limit) {{"] + \
            [l[2:] for l in inner] + ["  return count + total;", "}", ""]
    if lang == "php":
        return [f"    public function {name}(int $count, int $total, array $items, int $limit): int", "    {",
                "        $index = 0; $value = 0;"] + inner + ["        return $count + $total;", "    }", ""]
    if lang == "c":
        return [f"int {name}(int count, int total, int index, int value, int limit)", "{"] + \
            [l[4:] for l in inner] + ["    return count + total;", "}", ""]
    if lang == "java":
        return [f"    public int {name}(int count, int total, int index, int value, int limit) {{"] + inner + \
            ["        return count + total;", "    }", ""]
    return [f"func {name}(count, total, index, value, limit int) int {{"] + [l[4:] for l in inner] + \
        ["\treturn count + total", "}", ""]


def wrap(lang, f, functions):
    if lang == "php":
        return ["<?php", "", f"namespace App\\Module;", "", f"final class Service{f}", "{"] + functions + ["}", ""]
    if lang == "java":
        return ["package org.example;", "", f"public class Class{f} {{"] + functions + ["}", ""]
    if lang == "go":
        return ["package gen", ""] + functions
    if lang == "sh":
        return ["#!/usr/bin/env bash", "set -euo pipefail", ""] + functions
    if lang == "c":
        return ["#include <stdio.h>", ""] + functions
    return functions


def make_file(r, lang, f, version):
    # Every tenth file is a renamed copy of the file seven before it (same language, same shape).
    shape = f - 7 if f % 10 == 9 and f >= 7 else f
    rr = random.Random(shape * 7919 + version)
    n = rr.randint(3, 40)
    salt = f"{f}_{version % 3}"
    return "\n".join(wrap(lang, f, sum((function(rr, lang, f"work{f}_{k}", salt) for k in range(n)), []))) + "\n"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("dir")
    ap.add_argument("--files", type=int, default=5000)
    ap.add_argument("--commits", type=int, default=20000)
    ap.add_argument("--seed", type=int, default=42)
    args = ap.parse_args()
    r = random.Random(args.seed)
    langs = list(LANGS)
    files = []
    for f in range(args.files):
        lang = langs[f % len(langs)]
        files.append((LANGS[lang][0].format(m=f % 60, f=f), lang))
    version = [0] * args.files
    subprocess.run(["git", "init", "-q", args.dir], check=True)
    fi = subprocess.Popen(["git", "-C", args.dir, "fast-import", "--quiet"], stdin=subprocess.PIPE)
    w = fi.stdin.write
    domains = ["kommune.dk", "vendor.example", "region.dk", "gmail.com", "consult.example"]
    t = 1640995200  # 2022-01-01
    step = 3 * 365 * 86400 // max(1, args.commits)
    created = 0
    for c in range(args.commits):
        a = r.randrange(40)
        t += step
        who = f"Person {a} <p{a}@{domains[a % 5]}> {t} +0000\n".encode()
        msg = (f"fix: change {c} (#{c})" if c % 4 == 0 else f"change {c}").encode()
        w(b"commit refs/heads/main\nauthor " + who + b"committer " + who + b"data %d\n" % len(msg) + msg + b"\n")
        if created < args.files:
            chosen = list(range(created, min(args.files, created + 100)))
            created += len(chosen)
        else:
            chosen = [r.randrange(args.files) for _ in range(r.randint(1, 4))]
        for f in chosen:
            version[f] += 1
            data = make_file(r, files[f][1], f, version[f]).encode()
            w(b"M 100644 inline " + files[f][0].encode() + b"\ndata %d\n" % len(data) + data + b"\n")
    fi.stdin.close()
    if fi.wait() != 0:
        raise SystemExit("git fast-import failed")
    subprocess.run(["git", "-C", args.dir, "reset", "-q", "--hard", "main"], check=True)


if __name__ == "__main__":
    main()
