// Format dispatch, secret masking and the helpers every writer shares.
#include <algorithm>
#include <array>
#include <cctype>
#include <map>
#include <memory>
#include <stdexcept>

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
            return output::junit_writer(out);
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

std::string mask_secrets(std::string_view line, std::size_t line_begin, const std::vector<Span>& masked) {
    std::string result;
    std::size_t pos = 0;
    for (const auto& [begin, end] : output::masked_ranges(line.size(), line_begin, masked)) {
        result.append(line.substr(pos, begin - pos));
        result.append(output::kMask);
        pos = end;
    }
    result.append(line.substr(pos));
    return result;
}

namespace output {

std::vector<std::pair<std::size_t, std::size_t>> masked_ranges(std::size_t line_size, std::size_t line_begin,
                                                               const std::vector<Span>& masked) {
    std::vector<std::pair<std::size_t, std::size_t>> ranges;
    const std::size_t line_end = line_begin + line_size;
    for (const Span& span : masked) {
        const std::size_t begin = std::max(span.begin, line_begin);
        const std::size_t end = std::min(span.end, line_end);
        if (begin < end) ranges.emplace_back(begin - line_begin, end - line_begin);
    }
    std::ranges::sort(ranges);
    // Merge overlapping and touching ranges: one mask per contiguous secret.
    std::vector<std::pair<std::size_t, std::size_t>> merged;
    for (const auto& range : ranges) {
        if (!merged.empty() && range.first <= merged.back().second) {
            merged.back().second = std::max(merged.back().second, range.second);
        } else {
            merged.push_back(range);
        }
    }
    return merged;
}

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

std::string dump_json(const nlohmann::ordered_json& value) {
    return value.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

void append_utf8(std::string& out, char32_t code_point) {
    const auto cp = static_cast<std::uint32_t>(code_point);
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

std::size_t decode_utf8(std::string_view text, std::size_t i, char32_t& code_point) {
    code_point = U'\uFFFD';
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
    const unsigned char lead = byte(i);
    if (lead < 0x80) {
        code_point = lead;
        return 1;
    }
    struct Form {
        unsigned char mask, value;
        std::size_t length;
        std::uint32_t min;
    };
    static constexpr std::array<Form, 3> forms = {
        {{0xE0, 0xC0, 2, 0x80}, {0xF0, 0xE0, 3, 0x800}, {0xF8, 0xF0, 4, 0x10000}}};
    const auto form = std::ranges::find_if(forms, [&](const Form& f) { return (lead & f.mask) == f.value; });
    if (form == forms.end()) return 1;
    const std::size_t length = form->length;
    const std::uint32_t min = form->min;
    std::uint32_t cp = lead & static_cast<unsigned char>(~form->mask);
    if (i + length > text.size()) return 1;
    for (std::size_t k = 1; k < length; ++k) {
        if ((byte(i + k) & 0xC0) != 0x80) return 1;
        cp = (cp << 6) | (byte(i + k) & 0x3Fu);
    }
    // Overlong forms, surrogates and values beyond Unicode are invalid.
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 1;
    code_point = static_cast<char32_t>(cp);
    return length;
}

}  // namespace output
}  // namespace flinklint
