// What a rule reports: a located finding with a message, a help line and an optional fix.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "flinklint/source.hpp"

namespace flinklint {

enum class Severity { info = 0, warning = 1, error = 2 };

enum class Category {
    schema,
    deprecated,
    syntax,
    ports,
    heartbeat,
    memory,
    network,
    checkpoint,
    state,
    kubernetes,
    security,
};

std::string_view to_string(Severity);
std::string_view to_string(Category);
std::optional<Severity> parse_severity(std::string_view);

// Replace bytes [begin, end) of the original file with `replacement`.
struct Edit {
    std::size_t begin = 0;
    std::size_t end = 0;
    std::string replacement;
    friend bool operator==(const Edit&, const Edit&) = default;
};

enum class FixSafety { safe, unsafe };

struct Fix {
    FixSafety safety = FixSafety::safe;
    std::string description;  // "replace with `heartbeat.timeout`"
    std::vector<Edit> edits;
    // An edit replaces or quotes a secret value: reports print its replacement as `******`.
    bool shows_secret = false;
};

// Another place that belongs to the same finding: every line of a key set several times.
struct RelatedLocation {
    SourcePtr source;
    Span span;
    Position start;       // filled from span by the reporter
    std::string message;  // "set here (1 of 3)"
};

struct Diagnostic {
    std::string rule_id;    // "FL101"
    std::string rule_name;  // "unknown-key"
    Category category = Category::schema;
    Severity severity = Severity::warning;
    SourcePtr source;  // file the span points into
    Span span;
    Position start;  // filled from span by the reporter
    Position end;
    std::string message;
    std::string help;
    std::string key;  // Flink key (or YAML path) the finding is about; part of the baseline fingerprint
    std::optional<Fix> fix;
    std::vector<RelatedLocation> related;  // shown as notes (text) and relatedLocations (SARIF)
};

}  // namespace flinklint
