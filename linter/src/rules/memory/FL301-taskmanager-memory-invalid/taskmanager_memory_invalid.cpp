// FL301 taskmanager-memory-invalid: Flink's TaskManager memory derivation fails, so no TaskManager
// starts. The message is Flink's failure in our words with the derived sizes; the help line is the
// smallest change that lets the model succeed.
#include "rules/memory/memory_failure.hpp"

namespace flinklint::rules {

void check_taskmanager_memory_invalid(const Model& model, Reporter& reporter) {
    check_memory_failure(model, reporter, Process::taskmanager);
}

}  // namespace flinklint::rules
