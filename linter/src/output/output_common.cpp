// Format dispatch and the helpers every writer shares.
#include <algorithm>
#include <array>
#include <cctype>
#include <map>
#include <memory>
#include <stdexcept>

#include <fmt/format.h>

#include "output/output_internal.hpp"

namespace flinklint {

namespace output {

Spill::Spill() : file_(std::tmpfile()) {}

Spill::~Spill() {
    if (file_ != nullptr) std::fclose(file_);
}

void Spill::write(std::string_view text) {
    if (file_ == nullptr) {
        memory_ += text;
    } else if (std::fwrite(text.data(), 1, text.size(), file_) != text.size()) {
        throw std::runtime_error("cannot write the report to a temporary file");
    }
}

void Spill::copy_to(std::ostream& out) {
    if (file_ == nullptr) {
        out << memory_;
        return;
    }
    std::rewind(file_);
    std::array<char, 1 << 16> buffer{};
    for (std::size_t n; (n = std::fread(buffer.data(), 1, buffer.size(), file_)) > 0;)
        out.write(buffer.data(), static_cast<std::streamsize>(n));
    if (std::ferror(file_) != 0)
        throw std::runtime_error("cannot read back the report from its temporary file");
}

}  // namespace output

std::optional<OutputFormat> parse_output_format(std::string_view name) {
    static constexpr std::array<std::pair<std::string_view, OutputFormat>, 6> formats = {{
        {"text", OutputFormat::text},
        {"json", OutputFormat::json},
        {"sarif", OutputFormat::sarif},
        {"github", OutputFormat::github},
        {"junit", OutputFormat::junit},
        {"gitlab", OutputFormat::gitlab},
    }};
    for (const auto& [known, format] : formats) {
        const bool same = std::ranges::equal(
            known, name, [](char a, char b) { return a == std::tolower(static_cast<unsigned char>(b)); });
        if (same) return format;
    }
    return std::nullopt;
}

namespace {}  // namespace

std::unique_ptr<ReportWriter> make_report_writer(OutputFormat format, std::ostream& out,
                                                 const OutputOptions& options) {
    if (options.statistics && (format == OutputFormat::text || format == OutputFormat::json))
        return output::statistics_writer(out, options, format == OutputFormat::json);
    switch (format) {
        case OutputFormat::text:
            return output::text_writer(out, options);
        case OutputFormat::json:
            return output::json_writer(out);
        case OutputFormat::github:
            return output::github_writer(out, options);
        case OutputFormat::gitlab:
            return output::gitlab_writer(out, options);
        case OutputFormat::sarif:
            return output::sarif_writer(out, options);
        case OutputFormat::junit:
            return output::junit_writer(out, options);
    }
    return output::text_writer(out, options);
}

void write_report(OutputFormat format, std::ostream& out, const Report& report,
                  const OutputOptions& options) {
    // A copy: whole reports come from tests and small callers; `check` streams its parts.
    const auto writer = make_report_writer(format, out, options);
    writer->begin();
    writer->add(ReportPart{report.diagnostics, report.masked, report.files});
    writer->finish(report.files_checked);
}

namespace output {

std::string_view file_of(const Diagnostic& diagnostic) {
    return diagnostic.source ? std::string_view(diagnostic.source->path()) : std::string_view();
}

std::string relative_path(std::string_view path, const std::filesystem::path& base) {
    namespace fs = std::filesystem;
    if (path.empty()) return {};
    fs::path result = fs::path(std::string(path)).lexically_normal();
    if (!base.empty()) {
        std::error_code ec;
        const fs::path absolute = fs::absolute(result, ec);
        std::error_code base_ec;
        const fs::path absolute_base = fs::absolute(base, base_ec).lexically_normal();
        if (!ec && !base_ec) {
            const fs::path relative = absolute.lexically_normal().lexically_relative(absolute_base);
            if (!relative.empty() && *relative.begin() != "..") result = relative;
        }
    }
    return result.generic_string();
}

std::string hex16(std::uint64_t value) {
    static constexpr std::string_view digits = "0123456789abcdef";
    std::string text(16, '0');
    for (std::size_t i = 16; i-- > 0; value >>= 4) text[i] = digits[value & 0xF];
    return text;
}

std::string dump_json(const nlohmann::ordered_json& value, int indent) {
    std::string json = value.dump(indent, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
    // JSON needs only C0 escaped; DEL, C1 controls and bidi overrides, which a terminal or a web view
    // would act on, are escaped too (backslash-u). Valid JSON holds them only inside strings.
    const auto hidden = [](char c) { return c == 0x7F || static_cast<unsigned char>(c) >= 0x80; };
    if (std::none_of(json.begin(), json.end(), hidden)) return json;
    std::string out;
    out.reserve(json.size());
    for (std::size_t i = 0; i < json.size();) {
        char32_t cp = 0;
        const std::size_t length = decode_utf8(json, i, cp);
        if (cp > 0x20 && is_hidden_control(cp)) {
            out += fmt::format("\\u{:04x}", static_cast<std::uint32_t>(cp));
        } else {
            out.append(json, i, length);
        }
        i += length;
    }
    return out;
}

}  // namespace output
}  // namespace flinklint
