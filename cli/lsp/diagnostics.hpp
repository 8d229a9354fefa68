// Findings as LSP diagnostics and their fixes as code actions.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "cli/lsp/document_lint.hpp"
#include "cli/lsp/positions.hpp"

namespace flinklint::cli::lsp {

// `textDocument/publishDiagnostics` params for a lint of the buffer `uri` at `version`.
nlohmann::json publish_params(const std::string& uri, int version, const DocumentLint& lint);

// The code actions of `textDocument/codeAction` for the findings of `lint` whose range meets
// [from, to] (byte offsets): each fix as a quick fix, the safe ones preferred, then for each line
// and rule a `# flinklint: disable-next-line=` comment above the line. `versioned`: the
// client takes `documentChanges` (edits that apply only to the version linted).
nlohmann::json code_actions(const std::string& uri, int version, const DocumentLint& lint, std::size_t from,
                            std::size_t to, bool versioned);

}  // namespace flinklint::cli::lsp
