// Where the tests find every rule's folder (its check, page and fixtures).
#pragma once

#include <filesystem>
#include <map>
#include <string>

namespace flinklint::testing {

// Every rule's folder, linter/src/rules/<category>/<ID>-<name>/, by its name "<ID>-<name>".
std::map<std::string, std::filesystem::path> rule_folders();

}  // namespace flinklint::testing
