// FL707 port-conflict: two components of one Flink process configured on the same fixed port, or a
// sidecar container that declares a port the Flink process of its pod binds. Containers of a pod share
// one network namespace; the second bind fails with "Address already in use" and the process exits.
#include <fmt/format.h>

#include <set>

#include "rules/ports/port_support.hpp"

namespace flinklint::rules {
namespace {

std::optional<int> single_port(const Listener& l) {
    if (l.random || l.ranges.size() != 1 || l.ranges[0].first != l.ranges[0].last) return std::nullopt;
    return l.ranges[0].first;
}

using Seen = std::set<std::pair<const Source*, std::size_t>>;

void check_process(const Listeners& listeners, FlinkRole role, Reporter& reporter, Seen& seen) {
    for (std::size_t i = 0; i < listeners.list.size(); ++i) {
        const auto a = single_port(listeners.list[i]);
        if (!a) continue;
        for (std::size_t j = i + 1; j < listeners.list.size(); ++j) {
            const Listener& first = listeners.list[i];
            const Listener& second = listeners.list[j];
            const auto b = single_port(second);
            if (!b || *a != *b || first.key == second.key) continue;
            // Report where a value is written, preferring the later one.
            const Listener& at = second.set && second.set->source ? second : first;
            const Listener& other = &at == &second ? first : second;
            if (!at.set || !at.set->source || !seen.insert({at.set->source.get(), at.set->span.begin}).second)
                continue;
            reporter.report(
                {.source = at.set->source,
                 .span = at.set->span,
                 .message = fmt::format(
                     "{} puts the {} on port {}, where the {} of the same {} binds too ({}): the "
                     "second bind fails with \"Address already in use\" and the {} does not start",
                     quoted(at.set->key), at.what, *a, other.what, role_name(role), listener_origin(other),
                     role_name(role)),
                 .help = "give each component its own port",
                 .key = at.set->key});
        }
    }
}

}  // namespace

void check_port_conflict(const Model& model, Reporter& reporter) {
    Seen seen;
    for (const FlinkConfig& config : model.configs()) {
        const ProcessConfig alone = config_alone(config);
        const bool native = runs_native(config);
        for (FlinkRole role : {FlinkRole::jobmanager, FlinkRole::taskmanager})
            check_process(listeners_for(role, alone, native, false, nullptr), role, reporter, seen);
    }
    for (const PodView& pod : model.pods()) {
        if (pod.role == FlinkRole::none || !pod.config.known) continue;
        const Listeners listeners = flink_listeners(pod);
        check_process(listeners, pod.role, reporter, seen);
        for (const PodPort& p : pod.ports) {
            if (p.declared == nullptr || p.container == pod.main || p.container == nullptr) continue;
            const Listener* l = listeners.find(p.number);
            if (l == nullptr || !single_port(*l)) continue;
            reporter.report(
                {.source = pod.file->source,
                 .span = p.declared->container_port.span,
                 .message = fmt::format(
                     "container {} declares port {}, which the {} of {} binds in the same pod "
                     "({}): containers of a pod share one network namespace, so one of them "
                     "fails with \"Address already in use\"",
                     quoted(p.container->name.value), p.number, l->what, pod.describe(), listener_origin(*l)),
                 .help = fmt::format("move the sidecar to another port, or set `{}` to a free one", l->key),
                 .key = l->key});
        }
    }
}

}  // namespace flinklint::rules
