#!/usr/bin/env python3
"""repohealth against its peers on the same tree, in one run (called by bench/compare.sh).

Each available peer (lizard one thread and -t2, cloc, pmccabe, radon, jscpd, git log --numstat)
runs on the same tree as repohealth; the commands run alternately, round after round, so that
a slow spell of the machine hits all of them alike, and the median of the rounds is kept. Wall
time, CPU time (user + system, children included) and peak resident memory come from wait4().

repohealth runs four ways: without history (the peers' job: parse and measure) and with
history (the job `git log --numstat` is a part of), each cold (an empty cache) and warm (the
cache of a previous scan of the same tree). A peer is compared with the repohealth run of its
own kind: the ratio is repohealth's time / the peer's (below 1: repohealth is faster).
"""
import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time


class Command:
    def __init__(self, name, argv, kind, cwd=None, before=None, note="", base=None):
        self.name = name
        self.argv = argv
        self.kind = kind  # "code" (no history) or "history"; "" for repohealth's own rows
        self.cwd = cwd
        self.before = before  # called before each run (e.g. empty the cold cache)
        self.note = note
        self.base = base  # the repohealth run this one is compared with (default: by kind)
        self.samples = []  # (wall, cpu, peak_kb, exit code)

    def run(self):
        if self.before:
            self.before()
        start = time.perf_counter()
        with open(os.devnull, "wb") as null:
            proc = subprocess.Popen(self.argv, cwd=self.cwd, stdout=null, stderr=null, stdin=subprocess.DEVNULL)
            _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        self.samples.append((wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss, proc.returncode))

    def median(self, index):
        return statistics.median(s[index] for s in self.samples)

    def failed(self):
        return any(s[3] not in (0, 1) for s in self.samples)  # lizard/cloc exit 1 on warnings


def have(tool):
    return shutil.which(tool) is not None


def files_with(tree, suffixes, limit=None):
    out = []
    for folder, dirs, names in os.walk(tree):
        dirs[:] = [d for d in dirs if d != ".git"]
        for n in names:
            if n.endswith(suffixes):
                out.append(os.path.join(folder, n))
                if limit and len(out) >= limit:
                    return out
    return out


def export_tree(repo, into):
    """A checkout of HEAD for the peers (which read files, not git objects)."""
    archive = subprocess.run(["git", "-C", repo, "archive", "--format=tar", "HEAD"], check=True,
                             stdout=subprocess.PIPE).stdout
    subprocess.run(["tar", "-x", "-C", into], input=archive, check=True)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("repo", help="a git repository (bare or not) or a folder")
    ap.add_argument("--binary", required=True, help="the repohealth binary")
    ap.add_argument("--lizard", help="lizard's source checkout (runs python3 PATH/lizard.py)")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--no-warm", action="store_true", help="cold scans only")
    args = ap.parse_args()

    repo = os.path.abspath(args.repo)
    is_git = subprocess.run(["git", "-C", repo, "rev-parse", "--verify", "-q", "HEAD"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode == 0
    work = tempfile.mkdtemp(prefix="rh-compare-")
    try:
        tree = repo
        if is_git:
            tree = os.path.join(work, "tree")
            os.mkdir(tree)
            export_tree(repo, tree)
        out = os.path.join(work, "out")
        cold = os.path.join(work, "cache-cold")
        warm = os.path.join(work, "cache-warm")

        def empty_cold():
            shutil.rmtree(cold, ignore_errors=True)

        rh = [args.binary, "scan", "--format", "json", "--out", out, "--quiet"]
        commands = [Command("repohealth, no history, cold", rh + [tree, "--no-history", "--cache", cold],
                            "", before=empty_cold)]
        if not args.no_warm:
            commands.append(Command("repohealth, no history, warm", rh + [tree, "--no-history", "--cache", warm], ""))
            # Only in the exported copy: a folder given by the user is never written to.
            changed = is_git and next(iter(files_with(tree, (".py", ".c", ".js", ".php", ".java", ".go", ".rb", ".rs", ".cs", ".ts", ".sh"), limit=1)), None)
            if changed:
                def touch_one(path=changed):
                    with open(path, "a") as f:
                        f.write("\n")
                commands.append(Command("repohealth, no history, one file changed", rh + [tree, "--no-history", "--cache", warm], "",
                                        before=touch_one, note=os.path.relpath(changed, tree) + " grows a line before each run"))
        if is_git:
            commands.append(Command("repohealth, with history, cold", rh + [repo, "--cache", cold], "",
                                    before=empty_cold))
            if not args.no_warm:
                commands.append(Command("repohealth, with history, warm", rh + [repo, "--cache", warm], ""))

        if args.lizard:
            lizard = os.path.join(os.path.abspath(args.lizard), "lizard.py")
            commands.append(Command("lizard", ["python3", lizard, tree], "code"))
            commands.append(Command("lizard -t2", ["python3", lizard, "-t2", tree], "code"))
        if have("cloc"):
            commands.append(Command("cloc", ["cloc", "--quiet", tree], "code"))
        # Peers of one language run on a copy holding only that language's files, beside a
        # repohealth run on the same copy, so that the ratio compares like with like.
        def subset(name, suffixes):
            found = files_with(tree, suffixes)
            if not found:
                return None, 0
            sub = os.path.join(work, name)
            for f in found:
                dest = os.path.join(sub, os.path.relpath(f, tree))
                os.makedirs(os.path.dirname(dest), exist_ok=True)
                shutil.copyfile(f, dest)
            return sub, len(found)

        for tool, label, suffixes, argv in (
                ("pmccabe", "C/C++", (".c", ".h", ".cc", ".cpp", ".hpp"), lambda sub: ["pmccabe"] + files_with(sub, (".c", ".h", ".cc", ".cpp", ".hpp"))),
                ("radon", "Python", (".py",), lambda sub: ["radon", "cc", "-s", sub])):
            if not have(tool):
                continue
            sub, n = subset(tool + "-tree", suffixes)
            if not sub:
                continue
            own = Command(f"repohealth, no history, {label} files only", rh + [sub, "--no-history", "--cache", cold],
                          "", before=empty_cold, note=f"{n} files")
            commands.append(own)
            name = "radon cc" if tool == "radon" else tool
            commands.append(Command(name, argv(sub), "code", note=f"{n} {label} files", base=own))
        if have("jscpd"):
            commands.append(Command("jscpd", ["jscpd", "--silent", "--reporters", "console", tree], "code",
                                    note="duplication only"))
        if is_git:
            commands.append(Command("git log --numstat", ["git", "-C", repo, "log", "--numstat", "--format=%H%n%an%n%ae%n%at"],
                                    "history"))
            commands.append(Command("git log --name-status", ["git", "-C", repo, "log", "--name-status", "--format=%H"],
                                    "history"))

        # Warm caches are filled once before the rounds.
        for c in commands:
            if c.name.endswith(", warm"):
                c.run()
                c.samples.clear()
        for r in range(args.runs):
            for c in commands:
                print(f"  round {r + 1}/{args.runs}: {c.name}", file=sys.stderr)
                c.run()

        base = {"code": commands[0], "history": next((c for c in commands if c.name.startswith("repohealth, with history, cold")), None)}
        files = sum(len(n) for _, _, n in os.walk(tree))
        print(f"Tree: {args.repo} ({files} files{', git' if is_git else ''}); median of {args.runs} alternating runs")
        print()
        print("| tool | wall s | CPU s | peak MB | repohealth ÷ tool (wall) | compared with | note |")
        print("| --- | ---: | ---: | ---: | ---: | --- | --- |")
        for c in commands:
            wall, cpu, peak = c.median(0), c.median(1), c.median(2) / 1024
            ratio, against = "", ""
            b = c.base or base.get(c.kind)
            if b is not None:
                ratio = f"{b.median(0) / wall:.2f}" if wall > 0 else "-"
                against = b.name
            note = c.note + (" (failed: non-zero exit)" if c.failed() else "")
            print(f"| {c.name} | {wall:.2f} | {cpu:.2f} | {peak:.0f} | {ratio} | {against} | {note} |")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
