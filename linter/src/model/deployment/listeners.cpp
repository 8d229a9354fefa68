// The ports a Flink process listens on, from its configuration (ClusterEntrypoint, TaskManagerRunner,
// BlobServer, RestServerEndpoint, the metric reporters), with what the start-up path changes: the
// official image's entrypoint writes `blob.server.port: 6124` and `query.server.port: 6125`; Flink's
// native Kubernetes mode and the operator replace a random blob, TaskManager RPC or REST port with 6124,
// 6122, 8081.
#include <fmt/format.h>

#include <algorithm>

#include "flinklint/deployment.hpp"
#include "flinklint/text_util.hpp"

namespace flinklint {
namespace {

void add_port(Listener& l, int port) {
    for (const PortRange& r : l.ranges)
        if (r.first <= port && port <= r.last) return;
    l.ranges.push_back({port, port});
}

// A listener from a port option; nullopt when the value does not parse (FL701 reports it).
std::optional<Listener> from_option(const ProcessConfig& config, std::string what, std::string key,
                                    std::string_view fallback, std::vector<std::string> names, int usual) {
    Listener l{std::move(what), std::move(key), {}, false, std::nullopt, std::move(names), usual};
    l.set = config.get(l.key);
    const auto ranges = parse_port_ranges(l.set ? std::string_view(l.set->value) : fallback);
    if (!ranges) return std::nullopt;
    for (const PortRange& r : *ranges) {
        if (r.first == 0 && r.last == 0)
            l.random = true;
        else
            l.ranges.push_back(r);
    }
    if (!l.ranges.empty()) l.random = false;
    return l;
}

// `-javaagent:/opt/jmx_prometheus_javaagent.jar=9404:/etc/config.yaml` and JMX remote ports.
void java_agent_ports(std::string_view opts, Listeners& out) {
    std::size_t pos = 0;
    while ((pos = opts.find("-javaagent:", pos)) != std::string_view::npos) {
        std::string_view agent = opts.substr(pos + 11);
        agent = agent.substr(0, agent.find_first_of(" \t\n"));
        pos += 11;
        const auto eq = agent.find('=');
        const std::string lower = ascii_lower(agent.substr(0, eq));
        const bool listens =
            lower.find("jmx") != std::string::npos || lower.find("prometheus") != std::string::npos;
        if (!listens) continue;
        std::optional<int> port;
        if (eq != std::string_view::npos) {
            std::string_view args = agent.substr(eq + 1);
            const auto first = args.substr(0, args.find(':'));
            port = port_number(first);
            if (!port && args.find(':') != std::string_view::npos) {
                std::string_view rest = args.substr(args.find(':') + 1);
                port = port_number(rest.substr(0, rest.find(':')));
            }
        }
        if (!port) {
            out.complete = false;
            continue;
        }
        Listener l{
            "Prometheus JMX exporter agent", "env.java.opts", {{*port, *port}}, false, std::nullopt, {}, 0};
        out.list.push_back(std::move(l));
    }
    for (std::string_view marker : {"jmxremote.port=", "jmxremote.rmi.port="}) {
        const auto at = opts.find(marker);
        if (at == std::string_view::npos) continue;
        std::string_view rest = opts.substr(at + marker.size());
        if (const auto port = port_number(rest.substr(0, rest.find_first_of(" \t\n"))))
            out.list.push_back(
                {"JMX remote", "env.java.opts", {{*port, *port}}, false, std::nullopt, {"jmx"}, 0});
    }
}

void reporters(const ProcessConfig& config, Listeners& out) {
    const auto keys = config.with_prefix("metrics.reporter.");
    std::vector<std::string> enabled;
    if (const auto list = config.get("metrics.reporters")) {
        for (std::string_view rest = list->value; !rest.empty();) {
            const auto comma = rest.find(',');
            enabled.emplace_back(trim(rest.substr(0, comma)));
            rest = comma == std::string_view::npos ? std::string_view{} : rest.substr(comma + 1);
        }
    }
    for (const auto& [key, value] : keys) {
        const std::string_view tail = std::string_view(key).substr(17);
        const auto dot = tail.find('.');
        if (dot == std::string_view::npos) continue;
        const std::string name(tail.substr(0, dot));
        const std::string_view field = tail.substr(dot + 1);
        if (field != "factory.class" && field != "class") continue;
        if (!enabled.empty() && std::find(enabled.begin(), enabled.end(), name) == enabled.end()) continue;
        const bool prometheus = value.value.find("PrometheusReporter") != std::string::npos &&
                                value.value.find("PushGateway") == std::string::npos;
        const bool jmx = value.value.find("JMXReporter") != std::string::npos;
        if (!prometheus && !jmx) continue;
        const std::string port_key = "metrics.reporter." + name + ".port";
        if (jmx && keys.find(port_key) == keys.end()) continue;  // no port: no JMX server of its own
        auto l = from_option(config, prometheus ? "Prometheus reporter" : "JMX reporter", port_key,
                             prometheus ? "9249" : "0", {"metrics", "prom", "prometheus", "prom-metrics"},
                             prometheus ? 9249 : 0);
        if (l) out.list.push_back(std::move(*l));
    }
}

bool zookeeper_ha(const ProcessConfig& config) {
    const auto ha = config.get("high-availability.type");
    return ha && ascii_lower(trim(ha->value)) == "zookeeper";
}

}  // namespace

bool Listener::contains(int port) const {
    for (const PortRange& r : ranges)
        if (r.first <= port && port <= r.last) return true;
    return false;
}

std::string Listener::value_text() const {
    if (random) return "0 (a random port)";
    std::string out;
    for (const PortRange& r : ranges) {
        if (!out.empty()) out += ",";
        out += r.first == r.last ? std::to_string(r.first) : fmt::format("{}-{}", r.first, r.last);
    }
    return out;
}

const Listener* Listeners::find(int port) const {
    for (const Listener& l : list)
        if (l.contains(port)) return &l;
    return nullptr;
}

Listeners flink_listeners(const PodView& pod) {
    return listeners_for(pod.role, pod.config, pod.native, pod.entrypoint, pod.main);
}

namespace {

void add(Listeners& out, std::optional<Listener> l) {
    if (l)
        out.list.push_back(std::move(*l));
    else
        out.complete = false;
}

// Native mode needs fixed ports and replaces 0 (KubernetesUtils.checkAndUpdatePortConfigOption).
void fix_native(std::optional<Listener>& l, int port, bool native) {
    if (l && native && l->random) {
        l->random = false;
        l->ranges = {{port, port}};
        l->set.reset();
        l->forced_by =
            fmt::format("native Kubernetes (and the operator) replaces `{}: 0` with {}", l->key, port);
    }
}

void jobmanager_listeners(const ProcessConfig& config, bool native, bool entrypoint, Listeners& out) {
    // With ZooKeeper HA the JobManager's RPC binds to high-availability.jobmanager.port
    // (ClusterEntrypoint.getRPCPortRange); native mode sets that to jobmanager.rpc.port.
    if (zookeeper_ha(config) && !native) {
        add(out, from_option(config, "JobManager RPC (ZooKeeper HA)", "high-availability.jobmanager.port",
                             "0", {"rpc", "jobmanager-rpc", "jm-rpc"}, 6123));
    } else {
        add(out, from_option(config, "JobManager RPC", "jobmanager.rpc.port", "6123",
                             {"rpc", "jobmanager-rpc", "jm-rpc"}, 6123));
    }
    auto blob = from_option(config, "blob server", "blob.server.port", "0",
                            {"blob", "blob-server", "blobserver"}, 6124);
    fix_native(blob, 6124, native);
    if (blob && entrypoint) {  // docker-entrypoint.sh writes blob.server.port: 6124
        if (blob->random || !blob->contains(6124))
            blob->forced_by = "the image's docker-entrypoint.sh writes `blob.server.port: 6124`";
        blob->random = false;
        add_port(*blob, 6124);
    }
    add(out, std::move(blob));
    auto rest = from_option(config, "REST endpoint", "rest.bind-port", "8081",
                            {"rest", "webui", "web", "ui", "http", "web-ui", "rest-api"}, 8081);
    fix_native(rest, 8081, native);
    add(out, std::move(rest));
}

void taskmanager_listeners(const ProcessConfig& config, bool native, bool entrypoint, Listeners& out) {
    auto rpc = from_option(config, "TaskManager RPC", "taskmanager.rpc.port", "0",
                           {"rpc", "taskmanager-rpc", "tm-rpc"}, 6122);
    fix_native(rpc, 6122, native);
    add(out, std::move(rpc));
    add(out, from_option(config, "TaskManager data exchange", "taskmanager.data.port", "0", {"data"}, 6121));
    if (!config.flag("queryable-state.enable", false)) return;
    add(out, from_option(config, "queryable state proxy", "queryable-state.proxy.ports", "9069",
                         {"query-state", "queryable-state", "qs-proxy"}, 6125));
    auto server = from_option(config, "queryable state server", "queryable-state.server.ports", "9067",
                              {"qs-server"}, 0);
    if (server && entrypoint && !config.get("queryable-state.server.ports")) {
        add_port(*server, 6125);
        server->forced_by = "the image's docker-entrypoint.sh writes `query.server.port: 6125`";
    }
    add(out, std::move(server));
}

// Java agents' ports in the JVM options of the configuration and of the main container's environment.
void agent_listeners(FlinkRole role, const ProcessConfig& config, const Container* main, Listeners& out) {
    const std::string role_key =
        role == FlinkRole::jobmanager ? "env.java.opts.jobmanager" : "env.java.opts.taskmanager";
    for (const char* key : {"env.java.opts.all", "env.java.opts"}) {
        if (const auto opts = config.get(key)) java_agent_ports(opts->value, out);
    }
    if (const auto opts = config.get(role_key)) java_agent_ports(opts->value, out);
    if (main == nullptr) return;
    for (const EnvVar& env : main->env) {
        const std::string& name = env.name.value;
        if (name == "JAVA_TOOL_OPTIONS" || name == "FLINK_ENV_JAVA_OPTS" ||
            name.starts_with("FLINK_ENV_JAVA_OPTS_") || name == "JDK_JAVA_OPTIONS" || name == "JAVA_OPTS") {
            if (env.value)
                java_agent_ports(env.value.value, out);
            else
                out.complete = false;
        }
    }
}

}  // namespace

Listeners listeners_for(FlinkRole role, const ProcessConfig& config, bool native, bool entrypoint,
                        const Container* main) {
    Listeners out;
    if (role == FlinkRole::none || !config.known) {
        out.complete = false;
        return out;
    }
    if (role == FlinkRole::jobmanager) {
        jobmanager_listeners(config, native, entrypoint, out);
    } else {
        taskmanager_listeners(config, native, entrypoint, out);
    }
    reporters(config, out);
    agent_listeners(role, config, main, out);
    return out;
}

}  // namespace flinklint
