// FL802 resource-memory-units: `spec.*.resource.memory` of a FlinkDeployment is read by the operator
// with Flink's units first (binary, case-insensitive: `2048m` = 2 GiB), and only then as a Kubernetes
// quantity (`2Gi`, `2G` = 2e9). Strings whose meaning differs between the two mislead every reader;
// strings neither the operator nor Flink can read stop the deployment.
#include <fmt/format.h>

#include <cmath>

#include "flinklint/operator_memory.hpp"
#include "flinklint/text_util.hpp"
#include "flinklint/values.hpp"
#include "rules/memory/memory_support.hpp"

namespace flinklint::rules {
namespace {

std::string bytes_text(long double bytes) {
    if (bytes == std::floor(bytes) && bytes < 1e19L) {
        const auto whole = static_cast<std::uint64_t>(bytes);
        return whole >= kMiB ? fmt::format("{} bytes ({})", whole, mib(whole))
                             : fmt::format("{} bytes", whole);
    }
    return fmt::format("{} bytes", static_cast<double>(bytes));
}

// `2Gi`, `1536Mi`, ...: the Kubernetes spelling with the same bytes, if there is a whole one.
std::optional<std::string> binary_quantity(std::uint64_t bytes) {
    if (bytes == 0) return std::nullopt;
    for (const auto& [unit, size] :
         {std::pair{"Ti", 1ULL << 40}, std::pair{"Gi", 1ULL << 30}, std::pair{"Mi", 1ULL << 20}}) {
        if (bytes % size == 0) return fmt::format("{}{}", bytes / size, unit);
    }
    return std::nullopt;
}

// Replaces the scalar text inside its quotes, if any.
std::optional<Fix> replace_scalar(const Source& source, Span span, const std::string& replacement) {
    const std::string_view written = source.view(span);
    if (written.empty()) return std::nullopt;
    Edit edit{span.begin, span.end, replacement};
    if (is_quoted(written)) edit = Edit{span.begin + 1, span.end - 1, replacement};
    // Unsafe: operators before 1.7 pass the string to Flink unchanged, and Flink rejects `Gi`.
    return Fix{FixSafety::unsafe, fmt::format("write `{}`", replacement), {edit}};
}

void check_field(const ParsedFile& file, const Located& field, std::string_view path,
                 std::string_view process_key, Reporter& reporter) {
    if (!field) return;
    const std::string text(trim(field.value));
    Finding finding{.source = file.source, .span = field.span, .key = std::string(path)};
    const auto operator_text = operator_memory_config_value(text);
    if (!operator_text) {
        finding.severity = Severity::error;
        finding.message = fmt::format("{} ({}) is rejected by the operator: {}", quoted(path), quoted(text),
                                      operator_text.error());
        finding.help = "write a Kubernetes binary quantity such as `2Gi` or `1536Mi`";
        reporter.report(std::move(finding));
        return;
    }
    const auto bytes = parse_operator_memory(text);
    if (!bytes) {
        finding.severity = Severity::error;
        finding.message = fmt::format(
            "{} ({}): the operator writes `{}: {}`, which Flink cannot read as a memory "
            "size, so the {} does not start",
            quoted(path), quoted(text), process_key, *operator_text,
            process_key.starts_with("task") ? "TaskManager" : "JobManager");
        const auto meant = fractional_size_mib(text);
        finding.help =
            meant ? fmt::format("write a whole amount: `{}Mi` (or Flink's `{}m`) if {} meant binary units",
                                *meant, *meant, quoted(text))
                  : "write a whole amount with a binary unit, such as `1536Mi`";
        reporter.report(std::move(finding));
        return;
    }
    const auto kubernetes = kubernetes_bytes(text);
    const bool flink_syntax = parse_memory_size(text).ok();
    if (kubernetes && static_cast<long double>(*bytes) == *kubernetes) return;  // same to every reader
    if (!flink_syntax && kubernetes) return;  // a plain quantity: the operator used Kubernetes' meaning

    const std::string as_kubernetes =
        kubernetes ? fmt::format("{} as a Kubernetes quantity", bytes_text(*kubernetes))
                   : "not a valid Kubernetes quantity at all";
    const std::string reading =
        flink_syntax ? "reads Flink's binary units first" : "normalises it into a quantity";
    // The operator reads it as intended; only people and tools reading it as Kubernetes memory
    // are misled. The upstream examples write `2048m`, so this stays informational.
    finding.severity = Severity::info;
    finding.message = fmt::format(
        "{} ({}) is {} to the operator, which {}, but {}: readers, quotas and tools that "
        "treat it as Kubernetes memory get it wrong",
        quoted(path), quoted(text), mib_and_bytes(*bytes), reading, as_kubernetes);
    const auto suggestion = binary_quantity(*bytes);
    if (suggestion) {
        finding.help = fmt::format(
            "write {}, which means {} to the operator (1.7+) and to Kubernetes alike, or use "
            "Flink's style (`{}m`) in every memory field consistently",
            quoted(*suggestion), mib(*bytes), *bytes / kMiB);
        finding.fix = replace_scalar(*file.source, field.span, *suggestion);
    } else {
        finding.help = "write the size as a Kubernetes binary quantity (`Mi`, `Gi`) with a whole amount";
    }
    reporter.report(std::move(finding));
}

}  // namespace

void check_resource_memory_units(const Model& model, Reporter& reporter) {
    for (const Model::ObjectRef& ref : model.objects()) {
        const K8sObject& object = *ref.object;
        if (object.kind != "FlinkDeployment" || !object.flink) continue;
        check_field(*ref.file, object.flink->jm_memory, "spec.jobManager.resource.memory",
                    "jobmanager.memory.process.size", reporter);
        check_field(*ref.file, object.flink->tm_memory, "spec.taskManager.resource.memory",
                    "taskmanager.memory.process.size", reporter);
    }
}

}  // namespace flinklint::rules
