#include "recommend.hpp"

#include <fmt/format.h>

#include <variant>

#include "flinklint/catalog.hpp"
#include "flinklint/memory_model.hpp"
#include "flinklint/values.hpp"
#include "network_plan.hpp"

namespace flinklint::diagnose {
namespace {

void explain_heartbeat(Diagnosis& d, const Fields& fields, const Context& context, std::string_view peer,
                       std::string_view watcher) {
    d.cause = fmt::format(
        "{} {} sent no heartbeat to the {} within heartbeat.timeout: the process died or was killed (out of "
        "memory, "
        "container limit), stalled (long GC pauses, CPU throttling), or the network dropped",
        peer, fields.word.empty() ? std::string() : "`" + fields.word + "`", watcher);
    if (!context.config) return;
    d.notes.push_back(describe(context, "heartbeat.timeout"));
    d.notes.push_back(describe(context, "heartbeat.interval"));
    raise_to_default(d, context, "heartbeat.timeout",
                     "a pause shorter than the default already loses the peer");
}

void explain_memory_start(Diagnosis& d, const Context& context, bool taskmanager) {
    const std::string_view process = taskmanager ? "TaskManager" : "JobManager";
    d.cause = fmt::format("Flink refused to start the {}: its memory options contradict each other ({})",
                          process, taskmanager ? "TaskExecutorProcessUtils" : "JobManagerProcessUtils");
    if (!context.config) return;
    const MemoryError* error = taskmanager ? std::get_if<MemoryError>(&context.config->taskmanager())
                                           : std::get_if<MemoryError>(&context.config->jobmanager());
    if (error == nullptr) {
        d.notes.push_back(
            fmt::format("the configuration given starts the {} in flinklint's model of Flink {}: the "
                        "configuration in force is not the one given",
                        process, context.version.str()));
        return;
    }
    d.notes.push_back("flinklint's memory model fails the same way: " + error->message);
    if (!error->keys.empty())
        d.notes.push_back("keys involved: " + fmt::format("{}", fmt::join(error->keys, ", ")));
    d.notes.push_back("`flinklint check` reports it with a fix, `flinklint memory` shows the derivation");
}

void explain_out_of_memory(Diagnosis& d, const Context& context, std::string_view area, std::string_view key,
                           std::string_view why) {
    d.cause = fmt::format("a JVM ran out of {}: {}", area, why);
    if (!context.config) return;
    if (const auto* tm = std::get_if<TaskManagerMemory>(&context.config->taskmanager())) {
        std::uint64_t size = tm->jvm_heap;
        if (key == "taskmanager.memory.task.off-heap.size") size = tm->jvm_direct;
        if (key == "taskmanager.memory.jvm-metaspace.size") size = tm->jvm_metaspace;
        d.notes.push_back(
            fmt::format("TaskManager {} in force: {}; the logs carry no peak usage, so no size is "
                        "computed: raise `{}`",
                        area, format_memory_size_human(size), key));
    }
}

// An expired checkpoint against the checkpoints the same log completed: the longest of them sizes
// the timeout by the tuner's rule.
void explain_expired(Diagnosis& d, const Fields& fields, const Context& context) {
    d.cause =
        "a checkpoint did not complete within the checkpoint timeout: barriers held up by backpressure, or "
        "state uploads slower than the timeout";
    constexpr std::string_view kTimeout = "execution.checkpointing.timeout";
    if (context.config) d.notes.push_back(describe(context, kTimeout));
    if (fields.completed == 0 || !fields.longest_ms) return;
    d.notes.push_back(
        fmt::format("{} checkpoint(s) completed in this log: the longest took {} ms, the largest "
                    "held {}",
                    fields.completed, *fields.longest_ms,
                    format_memory_size_human(static_cast<std::uint64_t>(*fields.largest_bytes))));
    const auto timeout = in_force(context, kTimeout);
    if (!timeout) return;
    const auto parsed = parse_duration(timeout->value, context.version);
    if (parsed) propose_checkpoint_timeout(d, *fields.longest_ms, parsed->millis());
}

void explain_file_system(Diagnosis& d, const Fields& fields, const Context& context) {
    const std::string scheme = fields.word.substr(0, fields.word.find(' '));
    const std::string plugins =
        fields.word.find(' ') == std::string::npos ? "" : fields.word.substr(fields.word.find(' ') + 1);
    d.cause = fmt::format(
        "no file system implementation for the scheme '{}' is loaded: Flink reads it only through a plugin "
        "in its own "
        "folder under plugins/ (or Hadoop's file systems on the classpath)",
        scheme);
    if (!plugins.empty()) d.notes.push_back("Flink names the plugin(s) for it: " + plugins);
    d.notes.push_back(
        "the official image copies a plugin into place when ENABLE_BUILT_IN_PLUGINS names its jar");
    if (!context.config) return;
    for (const auto& [key, value] : context.config->flat()) {
        if (value.starts_with(scheme + "://")) d.notes.push_back(fmt::format("`{}` uses it: {}", key, value));
    }
}

}  // namespace

// A key's value in force: the configuration's, else the version's default from the catalog.
std::optional<InForce> in_force(const Context& context, std::string_view key) {
    if (context.config) {
        if (auto value = context.config->value(key)) return InForce{*value, true};
    }
    const OptionInfo* option = Catalog::for_version(context.version).find(key);
    if (option == nullptr || option->default_value.empty()) return std::nullopt;
    return InForce{std::string(option->default_value), false};
}

void raise_to_default(Diagnosis& d, const Context& context, std::string_view key, std::string_view why) {
    const auto timeout = in_force(context, key);
    const OptionInfo* option = Catalog::for_version(context.version).find(key);
    if (!timeout || !timeout->set || option == nullptr) return;
    const auto configured = parse_duration(timeout->value, context.version);
    const auto fallback = parse_duration(option->default_value, context.version);
    if (configured && fallback && configured->millis() < fallback->millis()) {
        d.changes.push_back(
            {std::string(key), std::string(option->default_value),
             fmt::format("{} is below Flink {}'s default: {}", timeout->value, context.version.str(), why)});
    }
}

std::string describe(const Context& context, std::string_view key) {
    const auto value = in_force(context, key);
    if (!value)
        return fmt::format("`{}` is not set and has no default in Flink {}", key, context.version.str());
    return fmt::format(
        "`{}` in force: {} ({})", key, value->value,
        value->set ? "set in the configuration" : "Flink " + context.version.str() + " default");
}

void explain(Diagnosis& d, const Fields& fields, const Context& context) {
    const std::string_view id = d.id;
    if (id == "DG001") return explain_network_buffers(d, fields, context.config, context.version);
    if (id == "DG002") {
        d.cause =
            "a task's network buffer pool was destroyed under it while the task was being cancelled after "
            "another failure: never the cause, look for the first failure before it";
        return;
    }
    if (id == "DG101")
        return explain_heartbeat(d, fields, context, "the TaskManager", "JobManager or ResourceManager");
    if (id == "DG102")
        return explain_heartbeat(d, fields, context, "the JobManager", "TaskManager or ResourceManager");
    if (id == "DG103")
        return explain_heartbeat(d, fields, context, "the ResourceManager", "TaskManager or JobMaster");
    if (id == "DG201") return explain_expired(d, fields, context);
    if (id == "DG202") {
        d.cause = "a task declined a checkpoint: the lines after it (Caused by) say why";
        return;
    }
    if (id == "DG203") {
        d.cause = "the job failed because more checkpoints failed in a row than the tolerable number allows";
        if (context.config)
            d.notes.push_back(describe(context, "execution.checkpointing.tolerable-failed-checkpoints"));
        return;
    }
    if (id == "DG301" || id == "DG302") return explain_memory_start(d, context, id == "DG301");
    if (id == "DG401")
        return explain_out_of_memory(
            d, context, "heap", "taskmanager.memory.task.heap.size",
            "records and heap state (HashMap state backend, large windows) outgrew the task "
            "heap, or user code leaks");
    if (id == "DG402")
        return explain_out_of_memory(
            d, context, "direct memory", "taskmanager.memory.task.off-heap.size",
            "user code or a connector allocates direct buffers beyond the off-heap budget");
    if (id == "DG403")
        return explain_out_of_memory(
            d, context, "metaspace", "taskmanager.memory.jvm-metaspace.size",
            "the job loads more classes than the metaspace holds, or class loaders leak after "
            "job restarts in a session cluster");
    if (id == "DG501") return explain_file_system(d, fields, context);
    explain_runtime(d, fields, context);
}

}  // namespace flinklint::diagnose
