#include "health/workflow_safety.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <optional>
#include <utility>

#include "core/text.h"

namespace rh {
namespace {

/// Triggers that run with the base repository's secrets and a write token while the code or
/// data they act on may come from a fork.
constexpr std::string_view kPrivilegedTriggers[] = {"pull_request_target", "workflow_run"};

/// Context references (normalised, see `references`) that name the untrusted head of a pull
/// request or of the run that triggered a workflow_run; matched as prefixes.
constexpr std::string_view kUntrustedRefs[] = {
    "github.event.pull_request.head.", "github.event.pull_request.merge_commit_sha",
    "github.event.pull_request.number", "github.event.number",
    "github.head_ref",                  "github.event.workflow_run.head_",
    "github.event.workflow_run.pull_requests"};

/// Contexts an outsider can write, after GitHub's security hardening guide ("Understanding the
/// risk of script injections") and GitHub Security Lab's "untrusted input" list, with what they
/// are. References are normalised (`[0]` and `[*]` -> `.*`); a `*` segment matches any one
/// segment. Everything else (SHAs, numbers, ids, the repository's own name, github.actor...) is
/// set by GitHub or by people with write access and is not reported.
constexpr std::pair<std::string_view, std::string_view> kAttackerContexts[] = {
    {"github.event.issue.title", "an issue title"},
    {"github.event.issue.body", "an issue body"},
    {"github.event.pull_request.title", "a pull request title"},
    {"github.event.pull_request.body", "a pull request body"},
    {"github.event.comment.body", "a comment"},
    {"github.event.review.body", "a review"},
    {"github.event.review_comment.body", "a review comment"},
    {"github.event.discussion.title", "a discussion title"},
    {"github.event.discussion.body", "a discussion body"},
    {"github.event.pages.*.page_name", "a wiki page name"},
    {"github.event.commits.*.message", "a commit message"},
    {"github.event.commits.*.author.email", "an author email"},
    {"github.event.commits.*.author.name", "an author name"},
    {"github.event.head_commit.message", "a commit message"},
    {"github.event.head_commit.author.email", "an author email"},
    {"github.event.head_commit.author.name", "an author name"},
    {"github.event.pull_request.head.ref", "a branch name"},
    {"github.event.pull_request.head.label", "a branch label"},
    {"github.event.pull_request.head.repo.default_branch", "a branch name"},
    {"github.event.workflow_run.head_branch", "a branch name"},
    {"github.event.workflow_run.display_title", "a run title (a commit message or pull request title)"},
    {"github.event.workflow_run.head_commit.message", "a commit message"},
    {"github.event.workflow_run.head_commit.author.email", "an author email"},
    {"github.event.workflow_run.head_commit.author.name", "an author name"},
    {"github.event.workflow_run.pull_requests.*.head.ref", "a branch name"},
    {"github.head_ref", "a branch name"},
};

/// Whether normalised reference `ref` is the attacker-controlled `context`, or an object that
/// holds it (`toJSON(github.event.issue)` expands the title too). Segment-wise, `*` matching one.
bool reaches_context(std::string_view ref, std::string_view context) {
  while (!ref.empty()) {
    if (context.empty()) return false;  // ref is below the context: a field of a string, unusual
    const size_t rd = ref.find('.'), cd = context.find('.');
    const std::string_view r = ref.substr(0, rd), c = context.substr(0, cd);
    if (r != c && r != "*" && c != "*") return false;
    ref = rd == std::string_view::npos ? std::string_view() : ref.substr(rd + 1);
    context = cd == std::string_view::npos ? std::string_view() : context.substr(cd + 1);
  }
  return true;
}

/// What an attacker-controlled reference is ("an issue title"), or empty when it is not one.
std::string_view attacker_context(std::string_view ref) {
  if (ref == "github" || ref == "github.event") return "the event payload";  // toJSON(github.event)
  if (!ref.starts_with("github.event.") && ref != "github.head_ref") return {};
  for (const auto& [context, what] : kAttackerContexts)
    if (reaches_context(ref, context)) return what;
  return {};
}

/// Shell commands that write their arguments to the job log.
constexpr std::string_view kPrintCommands[] = {"echo", "printf", "write-host", "write-output"};

using Issues = std::vector<WorkflowIssue>;

/// An issue with its message (rules/health/messages/workflows.yml) and the English text.
void push(Issues& out, std::string kind, int64_t line, Message m) {
  std::string text = english(m);
  out.push_back({std::move(kind), line, std::move(text), std::move(m)});
}
using Env = std::map<std::string, std::string>;  ///< env: name -> value as written

bool is_hex(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return std::isxdigit(static_cast<unsigned char>(c)); });
}

bool is_ident(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-'; }

/// Position of `word` in `s` (both lower case) as a whole shell word, or npos.
size_t find_word(std::string_view s, std::string_view word, size_t from = 0) {
  for (size_t p = s.find(word, from); p != std::string_view::npos; p = s.find(word, p + 1)) {
    bool left = p == 0 || !(is_ident(s[p - 1]) || s[p - 1] == '.' || s[p - 1] == '/');
    bool right = p + word.size() == s.size() || !is_ident(s[p + word.size()]);
    if (left && right) return p;
  }
  return std::string_view::npos;
}

/// A map entry by key, or an undefined node; never throws on scalars or sequences.
YAML::Node get(const YAML::Node& map, std::string_view key) {
  if (map.IsMap())
    for (const auto& kv : map)
      if (kv.first.IsScalar() && kv.first.Scalar() == key) return kv.second;
  return YAML::Node(YAML::NodeType::Undefined);
}

std::string scalar(const YAML::Node& n) { return n.IsScalar() ? n.Scalar() : std::string(); }

/// One `${{ ... }}` in a string: where it is, its text, and the context references inside.
struct Expression {
  size_t pos = 0;
  std::string raw;                  ///< "${{ github.event.issue.title }}" as written
  std::vector<std::string> refs;    ///< normalised: lower case, ['x'] -> .x, [0] and [*] -> .*
  std::vector<std::string> shown;   ///< the same references as written
};

/// Context references in an expression body, skipping string literals.
void references(std::string_view body, Expression& e) {
  for (size_t i = 0; i < body.size();) {
    char c = body[i];
    if (c == '\'') {  // string literal; '' is an escaped quote
      size_t j = i + 1;
      while (j < body.size() && !(body[j] == '\'' && (j + 1 == body.size() || body[j + 1] != '\'')))
        j += body[j] == '\'' ? 2 : 1;
      i = j + 1;
      continue;
    }
    if (!(std::isalpha(static_cast<unsigned char>(c)) || c == '_') || (i > 0 && (is_ident(body[i - 1]) || body[i - 1] == '.'))) {
      ++i;
      continue;
    }
    std::string norm;
    size_t j = i;
    while (j < body.size()) {
      if (is_ident(body[j]) || body[j] == '.' || body[j] == '*') {
        norm += static_cast<char>(std::tolower(static_cast<unsigned char>(body[j++])));
      } else if (body[j] == '[') {
        size_t close = body.find(']', j);
        if (close == std::string_view::npos) break;
        std::string_view inner = trim(body.substr(j + 1, close - j - 1));
        bool quoted = inner.size() >= 2 && (inner.front() == '\'' || inner.front() == '"');
        norm += "." + (quoted ? ascii_lower(inner.substr(1, inner.size() - 2)) : std::string("*"));
        j = close + 1;
      } else {
        break;
      }
    }
    if (norm.find('.') != std::string::npos || norm == "secrets") {
      e.refs.push_back(norm);
      e.shown.emplace_back(body.substr(i, j - i));
    }
    i = j;
  }
}

std::vector<Expression> expressions(std::string_view s) {
  std::vector<Expression> out;
  for (size_t p = s.find("${{"); p != std::string_view::npos; p = s.find("${{", p + 3)) {
    size_t end = s.find("}}", p + 3);
    if (end == std::string_view::npos) break;
    Expression e;
    e.pos = p;
    e.raw = std::string(s.substr(p, end + 2 - p));
    references(s.substr(p + 3, end - p - 3), e);
    out.push_back(std::move(e));
  }
  return out;
}

bool is_untrusted_ref(const std::string& ref) {
  for (std::string_view u : kUntrustedRefs)
    if (ref.starts_with(u)) return true;
  return false;
}

bool is_secret_ref(const std::string& ref) {
  return ref == "secrets" || ref.starts_with("secrets.") || ref == "github.token";
}

/// Names of shell variables used in `line`: $NAME, ${NAME...}, $env:NAME (PowerShell).
std::vector<std::string> shell_vars(std::string_view line) {
  std::vector<std::string> out;
  for (size_t p = line.find('$'); p != std::string_view::npos; p = line.find('$', p + 1)) {
    size_t b = p + 1;
    if (b < line.size() && line[b] == '{') ++b;
    if (ascii_lower(line.substr(b, 4)) == "env:") b += 4;
    size_t e = b;
    while (e < line.size() && (std::isalnum(static_cast<unsigned char>(line[e])) || line[e] == '_')) ++e;
    if (e > b) out.emplace_back(line.substr(b, e - b));
  }
  return out;
}

/// What in `text` names an untrusted head (or a secret, with `secret`): an expression, an env
/// variable holding one (via ${{ env.X }}, or $X when `shell`), or a refs/pull/ ref.
std::optional<std::string> find_tainted(std::string_view text, const Env& env, bool shell, bool secret) {
  auto tainted = [&](const std::string& ref) { return secret ? is_secret_ref(ref) : is_untrusted_ref(ref); };
  auto env_value = [&](const std::string& name) -> std::optional<std::string> {
    auto it = env.find(name);
    if (it == env.end()) return std::nullopt;
    for (const Expression& e : expressions(it->second))
      for (size_t i = 0; i < e.refs.size(); ++i)
        if (tainted(e.refs[i])) return e.shown[i];
    if (!secret && ascii_lower(it->second).find("refs/pull/") != std::string::npos) return it->second;
    return std::nullopt;
  };
  for (const Expression& e : expressions(text))
    for (size_t i = 0; i < e.refs.size(); ++i) {
      if (tainted(e.refs[i])) return e.shown[i];
      if (e.refs[i].starts_with("env."))
        if (auto v = env_value(e.shown[i].substr(4))) return e.shown[i] + " = " + *v;
    }
  if (shell)
    for (const std::string& var : shell_vars(text))
      if (auto v = env_value(var)) return "$" + var + " = " + *v;
  if (!secret && ascii_lower(text).find("refs/pull/") != std::string::npos) return std::string(trim(text));
  return std::nullopt;
}

/// `s` with every ${{ ... }} overwritten by 'x', so shell operators inside expressions are not
/// taken for the script's own.
std::string mask_expressions(std::string_view s) {
  std::string out(s);
  for (const Expression& e : expressions(s)) std::fill_n(out.begin() + e.pos, e.raw.size(), 'x');
  return out;
}

/// True when a command starting at `from` in a masked, lower-case line writes into a pipe or a
/// file rather than the log (`>&2` still reaches the log).
bool output_diverted(std::string_view masked, size_t from) {
  for (size_t i = from; i < masked.size(); ++i) {
    char c = masked[i];
    if (c == ';' || (c == '&' && i + 1 < masked.size() && masked[i + 1] == '&')) return false;
    if (c == '|') return i + 1 >= masked.size() || masked[i + 1] != '|';
    if (c == '>') {
      size_t j = masked.find_first_not_of("> ", i);
      return j == std::string_view::npos || masked[j] != '&';
    }
  }
  return false;
}

std::string clip(std::string_view s, size_t n = 80) {
  s = trim(s);
  return s.size() <= n ? std::string(s) : std::string(s.substr(0, n - 3)) + "...";
}

/// The workflow text by line, to place findings inside multi-line scalars.
struct Source {
  std::string_view text;
  std::vector<std::string_view> lines;

  explicit Source(std::string_view t) : text(t) {
    for (size_t start = 0; start <= t.size();) {
      size_t nl = t.find('\n', start);
      if (nl == std::string_view::npos) nl = t.size();
      lines.push_back(t.substr(start, nl - start));
      start = nl + 1;
    }
  }

  /// The scalar's style character at its mark ('|', '>', '"', '\'' or the first plain one),
  /// skipping an anchor or tag in front of it.
  char style(const YAML::Mark& m) const {
    size_t p = static_cast<size_t>(std::max(0, m.pos));
    while (p < text.size() && (text[p] == '&' || text[p] == '!')) {
      p = text.find_first_of(" \t\n", p);
      p = p == std::string_view::npos ? text.size() : text.find_first_not_of(" \t", p);
      if (p == std::string_view::npos) p = text.size();
    }
    return p < text.size() ? text[p] : ' ';
  }

  /// 1-based file line of line `index` of the scalar's value. yaml-cpp marks a block scalar at
  /// its indicator; a literal block (`|`) keeps lines one to one from the next line on. Other
  /// styles fold lines, so there `needle` is searched from the earliest line it can be on.
  int64_t line_of(const YAML::Node& node, size_t index, std::string_view needle) const {
    const YAML::Mark m = node.Mark();
    if (m.line < 0) return 1;
    char st = style(m);
    size_t first = static_cast<size_t>(m.line) + (st == '|' || st == '>' ? 1 : 0);
    if (st == '|') return static_cast<int64_t>(first + index + 1);
    for (size_t l = first + index; l < lines.size(); ++l)
      if (lines[l].find(needle) != std::string_view::npos) return static_cast<int64_t>(l + 1);
    return m.line + 1;
  }
};

int64_t line_of(const YAML::Node& n) { return n.Mark().line >= 0 ? n.Mark().line + 1 : 1; }

/// What a step or job is, for the texts: "job 'build' step 2" or "job 'build'".
struct Context {
  const Source& src;
  std::string trigger;  ///< the privileged trigger this workflow has, empty if none
  std::string job;       ///< the job under review, empty at the top level
  int64_t step = 0;      ///< 1-based step of the job, 0 for the job itself
  Env env;              ///< workflow, job and step env merged
  Issues& out;
  /// An issue of the job (step) under review; the message's {where} names it.
  void add(std::string kind, int64_t line, std::string key, std::vector<MessageArg> args) const {
    args.push_back(text_arg("job", job));
    args.push_back(int_arg("step", step));
    args.push_back(key_arg("where", step > 0 ? "workflows.where.step" : "workflows.where.job"));
    push(out, std::move(kind), line, {std::move(key), std::move(args)});
  }
};

void merge_env(Env& env, const YAML::Node& node) {
  if (node.IsMap())
    for (const auto& kv : node) env[kv.first.Scalar()] = scalar(kv.second);
}

/// `uses:` must name a full commit SHA (actions, reusable workflows) or a sha256 digest
/// (docker:// images); local actions (./path) are part of the repository.
void check_pin(const Context& c, const YAML::Node& uses, std::string_view verb) {
  std::string u(trim(scalar(uses)));
  if (u.empty() || u.starts_with("./") || u.find("${{") != std::string::npos) return;
  std::string why;
  if (u.starts_with("docker://")) {
    size_t at = u.find("@sha256:");
    if (at != std::string::npos && u.size() - at - 8 == 64 && is_hex(std::string_view(u).substr(at + 8))) return;
    std::string_view image = std::string_view(u).substr(9);
    bool tagged = image.find(':', image.rfind('/') == std::string_view::npos ? 0 : image.rfind('/')) != std::string_view::npos;
    why = tagged ? "workflows.pin.image_tag" : "workflows.pin.image_latest";
  } else {
    size_t at = u.find('@');
    std::string ref = at == std::string::npos ? "" : u.substr(at + 1);
    const bool hex = is_hex(ref);
    if (hex && ref.size() == 40) return;
    if (ref.empty())
      why = "workflows.pin.no_ref";
    else if (hex && ref.size() >= 7)
      why = "workflows.pin.short_sha";
    else if (std::isdigit(static_cast<unsigned char>(ref[0])) ||
             (ref.size() > 1 && (ref[0] == 'v' || ref[0] == 'V') && std::isdigit(static_cast<unsigned char>(ref[1]))))
      why = "workflows.pin.tag";
    else
      why = "workflows.pin.branch";
  }
  c.add("unpinned_action", line_of(uses), "workflows.pin." + std::string(verb), {text_arg("uses", u), key_arg("why", why)});
}

/// One line of a script: where it is, its text, and its lower-cased text with expressions masked.
struct ScriptLine {
  const YAML::Node& node;
  size_t index;
  std::string_view text;
  std::string low;
};

/// An attacker-controlled context (kAttackerContexts) expanded into the script.
void check_injection(const Context& c, const ScriptLine& l, bool shell) {
  for (const Expression& e : expressions(l.text))
    for (const std::string& ref : e.refs) {
      const std::string_view what = attacker_context(ref);
      if (what.empty()) continue;
      c.add("script_injection", c.src.line_of(l.node, l.index, e.raw), "workflows.injection",
            {text_arg("expression", e.raw), key_arg("sink", shell ? "workflows.sink.run" : "workflows.sink.github_script"),
             text_arg("what", std::string(what))});
      break;
    }
}

/// A `cat <<EOF` here-document being read: its terminator, and whether its body is printed.
struct HereDocument {
  std::string end;
  bool printed = false;
};

/// Inside a here-document: a secret in a printed body is echoed. Returns false once outside.
bool in_here_document(const Context& c, const ScriptLine& l, HereDocument& doc) {
  if (doc.end.empty()) return false;
  if (trim(l.text) == doc.end)
    doc.end.clear();
  else if (doc.printed)
    if (auto s = find_tainted(l.text, c.env, true, true))
      c.add("secret_echoed", c.src.line_of(l.node, l.index, trim(l.text)), "workflows.secret.here_document",
            {text_arg("secret", *s), text_arg("line", clip(l.text))});
  return true;
}

/// A line opening a here-document (`<<`, not `<<<`) starts reading one.
void open_here_document(const ScriptLine& l, HereDocument& doc) {
  const std::string& low = l.low;
  size_t h = low.find("<<");
  if (h == std::string::npos || (h + 2 < low.size() && low[h + 2] == '<')) return;
  size_t w = low.find_first_not_of("-~ \t'\"", h + 2);
  if (w == std::string::npos) return;
  size_t e = low.find_first_of(" \t'\";|>)", w);
  doc.end = std::string(trim(l.text.substr(w, e == std::string::npos ? std::string::npos : e - w)));
  size_t cat = find_word(low, "cat");
  doc.printed = cat != std::string::npos && cat < h && !output_diverted(low, h);
}

/// echo / printf / Write-Host of a secret, output not diverted to a file or a pipe.
void check_printed(const Context& c, const ScriptLine& l) {
  for (std::string_view cmd : kPrintCommands)
    for (size_t p = find_word(l.low, cmd); p != std::string::npos; p = find_word(l.low, cmd, p + 1)) {
      if (output_diverted(l.low, p)) continue;
      size_t end = l.low.find_first_of(";&|", p);
      std::string_view rest = l.text.substr(p, end == std::string::npos ? std::string::npos : end - p);
      if (auto s = find_tainted(rest, c.env, true, true)) {
        std::string_view needle = rest.find("${{") != std::string_view::npos ? rest.substr(rest.find("${{")) : trim(l.text);
        c.add("secret_echoed", c.src.line_of(l.node, l.index, needle.substr(0, needle.find("}}"))), "workflows.secret.printed",
              {text_arg("secret", *s), text_arg("line", clip(l.text))});
        return;
      }
    }
}

/// `set -x` (or -o xtrace) in a script that uses a secret.
void check_xtrace(const Context& c, const ScriptLine& l, const std::string& script) {
  std::string_view t = trim(std::string_view(l.low));
  bool xtrace = (t.starts_with("set -") && t.size() > 5 && t.substr(5, t.find(' ', 5) - 5).find('x') != std::string_view::npos) ||
                t.starts_with("set -o xtrace");
  if (!xtrace) return;
  if (auto s = find_tainted(script, c.env, true, true))
    c.add("secret_echoed", c.src.line_of(l.node, l.index, trim(l.text)), "workflows.secret.xtrace",
          {text_arg("line", std::string(trim(l.text))), text_arg("secret", *s)});
}

/// Under a privileged trigger: `gh pr checkout`, or git checkout/switch/fetch/reset/pull of the head.
void check_script_checkout(const Context& c, const ScriptLine& l) {
  if (c.trigger.empty()) return;
  const std::string& low = l.low;
  bool checkout = low.find("gh pr checkout") != std::string::npos;
  if (!checkout && find_word(low, "git") != std::string::npos &&
      (find_word(low, "checkout") != std::string::npos || find_word(low, "switch") != std::string::npos ||
       find_word(low, "fetch") != std::string::npos || find_word(low, "reset") != std::string::npos ||
       find_word(low, "pull") != std::string::npos))
    checkout = find_tainted(l.text, c.env, true, false).has_value();
  if (checkout)
    c.add("untrusted_checkout", c.src.line_of(l.node, l.index, trim(l.text)), "workflows.checkout.script",
          {text_arg("line", clip(l.text)), text_arg("trigger", c.trigger)});
}

/// Lines of a `run:` script (shell) or an actions/github-script `script:` (JavaScript).
void check_script(const Context& c, const YAML::Node& node, bool shell) {
  const std::string script = scalar(node);
  std::vector<std::string_view> lines;
  for (size_t start = 0; start < script.size();) {
    size_t nl = script.find('\n', start);
    if (nl == std::string::npos) nl = script.size();
    lines.push_back(std::string_view(script).substr(start, nl - start));
    start = nl + 1;
  }
  HereDocument doc;
  for (size_t i = 0; i < lines.size(); ++i) {
    ScriptLine l{node, i, lines[i], shell ? ascii_lower(mask_expressions(lines[i])) : std::string()};
    check_injection(c, l, shell);
    if (!shell || in_here_document(c, l, doc)) continue;
    open_here_document(l, doc);
    check_printed(c, l);
    check_xtrace(c, l, script);
    check_script_checkout(c, l);
  }
}

void check_steps(Context& c, const YAML::Node& steps, const Env& job_env) {
  if (!steps.IsSequence()) return;
  for (size_t s = 0; s < steps.size(); ++s) {
    const YAML::Node step = steps[s];
    c.step = static_cast<int64_t>(s + 1);
    c.env = job_env;
    merge_env(c.env, get(step, "env"));
    const YAML::Node uses = get(step, "uses");
    const std::string action = ascii_lower(scalar(uses));
    if (uses.IsScalar()) check_pin(c, uses, "uses");
    const YAML::Node with = get(step, "with");
    const bool checkout = action.starts_with("actions/checkout@") || action == "actions/checkout";
    if (checkout && !c.trigger.empty())
      for (const char* key : {"ref", "repository"}) {
        const YAML::Node v = get(with, key);
        if (v.IsScalar())
          if (auto t = find_tainted(v.Scalar(), c.env, false, false)) {
            std::string via = v.Scalar().find(*t) == std::string::npos ? " (" + *t + ")" : "";
            c.add("untrusted_checkout", line_of(v), "workflows.checkout.with",
                  {text_arg("input", std::string(key) + ": " + clip(v.Scalar()) + via), text_arg("trigger", c.trigger)});
            break;
          }
      }
    if (action.starts_with("actions/github-script@") || action == "actions/github-script")
      if (const YAML::Node script = get(with, "script"); script.IsScalar()) check_script(c, script, false);
    if (const YAML::Node run = get(step, "run"); run.IsScalar()) check_script(c, run, true);
  }
}

/// Names of the workflow's triggers in any of the three `on:` forms.
std::vector<std::string> triggers(const YAML::Node& on) {
  std::vector<std::string> out;
  if (on.IsScalar()) out.push_back(on.Scalar());
  if (on.IsSequence())
    for (const auto& t : on) out.push_back(scalar(t));
  if (on.IsMap())
    for (const auto& kv : on) out.push_back(kv.first.Scalar());
  return out;
}

void check_permissions(const Context& c, const YAML::Node& perms) {
  if (perms.IsScalar() && ascii_lower(trim(perms.Scalar())) == "write-all")
    push(c.out, "write_all_permissions", line_of(perms),
         c.job.empty() ? msg("workflows.permissions.write_all_top") : msg("workflows.permissions.write_all_job", {text_arg("job", c.job)}));
}

void review(const YAML::Node& root, const Source& src, Issues& out) {
  Context c{src, "", "", 0, {}, out};
  const std::vector<std::string> on = triggers(get(root, "on"));
  for (std::string_view t : kPrivilegedTriggers)
    if (c.trigger.empty() && std::find(on.begin(), on.end(), t) != on.end()) c.trigger = t;
  const YAML::Node top_perms = get(root, "permissions");
  check_permissions(c, top_perms);
  Env workflow_env;
  merge_env(workflow_env, get(root, "env"));
  const YAML::Node jobs = get(root, "jobs");
  std::vector<std::string> unset;
  if (jobs.IsMap())
    for (const auto& kv : jobs) {
      const std::string name = kv.first.Scalar();
      const YAML::Node job = kv.second;
      c.job = name;
      c.step = 0;
      const YAML::Node perms = get(job, "permissions");
      check_permissions(c, perms);
      if (!perms.IsDefined()) unset.push_back("'" + name + "'");
      if (const YAML::Node uses = get(job, "uses"); uses.IsScalar()) check_pin(c, uses, "calls");
      Env job_env = workflow_env;
      merge_env(job_env, get(job, "env"));
      check_steps(c, get(job, "steps"), job_env);
    }
  if (!top_perms.IsDefined() && !unset.empty()) {
    std::string names;
    for (const std::string& n : unset) names += (names.empty() ? "" : ", ") + n;
    int64_t line = 1;
    for (const auto& kv : root)
      if (kv.first.Scalar() == "jobs") line = line_of(kv.first);
    push(out, "no_permissions", line,
         msg(unset.size() > 1 ? "workflows.permissions.none_jobs" : "workflows.permissions.none_job", {text_arg("jobs", names)}));
  }
}

}  // namespace

std::vector<WorkflowIssue> check_workflow(std::string_view yaml_text) {
  Issues out;
  const Source src(yaml_text);
  try {
    const YAML::Node root = YAML::Load(std::string(yaml_text));
    if (!root.IsMap()) {
      push(out, "unreadable", line_of(root),
           msg(root.IsSequence() ? "workflows.unreadable.sequence" : root.IsScalar() ? "workflows.unreadable.scalar"
                                                                     : "workflows.unreadable.empty"));
      return out;
    }
    review(root, src, out);
  } catch (const YAML::Exception& e) {
    Issues bad;
    push(bad, "unreadable", e.mark.line >= 0 ? e.mark.line + 1 : 1,
         msg("workflows.unreadable.yaml", {text_arg("error", e.msg), int_arg("line", e.mark.line + 1), int_arg("column", e.mark.column + 1)}));
    return bad;
  } catch (const std::exception& e) {
    Issues bad;
    push(bad, "unreadable", 1, msg("workflows.unreadable.error", {text_arg("error", e.what())}));
    return bad;
  }
  std::stable_sort(out.begin(), out.end(), [](const WorkflowIssue& a, const WorkflowIssue& b) { return a.line < b.line; });
  return out;
}

bool is_github_workflow(std::string_view path) {
  std::string p(path);
  std::replace(p.begin(), p.end(), '\\', '/');
  while (p.starts_with("./")) p.erase(0, 2);
  constexpr std::string_view kDir = ".github/workflows/";
  if (!p.starts_with(kDir)) return false;
  std::string_view name = std::string_view(p).substr(kDir.size());
  if (name.find('/') != std::string_view::npos) return false;
  for (std::string_view ext : {".yml", ".yaml"})
    if (name.size() > ext.size() && name.ends_with(ext)) return true;
  return false;
}

}  // namespace rh
