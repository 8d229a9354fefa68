// placeholder: replaced by the memory command implementation
#include <ostream>

#include "cli/commands.hpp"

namespace flinklint::cli {
int run_memory(const MemoryCommandOptions&, std::ostream&, std::ostream& err) {
    err << "flinklint: memory: not available yet\n";
    return kExitUsage;
}
}  // namespace flinklint::cli
