// `flinklint lsp` (cli/lsp/lsp_command.cpp).
#pragma once

#include <cstddef>
#include <functional>
#include <iosfwd>

namespace flinklint::cli {

namespace lsp {
// A message above this is skipped unread: the largest buffer linted (10 MiB) with room for escapes.
inline constexpr std::size_t kMaxMessageBytes = 64u << 20;
}  // namespace lsp

// The session over `in` and `out` until `exit` or the input's end; `pending` says whether more input
// is already waiting. Returns the exit code the protocol asks for.
int run_lsp(std::istream& in, std::ostream& out, const std::function<bool()>& pending);

}  // namespace flinklint::cli
