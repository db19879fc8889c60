// The value checks of the secret rules (engine/secret_filter.h). The rules' own fixtures show
// them at work on whole files; these pin the single decisions.
#include "engine/secret_filter.h"

#include <gtest/gtest.h>

namespace rh::test {
namespace {

SecretVerdict assigned(std::string_view match, size_t min_length = 6, double entropy = 2.5) {
  // the value is the last quoted string, else what follows the separator
  size_t q = match.find_last_of("\"'");
  std::string_view value;
  if (q != std::string_view::npos && q > 0) {
    size_t open = match.find_last_of(match[q], q - 1);
    value = match.substr(open + 1, q - open - 1);
  } else {
    value = match.substr(match.find_first_of("=:") + 1);
  }
  return check_assigned_secret(match, value, min_length, entropy);
}

TEST(SecretFilter, PlaceholdersAreNotSecrets) {
  for (std::string_view v : {"changeme", "!ChangeMe!", "insecure", "xxx", "${DB_PASSWORD}", "%env(DB_PASSWORD)%",
                             "<password>", "%(password)s", "", "your_api_key", "%secret%", "$DB_PASSWORD"})
    EXPECT_TRUE(is_placeholder_text(v)) << v;
  for (std::string_view v : {"Tr0ub4dor&3", "db", "22d8a60c047b96413b3337e3ddae3da9"})
    EXPECT_FALSE(is_placeholder_text(v)) << v;
  EXPECT_TRUE(looks_like_placeholder("abc"));  // the old length rule stays for skip_placeholders
}

TEST(SecretFilter, WordsAndIdentifiersAreNotSecrets) {
  for (std::string_view v : {"Kodeord", "Brugernavn/Kodeord", "new-password", "MySuperSecret", "USERNAME_PASSWORD",
                             "passphrase", "apassword"})
    EXPECT_TRUE(looks_like_words(v)) << v;
  for (std::string_view v : {"kTqLmZpXvBwR", "q7Rm2xKv9L", "22d8a60c047b96413b3337e3ddae3da9", "AKIA2E4RTY7UIOPLKJHG"})
    EXPECT_FALSE(looks_like_words(v)) << v;
  EXPECT_TRUE(is_identifier_of_key("LOCATOR_PASSPHRASE", "passphrase"));
  EXPECT_TRUE(is_identifier_of_key("JWT_PASSPHRASE", "APP_JWT_PASSPHRASE"));
  EXPECT_FALSE(is_identifier_of_key("DB_PASSWORD", "q7Rm2xKv9L"));
  EXPECT_EQ(key_of("'password' => 'x'", std::string_view("'password' => 'x'").substr(15, 1)), "password");
}

TEST(SecretFilter, AssignedValuesMustLookRandom) {
  EXPECT_TRUE(assigned("\"PASSWORD\": \"Tr0ub4dor&3\"").report);
  EXPECT_EQ(assigned("\"PASSWORD\": \"Tr0ub4dor&3\"").secret, "Tr0ub4dor&3");
  EXPECT_TRUE(assigned("APP_SECRET=22d8a60c047b96413b3337e3ddae3da9", 16, 3.0).report);
  EXPECT_FALSE(assigned("case USERNAME_PASSWORD = 'USERNAME_PASSWORD'").report);
  EXPECT_FALSE(assigned("LOCATOR_PASSPHRASE = 'passphrase'").report);
  EXPECT_FALSE(assigned("\"password\": \"Brugernavn/Kodeord\"").report);
  EXPECT_FALSE(assigned("DB_PASSWORD=\"insecure\"").report);
  EXPECT_FALSE(assigned("'password' => 'pbkdf2_sha256$260000$abc$defghijklmnopqrstuvwxyz='").report);
  EXPECT_FALSE(assigned("JWT_SECRET_KEY=%kernel.project_dir%/config/jwt/private.pem", 16, 3.0).report);
  EXPECT_FALSE(assigned("password = 'aaaa1234'").report);  // too little randomness for its length
  EXPECT_FALSE(assigned("PASSWORD_MIN_LENGTH=12").report);
}

TEST(SecretFilter, UrlPasswords) {
  EXPECT_EQ(url_password("mysql://db:db@"), "db");
  EXPECT_FALSE(check_url_password("mysql://db:db@").report);  // the user name again: a default
  EXPECT_TRUE(check_url_default_password("mysql://db:db@").report);
  EXPECT_TRUE(check_url_default_password("amqp://guest:guest@").report);
  EXPECT_FALSE(check_url_default_password("postgres://app:Hx7kq2Lw9@").report);
  EXPECT_TRUE(check_url_password("mysql://app:k9@").report);  // short, still a password
  EXPECT_TRUE(check_url_password("postgres://app:Hx7kq2Lw9@").report);
  for (std::string_view m :
       {"mysql://db_user:db_pass@", "mysql://app:!ChangeMe!@", "postgresql://db_user:db_password@",
        "mongodb://username:password@", "redis://u:secret@", "mysql://u:${DB_PASSWORD}@", "mysql://user:<password>@"})
    EXPECT_FALSE(check_url_password(m).report) << m;
}

TEST(SecretFilter, JwtNeedsASignatureAndIsNotTheSample) {
  const std::string_view sample =
      "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ."
      "SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c";
  EXPECT_FALSE(check_jwt(sample).report);
  const std::string in_spec = "token: " + std::string(sample);  // an API spec's example
  EXPECT_FALSE(check_assigned_secret(in_spec, std::string_view(in_spec).substr(7), 16, 3.0).report);
  const std::string_view own =
      "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhZG1pbiIsImlhdCI6MTUxNjIzOTAyMn0.Xk3Vn7Tb9Qw2Er5Ty8Ui1Op4As7Df";
  EXPECT_TRUE(check_jwt(own).report);
  const std::string_view unsigned_token =
      "eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0.eyJzdWIiOiJhZG1pbiIsImlhdCI6MTUxNjIzOTAyMn0.AAAAAAAAAAAAAAAAAAAA";
  EXPECT_FALSE(check_jwt(unsigned_token).report);
  EXPECT_EQ(decode_base64url("eyJhbGciOiJIUzI1NiJ9"), "{\"alg\":\"HS256\"}");
}

TEST(SecretFilter, PasswordHashes) {
  EXPECT_TRUE(is_password_hash("pbkdf2_sha256$260000$salt$hash"));
  EXPECT_TRUE(is_password_hash("$2y$13$abcdefghijklmnopqrstuv"));
  EXPECT_TRUE(is_password_hash("$argon2id$v=19$m=65536,t=4,p=1$c2FsdA$aGFzaA"));
  EXPECT_FALSE(is_password_hash("Tr0ub4dor&3"));
}

}  // namespace
}  // namespace rh::test
