#include "cli/lsp/server.hpp"

#include <filesystem>

#include "cli/lsp/diagnostics.hpp"
#include "cli/lsp/features.hpp"
#include "cli/lsp/positions.hpp"
#include "cli/lsp/uri.hpp"

namespace flinklint::cli::lsp {
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

// JSON-RPC and LSP error codes.
constexpr int kParseError = -32700;
constexpr int kInvalidRequest = -32600;
constexpr int kMethodNotFound = -32601;
constexpr int kInvalidParams = -32602;
constexpr int kInternalError = -32603;
constexpr int kServerNotInitialized = -32002;

// A request whose params do not have the shape the method needs.
struct InvalidParams : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// The path a document is linted under: its file's for `file:` URIs, the URI itself otherwise.
std::string path_for(const std::string& uri) {
    return path_of_uri(uri).value_or(uri);
}

std::size_t index_at(const json& object, const char* name) {
    const json& value = object.at(name);
    if (!value.is_number_unsigned())
        throw InvalidParams(std::string(name) + " must be a non-negative integer");
    return value.get<std::size_t>();
}

LspPosition position_at(const json& object) {
    return {index_at(object, "line"), index_at(object, "character")};
}

bool valid_id(const json& id) {
    return id.is_string() || id.is_number_integer() || id.is_number_unsigned();
}

}  // namespace

void Server::respond(const json& id, json result) {
    send_({{"jsonrpc", "2.0"}, {"id", id}, {"result", std::move(result)}});
}

void Server::respond_error(const json& id, int code, const std::string& message) {
    send_({{"jsonrpc", "2.0"}, {"id", id}, {"error", {{"code", code}, {"message", message}}}});
}

void Server::framing_error(const std::string& what) {
    respond_error(nullptr, kParseError, what);
}

void Server::handle(std::string_view body) {
    const json message = json::parse(body, nullptr, false);
    if (message.is_discarded()) {
        respond_error(nullptr, kParseError, "the message is not JSON");
        return;
    }
    const json* id = nullptr;
    if (message.is_object()) {
        if (const auto it = message.find("id"); it != message.end() && valid_id(*it)) id = &*it;
    }
    const auto method = message.is_object() ? message.find("method") : message.end();
    if (!message.is_object() || message.value("jsonrpc", json()) != "2.0" ||
        (method == message.end() && !message.contains("id")) ||
        (method != message.end() && !method->is_string()) || (message.contains("id") && id == nullptr)) {
        respond_error(id != nullptr ? *id : json(), kInvalidRequest,
                      "not a JSON-RPC 2.0 request or notification");
        return;
    }
    if (method == message.end()) return;  // a response to a request of ours: none are sent
    const json params = message.value("params", json::object());
    // A request's failure is its error response; a notification has none, so it goes to the log.
    const auto fail = [&](int code, const std::string& what) {
        if (id != nullptr) return respond_error(*id, code, what);
        send_({{"jsonrpc", "2.0"},
               {"method", "window/logMessage"},
               {"params",
                {{"type", 1}, {"message", "flinklint: " + method->get<std::string>() + ": " + what}}}});
    };
    try {
        dispatch(method->get<std::string>(), params, id);
    } catch (const InvalidParams& e) {
        fail(kInvalidParams, e.what());
    } catch (const json::exception& e) {
        // A missing or mistyped field of the params (nlohmann's at() and get<>()).
        fail(kInvalidParams, std::string("invalid params: ") + e.what());
    } catch (const std::exception& e) {
        fail(kInternalError, std::string("internal error: ") + e.what());
    }
}

void Server::dispatch(const std::string& method, const json& params, const json* id) {
    if (method == "exit") {
        exit_code_ = shutdown_ ? 0 : 1;
        return;
    }
    if (id == nullptr) {
        // Before `initialize` and after `shutdown` notifications are dropped (the protocol's rule).
        if (initialized_ && !shutdown_) notification(method, params);
        return;
    }
    if (method == "initialize") {
        if (initialized_) return respond_error(*id, kInvalidRequest, "initialize was sent already");
        return respond(*id, initialize(params));
    }
    if (!initialized_) return respond_error(*id, kServerNotInitialized, "initialize first");
    if (shutdown_) return respond_error(*id, kInvalidRequest, "the server is shut down");
    request(method, params, *id);
}

void Server::request(const std::string& method, const json& params, const json& id) {
    if (method == "shutdown") {
        shutdown_ = true;
        respond(id, nullptr);
    } else if (method == "textDocument/codeAction") {
        respond(id, code_action(params));
    } else if (method == "textDocument/hover") {
        respond(id, hover(params));
    } else if (method == "textDocument/completion") {
        respond(id, completion(params));
    } else {
        respond_error(id, kMethodNotFound, "no method " + method);
    }
}

void Server::notification(const std::string& method, const json& params) {
    if (method == "textDocument/didOpen") {
        open(params);
    } else if (method == "textDocument/didChange") {
        change(params);
    } else if (method == "textDocument/didClose") {
        close(params);
    } else if (method == "textDocument/didSave" || method == "workspace/didChangeWatchedFiles" ||
               method == "workspace/didChangeConfiguration") {
        // Files on disk (the directory's other files, .flinklint.yaml) may have changed: lint again.
        for (auto& [uri, doc] : documents_) doc.dirty = true;
    }
    // Any other notification ($/cancelRequest, $/setTrace, initialized) needs nothing.
}

json Server::initialize(const json& params) {
    initialized_ = true;
    const json* edit = nullptr;
    if (params.is_object()) {
        const json::json_pointer pointer("/capabilities/workspace/workspaceEdit");
        if (params.contains(pointer)) edit = &params.at(pointer);
    }
    versioned_edits_ =
        edit != nullptr && edit->is_object() && edit->value("documentChanges", json(false)) == true;
    return {{"capabilities",
             {{"textDocumentSync", {{"openClose", true}, {"change", 1}, {"save", {{"includeText", false}}}}},
              {"codeActionProvider", {{"codeActionKinds", {"quickfix"}}}},
              {"hoverProvider", true},
              {"completionProvider", {{"triggerCharacters", {"."}}}}}},
            {"serverInfo", {{"name", "flinklint"}, {"version", FLINKLINT_VERSION}}}};
}

Server::Document& Server::document(const json& params) {
    const std::string uri = params.at("textDocument").at("uri").get<std::string>();
    const auto it = documents_.find(uri);
    if (it == documents_.end()) throw InvalidParams("the document " + uri + " is not open");
    return it->second;
}

void Server::touch_directory(const std::string& path) {
    const fs::path directory = fs::path(path).parent_path();
    for (auto& [uri, doc] : documents_) {
        if (fs::path(doc.text->path()).parent_path() == directory) doc.dirty = true;
    }
}

void Server::open(const json& params) {
    const json& item = params.at("textDocument");
    const std::string uri = item.at("uri").get<std::string>();
    Document doc{uri, item.at("version").get<int>(),
                 std::make_shared<const Source>(path_for(uri), item.at("text").get<std::string>())};
    documents_.insert_or_assign(uri, std::move(doc));
    touch_directory(path_for(uri));
}

void Server::change(const json& params) {
    Document& doc = document(params);
    std::string text = doc.text->text();
    for (const json& change : params.at("contentChanges")) {
        if (!change.contains("range")) {
            text = change.at("text").get<std::string>();
            continue;
        }
        // An incremental change, though full sync was asked for: apply it all the same.
        const Source current(doc.text->path(), text);
        const json& range = change.at("range");
        const std::size_t begin = offset_of(current, position_at(range.at("start")));
        const std::size_t end = std::max(begin, offset_of(current, position_at(range.at("end"))));
        text.replace(begin, end - begin, change.at("text").get<std::string>());
    }
    doc.version = params.at("textDocument").at("version").get<int>();
    doc.text = std::make_shared<const Source>(doc.text->path(), std::move(text));
    touch_directory(doc.text->path());
}

void Server::close(const json& params) {
    const std::string uri = document(params).uri;
    const std::string path = documents_.at(uri).text->path();
    documents_.erase(uri);
    send_({{"jsonrpc", "2.0"},
           {"method", "textDocument/publishDiagnostics"},
           {"params", {{"uri", uri}, {"diagnostics", json::array()}}}});
    touch_directory(path);  // the others now read it from disk
}

const DocumentLint& Server::linted(Document& doc) {
    if (!doc.dirty && doc.lint) return *doc.lint;
    OpenBuffers open;
    for (const auto& [uri, other] : documents_) {
        if (&other != &doc && path_of_uri(uri)) open.emplace(other.text->path(), other.text);
    }
    doc.lint = lint_document(doc.text, open);
    doc.dirty = false;
    // Kept while the buffer does not parse (half a key typed): completion still knows the version.
    if (!doc.lint->versions.empty()) doc.flink_version = doc.lint->versions.front().version;
    // Published with every new lint: the client sees the findings its code actions are about.
    send_({{"jsonrpc", "2.0"},
           {"method", "textDocument/publishDiagnostics"},
           {"params", publish_params(doc.uri, doc.version, *doc.lint)}});
    return *doc.lint;
}

void Server::lint_pending() {
    if (shutdown_) return;
    for (auto& [uri, doc] : documents_) {
        if (!doc.dirty) continue;
        try {
            linted(doc);
        } catch (const std::exception& e) {
            doc.dirty = false;  // said once, not at every message
            send_(
                {{"jsonrpc", "2.0"},
                 {"method", "window/logMessage"},
                 {"params",
                  {{"type", 1}, {"message", "flinklint: internal error linting " + uri + ": " + e.what()}}}});
        }
    }
}

json Server::code_action(const json& params) {
    Document& doc = document(params);
    const json context = params.value("context", json::object());
    if (const auto only = context.find("only"); only != context.end()) {
        bool quickfix = false;
        for (const json& kind : *only) quickfix = quickfix || kind == "quickfix";
        if (!quickfix) return json::array();
    }
    const DocumentLint& lint = linted(doc);
    const json& range = params.at("range");
    const std::size_t from = offset_of(*doc.text, position_at(range.at("start")));
    const std::size_t to = offset_of(*doc.text, position_at(range.at("end")));
    return code_actions(doc.uri, doc.version, lint, from, std::max(from, to), versioned_edits_);
}

json Server::hover(const json& params) {
    Document& doc = document(params);
    const std::size_t at = offset_of(*doc.text, position_at(params.at("position")));
    const DocumentLint& lint = linted(doc);
    std::vector<FlinkVersion> versions;
    for (const FileVersion& version : lint.versions) versions.push_back(version.version);
    json hover = hover_at(doc.text, versions, doc.flink_version, at);
    const std::string pages = rule_pages_at(lint.diagnostics, at);
    if (pages.empty()) return hover;
    if (hover.is_null()) return {{"contents", {{"kind", "markdown"}, {"value", pages}}}};
    hover["contents"]["value"] = hover["contents"]["value"].get<std::string>() + "\n\n---\n\n" + pages;
    return hover;
}

json Server::completion(const json& params) {
    Document& doc = document(params);
    const std::size_t at = offset_of(*doc.text, position_at(params.at("position")));
    linted(doc);  // the Flink version of the text as it is now, when the lint can tell
    return completion_at(doc.text, doc.flink_version, at);
}

}  // namespace flinklint::cli::lsp
