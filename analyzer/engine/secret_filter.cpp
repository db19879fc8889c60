#include "engine/secret_filter.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>

#include "core/text.h"
#include "engine/pattern_matcher.h"

namespace rh {
namespace {

bool is_alpha(char c) { return std::isalpha(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80; }
bool is_alnum(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }

std::string alnum_lower(std::string_view s) {
  std::string out;
  for (char c : s)
    if (is_alnum(c)) out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool contains(std::string_view haystack, std::string_view needle) {
  return haystack.find(needle) != std::string_view::npos;
}

/// A file path or URL rather than a secret: `%kernel.project_dir%/config/jwt/private.pem`,
/// `/run/secrets/db`, `https://…`, `keys/app.key`.
bool looks_like_path(std::string_view v) {
  if (contains(v, "://")) return true;
  if (v.starts_with("/") || v.starts_with("./") || v.starts_with("../") || v.starts_with("~/")) return true;
  const std::string lower = ascii_lower(v);
  for (std::string_view ext : {".pem", ".key", ".crt", ".cer", ".p12", ".pfx", ".json", ".txt", ".yml", ".yaml", ".der",
                               ".jks", ".keystore", ".pub", ".asc", ".gpg"})
    if (lower.size() > ext.size() && lower.ends_with(ext)) return true;
  return false;
}

bool all_digits(std::string_view v) {
  return !v.empty() && std::all_of(v.begin(), v.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

bool is_placeholder_text(std::string_view value) {
  value = trim(value);
  if (value.empty()) return true;
  const std::string v = ascii_lower(value);
  static const char* const kMarkers[] = {
      "${",           "{{",           "%(",           "%s",          "%env",    "<",           ">",
      "process.env",  "os.environ",   "getenv",       "env(",        "env[",    "changeme",    "change_me",
      "change-me",    "changeit",     "changethis",   "change_this", "example", "placeholder", "dummy",
      "sample",       "your_",        "your-",        "yourpass",    "xxx",     "***",         "...",
      "\xe2\x80\xa6", "redacted",     "todo",         "fixme",       "insert",  "replace",     "secret_here",
      "notasecret",   "not-a-secret", "not_a_secret", "fake",        "$(",      "insecure",    "setme",
      "set_me",       "overridden",   "override_me"};
  for (const char* m : kMarkers)
    if (v.find(m) != std::string::npos) return true;
  if (v.front() == '$') return true;                                     // $VAR, $ENV{…}
  if (v.size() > 2 && v.front() == '%' && v.back() == '%') return true;  // Symfony %parameter%
  static const char* const kWords[] = {
      "password", "passwd", "secret", "none",   "null",    "nil",  "true", "false", "test",     "testing", "undefined",
      "empty",    "string", "token",  "apikey", "api_key", "pass", "pwd",  "user",  "username", "default", "required"};
  for (const char* w : kWords)
    if (v == w) return true;
  if (std::all_of(v.begin(), v.end(), [&](char c) { return c == v[0]; })) return true;
  return false;
}

bool looks_like_placeholder(std::string_view value) {
  return trim(value).size() < 4 || is_placeholder_text(value);
}

bool looks_like_words(std::string_view value) {
  if (value.empty()) return false;
  // UPPER_SNAKE constant names: CLIENT_SECRET, USERNAME_PASSWORD.
  bool constant = std::isupper(static_cast<unsigned char>(value.front())) && contains(value, "_");
  for (char c : value)
    constant = constant &&
               (std::isupper(static_cast<unsigned char>(c)) || std::isdigit(static_cast<unsigned char>(c)) || c == '_');
  if (constant) return true;
  // Letters in segments split at separators and at lower-to-upper case changes.
  size_t letters = 0, vowels = 0, segments = 0;
  bool in_segment = false;
  char prev = 0;
  for (char c : value) {
    if (c == ' ' || c == '_' || c == '-' || c == '/' || c == '.' || c == '\'') {
      in_segment = false;
    } else if (is_alpha(c)) {
      const bool upper_after_lower =
          std::isupper(static_cast<unsigned char>(c)) && std::islower(static_cast<unsigned char>(prev));
      if (!in_segment || upper_after_lower) ++segments;
      in_segment = true;
      ++letters;
      if (static_cast<unsigned char>(c) >= 0x80 || contains("aeiouyAEIOUY", std::string_view(&c, 1))) ++vowels;
    } else {
      return false;  // a digit or a symbol: not plain words
    }
    prev = c;
  }
  if (letters == 0 || segments == 0) return false;
  const double average = static_cast<double>(letters) / static_cast<double>(segments);
  const double vowel_share = static_cast<double>(vowels) / static_cast<double>(letters);
  return average >= 3.0 && vowel_share >= 0.2;
}

bool is_identifier_of_key(std::string_view key, std::string_view value) {
  const std::string k = alnum_lower(key), v = alnum_lower(value);
  if (k.empty() || v.size() < 3) return false;
  return contains(k, v) || contains(v, k);
}

bool is_password_hash(std::string_view v) {
  for (std::string_view prefix : {"pbkdf2_sha256$", "pbkdf2_sha1$", "argon2$", "bcrypt$", "bcrypt_sha256$", "scrypt$",
                                  "sha1$", "md5$", "$2a$", "$2b$", "$2y$", "$argon2", "$5$", "$6$", "$apr1$", "$1$"})
    if (v.starts_with(prefix)) return true;
  return false;
}

std::string_view key_of(std::string_view match, std::string_view value) {
  size_t end =
      value.empty() || value.data() < match.data() ? match.size() : static_cast<size_t>(value.data() - match.data());
  end = std::min(end, match.size());
  auto separator = [](char c) {
    return c == ' ' || c == '\t' || c == '"' || c == '\'' || c == '=' || c == ':' || c == '>' || c == ']' || c == '`';
  };
  while (end > 0 && separator(match[end - 1])) --end;
  size_t begin = end;
  auto key_char = [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '.' || c == '-';
  };
  while (begin > 0 && key_char(match[begin - 1])) --begin;
  return match.substr(begin, end - begin);
}

std::string_view assigned_value(std::string_view match) {
  std::string_view m = trim(match);
  if (!m.empty() && (m.back() == '"' || m.back() == '\'')) return match_value(m);
  size_t sep = m.find_first_of("=:");
  if (sep == std::string_view::npos) return match_value(m);
  return trim(m.substr(sep + 1));
}

std::string_view url_password(std::string_view match) {
  size_t scheme = match.find("://");
  if (scheme == std::string_view::npos) return {};
  size_t at = match.rfind('@');
  if (at == std::string_view::npos || at < scheme) return {};
  size_t colon = match.find(':', scheme + 3);
  if (colon == std::string_view::npos || colon > at) return {};
  return match.substr(colon + 1, at - colon - 1);
}

SecretVerdict check_assigned_secret(std::string_view match, std::string_view value, size_t min_length,
                                    double min_entropy) {
  SecretVerdict v;
  std::string_view s = trim(value);
  if (s.size() < std::max<size_t>(min_length, 1) || is_placeholder_text(s)) return v;
  if (std::any_of(s.begin(), s.end(), is_blank)) return v;  // prose, not a secret
  if (is_password_hash(s) || looks_like_path(s) || looks_like_words(s)) return v;
  if (all_digits(s) && s.size() < 16) return v;  // lengths, ports, timeouts
  if (is_identifier_of_key(key_of(match, value), s)) return v;
  // Tokens of a known format are their own rules' (github-token, gcp-api-key…): one finding each.
  for (std::string_view prefix :
       {"AIza",        "AKIA",   "ASIA",     "ghp_",     "gho_",     "ghu_",     "ghs_",    "ghr_",
        "github_pat_", "glpat-", "glptt-",   "xoxa-",    "xoxb-",    "xoxp-",    "xoxr-",   "xoxs-",
        "xoxo-",       "xapp-",  "sk_live_", "rk_live_", "sk_test_", "pk_test_", "pk_live_"})
    if (s.starts_with(prefix)) return v;
  // A JSON Web Token is judged as one: the jwt.io sample in an API spec is not a secret.
  if (s.starts_with("eyJ") && std::count(s.begin(), s.end(), '.') == 2 && !check_jwt(s).report) return v;
  // Short passwords cannot reach a high entropy: ask for most of what their length allows.
  const double reachable = std::log2(static_cast<double>(s.size())) * 0.85;
  if (shannon_entropy(s) < std::min(min_entropy, reachable)) return v;
  v.report = true;
  v.secret = s;
  return v;
}

namespace {

/// A real password in a URL, not a placeholder or documentation's stand-in.
bool is_url_password(std::string_view pw) {
  if (pw.empty() || is_placeholder_text(pw) || is_password_hash(pw)) return false;
  const std::string lower = ascii_lower(pw);
  // Documentation's stand-ins: user:pass, db_user:db_pass, app:app_password, u:secret.
  for (std::string_view stand_in : {"pass", "pwd", "secret", "username", "db_user"})
    if (contains(lower, stand_in)) return false;
  return true;
}

/// The user name again, or the default of a database or broker image.
bool is_default_password(std::string_view match, std::string_view pw) {
  size_t scheme = match.find("://");
  std::string_view user = scheme == std::string_view::npos ? std::string_view{} : match.substr(scheme + 3);
  user = user.substr(0, user.find(':'));
  const std::string lower = ascii_lower(pw);
  if (lower == ascii_lower(user)) return true;
  for (std::string_view d : {"root", "admin", "postgres", "mysql", "mariadb", "guest", "db", "app", "dev", "docker",
                             "local", "rabbitmq", "redis", "mongo", "demo", "drupal", "symfony", "django"})
    if (lower == d) return true;
  return false;
}

}  // namespace

SecretVerdict check_url_password(std::string_view match) {
  SecretVerdict v;
  std::string_view pw = url_password(match);
  if (!is_url_password(pw) || is_default_password(match, pw)) return v;
  v.report = true;
  v.secret = pw;
  return v;
}

SecretVerdict check_url_default_password(std::string_view match) {
  SecretVerdict v;
  std::string_view pw = url_password(match);
  if (!is_url_password(pw) || !is_default_password(match, pw)) return v;
  v.report = true;
  v.secret = pw;
  return v;
}

std::string decode_base64url(std::string_view text) {
  std::string out;
  unsigned buffer = 0;
  int bits = 0;
  for (char c : text) {
    int d;
    if (c >= 'A' && c <= 'Z')
      d = c - 'A';
    else if (c >= 'a' && c <= 'z')
      d = c - 'a' + 26;
    else if (c >= '0' && c <= '9')
      d = c - '0' + 52;
    else if (c == '-' || c == '+')
      d = 62;
    else if (c == '_' || c == '/')
      d = 63;
    else if (c == '=')
      break;
    else
      return {};
    buffer = (buffer << 6) | static_cast<unsigned>(d);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += static_cast<char>((buffer >> bits) & 0xFF);
    }
  }
  return out;
}

SecretVerdict check_jwt(std::string_view match) {
  SecretVerdict v;
  size_t first = match.find('.');
  size_t second = first == std::string_view::npos ? first : match.find('.', first + 1);
  if (second == std::string_view::npos) return v;
  auto squeeze = [](std::string s) {
    s.erase(std::remove_if(s.begin(), s.end(), is_blank), s.end());
    return s;
  };
  const std::string header = squeeze(decode_base64url(match.substr(0, first)));
  const std::string payload = squeeze(decode_base64url(match.substr(first + 1, second - first - 1)));
  std::string_view signature = match.substr(second + 1);
  if (!header.starts_with("{") || !contains(header, "\"alg\"")) return v;
  if (contains(ascii_lower(header), "\"alg\":\"none\"") || signature.size() < 16) return v;  // unsigned
  // The sample token of jwt.io and RFC 7519's example: documentation, not a credential.
  if (contains(payload, "\"sub\":\"1234567890\"") && contains(payload, "\"name\":\"JohnDoe\"")) return v;
  if (contains(payload, "\"iss\":\"joe\"") && contains(payload, "1300819380")) return v;
  v.report = true;
  v.secret = match.substr(first + 1);
  return v;
}

}  // namespace rh
