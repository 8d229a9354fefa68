// `tune --observed`: the job graph of a snapshot's `/jobs/:id/plan` (JobPlanInfo), whose exchanges and
// per-vertex parallelism replace workload.shuffles when the tuner counts network buffers.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "flinklint/tuner/profile.hpp"

namespace flinklint::diagnose {

// Fills profile.measured_job_graph from jobs/JOB/plan.json when every exchange is one the count
// knows (a streaming job's pipelined_bounded result with a known ship strategy); otherwise leaves it
// empty and says in `notes` why the buffers stay estimated.
void measure_job_graph(const std::filesystem::path& root, const std::string& job, tuner::Profile& profile,
                       std::vector<std::string>& notes);

}  // namespace flinklint::diagnose
