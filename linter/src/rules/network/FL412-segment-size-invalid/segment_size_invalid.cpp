// FL412 segment-size-invalid: TaskManagers refuse a memory segment (network buffer) size that is not a
// power of two, is below 4 KiB or does not fit an int (ConfigurationParserUtils.getPageSize).
#include <fmt/format.h>

#include <algorithm>

#include "flinklint/network_buffers.hpp"
#include "flinklint/text_util.hpp"
#include "flinklint/values.hpp"
#include "rules/memory/memory_support.hpp"
#include "rules/runtime_support.hpp"

namespace flinklint::rules {
namespace {

constexpr std::string_view kSegmentSize = "taskmanager.memory.segment-size";

std::string size_literal(std::uint64_t bytes) {
    if (bytes % kMiB == 0) return fmt::format("{}mb", bytes / kMiB);
    return fmt::format("{}kb", bytes / 1024);
}

// FL301 already reports the size where the legacy network key makes the memory model read it.
bool memory_model_reports(const EffectiveConfig& effective) {
    const auto* error = std::get_if<MemoryError>(&effective.taskmanager());
    return error != nullptr &&
           std::find(error->keys.begin(), error->keys.end(), kSegmentSize) != error->keys.end();
}

}  // namespace

void check_segment_size_invalid(const Model& model, Reporter& reporter) {
    for (const EffectiveConfig* effective : effective_configs(model)) {
        if (!effective->sizes_processes()) continue;
        const auto setting = find_setting(*effective, {kSegmentSize});
        if (!setting) continue;
        const auto bytes = parse_memory_size(trim(setting->value));
        if (!bytes) continue;  // FL102
        if (is_valid_page_size(*bytes)) continue;
        if (memory_model_reports(*effective)) continue;
        std::uint64_t nearest = kMinPageSize;
        while (nearest * 2 <= std::min(*bytes, kMaxPageSize)) nearest *= 2;
        const std::string reason = *bytes < kMinPageSize   ? "below the minimum of 4 KiB"
                                   : *bytes > kMaxPageSize ? "larger than an int can hold"
                                                           : "not a power of two";
        Finding finding = finding_for(*effective, *setting);
        finding.message = fmt::format(
            "{} is {} bytes, {}: every TaskManager refuses to start (\"Invalid configuration value for "
            "taskmanager.memory.segment-size\")",
            setting->shown(), *bytes, reason);
        finding.help = fmt::format("use a power of two of at least 4 KiB, e.g. `{}` (the default is `32kb`)",
                                   size_literal(nearest));
        finding.fix = replace_setting_fix(*effective, *setting, size_literal(nearest));
        reporter.report(std::move(finding));
    }
}

}  // namespace flinklint::rules
