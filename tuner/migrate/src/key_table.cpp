// docs/migrate.md's table: every key `from` reads that `to` renames or no longer reads, as
// migrate treats it (the same plan_key, so the table cannot drift from the command).
#include <set>

#include <fmt/format.h>

#include "flinklint/migrate/migrate.hpp"
#include "key_plan.hpp"

namespace flinklint::migrate {
namespace {

std::set<std::string_view> keys_of(const Catalog& catalog) {
    std::set<std::string_view> keys;
    for (const OptionInfo& option : catalog.options()) {
        if (option.is_pattern() || option.operator_option) continue;
        keys.insert(option.key);
        keys.insert(option.deprecated_keys.begin(), option.deprecated_keys.end());
        keys.insert(option.fallback_keys.begin(), option.fallback_keys.end());
    }
    return keys;
}

std::string code_list(const std::vector<std::string>& keys) {
    std::string out;
    for (const std::string& key : keys) out += (out.empty() ? "`" : ", `") + key + "`";
    return out;
}

std::string row(std::string_view key, const Catalog& from, const Catalog& to) {
    const KeyPlan standalone = plan_key(key, from, to, DeploymentMode::standalone);
    const KeyPlan active = plan_key(key, from, to, DeploymentMode::active);
    switch (standalone.kind) {
        case KeyPlan::Kind::keep:
            return {};
        case KeyPlan::Kind::rename:
            return fmt::format("| `{}` | renamed | {} | {} |\n", key, code_list(standalone.keys),
                               standalone.reason);
        case KeyPlan::Kind::replace: {
            std::string to_keys = code_list(standalone.keys);
            if (active.keys != standalone.keys)
                to_keys = fmt::format("{} (standalone), {} (containers)", to_keys, code_list(active.keys));
            const std::string unit =
                standalone.unit_suffix.empty() ? "" : fmt::format(" (value + `{}`)", standalone.unit_suffix);
            return fmt::format("| `{}` | replaced | {}{} | {} |\n", key, to_keys, unit, standalone.reason);
        }
        case KeyPlan::Kind::remove:
            return fmt::format("| `{}` | removed | | {} |\n", key, standalone.reason);
    }
    return {};
}

}  // namespace

std::string key_table_markdown(FlinkVersion from_version, FlinkVersion to_version) {
    const Catalog& from = Catalog::for_version(from_version);
    const Catalog& to = Catalog::for_version(to_version);
    std::string out =
        fmt::format("| key (Flink {}) | in Flink {} | written as | why |\n| --- | --- | --- | --- |\n",
                    from.version().str(), to.version().str());
    for (const std::string_view key : keys_of(from)) out += row(key, from, to);
    return out;
}

}  // namespace flinklint::migrate
