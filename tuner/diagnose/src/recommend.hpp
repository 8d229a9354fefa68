// The cause sentence, the values in force and the computed change of each diagnosis kind.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "flinklint/diagnose/diagnose.hpp"
#include "flinklint/memory_model.hpp"
#include "recognisers.hpp"

namespace flinklint::diagnose {

struct Context {
    const EffectiveConfig* config = nullptr;
    FlinkVersion version = kDefaultFlinkVersion;
};

// Fills cause, changes and notes of `diagnosis` (its id, evidence and role are set).
void explain(Diagnosis& diagnosis, const Fields& fields, const Context& context);

// The same for the rows of containers, RPC, slots, RocksDB and snapshots (recommend_runtime.cpp).
void explain_runtime(Diagnosis& diagnosis, const Fields& fields, const Context& context);

// The JobManager's container killed for memory, DG406 (recommend_jobmanager.cpp).
void explain_jobmanager_container(Diagnosis& diagnosis, const Fields& fields, const Context& context);

// "process …, JVM heap …, off-heap …, metaspace …, JVM overhead …" of a derived JobManager
// (recommend_jobmanager.cpp).
std::string describe_jobmanager_memory(const JobManagerMemory& jm);

// YARN's usage at a container kill (Fields::observed of Fields::limit), when both are plausible sizes
// (larger ones in a log are not memory).
bool has_container_usage(const Fields& fields);
// The process a container grows to: the usage seen, at least 1 MiB over `process`, in whole MiB.
std::uint64_t grown_process(std::uint64_t observed, std::uint64_t process);

// A Kubernetes container's memory limit (`kubectl describe pod`'s `Limits: memory`) against the
// process size Flink sizes (`process` bytes in force): said in notes; when the limit is the smaller,
// the process size becomes the limit where the memory model accepts it (recommend_limit.cpp). True
// when the limit explains the kill (below the process), so that no other size is proposed.
// The cause's words for the limit a killed container grew past: the container's memory limit when the
// evidence gives it (`limit`, a Kubernetes kill), named as below or holding the process size in force
// (`process`, with a configuration); else the pod's limit as Flink's native integration sets it, the
// process size (times kubernetes.*.memory.limit-factor, 1.0 by default).
std::string container_limit_clause(std::optional<std::int64_t> limit, std::optional<std::uint64_t> process,
                                   bool jobmanager);
bool compare_container_limit(Diagnosis& d, const Context& context, std::uint64_t limit, std::uint64_t process,
                             bool jobmanager);

// Names the real option beside an invented key of the configuration that advice recommends for this
// diagnosis (invented_keys.cpp), and moves its value there where it means the same; keys already in
// `named` are skipped, and those named are added to it.
void name_invented_keys(Diagnosis& diagnosis, const Context& context, std::vector<std::string_view>& named);

// execution.checkpointing.timeout by the tuner's rule, with the longest checkpoint seen for its
// estimate, when that gives more than `timeout_ms` (recommend_runtime.cpp).
void propose_checkpoint_timeout(Diagnosis& d, std::int64_t longest_ms, std::int64_t timeout_ms);

// A key's value in force: the configuration's, else the version's default from the catalog.
struct InForce {
    std::string value;
    bool set = false;
};
std::optional<InForce> in_force(const Context& context, std::string_view key);
// A duration set below the version's default is raised to it (the change says why).
void raise_to_default(Diagnosis& d, const Context& context, std::string_view key, std::string_view why);
// "`key` in force: value (set in the configuration | Flink V default)".
std::string describe(const Context& context, std::string_view key);

}  // namespace flinklint::diagnose
