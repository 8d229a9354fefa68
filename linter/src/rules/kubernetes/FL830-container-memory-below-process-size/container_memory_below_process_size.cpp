// FL830 container-memory-below-process-size: a standalone JobManager or TaskManager container whose
// memory limit is below the process size Flink derives from its configuration. The start scripts size
// the JVM (-Xmx, -XX:MaxDirectMemorySize, -XX:MaxMetaspaceSize) from that process size, not from the
// container (flink-dist's config.sh runs BashJavaUtils), so once the JVM grows past the limit the kernel
// kills the container (OOMKilled). Pods of a FlinkDeployment are sized by the operator from
// spec.*.resource.memory (FL801 covers those), so they are left out.
#include <fmt/format.h>

#include <cmath>

#include "flinklint/deployment.hpp"
#include "flinklint/effective_config.hpp"
#include "flinklint/text_util.hpp"
#include "flinklint/values.hpp"
#include "rules/memory/memory_support.hpp"

namespace flinklint::rules {
namespace {

// The configuration the pod's Flink process reads, lowest priority first: the image's own file (when
// nothing replaces it), the mounted file, FLINK_PROPERTIES, then `-D` arguments.
std::optional<FlatConfig> process_flat(const PodView& pod) {
    if (!pod.config.known) return std::nullopt;
    FlatConfig flat;
    bool own_file = false;
    for (const FlinkConfig* file : pod.config.files)
        own_file = own_file || file->doc().format != ConfigFormat::compose_properties;
    if (!own_file) {
        // The image ships the process sizes in its file since 1.11; a custom image's file is unknown.
        if (!pod.official_image || pod.config.version < FlinkVersion{1, 11}) return std::nullopt;
        flat.emplace("jobmanager.memory.process.size", std::string(kImageJobManagerProcessSize));
        flat.emplace("taskmanager.memory.process.size", std::string(kImageTaskManagerProcessSize));
    }
    for (auto it = pod.config.files.rbegin(); it != pod.config.files.rend(); ++it)
        for (const auto& [key, value] : (*it)->flat()) flat[key] = value;
    for (const SetValue& arg : pod.config.arguments) flat[arg.key] = arg.value;
    return flat;
}

// The process size Flink derives for the pod's role; nullopt when the derivation fails (FL301/FL302
// report that) or the version predates the process-size memory model (1.10 TaskManager, 1.11 JobManager).
std::optional<std::uint64_t> process_size(const PodView& pod, const FlatConfig& flat) {
    const MemoryOptions options{pod.config.version, DeploymentMode::standalone, {}};
    if (pod.role == FlinkRole::taskmanager) {
        if (pod.config.version < FlinkVersion{1, 10}) return std::nullopt;
        const TaskManagerResult result = derive_taskmanager_memory(flat, options);
        if (const auto* memory = std::get_if<TaskManagerMemory>(&result)) return memory->total_process;
        return std::nullopt;
    }
    if (pod.config.version < FlinkVersion{1, 11}) return std::nullopt;
    const JobManagerResult result = derive_jobmanager_memory(flat, options);
    if (const auto* memory = std::get_if<JobManagerMemory>(&result)) return memory->total_process;
    return std::nullopt;
}

// Before its memory model (1.11) the JobManager's only size is its heap: bin/jobmanager.sh starts it with
// `-Xms<heap>m -Xmx<heap>m` from jobmanager.heap.size (or jobmanager.heap.mb; bin/config.sh, default 1024m).
std::optional<std::uint64_t> legacy_jobmanager_heap(const PodView& pod, const FlatConfig& flat) {
    if (pod.role != FlinkRole::jobmanager || pod.config.version >= FlinkVersion{1, 11}) return std::nullopt;
    if (const auto it = flat.find("jobmanager.heap.size"); it != flat.end()) {
        const auto bytes = parse_memory_size(trim(it->second));
        return bytes ? std::optional<std::uint64_t>(*bytes) : std::nullopt;
    }
    if (const auto it = flat.find("jobmanager.heap.mb"); it != flat.end()) {
        const auto bytes = parse_memory_size(std::string(trim(it->second)) + "m");
        return bytes ? std::optional<std::uint64_t>(*bytes) : std::nullopt;
    }
    return std::nullopt;
}

void report_legacy_heap(const PodView& pod, std::uint64_t heap, long double limit_bytes, Reporter& reporter) {
    const Located& limit = pod.main->memory_limit;
    const auto set = pod.config.get("jobmanager.heap.size");
    Finding f{.source = pod.file->source, .span = limit.span, .key = "resources.limits.memory"};
    f.message = fmt::format(
        "{} limits container {} to {} ({}) but Flink {} starts the JobManager with a {} heap (-Xms/-Xmx from "
        "jobmanager.heap.size): the heap alone fills the limit, and with metaspace, thread stacks and direct "
        "memory the JVM outgrows it and the kernel kills the container (OOMKilled)",
        pod.describe(), quoted(pod.main->name.value), quoted(limit.value),
        mib(static_cast<std::uint64_t>(std::floor(limit_bytes))), pod.config.version.str(), mib(heap));
    f.help =
        "raise the container's memory limit well above the heap (a few hundred MiB for the JVM's own "
        "memory), or lower `jobmanager.heap.size`";
    if (set && set->source)
        f.related.push_back(RelatedLocation{set->source, set->span, {}, "heap size set here"});
    reporter.report(std::move(f));
}

}  // namespace

void check_container_memory_below_process_size(const Model& model, Reporter& reporter) {
    for (const PodView& pod : model.pods()) {
        if (pod.operator_managed || pod.main == nullptr || pod.role == FlinkRole::none) continue;
        const Located& limit = pod.main->memory_limit;
        if (!limit) continue;
        const auto limit_bytes = kubernetes_bytes(trim(limit.value));
        if (!limit_bytes) continue;
        const auto flat = process_flat(pod);
        if (!flat) continue;
        if (const auto heap = legacy_jobmanager_heap(pod, *flat)) {
            if (static_cast<long double>(*heap) >= *limit_bytes)
                report_legacy_heap(pod, *heap, *limit_bytes, reporter);
            continue;
        }
        const auto process = process_size(pod, *flat);
        if (!process || static_cast<long double>(*process) <= *limit_bytes) continue;
        const std::string key = pod.role == FlinkRole::taskmanager ? "taskmanager.memory.process.size"
                                                                   : "jobmanager.memory.process.size";
        const auto set = pod.config.get(key);
        const std::string from = set ? fmt::format("{} in {}", quoted(set->key), set->where)
                                     : fmt::format("the memory options of its configuration");
        Finding f{.source = pod.file->source, .span = limit.span, .key = "resources.limits.memory"};
        f.message = fmt::format(
            "{} limits container {} to {} ({}) but Flink sizes the {} process at {} ({}): the JVM is allowed "
            "to grow past the limit and the kernel kills the container (OOMKilled)",
            pod.describe(), quoted(pod.main->name.value), quoted(limit.value),
            mib(static_cast<std::uint64_t>(std::floor(*limit_bytes))), role_name(pod.role), mib(*process),
            from);
        f.help =
            fmt::format("raise the container's memory limit to at least {}Mi, or lower {} below the limit",
                        (*process + kMiB - 1) / kMiB, quoted(key));
        if (set && set->source)
            f.related.push_back(RelatedLocation{set->source, set->span, {}, "process size set here"});
        reporter.report(std::move(f));
    }
}

}  // namespace flinklint::rules
