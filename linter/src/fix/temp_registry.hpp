// Temporary files of the atomic writer that are in flight, so that SIGINT, SIGTERM and SIGHUP
// (Ctrl-C, a CI job cancelled, a closed terminal) remove them before the process dies instead of
// leaving `.NAME.flinklint-XXXXXX` beside the user's files. SIGKILL cannot be caught: what it
// leaves is a complete or partial copy of the fixed text, never a damaged original.
#pragma once

#include <cstddef>

namespace flinklint::fix_detail {

// Registers `path` before the caller creates the file, and returns its slot (until released).
// Returns -1 with errno set when the file must not be created: EINTR once a signal handler has
// started removing temporary files (the process is about to die), ENAMETOOLONG for a path longer
// than PATH_MAX. Waits while every slot is taken, so no temporary file ever exists unregistered.
// Installs the signal handlers on first use, only for signals whose disposition is the default.
int register_temp(const char* path);
// After open(2) returned, whether or not it created the file.
void temp_created(int slot);
void release_temp(int slot);

}  // namespace flinklint::fix_detail
