// `kubectl describe pod` text as evidence of a container killed for memory, on its own: per
// container, the last (or current) state `Terminated` with `Reason: OOMKilled` or `Exit Code: 137`
// (Kubernetes' ContainerStateTerminated), and `Limits: memory:`. Whether the container is a
// JobManager or a TaskManager is read from its name (`jobmanager`, `taskmanager` in Flink's
// standalone Kubernetes manifests), else the pod's `component=` label (`jobmanager` / `taskmanager`,
// set by Flink's native Kubernetes integration and the operator on `flink-main-container` pods),
// else the pod's name (native TaskManager pods are `<cluster-id>-taskmanager-<attempt>-<index>`);
// a container none of these names is a kill of unknown role (a JobManager's only beside a JobManager
// log that ends without a shutdown, jobmanager_kill.hpp).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace flinklint::diagnose {

struct PodKill {
    std::size_t line = 0;  // the Reason (else Exit Code) line
    enum class Role { unknown, jobmanager, taskmanager } role = Role::unknown;
    std::string reason;                  // "OOMKilled" or "exit code 137"
    std::optional<std::uint64_t> limit;  // the container's memory limit, bytes
    std::string evidence;
};

// Fed every line of a file; reads only once the file shows describe's header ("Name:" then
// "Namespace:" at the start of two lines).
class PodDescribe {
public:
    void line(std::size_t number, std::string_view text);
    [[nodiscard]] bool active() const { return active_; }
    // The kills read, the container still open included.
    [[nodiscard]] std::vector<PodKill> kills() const;

private:
    struct Container {
        std::string name;
        std::size_t reason_line = 0, exit_line = 0;
        bool oom = false, exit_137 = false;
        std::optional<std::uint64_t> limit;
    };
    void close_container();
    void label(std::string_view label);
    [[nodiscard]] std::optional<PodKill> kill_of(const Container& c) const;

    bool active_ = false;
    bool name_seen_ = false;  // the previous line was "Name:"
    std::string pod_, component_;
    enum class Section { other, labels, containers } section_ = Section::other;
    enum class Block { other, terminated, limits } block_ = Block::other;
    std::optional<Container> container_;
    std::vector<PodKill> kills_;
};

// A Kubernetes quantity in bytes ("2Gi", "2048Mi", "2G", "1500000000"); nullopt when it is not one.
std::optional<std::uint64_t> kubernetes_bytes(std::string_view quantity);

}  // namespace flinklint::diagnose
