// The namespaces of every catalog version (CompiledCatalogs::namespaces), for keys no option reads.
#include <algorithm>

#include "catalog/catalog_index.hpp"

namespace flinklint {

std::string_view foreign_namespace(std::string_view key) {
    using catalog_detail::text_of;
    using catalog_detail::TextRef;
    const std::size_t dot = key.find('.');
    if (dot == std::string_view::npos || dot == 0) return {};
    const auto& namespaces = catalog_detail::compiled_catalogs().namespaces;
    const std::string_view first = key.substr(0, dot);
    const auto ns =
        std::lower_bound(namespaces.begin(), namespaces.end(), first,
                         [](TextRef name, std::string_view wanted) { return text_of(name) < wanted; });
    if (ns != namespaces.end() && text_of(*ns) == first) return {};
    return key.substr(0, dot + 1);
}

}  // namespace flinklint
