#pragma once
// compile_commands.json (`repohealth scan --compile-commands PATH`): each C/C++ file's compiler
// flags, so libclang parses it with its includes and macros instead of on its own.
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"

namespace rh {

struct CompileCommand {
  std::string directory;           ///< the entry's working directory (absolute)
  std::string file;                ///< absolute, normalised
  std::vector<std::string> flags;  ///< for libclang: no compiler, no -c/-o, no source file;
                                   ///< relative include paths made absolute
};

class CompileCommands {
 public:
  /// Reads the database; `scan_root` is the folder scanned, so repository-relative paths can be
  /// matched. Errors name the file and what is wrong.
  static Result<CompileCommands> load(const std::string& path, const std::string& scan_root);
  /// Builds from JSON text (tests).
  static Result<CompileCommands> parse(std::string_view json, std::string_view origin, const std::string& scan_root);

  /// The entry of a repository-relative path, or nullptr (headers usually have none).
  const CompileCommand* find(std::string_view relative_path) const;
  size_t size() const { return by_relative_.size(); }

 private:
  std::map<std::string, CompileCommand, std::less<>> by_relative_;
};

/// Splits a shell command line as compile_commands.json's `command` holds it (quotes and
/// backslashes as a POSIX shell reads them).
std::vector<std::string> split_command_line(std::string_view command);

}  // namespace rh
