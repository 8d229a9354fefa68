// Temporary files of the atomic writer that are in flight, so that SIGINT, SIGTERM and SIGHUP
// (Ctrl-C, a CI job cancelled, a closed terminal) remove them before the process dies instead of
// leaving `.NAME.flinklint-XXXXXX` beside the user's files. SIGKILL cannot be caught: what it
// leaves is a complete or partial copy of the fixed text, never a damaged original.
#pragma once

#include <cstddef>

namespace flinklint::fix_detail {

// Registers `path` (until the returned slot is released); -1 when all slots are taken, in which
// case the file is simply not cleaned up on a signal. Installs the signal handlers on first use,
// only for signals whose disposition is still the default.
int register_temp(const char* path);
// After open(2) created the file: false when a signal handler is already removing temporary files
// (the caller deletes its own file then, since the process is about to die).
bool temp_created(int slot);
void release_temp(int slot);

}  // namespace flinklint::fix_detail
