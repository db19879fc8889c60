#include "lang/compile_commands.h"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace rh {
namespace {

namespace fs = std::filesystem;

std::string absolute_in(const std::string& directory, const std::string& path) {
  fs::path p(path);
  if (p.is_relative()) p = fs::path(directory) / p;
  return p.lexically_normal().string();
}

/// Flags for libclang from a compiler's argv: the compiler, the source, -c, -o X and
/// dependency-file options dropped; include paths made absolute.
std::vector<std::string> libclang_flags(const std::vector<std::string>& argv, const std::string& directory,
                                        const std::string& file) {
  static const std::vector<std::string> with_path = {"-I", "-isystem", "-iquote", "-idirafter", "-include",
                                                     "-imacros", "-isysroot", "--sysroot"};
  std::vector<std::string> out;
  for (size_t i = 1; i < argv.size(); ++i) {
    const std::string& a = argv[i];
    if (a == "-c" || a == "-MD" || a == "-MMD" || a == "-MP") continue;
    if (a == "-o" || a == "-MF" || a == "-MT" || a == "-MQ") {
      ++i;
      continue;
    }
    if (a.starts_with("-o") && a.size() > 2) continue;
    if (absolute_in(directory, a) == file) continue;  // the source file itself
    bool handled = false;
    for (const std::string& opt : with_path) {
      if (a == opt && i + 1 < argv.size()) {
        out.push_back(a);
        out.push_back(absolute_in(directory, argv[++i]));
        handled = true;
        break;
      }
      if (a.size() > opt.size() && a.starts_with(opt) && opt.size() == 2) {  // -Ifoo
        out.push_back(opt + absolute_in(directory, a.substr(opt.size())));
        handled = true;
        break;
      }
    }
    if (!handled) out.push_back(a);
  }
  return out;
}

}  // namespace

std::vector<std::string> split_command_line(std::string_view command) {
  std::vector<std::string> out;
  std::string current;
  bool in_word = false;
  char quote = 0;
  for (size_t i = 0; i < command.size(); ++i) {
    const char c = command[i];
    if (quote) {
      if (c == quote) {
        quote = 0;
      } else if (c == '\\' && quote == '"' && i + 1 < command.size()) {
        current += command[++i];
      } else {
        current += c;
      }
      continue;
    }
    if (c == '\'' || c == '"') {
      quote = c;
      in_word = true;
    } else if (c == '\\' && i + 1 < command.size()) {
      current += command[++i];
      in_word = true;
    } else if (c == ' ' || c == '\t' || c == '\n') {
      if (in_word) out.push_back(std::move(current));
      current.clear();
      in_word = false;
    } else {
      current += c;
      in_word = true;
    }
  }
  if (in_word) out.push_back(std::move(current));
  return out;
}

Result<CompileCommands> CompileCommands::parse(std::string_view json, std::string_view origin,
                                               const std::string& scan_root) {
  nlohmann::json doc;
  try {
    doc = nlohmann::json::parse(json);
  } catch (const nlohmann::json::parse_error& e) {
    return Error{std::string(origin) + ": not valid JSON (" + e.what() + ")"};
  }
  if (!doc.is_array()) return Error{std::string(origin) + ": expected a JSON array of compile commands"};
  std::error_code ec;
  const fs::path root = fs::weakly_canonical(fs::absolute(scan_root, ec), ec).lexically_normal();
  CompileCommands out;
  for (size_t i = 0; i < doc.size(); ++i) {
    const auto& e = doc[i];
    const std::string where = std::string(origin) + ": entry " + std::to_string(i);
    if (!e.is_object() || !e.contains("file") || !e["file"].is_string() || !e.contains("directory") ||
        !e["directory"].is_string())
      return Error{where + ": needs \"directory\" and \"file\" strings"};
    CompileCommand c;
    c.directory = e["directory"].get<std::string>();
    c.file = absolute_in(c.directory, e["file"].get<std::string>());
    std::vector<std::string> argv;
    if (e.contains("arguments") && e["arguments"].is_array()) {
      for (const auto& a : e["arguments"])
        if (a.is_string()) argv.push_back(a.get<std::string>());
    } else if (e.contains("command") && e["command"].is_string()) {
      argv = split_command_line(e["command"].get<std::string>());
    } else {
      return Error{where + ": needs \"arguments\" or \"command\""};
    }
    c.flags = libclang_flags(argv, c.directory, c.file);
    fs::path file = fs::weakly_canonical(c.file, ec);
    if (ec) file = fs::path(c.file);
    const fs::path relative = file.lexically_relative(root);
    if (relative.empty() || relative.string().starts_with("..")) continue;  // outside the scan
    out.by_relative_.emplace(relative.generic_string(), std::move(c));
  }
  return out;
}

Result<CompileCommands> CompileCommands::load(const std::string& path, const std::string& scan_root) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error{path + ": cannot read the compile commands (give the path of a compile_commands.json)"};
  std::ostringstream text;
  text << in.rdbuf();
  return parse(text.str(), path, scan_root);
}

const CompileCommand* CompileCommands::find(std::string_view relative_path) const {
  auto it = by_relative_.find(relative_path);
  return it == by_relative_.end() ? nullptr : &it->second;
}

}  // namespace rh
