// The namespaces of every catalog version (CompiledCatalogs::namespaces), for keys no option reads.
#include <algorithm>

#include "catalog/catalog_index.hpp"

namespace flinklint {

std::string_view foreign_namespace(std::string_view key) {
    using catalog_detail::Namespace;
    using catalog_detail::text_of;
    using catalog_detail::TextRef;
    const std::size_t dot = key.find('.');
    if (dot == std::string_view::npos || dot == 0) return {};
    const auto& compiled = catalog_detail::compiled_catalogs();
    const std::string_view first = key.substr(0, dot);
    const auto ns =
        std::lower_bound(compiled.namespaces.begin(), compiled.namespaces.end(), first,
                         [](const Namespace& n, std::string_view name) { return text_of(n.name) < name; });
    if (ns == compiled.namespaces.end() || text_of(ns->name) != first) return key.substr(0, dot + 1);
    const std::size_t second_dot = key.find('.', dot + 1);
    if (ns->any_second || second_dot == std::string_view::npos) return {};
    const std::string_view first_two = key.substr(0, second_dot);
    const auto sub =
        std::lower_bound(compiled.sub_namespaces.begin(), compiled.sub_namespaces.end(), first_two,
                         [](TextRef ref, std::string_view name) { return text_of(ref) < name; });
    if (sub != compiled.sub_namespaces.end() && text_of(*sub) == first_two) return {};
    return key.substr(0, second_dot + 1);
}

}  // namespace flinklint
