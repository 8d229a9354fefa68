// FL830 container-memory-below-process-size: a standalone JobManager or TaskManager container (Kubernetes
// workload or docker-compose service) whose memory limit is below the process size Flink derives from its
// configuration. The start scripts size the JVM (-Xmx, -XX:MaxDirectMemorySize, -XX:MaxMetaspaceSize) from
// that process size, not from the container (flink-dist's config.sh runs BashJavaUtils), so once the JVM
// grows past the limit the kernel kills the container (OOMKilled). Pods of a FlinkDeployment are sized by
// the operator from spec.*.resource.memory (FL801 covers those), so they are left out.
#include <fmt/format.h>

#include <cctype>
#include <cmath>
#include <cstdlib>

#include "flinklint/deployment.hpp"
#include "flinklint/effective_config.hpp"
#include "flinklint/text_util.hpp"
#include "flinklint/values.hpp"
#include "rules/kubernetes/entrypoint_lines.hpp"
#include "rules/memory/memory_support.hpp"

namespace flinklint::rules {
namespace {

// One container to judge: where its limit is written and the configuration its Flink reads.
struct Limited {
    const SourcePtr* source = nullptr;
    std::string describe;  // "Deployment flink-jobmanager limits container `jobmanager`", "service jm limits"
    const Located* limit = nullptr;
    long double limit_bytes = 0;
    FlinkRole role = FlinkRole::none;
    const ProcessConfig* config = nullptr;
    // The image's own file applies (nothing replaces it); `custom_image` names an image built on the
    // official one, assumed to keep that file.
    bool image_file = false;
    std::string custom_image;
};

// The configuration the Flink process reads, lowest priority first: the image's own file (when nothing
// replaces it), the mounted file, FLINK_PROPERTIES, then `-D` arguments.
std::optional<FlatConfig> process_flat(const Limited& c) {
    FlatConfig flat;
    if (c.image_file) {
        // The distribution's file sets the process sizes since 1.11 (flink-dist conf/flink-conf.yaml,
        // conf/config.yaml from 1.19); the docker entrypoint writes no memory option.
        if (c.config->version < FlinkVersion{1, 11}) return std::nullopt;
        flat.emplace("jobmanager.memory.process.size", std::string(kImageJobManagerProcessSize));
        flat.emplace("taskmanager.memory.process.size", std::string(kImageTaskManagerProcessSize));
    }
    for (auto it = c.config->files.rbegin(); it != c.config->files.rend(); ++it)
        for (const auto& [key, value] : (*it)->flat()) flat[key] = value;
    for (const SetValue& arg : c.config->arguments) flat[arg.key] = arg.value;
    return flat;
}

// The process size Flink derives for the role; nullopt when the derivation fails (FL301/FL302 report
// that) or the version predates the process-size memory model (1.10 TaskManager, 1.11 JobManager).
std::optional<std::uint64_t> process_size(FlinkRole role, FlinkVersion version, const FlatConfig& flat) {
    const MemoryOptions options{version, DeploymentMode::standalone, {}};
    if (role == FlinkRole::taskmanager) {
        if (version < FlinkVersion{1, 10}) return std::nullopt;
        const TaskManagerResult result = derive_taskmanager_memory(flat, options);
        if (const auto* memory = std::get_if<TaskManagerMemory>(&result)) return memory->total_process;
        return std::nullopt;
    }
    if (version < FlinkVersion{1, 11}) return std::nullopt;
    const JobManagerResult result = derive_jobmanager_memory(flat, options);
    if (const auto* memory = std::get_if<JobManagerMemory>(&result)) return memory->total_process;
    return std::nullopt;
}

// Before its memory model (1.11) the JobManager's only size is its heap: bin/jobmanager.sh starts it with
// `-Xms<heap>m -Xmx<heap>m` from jobmanager.heap.size (or jobmanager.heap.mb; bin/config.sh, default 1024m).
std::optional<std::uint64_t> legacy_jobmanager_heap(FlinkRole role, FlinkVersion version,
                                                    const FlatConfig& flat) {
    if (role != FlinkRole::jobmanager || version >= FlinkVersion{1, 11}) return std::nullopt;
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

std::string limit_text(const Limited& c) {
    return fmt::format("{} to {} ({})", c.describe, quoted(c.limit->value),
                       mib(static_cast<std::uint64_t>(std::floor(c.limit_bytes))));
}

void report_legacy_heap(const Limited& c, std::uint64_t heap, Reporter& reporter) {
    const auto set = c.config->get("jobmanager.heap.size");
    Finding f{.source = *c.source, .span = c.limit->span, .key = "resources.limits.memory"};
    f.message = fmt::format(
        "{} but Flink {} starts the JobManager with a {} heap (-Xms/-Xmx from jobmanager.heap.size): "
        "the heap alone fills the limit, and with metaspace, thread stacks and direct memory the JVM "
        "outgrows it and the kernel kills the container (OOMKilled)",
        limit_text(c), c.config->version.str(), mib(heap));
    f.help =
        "raise the container's memory limit well above the heap (a few hundred MiB for the JVM's own "
        "memory), or lower `jobmanager.heap.size`";
    if (set && set->source)
        f.related.push_back(RelatedLocation{set->source, set->span, {}, "heap size set here"});
    reporter.report(std::move(f));
}

void judge(const Limited& c, Reporter& reporter) {
    const auto flat = process_flat(c);
    if (!flat) return;
    if (const auto heap = legacy_jobmanager_heap(c.role, c.config->version, *flat)) {
        if (static_cast<long double>(*heap) >= c.limit_bytes) report_legacy_heap(c, *heap, reporter);
        return;
    }
    const auto process = process_size(c.role, c.config->version, *flat);
    if (!process || static_cast<long double>(*process) <= c.limit_bytes) return;
    const std::string key = c.role == FlinkRole::taskmanager ? "taskmanager.memory.process.size"
                                                             : "jobmanager.memory.process.size";
    const auto set = c.config->get(key);
    std::string from = set ? fmt::format("{} in {}", quoted(set->key), set->where)
                           : fmt::format("the memory options of its configuration");
    if (!set && c.image_file)
        from = c.custom_image.empty()
                   ? fmt::format("`{}` of the file the image ships", key)
                   : fmt::format(
                         "`{}` of the file the official image ships, which {} is assumed to keep: it "
                         "runs that image's entrypoint",
                         key, c.custom_image);
    Finding f{.source = *c.source, .span = c.limit->span, .key = "resources.limits.memory"};
    f.message = fmt::format(
        "{} but Flink sizes the {} process at {} ({}): the JVM is allowed to grow past the limit and the "
        "kernel kills the container (OOMKilled)",
        limit_text(c), role_name(c.role), mib(*process), from);
    f.help = fmt::format("raise the container's memory limit to at least {}Mi, or lower {} below the limit",
                         (*process + kMiB - 1) / kMiB, quoted(key));
    if (set && set->source)
        f.related.push_back(RelatedLocation{set->source, set->span, {}, "process size set here"});
    reporter.report(std::move(f));
}

// `envFrom` / `env_file` may bring a FLINK_PROPERTIES flinklint cannot read, unless the container sets
// its own (which wins).
bool has_properties(const std::vector<EnvVar>& env) {
    for (const EnvVar& var : env)
        if (var.name.value == "FLINK_PROPERTIES") return true;
    return false;
}

void check_pods(const Model& model, Reporter& reporter) {
    for (const PodView& pod : model.pods()) {
        if (pod.operator_managed || pod.main == nullptr || pod.role == FlinkRole::none || !pod.config.known)
            continue;
        const Located& limit = pod.main->memory_limit;
        if (!limit || (pod.main->env_from && !has_properties(pod.main->env))) continue;
        const auto limit_bytes = kubernetes_bytes(trim(limit.value));
        if (!limit_bytes) continue;
        bool own_file = false;  // a mounted file replaces the image's (FLINK_PROPERTIES only add to it)
        for (const MountedConfigFile& mounted : pod.conf_files)
            for (const FlinkConfig* file : pod.config.files) own_file = own_file || file == mounted.config;
        judge(Limited{&pod.file->source,
                      fmt::format("{} limits container {}", pod.describe(), quoted(pod.main->name.value)),
                      &limit, *limit_bytes, pod.role, &pod.config, !own_file,
                      pod.official_image ? std::string{} : quoted(pod.main->image.value)},
              reporter);
    }
}

// A compose memory value (docker's units.RAMInBytes): a number of bytes, or a number with a binary unit
// b, k, m, g, t (optionally followed by `i`/`b`: `512m`, `1gb`, `1.5GiB`).
std::optional<long double> compose_bytes(std::string_view text) {
    std::size_t digits = 0;
    while (digits < text.size() && (std::isdigit(static_cast<unsigned char>(text[digits])) != 0 ||
                                    (text[digits] == '.' && digits > 0)))
        ++digits;
    if (digits == 0) return std::nullopt;
    long double value = std::strtold(std::string(text.substr(0, digits)).c_str(), nullptr);
    std::string unit = ascii_lower(trim(text.substr(digits)));
    if (unit.ends_with('b')) unit.pop_back();
    if (unit.ends_with('i')) unit.pop_back();
    static constexpr std::string_view kUnits = "kmgtp";
    if (unit.empty()) return value;
    const std::size_t power = kUnits.find(unit);
    if (unit.size() != 1 || power == std::string_view::npos) return std::nullopt;
    for (std::size_t i = 0; i <= power; ++i) value *= 1024;
    return value;
}

// The configuration a compose service's Flink reads: `-D` words after the verb, its FLINK_PROPERTIES, the
// file it bind-mounts as its conf (when in view). nullopt when a mount hides what it reads.
std::optional<ProcessConfig> compose_config(const Model& model, const EntrypointLine& line, bool& own_file) {
    ProcessConfig config;
    config.known = true;
    config.version = line.version;
    const ComposeConfMounts mounts = compose_conf_mounts(*line.service, line.source->path());
    if (mounts.unknown) return std::nullopt;
    const std::string origin = line.where + " FLINK_PROPERTIES";
    const FlinkConfig* mounted = nullptr;
    for (const FlinkConfig& file : model.configs()) {
        if (file.doc().format == ConfigFormat::compose_properties) {
            if (file.source() == line.source && file.doc().origin == origin) config.files.push_back(&file);
            continue;
        }
        if (mounts.files.empty() || mounted != nullptr) continue;
        const std::string path = normalized_source_path(file.source()->path());
        for (const std::string& host : mounts.files)
            if (host == path) mounted = &file;
    }
    if (!mounts.files.empty() && mounted == nullptr) return std::nullopt;  // mounted from outside the view
    if (mounted != nullptr) config.files.push_back(mounted);
    own_file = mounted != nullptr;
    for (std::size_t i = 0; i < line.words.size(); ++i) {
        std::string_view word = line.words[i].text;
        if (word == "-D" && i + 1 < line.words.size())
            word = line.words[++i].text;
        else if (word.starts_with("-D"))
            word.remove_prefix(2);
        else
            continue;
        const std::size_t eq = word.find('=');
        if (eq == std::string_view::npos || eq == 0) continue;
        config.arguments.push_back(SetValue{std::string(word.substr(0, eq)), std::string(word.substr(eq + 1)),
                                            line.source, line.words[i].span, "the command line"});
    }
    return config;
}

void check_compose(const Model& model, Reporter& reporter) {
    bool limited = false;  // the command lines are parsed only when some service has a limit
    for (const ParsedFile& file : model.files())
        for (const ComposeService& service : file.compose_services) limited = limited || service.memory_limit;
    if (!limited) return;
    for (const EntrypointLine& line : entrypoint_lines(model)) {
        if (line.service == nullptr || !line.service->memory_limit ||
            (line.service->env_file && !has_properties(line.service->environment)))
            continue;
        const Located& limit = line.service->memory_limit;
        const auto limit_bytes = compose_bytes(trim(limit.value));
        if (!limit_bytes) continue;
        bool own_file = false;
        const auto config = compose_config(model, line, own_file);
        if (!config) continue;
        std::optional<FlinkVersion> version;
        const bool official = official_image(line.service->image.value, version);
        judge(Limited{&line.source, fmt::format("{} limits its container", line.where), &limit, *limit_bytes,
                      line.verb == "taskmanager" ? FlinkRole::taskmanager : FlinkRole::jobmanager, &*config,
                      !own_file,
                      official              ? std::string{}
                      : line.service->image ? quoted(line.service->image.value)
                                            : std::string("the image it builds")},
              reporter);
    }
}

}  // namespace

void check_container_memory_below_process_size(const Model& model, Reporter& reporter) {
    check_pods(model, reporter);
    check_compose(model, reporter);
}

}  // namespace flinklint::rules
