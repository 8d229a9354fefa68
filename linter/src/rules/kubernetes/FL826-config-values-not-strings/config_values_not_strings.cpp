// FL826 config-values-not-strings: a flinkConfiguration written for the string-only CRD of operators up
// to 1.12 (a number or boolean quoted, `"2"`) that also has unquoted numbers or booleans, or nested keys.
// Such an operator's API server rejects the resource; 1.13 and later accept any YAML. flinklint cannot
// see the installed operator: resources written wholly in the 1.13 style are left alone.
#include <fmt/format.h>

#include "rules/kubernetes/operator_support.hpp"
#include "rules/kubernetes/quote_values_fix.hpp"

namespace flinklint::rules {

namespace {

bool looks_typed(std::string_view value) {
    return parse_java_long(value).ok() || parse_java_double(value).ok() || value == "true" ||
           value == "false" || value == "True" || value == "False";
}

}  // namespace

void check_config_values_not_strings(const Model& model, Reporter& reporter) {
    for (const OperatorResource& r : operator_resources(model)) {
        if (r.config == nullptr) continue;
        // A value quoted only to satisfy the string-only CRD shows the resource is written for it.
        const ConfigEntry* quoted_typed = nullptr;
        const ConfigEntry* first = nullptr;
        std::size_t count = 0;
        bool nested = false;
        for (const ConfigEntry& entry : r.config->entries()) {
            nested = nested || entry.path_spans.size() > 1;
            if (entry.quoted && entry.kind == ValueKind::string && quoted_typed == nullptr &&
                looks_typed(entry.value))
                quoted_typed = &entry;
            const bool not_string = entry.kind == ValueKind::integer || entry.kind == ValueKind::floating ||
                                    entry.kind == ValueKind::boolean || entry.kind == ValueKind::null ||
                                    entry.kind == ValueKind::list;
            if (!not_string) continue;
            if (first == nullptr) first = &entry;
            ++count;
        }
        if (quoted_typed == nullptr || (first == nullptr && !nested)) continue;
        const ConfigEntry* at = first;
        if (at == nullptr) {
            for (const ConfigEntry& entry : r.config->entries())
                if (entry.path_spans.size() > 1) {
                    at = &entry;
                    break;
                }
        }
        Finding f = r.at(
            at == first ? (at->value_span.empty() ? at->key_span : at->value_span) : at->path_spans.front(),
            at->key);
        std::string what;
        if (count > 0)
            what = fmt::format("{} unquoted value{} (first: `{}: {}`)", count, count == 1 ? "" : "s",
                               first->key, first->value);
        if (nested) what += (what.empty() ? "" : " and ") + std::string("nested keys");
        const Position quoted_at = r.config->source()->position(quoted_typed->value_span.begin);
        const std::string_view written = r.config->source()->view(quoted_typed->value_span);
        f.message = fmt::format(
            "the flinkConfiguration of {} quotes `{}: {}` (line {}) as the string-only CRD of "
            "operators up to 1.12 requires, but has {}: such an operator's API server rejects "
            "the resource (1.13+ accepts any YAML)",
            r.label(), quoted_typed->key, written, quoted_at.line, what);
        f.help =
            "quote every value and write flat keys if an operator 1.12 or older may read it; on 1.13+ "
            "quoting is not needed (disable this rule)";
        f.fix = quote_values_fix(*r.config);  // keeps every value's text: safe
        reporter.report(std::move(f));
    }
}

}  // namespace flinklint::rules
