#pragma once
// Call sites, language-neutral: both frontends produce them for the rule engine's `call` kind.
#include <cstdint>
#include <string>
#include <vector>

namespace rh {

/// One argument of a call, as the rule engine's `call` kind needs it.
struct CallArgument {
  std::string text;     ///< source text of the argument (value only, without `name=`)
  std::string keyword;  ///< keyword/named argument name, empty when positional
  bool literal = false; ///< a string/number/boolean literal (no interpolation)
};

/// A call site, language-neutral: both frontends produce these.
struct CallSite {
  std::string callee;  ///< as written, qualified: "subprocess.run", "os.system", "strcpy"
  int64_t line = 0, column = 0, end_line = 0, end_column = 0;  ///< 1-based; end column exclusive
  std::vector<CallArgument> arguments;
  std::string function;  ///< qualified name of the enclosing function, empty at file level
};

}  // namespace rh
