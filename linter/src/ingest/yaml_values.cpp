#include "ingest/yaml_values.hpp"

#include <algorithm>

#include <charconv>
#include <cmath>
#include <cstdint>

#include "flinklint/text_util.hpp"

namespace flinklint::ingestion {
namespace {

bool is_digit(char c) {
    return c >= '0' && c <= '9';
}
bool is_hex(char c) {
    return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

bool all_of(std::string_view s, bool (*pred)(char)) {
    if (s.empty()) return false;
    for (char c : s)
        if (!pred(c)) return false;
    return true;
}

bool is_core_int(std::string_view s) {
    if (s.size() > 2 && s[0] == '0' && s[1] == 'o')
        return all_of(s.substr(2), [](char c) { return c >= '0' && c <= '7'; });
    if (s.size() > 2 && s[0] == '0' && s[1] == 'x') return all_of(s.substr(2), is_hex);
    if (!s.empty() && (s[0] == '+' || s[0] == '-')) s.remove_prefix(1);
    return all_of(s, is_digit);
}

bool is_special_float(std::string_view s) {
    if (s == ".nan" || s == ".NaN" || s == ".NAN") return true;
    if (!s.empty() && (s[0] == '+' || s[0] == '-')) s.remove_prefix(1);
    return s == ".inf" || s == ".Inf" || s == ".INF";
}

// [-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?
bool is_core_float(std::string_view s) {
    if (is_special_float(s)) return true;
    std::size_t i = 0;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
    const std::size_t int_begin = i;
    while (i < s.size() && is_digit(s[i])) ++i;
    const bool int_digits = i > int_begin;
    if (i < s.size() && s[i] == '.') {
        ++i;
        const std::size_t frac_begin = i;
        while (i < s.size() && is_digit(s[i])) ++i;
        if (!int_digits && i == frac_begin) return false;
    } else if (!int_digits) {
        return false;
    }
    if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
        ++i;
        if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
        const std::size_t exp_begin = i;
        while (i < s.size() && is_digit(s[i])) ++i;
        if (i == exp_begin) return false;
    }
    return i == s.size();
}

// Integer text as Java prints the Integer/Long snakeyaml constructs.
std::string java_int(std::string_view s) {
    int base = 10;
    if (s.size() > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'o')) {
        base = s[1] == 'x' ? 16 : 8;
        std::uint64_t v = 0;
        const auto r = std::from_chars(s.data() + 2, s.data() + s.size(), v, base);
        if (r.ec != std::errc() || r.ptr != s.data() + s.size()) return std::string(s);
        return std::to_string(v);
    }
    bool negative = false;
    if (!s.empty() && (s[0] == '+' || s[0] == '-')) {
        negative = s[0] == '-';
        s.remove_prefix(1);
    }
    while (s.size() > 1 && s[0] == '0') s.remove_prefix(1);
    std::string out;
    if (negative && s != "0") out += '-';
    out.append(s);
    return out;
}

// Java's Double.toString: plain decimal in [1e-3, 1e7), else `d.dddE±n`.
std::string java_double(double d) {
    if (std::isnan(d)) return "NaN";
    if (std::isinf(d)) return d < 0 ? "-Infinity" : "Infinity";
    if (d == 0) return std::signbit(d) ? "-0.0" : "0.0";
    char buf[64];
    const auto r = std::to_chars(buf, buf + sizeof buf, std::fabs(d), std::chars_format::scientific);
    std::string_view sci(buf, static_cast<std::size_t>(r.ptr - buf));
    const std::size_t e_pos = sci.find('e');
    std::string digits;
    for (char c : sci.substr(0, e_pos))
        if (c != '.') digits += c;
    int exponent = 0;
    std::string_view exp_text = sci.substr(e_pos + 1);
    if (!exp_text.empty() && exp_text[0] == '+') exp_text.remove_prefix(1);
    std::from_chars(exp_text.data(), exp_text.data() + exp_text.size(), exponent);
    std::string out = d < 0 ? "-" : "";
    if (exponent >= -3 && exponent < 7) {
        if (exponent >= 0) {
            const auto int_len = static_cast<std::size_t>(exponent) + 1;
            std::string int_part = digits.substr(0, std::min(int_len, digits.size()));
            int_part.append(int_len - int_part.size(), '0');
            const std::string frac = digits.size() > int_len ? digits.substr(int_len) : "0";
            out += int_part + "." + frac;
        } else {
            out += "0." + std::string(static_cast<std::size_t>(-exponent - 1), '0') + digits;
        }
    } else {
        out += digits.substr(0, 1) + "." + (digits.size() > 1 ? digits.substr(1) : "0") + "E" +
               std::to_string(exponent);
    }
    return out;
}

std::string java_float_text(std::string_view s) {
    if (s == ".nan" || s == ".NaN" || s == ".NAN") return "NaN";
    if (is_special_float(s)) return s[0] == '-' ? "-Infinity" : "Infinity";
    std::string_view body = s;
    if (!body.empty() && body[0] == '+') body.remove_prefix(1);
    double d = 0;
    const auto r = std::from_chars(body.data(), body.data() + body.size(), d);
    if (r.ec != std::errc() && r.ec != std::errc::result_out_of_range) return std::string(s);
    return java_double(d);
}

bool needs_double_quotes(std::string_view s) {
    for (char c : s) {
        const auto u = static_cast<unsigned char>(c);
        if (u < 0x20 || u == 0x7F) return true;
    }
    return false;
}

bool plain_allowed(std::string_view s) {
    if (s.empty() || core_schema_kind(s) != ValueKind::string) return false;
    if (s.front() == ' ' || s.back() == ' ' || s.back() == ':') return false;
    constexpr std::string_view indicators = "#,[]{}&*!|>'\"%@`";
    if (indicators.find(s.front()) != std::string_view::npos) return false;
    if ((s.front() == '-' || s.front() == '?' || s.front() == ':') && (s.size() == 1 || s[1] == ' '))
        return false;
    if (s.find(": ") != std::string_view::npos || s.find(" #") != std::string_view::npos) return false;
    if (s.find_first_of(",[]{}\t") != std::string_view::npos) return false;
    return !needs_double_quotes(s);
}

std::string flow_scalar(std::string_view s) {
    if (plain_allowed(s)) return std::string(s);
    std::string out;
    if (!needs_double_quotes(s)) {
        out = "'";
        for (char c : s) out += c == '\'' ? std::string("''") : std::string(1, c);
        return out + "'";
    }
    return yaml_double_quoted(s);
}

}  // namespace

ValueKind core_schema_kind(std::string_view s) {
    if (s.empty() || s == "~" || s == "null" || s == "Null" || s == "NULL") return ValueKind::null;
    if (s == "true" || s == "True" || s == "TRUE" || s == "false" || s == "False" || s == "FALSE")
        return ValueKind::boolean;
    if (is_core_int(s)) return ValueKind::integer;
    if (is_core_float(s)) return ValueKind::floating;
    return ValueKind::string;
}

bool constructible_tag(std::string_view tag) {
    if (tag.empty() || tag == "!ENV") return true;  // `!ENV`: StandardConstructor's ConstructEnv
    constexpr std::string_view prefix = "tag:yaml.org,2002:";
    if (tag.substr(0, prefix.size()) != prefix) return false;
    tag.remove_prefix(prefix.size());
    // StandardConstructor (str, seq, map, set) and the JSON schema's constructors (null, bool, int,
    // float, binary) that the core schema extends; YAML 1.1's timestamp, omap, pairs are gone.
    static constexpr std::string_view kKnown[] = {"str",  "seq", "map",   "set",   "null",
                                                  "bool", "int", "float", "binary"};
    return std::find(std::begin(kKnown), std::end(kKnown), tag) != std::end(kKnown);
}

ValueKind scalar_kind(const YNode& node) {
    if (!node.tag.empty()) {
        constexpr std::string_view prefix = "tag:yaml.org,2002:";
        std::string_view tag = node.tag;
        if (tag.substr(0, prefix.size()) == prefix) tag.remove_prefix(prefix.size());
        if (tag == "int") return ValueKind::integer;
        if (tag == "float") return ValueKind::floating;
        if (tag == "bool") return ValueKind::boolean;
        if (tag == "null") return ValueKind::null;
        return ValueKind::string;
    }
    return node.plain ? core_schema_kind(node.value) : ValueKind::string;
}

std::string java_text(ValueKind kind, std::string_view text) {
    switch (kind) {
        case ValueKind::boolean: {
            std::string out(text);
            for (char& c : out)
                if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
            return out;
        }
        case ValueKind::integer:
            return is_core_int(text) ? java_int(text) : std::string(text);
        case ValueKind::floating:
            return is_core_float(text) ? java_float_text(text) : std::string(text);
        default:
            return std::string(text);
    }
}

std::string flow_text(const YDoc& doc, std::size_t index, Budget& budget, int depth_left) {
    const std::size_t r = resolve(doc, index);
    if (r == npos || !budget.take() || depth_left <= 0) return {};
    const YNode& node = doc.nodes[r];
    switch (node.kind) {
        case YNode::Kind::null:
        case YNode::Kind::alias:
            return "null";
        case YNode::Kind::scalar: {
            if (!budget.take_bytes(node.value.size())) return {};
            const ValueKind kind = scalar_kind(node);
            if (kind == ValueKind::string) return flow_scalar(node.value);
            if (kind == ValueKind::null) return "null";
            return java_text(kind, node.value);
        }
        case YNode::Kind::sequence: {
            std::string out = "[";
            for (std::size_t i = 0; i < node.children.size() && !budget.exhausted; ++i) {
                if (i > 0) out += ", ";
                out += flow_text(doc, node.children[i], budget, depth_left - 1);
            }
            return out + "]";
        }
        case YNode::Kind::map: {
            std::string out = "{";
            for (std::size_t i = 0; i + 1 < node.children.size() && !budget.exhausted; i += 2) {
                if (i > 0) out += ", ";
                out += flow_text(doc, node.children[i], budget, depth_left - 1) + ": " +
                       flow_text(doc, node.children[i + 1], budget, depth_left - 1);
            }
            return out + "}";
        }
    }
    return {};
}

}  // namespace flinklint::ingestion
