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

#include "flinklint/output.hpp"

namespace flinklint::output {

// What a masked secret is printed as, whatever its length.
inline constexpr std::string_view kMask = "******";

// Project home page; empty until the public URL is settled (then SARIF gets informationUri and helpUri).
inline constexpr std::string_view kProjectUri = "";

// The streaming formats.
std::unique_ptr<ReportWriter> text_writer(std::ostream& out, const OutputOptions& options);
std::unique_ptr<ReportWriter> json_writer(std::ostream& out);
std::unique_ptr<ReportWriter> github_writer(std::ostream& out, const OutputOptions& options);
std::unique_ptr<ReportWriter> gitlab_writer(std::ostream& out, const OutputOptions& options);
std::unique_ptr<ReportWriter> sarif_writer(std::ostream& out, const OutputOptions& options);
std::unique_ptr<ReportWriter> junit_writer(std::ostream& out);

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

// Masked byte ranges of one line, relative to the line, clipped, sorted and merged.
std::vector<std::pair<std::size_t, std::size_t>> masked_ranges(std::size_t line_size, std::size_t line_begin,
                                                               const std::vector<Span>& masked);

// The diagnostic's file path, or "" when it has no source.
std::string_view file_of(const Diagnostic& diagnostic);

// `path` relative to `base` with forward slashes; unchanged (but normalised) when outside `base`.
std::string relative_path(std::string_view path, const std::filesystem::path& base);

std::string hex16(std::uint64_t value);

// Serialises without throwing on invalid UTF-8 (bad bytes become U+FFFD).
std::string dump_json(const nlohmann::ordered_json& value);

// Appends the UTF-8 encoding of a code point.
void append_utf8(std::string& out, char32_t code_point);

// Decodes one code point at `text[i]`; returns its length in bytes (1 for an invalid byte, then
// `code_point` is U+FFFD).
std::size_t decode_utf8(std::string_view text, std::size_t i, char32_t& code_point);

}  // namespace flinklint::output
