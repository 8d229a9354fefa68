// Policy thresholds of the heartbeat, checkpoint and state rules: judgement calls, not facts of Flink.
// Each rule's doc page states the one it uses; a project may override them in .flinklint.yaml;
// rules read them from their Reporter (flinklint/reporter.hpp).
#pragma once

#include <cstdint>

namespace flinklint {

struct Thresholds {
    // FL502: heartbeat.timeout / heartbeat.interval below this tolerates too few late heartbeats
    // (Flink's defaults: 50 s / 10 s = 5).
    double heartbeat_min_timeout_ratio = 3.0;
    // FL503: a heartbeat interval below this (ms) sends an RPC per peer that often, for little gain.
    std::int64_t heartbeat_min_interval_ms = 1000;
    // FL504: a heartbeat timeout above this (ms) detects a lost TaskManager that late.
    std::int64_t heartbeat_max_timeout_ms = 300000;
    // FL603: a checkpoint timeout below this fraction of the interval, with no tolerated failures.
    double checkpoint_min_timeout_fraction = 0.5;
    // FL603 (with --profile): estimated upload time of a full checkpoint is multiplied by this before it is
    // compared with the checkpoint timeout (the tuner's factor for the recommended timeout is 3).
    double checkpoint_upload_safety_factor = 2.0;
    // FL610 (with --profile): declared state per TaskManager (bytes) from which RocksDB should checkpoint
    // incrementally.
    std::uint64_t large_state_per_taskmanager_bytes = 1ULL << 30;
};

}  // namespace flinklint
