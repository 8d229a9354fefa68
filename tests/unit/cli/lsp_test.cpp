// `flinklint lsp` in the test process (cli/lsp/): framing, JSON-RPC errors, UTF-16 positions, the
// project's settings and the directory as context. tests/lsp/client.js drives the real binary with
// a real client (lsp_client_test.cpp).
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <sstream>

#include "cli/lsp/document_lint.hpp"
#include "cli/lsp/framing.hpp"
#include "cli/lsp/positions.hpp"
#include "cli/lsp/uri.hpp"
#include "fix_test_support.hpp"
#include "lsp_session.hpp"
#include "test_paths.hpp"

using namespace flinklint;
using namespace flinklint::testing;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

json request(int id, const std::string& method, json params = json::object()) {
    return {{"jsonrpc", "2.0"}, {"id", id}, {"method", method}, {"params", std::move(params)}};
}

json error_of(const LspSession& session, const json& id) {
    for (const json& m : session.out) {
        if (m.contains("error") && m["id"] == id) return m["error"];
    }
    return nullptr;
}

json lsp_range(int line, int character, int end_line, int end_character) {
    return {{"start", {{"line", line}, {"character", character}}},
            {"end", {{"line", end_line}, {"character", end_character}}}};
}

std::string uri_in(const TempDir& dir, const std::string& relative) {
    return cli::lsp::uri_of_path((dir.path() / relative).string());
}

}  // namespace

TEST(LspFraming, ReadsMessagesAndSaysWhatIsWrongWithTheRest) {
    std::istringstream in(
        "Content-Length: 2\r\n\r\n{}"
        "Content-Type: application/vscode-jsonrpc; charset=utf-8\r\ncontent-length:  3 \r\n\r\n[1]"
        "Content-Length: nine\r\n\r\n"
        "Content-Length: 99999\r\n\r\n" +
        std::string(99999, 'x') + "Content-Length: 4\r\n\r\nnull" + "Content-Length: 10\r\n\r\nshort");
    cli::lsp::MessageReader reader(in, 1000);
    using Kind = cli::lsp::Incoming::Kind;
    const auto expect = [&](Kind kind, const std::string& text) {
        const auto next = reader.next();
        EXPECT_EQ(next.kind, kind);
        EXPECT_EQ(kind == Kind::message ? next.body : next.error, text);
    };
    expect(Kind::message, "{}");
    expect(Kind::message, "[1]");
    expect(Kind::error, "malformed message header: Content-Length is not a byte count: nine");
    expect(Kind::error, "message of 99999 bytes is above the limit of 1000 bytes");
    expect(Kind::message, "null");
    expect(Kind::end, "");  // a body cut short by the end of input
}

TEST(LspPositions, CountUtf16CodeUnits) {
    // ä is 2 bytes and 1 unit, 😀 4 bytes and 2 units (a surrogate pair), an invalid byte 1 unit.
    const Source source("x", "a\näx😀y\r\n\xffz");
    EXPECT_EQ(cli::lsp::utf16_length("ä😀"), 3u);
    const auto at = [&](std::size_t offset) {
        const auto p = cli::lsp::position_of(source, offset);
        return std::pair(p.line, p.character);
    };
    EXPECT_EQ(at(2), std::pair(std::size_t{1}, std::size_t{0}));
    EXPECT_EQ(at(5), std::pair(std::size_t{1}, std::size_t{2}));  // after äx
    EXPECT_EQ(at(9), std::pair(std::size_t{1}, std::size_t{4}));  // after the emoji
    EXPECT_EQ(at(13), std::pair(std::size_t{2}, std::size_t{1}));
    EXPECT_EQ(cli::lsp::offset_of(source, {1, 4}), 9u);
    EXPECT_EQ(cli::lsp::offset_of(source, {1, 3}), 5u);    // inside the surrogate pair: its start
    EXPECT_EQ(cli::lsp::offset_of(source, {1, 99}), 10u);  // past the line: its end
    EXPECT_EQ(cli::lsp::offset_of(source, {7, 0}), source.text().size());
}

TEST(LspUri, DecodesFileUrisAndEncodesPaths) {
    EXPECT_EQ(cli::lsp::path_of_uri("file:///a%20b/c%C3%A4.yaml"), "/a b/cä.yaml");
    EXPECT_EQ(cli::lsp::path_of_uri("file://localhost/x"), "/x");
    EXPECT_EQ(cli::lsp::path_of_uri("untitled:Untitled-1"), std::nullopt);
    EXPECT_EQ(cli::lsp::path_of_uri("file://host/x"), std::nullopt);
    EXPECT_EQ(cli::lsp::path_of_uri("file:///a%00b"), std::nullopt);
    EXPECT_EQ(cli::lsp::uri_of_path("/a b/cä.yaml"), "file:///a%20b/c%C3%A4.yaml");
}

TEST(LspServer, InitializesShutsDownAndExits) {
    const LspSession session = run_lsp_session({});
    ASSERT_NE(session.response(0), nullptr);
    const json& capabilities = (*session.response(0))["result"]["capabilities"];
    EXPECT_EQ(capabilities["textDocumentSync"]["change"], 1);
    EXPECT_EQ(capabilities["codeActionProvider"]["codeActionKinds"], json({"quickfix"}));
    EXPECT_EQ((*session.response(999))["result"], nullptr);
    EXPECT_EQ(session.exit_code, 0);
    // Without shutdown, or at the input's end, the exit code is 1 (the protocol's rule).
    EXPECT_EQ(run_lsp_bytes(lsp_frame({{"jsonrpc", "2.0"}, {"method", "exit"}})).exit_code, 1);
    EXPECT_EQ(run_lsp_bytes("").exit_code, 1);
}

TEST(LspServer, AnswersMalformedInputWithErrors) {
    std::string input = "Content-Length: 5\r\n\r\n{oops" + lsp_frame(request(1, "textDocument/hover"));
    input += lsp_frame(request(2, "initialize")) + lsp_frame(json::array({1, 2}));
    input += lsp_frame({{"jsonrpc", "2.0"}, {"id", json::object()}, {"method", "x"}});
    input += lsp_frame(request(3, "no/such/method")) + lsp_frame(request(4, "initialize"));
    input +=
        lsp_frame(request(5, "textDocument/hover", {{"textDocument", {{"uri", "file:///nowhere.yaml"}}}}));
    input += lsp_frame(lsp_did_open("untitled:a", "a: 1\n"));
    input += lsp_frame(
        {{"jsonrpc", "2.0"}, {"method", "textDocument/didChange"}, {"params", {{"textDocument", 3}}}});
    input += lsp_frame(
        request(6, "textDocument/hover",
                {{"textDocument", {{"uri", "untitled:a"}}}, {"position", {{"line", -1}, {"character", 0}}}}));
    input += lsp_frame(request(7, "textDocument/completion",
                               {{"textDocument", {{"uri", "untitled:a"}}}, {"position", "x"}}));
    input += "Content-Length: 3\r\nbroken header\r\n\r\n" + lsp_frame(request(8, "shutdown"));
    input += lsp_frame({{"jsonrpc", "2.0"}, {"method", "exit"}});
    const LspSession session = run_lsp_bytes(input);
    EXPECT_EQ(error_of(session, nullptr)["code"], -32700);
    EXPECT_EQ(error_of(session, 1)["code"], -32002);  // before initialize
    EXPECT_EQ(error_of(session, 3)["code"], -32601);
    EXPECT_EQ(error_of(session, 4)["code"], -32600);  // initialize twice
    EXPECT_EQ(error_of(session, 5)["code"], -32602);  // a document that is not open
    EXPECT_EQ(error_of(session, 6)["code"], -32602);
    EXPECT_EQ(error_of(session, 7)["code"], -32602);
    ASSERT_NE(session.response(8), nullptr);
    // A notification has no response: what was wrong with it is logged.
    const auto logged = std::find_if(session.out.begin(), session.out.end(), [](const json& m) {
        return m.value("method", "") == "window/logMessage";
    });
    ASSERT_NE(logged, session.out.end());
    EXPECT_NE(
        (*logged)["params"]["message"].get<std::string>().find("textDocument/didChange: invalid params"),
        std::string::npos);
    EXPECT_EQ(session.exit_code, 0);
}

TEST(LspServer, EveryCutOfASessionEndsWithoutHanging) {
    const TempDir dir;
    std::string input = lsp_frame(request(0, "initialize", {{"capabilities", json::object()}}));
    input += lsp_frame(lsp_did_open(uri_in(dir, "flink-conf.yaml"), "taskmanager.numberOfTaskSlot: 4\n"));
    input += lsp_frame(request(
        1, "textDocument/codeAction",
        {{"textDocument", {{"uri", uri_in(dir, "flink-conf.yaml")}}}, {"range", lsp_range(0, 0, 0, 0)}}));
    for (std::size_t cut = 0; cut <= input.size(); cut += 7)
        EXPECT_EQ(run_lsp_bytes(input.substr(0, cut)).exit_code, 1);
}

namespace {

// The hover text at the fourth character of line `line` of a conf/flink-conf.yaml holding `text`.
std::string hover_in_flink_conf(const std::string& text, int line) {
    const TempDir dir;
    const std::string uri = uri_in(dir, "conf/flink-conf.yaml");
    const LspSession session = run_lsp_session(
        {lsp_did_open(uri, text, 1),
         request(1, "textDocument/hover",
                 {{"textDocument", {{"uri", uri}}}, {"position", {{"line", line}, {"character", 3}}}})});
    return (*session.response(1))["result"]["contents"]["value"];
}

}  // namespace

// Hover on a key: the option's description for the file's Flink version, as Markdown that shows the
// text as it is (`<name>` is no HTML tag).
TEST(LspServer, HoverOnAKeyShowsTheDescriptionOfTheFilesFlinkVersion) {
    const std::string hover =
        hover_in_flink_conf("# flinklint: flink-version=1.20\nmetrics.reporter.prom.factory.class: x.Y\n", 1);
    EXPECT_TRUE(
        hover.starts_with("**`metrics.reporter.<name>.factory.class`** (Flink 1.20)\n\n"
                          "The reporter factory class to use for the reporter named \\<name>.\n\n"
                          "Type: `String`"))
        << hover;
}

// A page whose "What it checks" opens with a lead-in to a list (FL003): the hover keeps the list as
// Markdown, one item a line.
TEST(LspServer, HoverOnAFindingKeepsTheListItsRuleOpensWith) {
    const std::string hover = hover_in_flink_conf("state.checkpoints.dir:\n", 0);
    EXPECT_NE(hover.find("# FL003 empty-value\n\nA key written without a value:\n\n- in `flink-conf.yaml`: "),
              std::string::npos)
        << hover;
    EXPECT_NE(hover.find("after it. Reported as **info**"), std::string::npos) << hover;  // one item a line
    EXPECT_NE(hover.find("\n- in `config.yaml`: "), std::string::npos) << hover;
    EXPECT_NE(hover.find("`flinklint explain FL003`"), std::string::npos) << hover;
}

TEST(LspServer, PublishesFindingsAtUtf16RangesWithTheirFixes) {
    const TempDir dir;
    const std::string uri = uri_in(dir, "conf/flink-conf.yaml");
    const std::string text = "pipeline.name: Größe 😀\ntaskmanager.numberOfTaskSlot: 4 # 😀\n";
    const LspSession session = run_lsp_session(
        {lsp_did_open(uri, text, 7),
         request(1, "textDocument/codeAction",
                 {{"textDocument", {{"uri", uri}}}, {"range", lsp_range(1, 3, 1, 3)}}),
         request(2, "textDocument/hover",
                 {{"textDocument", {{"uri", uri}}}, {"position", {{"line", 1}, {"character", 3}}}})});
    const json* published = session.diagnostics(uri);
    ASSERT_NE(published, nullptr);
    EXPECT_EQ((*published)["version"], 7);
    ASSERT_EQ((*published)["diagnostics"].size(), 1u) << published->dump(2);
    const json& finding = (*published)["diagnostics"][0];
    EXPECT_EQ(finding["code"], "FL101");
    EXPECT_EQ(finding["severity"], 2);
    EXPECT_EQ(finding["range"],
              json::parse(R"({"start":{"line":1,"character":0},"end":{"line":1,"character":28}})"));
    EXPECT_NE(finding["message"].get<std::string>().find("\nhelp: rename the key"), std::string::npos);
    const json& actions = (*session.response(1))["result"];
    ASSERT_EQ(actions.size(), 2u);
    EXPECT_EQ(actions[0]["isPreferred"], false);  // a rename changes what Flink runs: unsafe
    EXPECT_NE(actions[0]["title"].get<std::string>().find("(unsafe fix)"), std::string::npos);
    EXPECT_EQ(actions[0]["edit"]["changes"][uri][0]["newText"], "taskmanager.numberOfTaskSlots");
    EXPECT_EQ(actions[1]["title"], "Disable FL101 (unknown-key) for this line");
    const json& comment = actions[1]["edit"]["changes"][uri][0];
    EXPECT_EQ(comment["range"], lsp_range(1, 0, 1, 0));
    EXPECT_EQ(comment["newText"], "# flinklint: disable-next-line=FL101\n");
    // Hover on the finding: its rule in short, the title and the first paragraph of what it checks
    // (no option to show for an unknown key), and where the whole page is.
    const std::string hover = (*session.response(2))["result"]["contents"]["value"];
    EXPECT_TRUE(hover.starts_with("# FL101 unknown-key\n\nEvery key of a Flink configuration")) << hover;
    EXPECT_NE(hover.find("with the closest real keys as \"did you mean\"."), std::string::npos) << hover;
    EXPECT_EQ(hover.find("## What it checks"), std::string::npos) << hover;
    EXPECT_EQ(hover.find("Keys that only circulate"), std::string::npos) << hover;  // the second paragraph
    EXPECT_NE(hover.find("`docs/rules/FL101-unknown-key.md`"), std::string::npos) << hover;
    EXPECT_NE(hover.find("`flinklint explain FL101`"), std::string::npos) << hover;
    EXPECT_LT(std::count(hover.begin(), hover.end(), '\n'), 15) << hover;
    // With the comment in place the finding is gone.
    const std::string suppressed =
        "pipeline.name: Größe 😀\n# flinklint: disable-next-line=FL101\n" + text.substr(text.find('\n') + 1);
    const LspSession again = run_lsp_session({lsp_did_open(uri, suppressed)});
    EXPECT_EQ((*again.diagnostics(uri))["diagnostics"], json::array());
}

namespace {

std::size_t count_of(const LspSession& session, const std::string& uri, const std::string& rule) {
    const json* published = session.diagnostics(uri);
    if (published == nullptr) return 0;
    std::size_t count = 0;
    for (const json& d : (*published)["diagnostics"]) count += d.value("code", "") == rule ? 1 : 0;
    return count;
}

}  // namespace

TEST(LspServer, ReadsTheProjectConfigurationOfTheFile) {
    const TempDir dir;
    dir.write("on/.flinklint.yaml", "disable: [FL101]\n");
    dir.write("bad/.flinklint.yaml", "no-such-setting: 1\n");
    dir.write("ignoring/.flinklint.yaml", "ignore: [\"vendor/**\"]\n");
    const std::string typo = "taskmanager.numberOfTaskSlot: 4\n";
    const LspSession session =
        run_lsp_session({lsp_did_open(uri_in(dir, "on/flink-conf.yaml"), typo),
                         lsp_did_open(uri_in(dir, "bad/flink-conf.yaml"), typo),
                         lsp_did_open(uri_in(dir, "ignoring/vendor/flink-conf.yaml"), typo),
                         lsp_did_open(uri_in(dir, "flink-conf.yaml"), typo)});
    EXPECT_EQ(count_of(session, uri_in(dir, "flink-conf.yaml"), "FL101"), 1u);
    EXPECT_EQ((*session.diagnostics(uri_in(dir, "on/flink-conf.yaml")))["diagnostics"], json::array());
    EXPECT_EQ((*session.diagnostics(uri_in(dir, "ignoring/vendor/flink-conf.yaml")))["diagnostics"],
              json::array());
    const json& bad = (*session.diagnostics(uri_in(dir, "bad/flink-conf.yaml")))["diagnostics"];
    ASSERT_EQ(bad.size(), 1u);
    EXPECT_EQ(bad[0]["severity"], 1);
    EXPECT_NE(bad[0]["message"].get<std::string>().find(".flinklint.yaml:1:1:"), std::string::npos) << bad[0];
}

// The files of the buffer's directory are its deployment, as for `check DIR`; open buffers are read
// before the files on disk.
TEST(LspServer, TakesTheDirectoryAsContextAndOpenBuffersFirst) {
    const fs::path fixture = source_dir() / "linter/src/rules/ports/FL705-service-target-port-unmatched/hit";
    const std::string service = read_file(fixture / "service.yaml");
    const std::string jobmanager = read_file(fixture / "jobmanager.yaml");
    const TempDir dir;
    dir.write("alone/service.yaml", service);
    dir.write("pair/service.yaml", service);
    dir.write("pair/jobmanager.yaml", jobmanager);
    LspSession session = run_lsp_session({lsp_did_open(uri_in(dir, "alone/service.yaml"), service),
                                          lsp_did_open(uri_in(dir, "pair/service.yaml"), service)});
    EXPECT_EQ(count_of(session, uri_in(dir, "alone/service.yaml"), "FL705"), 0u);
    EXPECT_EQ(count_of(session, uri_in(dir, "pair/service.yaml"), "FL705"), 2u);

    std::string edited = jobmanager;
    edited.replace(edited.find("8081"), 4, "8082");
    session = run_lsp_session({lsp_did_open(uri_in(dir, "pair/jobmanager.yaml"), edited),
                               lsp_did_open(uri_in(dir, "pair/service.yaml"), service)});
    EXPECT_EQ(count_of(session, uri_in(dir, "pair/service.yaml"), "FL705"), 1u);
}

namespace {

// The labels of a completion at `line`:`character` of `text` opened as `name`.
std::vector<std::string> completion_labels(const std::string& name, const std::string& text, int line,
                                           int character) {
    const TempDir dir;
    const std::string uri = uri_in(dir, name);
    const LspSession session = run_lsp_session(
        {lsp_did_open(uri, text), request(1, "textDocument/completion",
                                          {{"textDocument", {{"uri", uri}}},
                                           {"position", {{"line", line}, {"character", character}}}})});
    std::vector<std::string> labels;
    for (const json& item : (*session.response(1))["result"]["items"]) labels.push_back(item["label"]);
    return labels;
}

}  // namespace

TEST(LspServer, CompletesKeysWhereFlinkReadsThemAndEnumValuesAfterThem) {
    EXPECT_EQ(completion_labels("flink-conf.yaml", "taskmanager.numberOfTask", 0, 24),
              std::vector<std::string>{"taskmanager.numberOfTaskSlots"});
    EXPECT_EQ(completion_labels("flink-conf.yaml", "execution.checkpointing.mode: ", 0, 30),
              (std::vector<std::string>{"EXACTLY_ONCE", "AT_LEAST_ONCE"}));
    const std::string deployment =
        "apiVersion: flink.apache.org/v1beta1\nkind: FlinkDeployment\nmetadata:\n  name: x\nspec:\n"
        "  flinkVersion: v1_20\n  flinkConfiguration:\n    taskmanager.numberOfTaskSl\n  job:\n    jarURI: "
        "x\n";
    EXPECT_EQ(completion_labels("deploy.yaml", deployment, 7, 30),
              std::vector<std::string>{"taskmanager.numberOfTaskSlots"});
    // Outside flinkConfiguration no Flink key is written.
    EXPECT_EQ(completion_labels("deploy.yaml", deployment, 9, 6), std::vector<std::string>{});
}

TEST(LspServer, SaysWhyABufferAboveTheSizeLimitIsNotChecked) {
    const TempDir dir;
    const std::string uri = uri_in(dir, "flink-conf.yaml");
    const LspSession session =
        run_lsp_session({lsp_did_open(uri, std::string(cli::lsp::kMaxFileBytes + 1, '#'))});
    const json& diagnostics = (*session.diagnostics(uri))["diagnostics"];
    ASSERT_EQ(diagnostics.size(), 1u);
    EXPECT_NE(diagnostics[0]["message"].get<std::string>().find("above the limit of 10485760 bytes"),
              std::string::npos);
}
