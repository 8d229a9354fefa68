// The language server: JSON-RPC requests and notifications in, responses and
// `textDocument/publishDiagnostics` out. Documents are full texts (full sync); a changed document
// is linted when the client has nothing more to say (`lint_pending`), so a burst of keystrokes
// costs one lint and no result of an older text is published.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "cli/lsp/document_lint.hpp"

namespace flinklint::cli::lsp {

class Server {
public:
    using Send = std::function<void(const nlohmann::json&)>;
    explicit Server(Send send) : send_(std::move(send)) {}

    // One message body as read. Never throws: malformed input gets an error response.
    void handle(std::string_view body);
    // A message whose framing was wrong (flinklint/cli/lsp/framing.hpp): a parse error response.
    void framing_error(const std::string& what);
    // Lints and publishes every document changed since its last lint.
    void lint_pending();

    [[nodiscard]] bool exited() const { return exit_code_.has_value(); }
    // `exit` after `shutdown`: 0; `exit` without it, or the input's end: 1 (as the protocol says).
    [[nodiscard]] int exit_code() const { return exit_code_.value_or(1); }

private:
    struct Document {
        std::string uri;
        int version = 0;
        SourcePtr text;
        bool dirty = true;
        std::optional<DocumentLint> lint;                   // of `text`, once linted
        FlinkVersion flink_version = kDefaultFlinkVersion;  // of the last lint that found one
    };

    void dispatch(const std::string& method, const nlohmann::json& params, const nlohmann::json* id);
    void request(const std::string& method, const nlohmann::json& params, const nlohmann::json& id);
    void notification(const std::string& method, const nlohmann::json& params);
    void respond(const nlohmann::json& id, nlohmann::json result);
    void respond_error(const nlohmann::json& id, int code, const std::string& message);

    nlohmann::json initialize(const nlohmann::json& params);
    void open(const nlohmann::json& params);
    void change(const nlohmann::json& params);
    void close(const nlohmann::json& params);
    nlohmann::json code_action(const nlohmann::json& params);
    nlohmann::json hover(const nlohmann::json& params);
    nlohmann::json completion(const nlohmann::json& params);

    Document& document(const nlohmann::json& params);  // params.textDocument.uri, or throws
    // The lint of the document's text: linted (and published) first when the text changed.
    const DocumentLint& linted(Document& doc);
    void touch_directory(const std::string& path);  // documents beside `path` see it as context

    Send send_;
    bool initialized_ = false;
    bool shutdown_ = false;
    bool versioned_edits_ = false;  // the client takes documentChanges
    std::optional<int> exit_code_;
    std::map<std::string, Document> documents_;  // by URI
};

}  // namespace flinklint::cli::lsp
