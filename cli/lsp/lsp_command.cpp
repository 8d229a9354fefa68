// `flinklint lsp`: the language server (cli/lsp/server.hpp) over standard input and output.
#include <CLI/CLI.hpp>

#include <poll.h>
#include <unistd.h>

#include <iostream>
#include <memory>

#include "cli/commands.hpp"
#include "cli/lsp/framing.hpp"
#include "cli/lsp/lsp_command.hpp"
#include "cli/lsp/server.hpp"

namespace flinklint::cli {
namespace {

// Input already sent and not yet read: in the stream's buffer or waiting on the descriptor.
bool stdin_pending() {
    if (std::cin.rdbuf()->in_avail() > 0) return true;
    pollfd input{STDIN_FILENO, POLLIN, 0};
    return poll(&input, 1, 0) > 0;
}

constexpr std::size_t kMessagesBetweenLints = 64;

}  // namespace

int run_lsp(std::istream& in, std::ostream& out, const std::function<bool()>& pending) {
    lsp::MessageWriter writer(out);
    // Text from a buffer is valid UTF-8 (JSON strings are); anything else is replaced, never thrown.
    lsp::Server server([&writer](const nlohmann::json& message) {
        writer.write(message.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
    });
    lsp::MessageReader reader(in, lsp::kMaxMessageBytes);
    std::size_t since_lint = 0;
    for (;;) {
        const lsp::Incoming next = reader.next();
        if (next.kind == lsp::Incoming::Kind::end) break;
        if (next.kind == lsp::Incoming::Kind::error) {
            server.framing_error(next.error);
        } else {
            server.handle(next.body);
        }
        if (server.exited()) break;
        // Lint once the client has said everything it sent: a burst of changes costs one lint. A
        // client that never pauses still gets diagnostics every so many messages.
        if (!pending() || ++since_lint == kMessagesBetweenLints) {
            server.lint_pending();
            since_lint = 0;
        }
    }
    return server.exit_code();
}

std::function<int(std::ostream&, std::ostream&)> add_lsp_command(CLI::App& app) {
    auto* cmd = app.add_subcommand("lsp", "Run the language server over standard input and output");
    // Clients such as vscode-languageclient name the transport; stdio is the only one.
    auto stdio = std::make_shared<bool>(false);
    cmd->add_flag("--stdio", *stdio, "Talk over standard input and output (the default and only transport)");
    return [stdio](std::ostream& out, std::ostream&) { return run_lsp(std::cin, out, stdin_pending); };
}

}  // namespace flinklint::cli
