// Streaming line reader for logs: a fixed buffer whatever the file's size, gzip read through zlib
// (a plain file passes through gzread unchanged).
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>

#include "flinklint/diagnose/diagnose.hpp"

namespace flinklint::diagnose {

// Called once per line (1-based number, text without its line break). Lines longer than the
// buffer are cut to its size: the recognised texts are all near a line's start.
using LineSink = std::function<void(std::size_t, std::string_view)>;

// Reads `path` line by line into `sink`; fills `summary` (lines, bytes, gzip, or error).
void read_log(const std::string& path, LogSummary& summary, const LineSink& sink);

// The same over text in memory.
std::size_t split_lines(std::string_view text, const LineSink& sink);

}  // namespace flinklint::diagnose
