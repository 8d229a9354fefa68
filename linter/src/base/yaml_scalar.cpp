// YAML 1.2 core schema (snakeyaml-engine's CoreSchema, as YamlParserUtils loads config.yaml), and
// the Java text of what it constructs: tests/unit/tuner/yaml_writers_spec_test.cpp reads every
// writer's output back through flinklint's config.yaml reader.
#include "flinklint/yaml_scalar.hpp"

#include <regex>

namespace flinklint {
namespace {

bool matches(std::string_view text, const std::regex& re) {
    return std::regex_match(text.begin(), text.end(), re);
}

// A typed scalar whose toString() in Java is its own text: Flink reads a String option the same.
// Not `-0` (the Integer 0) nor `1.50` (the Double 1.5).
bool canonical_typed(std::string_view t) {
    static const std::regex re("true|false|0|-?[1-9][0-9]{0,17}|-?(0|[1-9][0-9]{0,5})\\.([0-9]{0,5}[1-9]|0)");
    return matches(t, re);
}

bool yaml11_bool(std::string_view t) {
    static const std::regex re("y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF");
    return matches(t, re);
}

}  // namespace

bool typed_in_core_schema(std::string_view t) {
    static const std::regex null_re("~|null|Null|NULL");
    static const std::regex bool_re("true|True|TRUE|false|False|FALSE");
    static const std::regex int_re("[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+");
    static const std::regex float_re(
        "[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?|[-+]?\\.(inf|Inf|INF)|\\.nan|\\.NaN|\\.NAN");
    return matches(t, null_re) || matches(t, bool_re) || matches(t, int_re) || matches(t, float_re);
}

bool plain_is_verbatim(std::string_view t) {
    if (t.empty() || t.front() == ' ' || t.front() == '\t' || t.back() == ' ' || t.back() == '\t')
        return false;
    if (std::string_view("-?:,[]{}#&*!|>'\"%@`").find(t.front()) != std::string_view::npos) {
        // `-`, `?` and `:` start a plain scalar only when followed by a non-space.
        const bool indicator_ok = (t.front() == '-' || t.front() == '?' || t.front() == ':') &&
                                  t.size() > 1 && t[1] != ' ' && t[1] != '\t';
        if (!indicator_ok) return false;
    }
    if (t.find(": ") != std::string_view::npos || t.find(" #") != std::string_view::npos) return false;
    if (t.back() == ':') return false;
    if (t.find_first_of("\t\r\n") != std::string_view::npos) return false;
    return (!typed_in_core_schema(t) || canonical_typed(t)) && !yaml11_bool(t);
}

std::string yaml_single_quoted(std::string_view text) {
    std::string out = "'";
    for (const char c : text) {
        if (c == '\'') out += '\'';
        out += c;
    }
    return out + "'";
}

}  // namespace flinklint
