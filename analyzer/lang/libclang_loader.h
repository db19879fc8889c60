#pragma once
// libclang is loaded on demand: the binary does not link it (relocating libclang and libLLVM
// at start-up cost ~25 ms of CPU on every run, C/C++ or not). libclang_loader.cpp defines each
// clang_* function the frontend calls; the first call to libclang_available() dlopens the
// library and resolves them. Code that calls clang_* must check libclang_available() first.
#include <string>

namespace rh {

/// Loads libclang and resolves the functions used, once per process (thread-safe); whether
/// they all are there. Tries the SONAME found at configure time, then the library's real path.
/// For tests only: the environment variable REPOHEALTH_LIBCLANG names the one library to try.
bool libclang_available();

/// Why libclang is not available ("" when it is): the libraries tried and the loader's error.
const std::string& libclang_problem();

}  // namespace rh
