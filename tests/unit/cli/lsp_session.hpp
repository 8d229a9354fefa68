// A language server session in the test process: framed messages in, the server's messages out
// (cli/lsp/lsp_command.hpp), with every message linted as soon as it is handled.
#pragma once

#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "cli/lsp/lsp_command.hpp"
#include "cli/lsp/uri.hpp"

namespace flinklint::testing {

inline std::string lsp_frame(const nlohmann::json& message) {
    const std::string body = message.dump();
    return "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
}

struct LspSession {
    std::vector<nlohmann::json> out;  // what the server sent, in order
    int exit_code = -1;
    std::string raw;  // the bytes it wrote, when framing is what is checked

    // The params of the last diagnostics published for `uri`.
    [[nodiscard]] const nlohmann::json* diagnostics(const std::string& uri) const {
        const nlohmann::json* last = nullptr;
        for (const auto& m : out) {
            if (m.value("method", "") == "textDocument/publishDiagnostics" && m["params"]["uri"] == uri)
                last = &m["params"];
        }
        return last;
    }
    // The response to request `id`.
    [[nodiscard]] const nlohmann::json* response(int id) const {
        for (const auto& m : out) {
            if (m.contains("id") && m["id"] == id && !m.contains("method")) return &m;
        }
        return nullptr;
    }
};

inline LspSession run_lsp_bytes(const std::string& input) {
    std::istringstream in(input);
    std::ostringstream out;
    LspSession session;
    session.exit_code = cli::run_lsp(in, out, [] { return false; });
    session.raw = out.str();
    const std::string& raw = session.raw;
    for (std::size_t at = raw.find("Content-Length: "); at != std::string::npos;
         at = raw.find("Content-Length: ", at)) {
        const std::size_t length = std::stoul(raw.substr(at + 16));
        const std::size_t body = raw.find("\r\n\r\n", at) + 4;
        session.out.push_back(nlohmann::json::parse(raw.substr(body, length)));
        at = body + length;
    }
    return session;
}

// initialize, the given messages, shutdown and exit.
inline LspSession run_lsp_session(const std::vector<nlohmann::json>& messages) {
    std::string input = lsp_frame({{"jsonrpc", "2.0"},
                                   {"id", 0},
                                   {"method", "initialize"},
                                   {"params", {{"capabilities", nlohmann::json::object()}}}});
    for (const auto& message : messages) input += lsp_frame(message);
    input += lsp_frame({{"jsonrpc", "2.0"}, {"id", 999}, {"method", "shutdown"}});
    input += lsp_frame({{"jsonrpc", "2.0"}, {"method", "exit"}});
    return run_lsp_bytes(input);
}

inline nlohmann::json lsp_did_open(const std::string& uri, const std::string& text, int version = 1) {
    return {
        {"jsonrpc", "2.0"},
        {"method", "textDocument/didOpen"},
        {"params",
         {{"textDocument", {{"uri", uri}, {"languageId", "yaml"}, {"version", version}, {"text", text}}}}}};
}

}  // namespace flinklint::testing
