// A JobManager's container killed for memory (DG406). Flink writes nothing when it is killed: the
// evidence is a JobManager log that ends without Flink's shutdown lines, beside what the container
// runtime says (Kubernetes' container status "OOMKilled" / exit code 137, `docker compose`'s
// "exited with code 137"); on YARN, the physical-memory kill of the application master's container
// (the attempt's first container, `..._000001`), which holds the JobManager.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "pod_describe.hpp"

namespace flinklint::diagnose {

struct Pending;

// What one log says about a JobManager's end and a container kill.
struct JobManagerEnd {
    std::size_t started = 0;  // line of the last ClusterEntrypoint start banner; 0: not a JobManager log
    bool stopped = false;     // Flink's shutdown line after it
    std::size_t kill_line = 0;
    std::string kill_text;
    std::string kill_reason;             // "OOMKilled" or "exit code 137"
    bool kill_names_jobmanager = false;  // the kill line names a jobmanager (compose service, pod)
    PodDescribe pods;                    // the file is `kubectl describe pod` output: its kills

    void line(std::size_t number, std::string_view text);
};

// YARN's "Container [pid=%d,containerID=%s] ..." of an application master's container.
bool is_application_master(std::string_view line);

// A DG406 diagnosis when a kill line belongs to a JobManager: it names one, or a JobManager log of
// the same evidence ends without a shutdown (which the diagnosis then cites too). Each container
// killed in `kubectl describe pod` output is DG406 (a JobManager's) or DG404 (a TaskManager's).
void add_jobmanager_kill(const std::vector<std::pair<std::string, JobManagerEnd>>& ends,
                         std::vector<Pending>& pending);

}  // namespace flinklint::diagnose
