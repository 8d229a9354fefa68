// Option type names as Flink's documentation spells them, and the pattern test of a key.
#include <array>
#include <utility>

#include "catalog/catalog_internal.hpp"
#include "flinklint/catalog.hpp"

namespace flinklint {
namespace {

constexpr std::array<std::pair<OptionType, std::string_view>, 14> kTypeNames = {{
    {OptionType::string_, "String"},
    {OptionType::boolean, "Boolean"},
    {OptionType::integer, "Integer"},
    {OptionType::long_, "Long"},
    {OptionType::float_, "Float"},
    {OptionType::double_, "Double"},
    {OptionType::duration, "Duration"},
    {OptionType::memory_size, "MemorySize"},
    {OptionType::enumeration, "Enum"},
    {OptionType::map, "Map"},
    {OptionType::list_string, "List<String>"},
    {OptionType::list_map, "List<Map>"},
    {OptionType::list_enum, "List<Enum>"},
    {OptionType::unknown, "?"},
}};

}  // namespace

std::string_view to_string(OptionType type) {
    for (const auto& [value, name] : kTypeNames) {
        if (value == type) return name;
    }
    return "?";
}

OptionType parse_option_type(std::string_view text) {
    for (const auto& [value, name] : kTypeNames) {
        if (name == text) return value;
    }
    return OptionType::unknown;
}

bool OptionInfo::is_pattern() const {
    return catalog_detail::key_is_pattern(key);
}

}  // namespace flinklint
