// `flinklint lsp` on arbitrary input: framed or malformed JSON-RPC, as a client (or a broken one)
// might send it. Nothing may crash, hang or throw; every message the server writes is one frame
// with a JSON body of JSON-RPC 2.0, and every diagnostic range starts at or before its end.
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "cli/lsp/lsp_command.hpp"
#include "fuzz_support.hpp"

namespace {

void check_range(const nlohmann::json& range) {
    const auto& start = range.at("start");
    const auto& end = range.at("end");
    const auto line = [](const nlohmann::json& p) { return p.at("line").get<long>(); };
    const auto character = [](const nlohmann::json& p) { return p.at("character").get<long>(); };
    FUZZ_CHECK(line(start) >= 0 && character(start) >= 0);
    FUZZ_CHECK(line(start) < line(end) || (line(start) == line(end) && character(start) <= character(end)));
}

// The server's output: `Content-Length: N\r\n\r\n` then N bytes of JSON, message after message.
void check_output(std::string_view out) {
    constexpr std::string_view kHeader = "Content-Length: ";
    while (!out.empty()) {
        FUZZ_CHECK(out.starts_with(kHeader));
        out.remove_prefix(kHeader.size());
        const std::size_t end_of_headers = out.find("\r\n\r\n");
        FUZZ_CHECK(end_of_headers != std::string_view::npos);
        const std::size_t length = std::stoul(std::string(out.substr(0, end_of_headers)));
        out.remove_prefix(end_of_headers + 4);
        FUZZ_CHECK(length <= out.size());
        const auto message = nlohmann::json::parse(out.substr(0, length), nullptr, false);
        out.remove_prefix(length);
        FUZZ_CHECK(!message.is_discarded() && message.is_object());
        FUZZ_CHECK(message.value("jsonrpc", "") == "2.0");
        if (message.value("method", "") == "textDocument/publishDiagnostics") {
            for (const auto& diagnostic : message.at("params").at("diagnostics"))
                check_range(diagnostic.at("range"));
        }
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::istringstream in(std::string(reinterpret_cast<const char*>(data), size));
    std::ostringstream out;
    // Lint after every message, the most work per input (the real loop lints when input pauses).
    const int code = flinklint::cli::run_lsp(in, out, [] { return false; });
    FUZZ_CHECK(code == 0 || code == 1);
    check_output(out.view());
    return 0;
}
