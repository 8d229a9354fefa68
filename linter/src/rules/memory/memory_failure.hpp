// The check behind FL301 and FL302: Flink refuses to start a process with this memory configuration.
#pragma once

#include "rules/memory/memory_support.hpp"

namespace flinklint::rules {

void check_memory_failure(const Model& model, Reporter& reporter, Process process);

}  // namespace flinklint::rules
