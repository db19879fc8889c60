# Sourced by scripts/test-sanitizers.sh and fuzz/run.sh: the sanitizer settings of every
# instrumented process, the repohealth binary the e2e tests spawn included (it inherits them).
# Leak suppressions (lsan.supp beside this file) name third-party libraries, each with why.
# Needs `here` set to the repository's root.
export ASAN_OPTIONS="halt_on_error=1:detect_leaks=1"
export LSAN_OPTIONS="suppressions=$here/scripts/sanitizers/lsan.supp:print_suppressions=0"
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1"
if [ -x /usr/lib/llvm-14/bin/llvm-symbolizer ]; then
  export ASAN_SYMBOLIZER_PATH=/usr/lib/llvm-14/bin/llvm-symbolizer
fi
