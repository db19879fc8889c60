"""The documented differences between repohealth's and lizard 1.24.0's cyclomatic complexity
(docs/metrics-languages.md, "Differences from lizard"), for bench/lizard_agreement.py.

REASONS maps a repohealth language to entries (pattern, delta, reason[, options]): the pattern
is a regular expression over a function's own text or a function of a context dict
({text, path, lines, function, functions, lizard}) giving a count; delta is lizard's count
minus repohealth's per occurrence (0: named, its size not computed); options: `suffixes` (only
files ending so), `text: "whole"` (all the function's lines), `code_only` (comments and strings
blanked out first).
"""
import re

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
def blank_to_line_end(text, i):
    """A line comment starting at TEXT[i] blanked, and the index of the line break after it."""
    j = text.find("\n", i)
    j = len(text) if j < 0 else j
    return " " * (j - i), j


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
            blanked, i = blank_to_line_end(text, i)
            out.append(blanked)
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
            blanked, i = blank_to_line_end(text, i)
            out.append(blanked)
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
