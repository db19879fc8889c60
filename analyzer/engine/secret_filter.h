#pragma once
// Is the value of a secret rule's match a secret? A pattern finds where a secret may be (a key
// that names one, a URL with a password, a token of a known format); these checks decide
// whether the value there looks like one: not a placeholder (`changeme`, `${VAR}`,
// `%env(X)%`, `<password>`), not words or an identifier (`Brugernavn/Kodeord`,
// `USERNAME_PASSWORD`, a value equal to its own key), not a path, long and random enough
// (Shannon entropy). Pattern rules select them with `pattern.check`.
#include <string>
#include <string_view>

namespace rh {

/// Placeholders that are not secrets: changeme, ${VAR}, <password>, %(x)s, %env(X)%, xxx,
/// insecure, os.environ…, and empty values. Values shorter than 4 characters count as
/// placeholders too (kept for rules that only ask for `skip_placeholders`).
bool looks_like_placeholder(std::string_view value);
/// The same without the length rule: `db` is a (weak) password, not a placeholder.
bool is_placeholder_text(std::string_view value);

/// Words and identifiers, not random text: letters and separators only (`Kodeord`,
/// `Brugernavn/Kodeord`, `new-password`, `MySuperSecret`), or an UPPER_SNAKE constant name.
bool looks_like_words(std::string_view value);

/// The value names its own key, or the key contains it (`USERNAME_PASSWORD = 'USERNAME_PASSWORD'`,
/// `LOCATOR_PASSPHRASE = 'passphrase'`, `JWT_PASSPHRASE=APP_JWT_PASSPHRASE`).
bool is_identifier_of_key(std::string_view key, std::string_view value);

/// Django, bcrypt, argon2, crypt(3) SHA-2 password hashes (`pbkdf2_sha256$…`, `$2y$…`).
bool is_password_hash(std::string_view value);

/// The name a match assigns to: the identifier just before the value (`DB_PASSWORD` in
/// `DB_PASSWORD=x`, `password` in `'password' => 'x'`). `value` must point into `match`.
std::string_view key_of(std::string_view match, std::string_view value);

/// The value a key is assigned in `match`: the last quoted string when the match ends with a
/// quote, else what follows the first `=` or `:` (so `key_value: q8Z…w=` keeps its padding).
std::string_view assigned_value(std::string_view match);

/// The password of `scheme://user:password@` at the start of `match`, empty when none.
std::string_view url_password(std::string_view match);

/// Verdict of `pattern.check` for one match.
struct SecretVerdict {
  bool report = false;
  std::string_view secret;  ///< the part of the match to mask (within the match)
};

/// `check: secret`: the value assigned to a key that names a secret looks like one (at least
/// `min_length` characters, entropy at least `min_entropy` or what its length allows, and none
/// of the exclusions above).
SecretVerdict check_assigned_secret(std::string_view match, std::string_view value, size_t min_length,
                                    double min_entropy);
/// `check: url-password`: any non-empty password that is not a placeholder (`user:pass`,
/// `db_user:db_password`, `!ChangeMe!`, `${DB_PASSWORD}`) nor a default (below).
SecretVerdict check_url_password(std::string_view match);
/// `check: url-default-password`: the password of a throwaway development or CI database:
/// the user name again (`db:db`, `root:root`) or a product default (`postgres`, `guest`).
SecretVerdict check_url_default_password(std::string_view match);
/// `check: jwt`: a JSON Web Token whose header decodes, that is signed (`alg` not `none`, a
/// signature part), and that is not the public jwt.io sample token.
SecretVerdict check_jwt(std::string_view match);

/// Base64url (or base64) decoding, lenient about padding; empty on a bad character.
std::string decode_base64url(std::string_view text);

}  // namespace rh
