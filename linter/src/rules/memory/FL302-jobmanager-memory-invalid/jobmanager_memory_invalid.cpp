// FL302 jobmanager-memory-invalid: Flink's JobManager memory derivation fails, so the JobManager does
// not start (and with it the whole cluster or application).
#include "rules/memory/memory_failure.hpp"

namespace flinklint::rules {

void check_jobmanager_memory_invalid(const Model& model, Reporter& reporter) {
    check_memory_failure(model, reporter, Process::jobmanager);
}

}  // namespace flinklint::rules
