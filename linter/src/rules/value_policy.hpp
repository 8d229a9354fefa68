// Which written values the rules judge: one policy for template placeholders and for values that
// Flink never parses, so that no rule reports an error on a value nobody reads as written.
#pragma once

#include <string>
#include <unordered_set>

#include "flinklint/model.hpp"

namespace flinklint::rules {

// The values of one configuration that a templating step fills in before Flink reads them:
// is_template_placeholder (`${VAR}`, `$VAR`, `{{ x }}`, `{% x %}`, `%VAR%`, ...), and a bare lowercase
// word such as `jm_heap` as the value of a numeric option when the configuration has another
// placeholder (a marked one, or another such word with an `_`). A lone `parallelism.default: four`
// stays a mistake.
class Placeholders {
public:
    explicit Placeholders(const FlinkConfig& config);
    [[nodiscard]] bool skips(const ConfigEntry& entry) const { return skipped_.contains(&entry); }
    // The entries whose value a typed option would have checked (not String options): what the
    // one "templated" finding of a file is about, in file order.
    [[nodiscard]] const std::vector<const ConfigEntry*>& unchecked() const { return unchecked_; }

private:
    std::unordered_set<const ConfigEntry*> skipped_;
    std::vector<const ConfigEntry*> unchecked_;
};

// Why Flink never parses the value of `option` in `config`, or empty when it does:
// `web.backpressure.*` (WebOptions: "no longer used" since back pressure comes from task metrics),
// and `taskmanager.network.numberOfBuffers` when a network min, max or fraction is set
// (TaskExecutorFlinkMemoryUtils#isUsingLegacyNetworkConfigs).
std::string never_read_reason(const FlinkConfig& config, const OptionInfo& option);

}  // namespace flinklint::rules
