// Helpers for the ingest tests: build a Source, find entries, show spans.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "flinklint/ingest.hpp"

namespace flinklint::testing {

inline ParsedFile ingest_text(std::string path, std::string text, IngestOptions options = {}) {
    return ingest(std::make_shared<const Source>(std::move(path), std::move(text)), options);
}

inline const ConfigEntry* find_entry(const ConfigDocument& doc, std::string_view key) {
    for (const ConfigEntry& e : doc.entries)
        if (e.key == key) return &e;
    return nullptr;
}

inline std::string_view text_of(const ParsedFile& file, Span span) {
    return file.source->view(span);
}

inline bool has_issue(const std::vector<SyntaxIssue>& issues, SyntaxIssue::Kind kind) {
    for (const SyntaxIssue& i : issues)
        if (i.kind == kind) return true;
    return false;
}

}  // namespace flinklint::testing
