// The option descriptions compiled from schemas/descriptions.tsv (linter/tools/catalog_gen/descriptions.cpp).
// Offsets into one text array, not pointers: constant data the loader never relocates, so a check,
// which never reads a description, pays nothing for them at start-up.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>

namespace flinklint::catalog_detail {

struct DescriptionRow {
    std::uint32_t key_offset = 0;
    std::uint32_t key_size = 0;
    std::uint32_t text_offset = 0;
    std::uint32_t text_size = 0;
    std::uint32_t releases = 0;  // bit n: the text is the one of kCatalogVersions[n]
};

struct CompiledDescriptions {
    std::string_view text;
    std::span<const DescriptionRow> rows;  // sorted by key
};

const CompiledDescriptions& compiled_descriptions();

}  // namespace flinklint::catalog_detail
