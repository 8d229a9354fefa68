// FL006 templated-values: a file whose typed values are template placeholders. The rules that judge
// values skip them (rules/value_policy.hpp), so the file says once that its rendered values are unchecked.
#include <map>

#include <fmt/format.h>

#include "rules/rule_helpers.hpp"
#include "rules/value_policy.hpp"

namespace flinklint::rules {
namespace {

struct Unchecked {
    const FlinkConfig* config = nullptr;
    const ConfigEntry* first = nullptr;
    std::size_t count = 0;
};

}  // namespace

void check_templated_values(const Model& model, Reporter& reporter) {
    // One finding per file, whatever number of configurations (ConfigMaps, services) it holds.
    std::map<const Source*, Unchecked> files;
    std::vector<const Source*> order;
    for (const FlinkConfig& config : model.configs()) {
        const Placeholders placeholders(config);
        if (placeholders.unchecked().empty()) continue;
        auto [it, inserted] = files.try_emplace(config.source().get());
        if (inserted) {
            order.push_back(config.source().get());
            it->second = {&config, placeholders.unchecked().front(), 0};
        }
        it->second.count += placeholders.unchecked().size();
    }
    for (const Source* source : order) {
        const Unchecked& file = files.at(source);
        const ConfigEntry& entry = *file.first;
        const int line = file.config->source()->position(entry.key_span.begin).line;
        const std::string shown =
            quoted(fmt::format("{}: {}", entry.key, shown_value(entry.key, entry.value)));
        reporter.report(
            {.source = file.config->source(),
             // About the file, not a line: the placeholder lines themselves are correct.
             .span = first_line_span(*file.config->source()),
             .message = file.count == 1
                            ? fmt::format("templated: rendered values are not checked ({} on line {} is a "
                                          "placeholder)",
                                          shown, line)
                            : fmt::format("templated: rendered values are not checked ({} placeholders in "
                                          "typed options, the first {} on line {})",
                                          file.count, shown, line),
             .help = "lint the rendered file to check them, e.g. `envsubst < FILE | flinklint check "
                     "--stdin-filename FILE -`",
             .key = entry.key});
    }
}

}  // namespace flinklint::rules
