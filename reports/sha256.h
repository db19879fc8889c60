#pragma once
// SHA-256 (FIPS 180-4), for the Content-Security-Policy hashes of the HTML report's inline style
// and script.
#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace rh {

std::array<uint8_t, 32> sha256(std::string_view bytes);
std::string base64(const uint8_t* bytes, size_t n);
/// "'sha256-<base64>'" as a CSP source expression.
std::string csp_hash(std::string_view bytes);

}  // namespace rh
