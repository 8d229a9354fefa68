// Helpers shared by the output writers (not part of the public API).
#pragma once

#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <ostream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "flinklint/masking.hpp"
#include "flinklint/output.hpp"
#include "flinklint/text_util.hpp"

namespace flinklint::output {

// What a masked secret is printed as, whatever its length.
inline constexpr std::string_view kMask = kSecretMask;

// Project home page; empty until the public URL is settled (then SARIF gets informationUri and helpUri).
inline constexpr std::string_view kProjectUri = "";

// The streaming formats.
std::unique_ptr<ReportWriter> text_writer(std::ostream& out, const OutputOptions& options);
std::unique_ptr<ReportWriter> json_writer(std::ostream& out);
// --statistics: findings counted per rule, as a table (text) or a JSON document.
std::unique_ptr<ReportWriter> statistics_writer(std::ostream& out, const OutputOptions& options, bool json);
std::unique_ptr<ReportWriter> github_writer(std::ostream& out, const OutputOptions& options);
std::unique_ptr<ReportWriter> gitlab_writer(std::ostream& out, const OutputOptions& options);
std::unique_ptr<ReportWriter> sarif_writer(std::ostream& out, const OutputOptions& options);
std::unique_ptr<ReportWriter> junit_writer(std::ostream& out, const OutputOptions& options);

// Where a writer keeps what must wait for its header (SARIF's results wait for the rule table,
// JUnit's test cases for the counts): a temporary file, so that memory does not grow with the
// findings (in memory when no temporary file can be made).
class Spill {
public:
    Spill();
    ~Spill();
    Spill(const Spill&) = delete;
    Spill& operator=(const Spill&) = delete;

    void write(std::string_view text);
    void copy_to(std::ostream& out);

private:
    std::FILE* file_;
    std::string memory_;
};

// The diagnostic's file path, or "" when it has no source.
std::string_view file_of(const Diagnostic& diagnostic);

// `path` relative to `base` with forward slashes; unchanged (but normalised) when outside `base`.
std::string relative_path(std::string_view path, const std::filesystem::path& base);

std::string hex16(std::uint64_t value);

// Serialises without throwing on invalid UTF-8 (bad bytes become U+FFFD); DEL, C1 controls and
// bidi overrides are escaped (backslash-u).
std::string dump_json(const nlohmann::ordered_json& value, int indent = -1);

// UTF-8 helpers shared with the rest of the linter (flinklint/text_util.hpp).
using flinklint::append_utf8;
using flinklint::decode_utf8;

}  // namespace flinklint::output
