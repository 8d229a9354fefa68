// FL828 parallelism-exceeds-slots: a parallelism the TaskManagers cannot hold. On a FlinkDeployment
// with `taskManager.replicas`, the operator runs the job at replicas x slots and ignores a different
// `job.parallelism`. In a standalone cluster of Deployments/StatefulSets, a `parallelism.default` above
// the TaskManager replicas x slots leaves jobs that use the default waiting for slots until they fail
// with NoResourceAvailableException (the adaptive scheduler and reactive mode adapt instead).
#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "flinklint/deployment.hpp"
#include "flinklint/text_util.hpp"
#include "rules/kubernetes/operator_support.hpp"

namespace flinklint::rules {
namespace {

long long int_or(std::optional<SetValue> v, long long fallback) {
    if (!v) return fallback;
    const auto n = parse_java_long(trim(v->value));
    return n ? *n : fallback;
}

void check_flink_deployments(const Model& model, Reporter& reporter) {
    for (const OperatorResource& r : operator_resources(model)) {
        const FlinkResourceFacts& spec = r.spec();
        if (!r.deployment() || !spec.has_job || !spec.tm_replicas || !spec.job_parallelism) continue;
        const auto replicas = parse_java_long(spec.tm_replicas.value);
        const auto parallelism = parse_java_long(spec.job_parallelism.value);
        if (!replicas || !parallelism || *replicas < 1 || *parallelism < 1) continue;  // FL819
        long long slots = 1;
        if (const ConfigEntry* e = option_entry(r.config, "taskmanager.numberOfTaskSlots"))
            if (const auto n = parse_java_long(trim(e->value))) slots = *n;
        if (slots < 1) continue;  // a TaskManager with no slots does not start (FL301)
        if (*parallelism == *replicas * slots) continue;
        Finding f = r.at(spec.job_parallelism.span, "spec.job.parallelism");
        f.message = fmt::format(
            "`job.parallelism: {}` is ignored: with `taskManager.replicas: {}` the operator runs "
            "the job at replicas x slots = {} x {} = {}",
            *parallelism, *replicas, *replicas, slots, *replicas * slots);
        f.help = *parallelism > *replicas * slots
                     ? fmt::format(
                           "raise `taskManager.replicas` to {} (or the slots), or remove `job.parallelism`",
                           (*parallelism + slots - 1) / slots)
                     : std::string(
                           "remove `job.parallelism`, or remove `taskManager.replicas` to size the job by "
                           "its parallelism");
        reporter.report(std::move(f));
    }
}

bool adaptive(const ProcessConfig& config) {
    const std::string mode = ascii_lower(config.value_or("scheduler-mode", ""));
    const std::string scheduler = ascii_lower(config.value_or("jobmanager.scheduler", ""));
    return mode == "reactive" || scheduler == "adaptive";
}

bool shares_config(const PodView& a, const PodView& b) {
    for (const FlinkConfig* x : a.config.files)
        for (const FlinkConfig* y : b.config.files)
            if (x == y && x->doc().format != ConfigFormat::compose_properties) return true;
    return false;
}

void check_standalone(const Model& model, Reporter& reporter) {
    const std::vector<PodView>& pods = model.pods();
    std::set<std::pair<const Source*, std::size_t>> reported;  // JobManagers sharing one file report once
    for (const PodView& jm : pods) {
        if (jm.role != FlinkRole::jobmanager || jm.operator_managed || !jm.config.known ||
            adaptive(jm.config))
            continue;
        const auto set = jm.config.get("parallelism.default");
        if (!set || !set->source) continue;
        const long long parallelism = int_or(set, 1);
        long long slots = 0;
        std::string parts;
        for (const PodView& tm : pods) {
            if (tm.role != FlinkRole::taskmanager || tm.operator_managed || !tm.config.known ||
                !shares_config(jm, tm))
                continue;
            long long per_tm = int_or(tm.config.get("taskmanager.numberOfTaskSlots"), 1);
            for (const EnvVar& env : tm.main->env)
                if (env.name.value == "TASK_MANAGER_NUMBER_OF_TASK_SLOTS" && tm.entrypoint)
                    per_tm = std::max(per_tm, int_or(SetValue{"", env.value.value, nullptr, {}, ""}, per_tm));
            slots += tm.replicas * per_tm;
            parts += fmt::format("{}{} ({} x {} slots)", parts.empty() ? "" : " + ", tm.describe(),
                                 tm.replicas, per_tm);
        }
        if (slots == 0 || parallelism <= slots ||
            !reported.insert({set->source.get(), set->span.begin}).second)
            continue;
        reporter.report({.source = set->source,
                         .span = set->span,
                         .message = fmt::format(
                             "`parallelism.default: {}` needs {} slots, but the TaskManagers of this cluster "
                             "offer {}: {}; jobs that use the default wait for slots and then fail with "
                             "NoResourceAvailableException",
                             parallelism, parallelism, slots, parts),
                         .help = fmt::format(
                             "lower `parallelism.default` to {} or add TaskManagers (or slots); the adaptive "
                             "scheduler (`jobmanager.scheduler: adaptive`) runs with the slots it gets",
                             slots),
                         .key = "parallelism.default"});
    }
}

}  // namespace

void check_parallelism_exceeds_slots(const Model& model, Reporter& reporter) {
    check_flink_deployments(model, reporter);
    check_standalone(model, reporter);
}

}  // namespace flinklint::rules
