// Which frontend analyses a language: libclang for C and C++, tree-sitter for the languages with
// a grammar and a syntax spec; none (line counts only) for the rest.
#include "lang/frontend.h"

#include "lang/clang_frontend.h"
#include "lang/treesitter_frontend.h"

namespace rh {

FileSyntax::FileSyntax(FileSyntax&& o) noexcept
    : grammar(o.grammar), tree(o.tree), calls(std::move(o.calls)) {
  o.tree = nullptr;
}

FileSyntax& FileSyntax::operator=(FileSyntax&& o) noexcept {
  if (this != &o) {
    if (tree) ts_tree_delete(tree);
    grammar = o.grammar;
    tree = o.tree;
    calls = std::move(o.calls);
    o.tree = nullptr;
  }
  return *this;
}

FileSyntax::~FileSyntax() {
  if (tree) ts_tree_delete(tree);
}

Frontend* frontend_for(const LanguageInfo& language) {
  if (is_clang_language(language)) return clang_frontend();
  return treesitter_frontend_for(language);
}

}  // namespace rh
