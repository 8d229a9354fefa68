#pragma once

#include <iosfwd>

namespace flinklint::cli {

// Runs flinklint with the given arguments; returns the process exit code.
int run(int argc, char** argv, std::ostream& out, std::ostream& err);

}  // namespace flinklint::cli
