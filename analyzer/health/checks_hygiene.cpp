// Repository hygiene: committed binaries and archives, files over 5 MB, credential files,
// database files and dumps with data, secrets the rules found.
#include <algorithm>
#include <map>

#include "core/classify.h"
#include "core/repo_paths.h"
#include "core/sniff.h"
#include "health/checks.h"

namespace rh::health {
namespace {

constexpr int64_t kLargeFile = 5 * 1024 * 1024;

std::string extension(std::string_view path) {
  std::string base = lower_path(base_name(path));
  size_t dot = base.rfind('.');
  return dot == std::string::npos || dot == 0 ? "" : base.substr(dot + 1);
}

/// The extension under a copy number a download tool added: "Lato-Bold.woff2.1" -> "woff2".
std::string extension_under_copy_number(std::string_view path) {
  std::string base = lower_path(base_name(path));
  while (true) {
    size_t dot = base.rfind('.');
    if (dot == std::string::npos || dot == 0 || dot + 1 == base.size()) return "";
    std::string ext = base.substr(dot + 1);
    if (ext.find_first_not_of("0123456789") != std::string::npos) return ext;
    base.resize(dot);
  }
}

/// Build outputs, executables and archives: what a review cannot read and a build should produce.
bool is_build_output_or_archive(std::string_view path) {
  static const std::vector<std::string> exts = {
      "zip", "tar", "gz", "tgz", "bz2", "xz", "7z", "rar", "jar", "war", "ear", "whl", "egg", "deb", "rpm",
      "apk", "dmg", "iso", "msi", "exe", "dll", "so", "dylib", "a", "lib", "o", "obj", "class", "pyc", "pyo",
      "bin", "nupkg", "phar", "wasm"};
  const std::string ext = extension(path);
  return std::find(exts.begin(), exts.end(), ext) != exts.end();
}

/// Images, fonts, documents and media: binary, but legitimately committed. Known by the
/// extension (also under a copy number: `font.woff2.1`) or by the content's signature, whatever
/// the name.
bool is_media(const Repo& repo, const SourceEntry& e) {
  static const std::vector<std::string> exts = {
      "png", "jpg", "jpeg", "gif", "ico", "webp", "svg", "bmp", "tif", "tiff", "avif", "woff", "woff2", "ttf",
      "otf", "eot", "pdf", "mp3", "mp4", "wav", "ogg", "webm", "mov", "odt", "ods", "docx", "xlsx", "pptx"};
  const std::string ext = extension_under_copy_number(e.path);
  if (std::find(exts.begin(), exts.end(), ext) != exts.end()) return true;
  return !media_kind(repo.read(e, 64)).empty();
}

bool is_secret_rule(const RuleDescriptor& r) { return std::find(r.tags.begin(), r.tags.end(), "secret") != r.tags.end(); }

/// The first line of each file where a secret rule reported a secret (notes, such as password
/// hashes, are not secrets).
std::map<std::string, int64_t> secret_lines(const ScanResult& result) {
  std::map<std::string, bool> secret_rule;
  for (const auto& r : result.rules) secret_rule[r.id] = is_secret_rule(r);
  std::map<std::string, int64_t> out;
  for (const auto& f : result.findings)
    if (secret_rule[f.rule_id] && f.severity != "note" && !out.count(f.path)) out[f.path] = f.start_line;
  return out;
}

/// Credential files by name; `.pem`/`.key` count only when they hold a private key, and a
/// committed `.env` only when the secret rules found a secret value in it (one holding
/// COMPOSE_PROJECT_NAME and PHP_VERSION is settings, not credentials). Returns a message key of
/// rules/health/messages/hygiene.yml ("" when the file is none); an environment file's key takes
/// the argument {line}.
std::string credential_kind(const Repo& repo, const SourceEntry& e, const std::map<std::string, int64_t>& secrets) {
  const std::string base = lower_path(base_name(e.path));
  const std::string ext = extension(e.path);
  if (base == ".env" || (base.rfind(".env.", 0) == 0 && base != ".env.example" && base != ".env.sample" &&
                         base != ".env.template" && base != ".env.dist" && base != ".env.defaults" && base != ".env.test")) {
    auto it = secrets.find(e.path);
    return it == secrets.end() ? "" : "hygiene.credential.env";
  }
  for (std::string_view key : {"id_rsa", "id_dsa", "id_ecdsa", "id_ed25519"})
    if (base == key) return "hygiene.credential.ssh_key";
  for (std::string_view store : {"p12", "pfx", "jks", "keystore", "kdbx"})
    if (ext == store) return "hygiene.credential.key_store";
  for (std::string_view name : {".netrc", ".pypirc", ".htpasswd", "credentials.json", "terraform.tfstate", ".git-credentials"})
    if (base == name) return "hygiene.credential.file";
  if (ext == "pem" || ext == "key") {
    const std::string& head = repo.read(e, 64 * 1024);
    if (head.find("PRIVATE KEY-----") != std::string::npos) return "hygiene.credential.private_key";
  }
  return "";
}

void add_evidence(HealthCheck& c, CheckEvidence ev) {
  c.evidence.push_back(std::move(ev));
}

MessageArg count(const char* name, size_t n) { return int_arg(name, static_cast<int64_t>(n)); }

/// The file's role as an argument: "" for product code, else " (test)" and so on (common.role.*).
MessageArg role_arg(const std::string& role) {
  return key_arg("role", role == kProductRole ? "common.role.none" : "common.role." + role);
}

void binaries_check(const Repo& repo, HealthFacts& out) {
  HealthCheck c = make_check("hygiene.binaries");
  std::map<std::string, std::string> binary_skips;  // path -> reason detail
  for (const auto& s : repo.result().skipped)
    if (s.reason == "binary") binary_skips[s.path] = s.detail;
  size_t found = 0, outside_tests = 0;
  for (const auto* e : repo.files()) {
    const bool archive = is_build_output_or_archive(e->path);
    const bool binary = binary_skips.count(e->path) && !is_media(repo, *e);
    if (!archive && !binary) continue;
    ++found;
    const std::string role = role_by_path(e->path);
    if (!is_sample(role)) ++outside_tests;
    const std::string what = archive ? "hygiene.binaries.archive" : "hygiene.binaries.binary";
    add_evidence(c, evidence(e->path, 0, e->size >= 0 ? msg(what + "_size", {int_arg("bytes", e->size), role_arg(role)})
                                                      : msg(what, {role_arg(role)})));
  }
  if (repo.empty())
    conclude(c, "inconclusive", msg("common.no_files"));
  else if (found == 0)
    conclude(c, "pass", msg("hygiene.binaries.pass"));
  else
    conclude(c, outside_tests ? "fail" : "warn",
             msg(outside_tests ? "hygiene.binaries.found" : "hygiene.binaries.found_samples", {count("n", found)}),
             msg("hygiene.binaries.remedy"));
  out.checks.push_back(std::move(c));
}

void large_files_check(const Repo& repo, HealthFacts& out) {
  HealthCheck c = make_check("hygiene.large-files");
  size_t found = 0;
  for (const auto* e : repo.files())
    if (e->size > kLargeFile) {
      ++found;
      add_evidence(c, evidence(e->path, 0, msg("hygiene.large-files.size", {int_arg("mb", e->size / (1024 * 1024))})));
    }
  if (repo.empty())
    conclude(c, "inconclusive", msg("common.no_files"));
  else if (found == 0)
    conclude(c, "pass", msg("hygiene.large-files.pass"));
  else
    conclude(c, "fail", msg("hygiene.large-files.fail", {count("n", found)}), msg("hygiene.large-files.remedy"));
  out.checks.push_back(std::move(c));
}

void credential_files_check(const Repo& repo, HealthFacts& out) {
  HealthCheck c = make_check("hygiene.credential-files");
  size_t found = 0, outside_tests = 0;
  const auto secrets = secret_lines(repo.result());
  for (const auto* e : repo.files()) {
    std::string kind = credential_kind(repo, *e, secrets);
    if (kind.empty()) continue;
    ++found;
    const std::string role = role_by_path(e->path);
    if (!is_sample(role)) ++outside_tests;
    auto secret = secrets.find(e->path);
    const int64_t line = secret != secrets.end() ? secret->second : 0;
    add_evidence(c, evidence(e->path, line, msg(kind, {int_arg("line", line), role_arg(role)})));
  }
  if (repo.empty())
    conclude(c, "inconclusive", msg("common.no_files"));
  else if (found == 0)
    conclude(c, "pass", msg("hygiene.credential-files.pass"));
  else
    conclude(c, outside_tests ? "fail" : "warn",
             msg(outside_tests ? "hygiene.credential-files.found" : "hygiene.credential-files.found_samples", {count("n", found)}),
             msg("hygiene.credential-files.remedy"));
  out.checks.push_back(std::move(c));
}

void secrets_check(const Repo& repo, HealthFacts& out) {
  HealthCheck c = make_check("hygiene.secrets");
  const auto& result = repo.result();
  const bool rules_ran = std::any_of(result.rules.begin(), result.rules.end(), is_secret_rule);
  std::map<std::string, bool> secret_rule;
  for (const auto& r : result.rules) secret_rule[r.id] = is_secret_rule(r);
  size_t found = 0, suppressed = 0, errors = 0, outside_samples = 0;
  for (const auto& f : result.findings) {
    if (!secret_rule[f.rule_id] || f.severity == "note") continue;
    if (f.suppression) {
      ++suppressed;
      continue;
    }
    ++found;
    const bool sample = is_sample(role_by_path(f.path));
    if (!sample) ++outside_samples;
    if (!sample && f.severity == "error") ++errors;
    // The finding's message masks the value; it is the rule's text (translated with the rule).
    add_evidence(c, {f.path, f.start_line, f.message, {}});
  }
  const MessageArg note = key_arg("note", suppressed ? "hygiene.secrets.suppressed" : "common.empty");
  const MessageArg n_suppressed = count("suppressed", suppressed);
  if (repo.empty())
    conclude(c, "inconclusive", msg("common.no_files"));
  else if (!rules_ran)
    conclude(c, "inconclusive", msg("hygiene.secrets.off"));
  else if (found == 0)
    conclude(c, "pass", msg("hygiene.secrets.pass", {note, n_suppressed}));
  else
    conclude(c, errors ? "fail" : "warn",
             msg(std::string(errors ? "hygiene.secrets.found" : "hygiene.secrets.possible") + (outside_samples ? "" : "_samples"),
                 {count("n", found), note, n_suppressed}),
             msg("hygiene.secrets.remedy"));
  out.checks.push_back(std::move(c));
}

/// What a database file or a dump with data is, by its content: the message key and, for a text
/// dump, the tool and the line of the first row. Only files whose extension databases and dumps
/// carry are opened; a schema-only dump is none.
struct DatabaseDump {
  std::string key;  ///< "" when the file is none
  std::string tool;
  int64_t line = 0;
};

DatabaseDump database_dump(const Repo& repo, const SourceEntry& e) {
  static const std::vector<std::string> binary_exts = {"sqlite", "sqlite3", "db", "db3", "s3db", "sl3", "mdb", "accdb",
                                                       "dump", "pgdump", "backup"};
  static const std::vector<std::string> text_exts = {"sql", "dump", "pgdump", "backup"};
  const std::string ext = extension(e.path);
  const bool binary_ext = std::find(binary_exts.begin(), binary_exts.end(), ext) != binary_exts.end();
  const bool text_ext = std::find(text_exts.begin(), text_exts.end(), ext) != text_exts.end();
  if (!binary_ext && !text_ext) return {};
  if (binary_ext) {
    const std::string& head = repo.read(e, 32);
    if (head.starts_with(std::string_view("SQLite format 3\0", 16))) return {"hygiene.database-dumps.sqlite"};
    if (head.size() >= 19 && (head.compare(4, 15, "Standard Jet DB") == 0 || head.compare(4, 15, "Standard ACE DB") == 0))
      return {"hygiene.database-dumps.access"};
    if (head.starts_with("PGDMP")) return {"hygiene.database-dumps.pg_custom"};
  }
  if (!text_ext) return {};
  // A text dump names its tool in its header comment, and holds data when it inserts or copies rows.
  static const std::vector<std::pair<std::string_view, std::string_view>> headers = {
      {"-- MySQL dump", "MySQL"}, {"-- MariaDB dump", "MariaDB"}, {"-- PostgreSQL database dump", "PostgreSQL"},
      {"-- phpMyAdmin SQL Dump", "phpMyAdmin"}};
  const std::string& text = repo.read(e);
  const std::string_view top = std::string_view(text).substr(0, 1024);
  auto header = std::find_if(headers.begin(), headers.end(), [&](const auto& h) { return top.find(h.first) != std::string_view::npos; });
  if (header == headers.end()) return {};
  for (size_t at = text.find('\n'); at != std::string::npos; at = text.find('\n', at + 1)) {
    const std::string_view line = std::string_view(text).substr(at + 1, text.find('\n', at + 1) - at - 1);
    const bool rows = line.starts_with("INSERT INTO ") ||
                      (line.starts_with("COPY ") && line.find(" FROM stdin;") != std::string_view::npos);
    if (rows)
      return {"hygiene.database-dumps.sql_dump", std::string(header->second),
              static_cast<int64_t>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(at), '\n')) + 2};
  }
  return {};
}

void database_dumps_check(const Repo& repo, HealthFacts& out) {
  HealthCheck c = make_check("hygiene.database-dumps");
  size_t found = 0, outside_tests = 0;
  for (const auto* e : repo.files()) {
    const DatabaseDump dump = database_dump(repo, *e);
    if (dump.key.empty()) continue;
    ++found;
    const std::string role = role_by_path(e->path);
    if (!is_sample(role)) ++outside_tests;
    add_evidence(c, evidence(e->path, dump.line,
                             msg(dump.key, {text_arg("tool", dump.tool), int_arg("line", dump.line), role_arg(role)})));
  }
  if (repo.empty())
    conclude(c, "inconclusive", msg("common.no_files"));
  else if (found == 0)
    conclude(c, "pass", msg("hygiene.database-dumps.pass"));
  else
    conclude(c, outside_tests ? "fail" : "warn",
             msg(outside_tests ? "hygiene.database-dumps.found" : "hygiene.database-dumps.found_samples", {count("n", found)}),
             msg("hygiene.database-dumps.remedy"));
  out.checks.push_back(std::move(c));
}

}  // namespace

void hygiene_checks(const Repo& repo, HealthFacts& out) {
  binaries_check(repo, out);
  large_files_check(repo, out);
  credential_files_check(repo, out);
  database_dumps_check(repo, out);
  secrets_check(repo, out);
}

}  // namespace rh::health
