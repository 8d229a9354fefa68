// Data compiled into the binary: option catalogs (schemas/) and rule doc pages.
#pragma once

#include <span>
#include <string_view>

namespace flinklint::embedded {

struct EmbeddedFile {
    std::string_view name;  // file name without directory
    std::string_view data;
};

std::span<const EmbeddedFile> catalog_data();  // schemas/*.tsv
std::span<const EmbeddedFile> rule_docs();     // linter/src/rules/**/*.md

}  // namespace flinklint::embedded
