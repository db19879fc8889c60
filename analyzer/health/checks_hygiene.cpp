// Repository hygiene: committed binaries and archives, files over 5 MB, credential files,
// secrets the rules found.
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
/// COMPOSE_PROJECT_NAME and PHP_VERSION is settings, not credentials).
std::string credential_kind(const Repo& repo, const SourceEntry& e, const std::map<std::string, int64_t>& secrets) {
  const std::string base = lower_path(base_name(e.path));
  const std::string ext = extension(e.path);
  if (base == ".env" || (base.rfind(".env.", 0) == 0 && base != ".env.example" && base != ".env.sample" &&
                         base != ".env.template" && base != ".env.dist" && base != ".env.defaults" && base != ".env.test")) {
    auto it = secrets.find(e.path);
    return it == secrets.end() ? "" : "environment file with a secret value (line " + std::to_string(it->second) + ")";
  }
  for (std::string_view key : {"id_rsa", "id_dsa", "id_ecdsa", "id_ed25519"})
    if (base == key) return "SSH private key";
  for (std::string_view store : {"p12", "pfx", "jks", "keystore", "kdbx"})
    if (ext == store) return "key store";
  for (std::string_view name : {".netrc", ".pypirc", ".htpasswd", "credentials.json", "terraform.tfstate", ".git-credentials"})
    if (base == name) return "credential file";
  if (ext == "pem" || ext == "key") {
    const std::string& head = repo.read(e, 64 * 1024);
    if (head.find("PRIVATE KEY-----") != std::string::npos) return "private key";
  }
  return "";
}

void add_evidence(HealthCheck& c, CheckEvidence ev) {
  c.evidence.push_back(std::move(ev));
}

std::string plural(size_t n, const char* one, const char* many) { return std::to_string(n) + " " + (n == 1 ? one : many); }

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
    add_evidence(c, {e->path, 0, std::string(archive ? "archive or build output" : "binary content") +
                                     (e->size >= 0 ? ", " + std::to_string(e->size) + " bytes" : "") +
                                     (role == kProductRole ? "" : " (" + role + ")")});
  }
  if (repo.empty())
    conclude(c, "inconclusive", "The repository has no files.");
  else if (found == 0)
    conclude(c, "pass", "No archives, executables or build outputs are committed.");
  else
    conclude(c, outside_tests ? "fail" : "warn",
             plural(found, "archive, executable or other binary is", "archives, executables or other binaries are") +
                 " committed" + (outside_tests ? "" : " (in tests, fixtures, examples or docs only)") + ".",
             "Build binaries in CI and publish them as release artefacts; keep sources, not outputs, in git.");
  out.checks.push_back(std::move(c));
}

void large_files_check(const Repo& repo, HealthFacts& out) {
  HealthCheck c = make_check("hygiene.large-files");
  size_t found = 0;
  for (const auto* e : repo.files())
    if (e->size > kLargeFile) {
      ++found;
      add_evidence(c, {e->path, 0, std::to_string(e->size / (1024 * 1024)) + " MB"});
    }
  if (repo.empty())
    conclude(c, "inconclusive", "The repository has no files.");
  else if (found == 0)
    conclude(c, "pass", "No file is larger than 5 MB.");
  else
    conclude(c, "fail", plural(found, "file is", "files are") + " larger than 5 MB.",
             "Move large files out of git (release artefacts, object storage, or Git LFS).");
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
    add_evidence(c, {e->path, secret != secrets.end() ? secret->second : 0,
                     role == kProductRole ? kind : kind + " (" + role + ")"});
  }
  if (repo.empty())
    conclude(c, "inconclusive", "The repository has no files.");
  else if (found == 0)
    conclude(c, "pass", "No .env, private key, key store or credential file is committed.");
  else
    conclude(c, outside_tests ? "fail" : "warn",
             plural(found, "credential file is", "credential files are") + " committed" +
                 (outside_tests ? "" : " (in tests, fixtures, examples or docs only)") + ".",
             "Remove them from the repository and its history, rotate what they held, and add them to .gitignore.");
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
    add_evidence(c, {f.path, f.start_line, f.message});  // the message masks the value
  }
  const std::string note = suppressed ? " (" + plural(suppressed, "suppressed finding", "suppressed findings") + " not counted)" : "";
  if (repo.empty())
    conclude(c, "inconclusive", "The repository has no files.");
  else if (!rules_ran)
    conclude(c, "inconclusive", "The secret rules did not run (turned off in the configuration).");
  else if (found == 0)
    conclude(c, "pass", "The secret rules found nothing" + note + ".");
  else
    conclude(c, errors ? "fail" : "warn",
             plural(found, errors ? "secret was" : "possible secret was", errors ? "secrets were" : "possible secrets were") +
                 " found in the code" + (outside_samples ? "" : " (in tests, fixtures, examples or docs only)") + note + ".",
             "Rotate each secret at its issuer, remove it from the code and read it from the environment or a vault.");
  out.checks.push_back(std::move(c));
}

}  // namespace

void hygiene_checks(const Repo& repo, HealthFacts& out) {
  binaries_check(repo, out);
  large_files_check(repo, out);
  credential_files_check(repo, out);
  secrets_check(repo, out);
}

}  // namespace rh::health
