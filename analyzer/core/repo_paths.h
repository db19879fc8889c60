#pragma once
// What a repository path is, by its name alone: the documents, manifests and folders the history
// and the health checks look for. Case-insensitive; vendored folders never count.
#include <string>
#include <string_view>

namespace rh {

/// The path in lower case.
std::string lower_path(std::string_view path);
/// Under node_modules/, vendor/, third_party/ or bower_components/ (at any depth).
bool in_vendored_folder(std::string_view path);
/// CHANGELOG, CHANGES, HISTORY, NEWS, RELEASE_NOTES (with a text extension) or a file in a
/// changelog fragment folder (changelog.d/, .changeset/, newsfragments/…); never vendored.
bool is_changelog_path(std::string_view path);
/// A file in a changelog fragment folder (changelog.d/, .changeset/, newsfragments/…).
bool in_changelog_folder(std::string_view path);
// Whether a path is test code, a fixture, an example… is core/classify.h's to say (roles).

}  // namespace rh
