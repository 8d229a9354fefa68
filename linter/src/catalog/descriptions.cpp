// Option descriptions: a binary search in the compiled table (description_table.hpp).
#include <algorithm>
#include <iterator>

#include "catalog/description_table.hpp"
#include "flinklint/option_descriptions.hpp"

namespace flinklint {

std::string_view option_description(std::string_view key, FlinkVersion version) {
    using catalog_detail::DescriptionRow;
    const auto& compiled = catalog_detail::compiled_descriptions();
    const auto key_of = [&](const DescriptionRow& row) {
        return compiled.text.substr(row.key_offset, row.key_size);
    };
    const FlinkVersion catalog = catalog_version_for(version);
    const auto slot = std::find(std::begin(kCatalogVersions), std::end(kCatalogVersions), catalog) -
                      std::begin(kCatalogVersions);
    const auto first = std::partition_point(compiled.rows.begin(), compiled.rows.end(),
                                            [&](const DescriptionRow& row) { return key_of(row) < key; });
    for (auto row = first; row != compiled.rows.end() && key_of(*row) == key; ++row) {
        if ((row->releases >> slot) & 1U) return compiled.text.substr(row->text_offset, row->text_size);
    }
    return {};
}

}  // namespace flinklint
