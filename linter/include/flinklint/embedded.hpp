// Data compiled into the binary: the rule doc pages (the option catalogs are tables, see catalog_index.hpp).
#pragma once

#include <span>
#include <string_view>

namespace flinklint::embedded {

struct EmbeddedFile {
    std::string_view name;  // file name without directory
    std::string_view data;
};

std::span<const EmbeddedFile> rule_docs();  // linter/src/rules/**/*.md

}  // namespace flinklint::embedded
