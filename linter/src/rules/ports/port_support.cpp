#include "rules/ports/port_support.hpp"

#include <fmt/format.h>

namespace flinklint::rules {

std::string listening_summary(const Listeners& listeners) {
    std::string out;
    for (const Listener& l : listeners.list) {
        if (l.random) continue;
        if (!out.empty()) out += ", ";
        out += fmt::format("{} {}", l.what, l.value_text());
    }
    return out.empty() ? "no fixed port" : out;
}

std::string probe_consequence(const Probe& probe) {
    if (probe.kind == "liveness")
        return ": Kubernetes kills and restarts the container each time the probe fails its failureThreshold";
    if (probe.kind == "startup")
        return ": the container never counts as started and Kubernetes restarts it in a loop";
    return ": the pod never becomes ready, so Services send it no traffic";
}

std::string probe_help(const Listeners& listeners, FlinkRole role) {
    for (const Listener& l : listeners.list) {
        const bool rpc =
            l.key == (role == FlinkRole::jobmanager ? "jobmanager.rpc.port" : "taskmanager.rpc.port") ||
            l.key == "high-availability.jobmanager.port";
        if (rpc && !l.random && !l.ranges.empty())
            return fmt::format(
                "probe the {} port ({}) with `tcpSocket`, or fix the port in the configuration", l.what,
                l.ranges.front().first);
    }
    return "probe a port the process listens on, or set the port option to the probed port";
}

const Listener* random_listener_for(const Listeners& listeners, int port, std::string_view name) {
    for (const Listener& l : listeners.list) {
        if (!l.random) continue;
        if (l.usual_port == port) return &l;
        for (const std::string& n : l.names)
            if (n == name) return &l;
    }
    return nullptr;
}

bool declared_by_other_container(const PodView& pod, int port) {
    for (const PodPort& p : pod.ports)
        if (p.number == port && p.container != pod.main && p.container != nullptr) return true;
    return false;
}

std::string setting_text(const Listener& listener, std::string_view fallback_value) {
    if (listener.set)
        return fmt::format("{} ({})", quoted(listener.key), origin_text(listener.set, listener.key, ""));
    return fmt::format("{} is not set (Flink's default is `{}`)", quoted(listener.key), fallback_value);
}

std::string origin_text(const std::optional<SetValue>& set, std::string_view key, std::string_view fallback) {
    if (!set) return std::string(fallback);
    const std::string written = set->key == key ? std::string(key) : set->key;
    return fmt::format("`{}: {}` in {}", written, shown_value(set->key, set->value), set->where);
}

std::string listener_origin(const Listener& l) {
    if (!l.forced_by.empty()) return l.forced_by;
    return origin_text(l.set, l.key, fmt::format("Flink's default for `{}`", l.key));
}

}  // namespace flinklint::rules
