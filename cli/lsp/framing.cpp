#include "cli/lsp/framing.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <optional>

#include <fmt/format.h>

#include "flinklint/text_util.hpp"

namespace flinklint::cli::lsp {
namespace {

// Header lines are short (`Content-Length: 123`, `Content-Type: ...`); a longer one is not a header.
constexpr std::size_t kMaxHeaderLine = 1024;
constexpr int kMaxHeaders = 16;

bool iequals(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (ascii_lower(a[i]) != ascii_lower(b[i])) return false;
    }
    return true;
}

Incoming framing_error(std::string message) {
    return Incoming{Incoming::Kind::error, {}, std::move(message)};
}

}  // namespace

MessageReader::Line MessageReader::read_header_line(std::string& line) {
    line.clear();
    bool too_long = false;
    for (int c = in_->get(); c != std::char_traits<char>::eof(); c = in_->get()) {
        if (c == '\n') {
            if (!line.empty() && line.back() == '\r') line.pop_back();
            return too_long ? Line::too_long : Line::ok;
        }
        if (line.size() < kMaxHeaderLine) {
            line.push_back(static_cast<char>(c));
        } else {
            too_long = true;  // read on to the line's end, keep nothing more
        }
    }
    return Line::end;
}

bool MessageReader::skip(std::size_t count) {
    std::array<char, 1 << 16> buffer{};
    while (count > 0) {
        const auto want = static_cast<std::streamsize>(std::min(count, buffer.size()));
        in_->read(buffer.data(), want);
        const auto got = static_cast<std::size_t>(in_->gcount());
        if (got == 0) return false;
        count -= got;
    }
    return true;
}

Incoming MessageReader::next() {
    std::string line;
    std::optional<std::size_t> length;
    std::string problem;
    int headers = 0;
    for (;;) {
        const Line read = read_header_line(line);
        if (read == Line::end) return Incoming{};
        if (read == Line::too_long) {
            problem = fmt::format("a header line longer than {} bytes", kMaxHeaderLine);
            continue;
        }
        if (line.empty()) {
            if (headers == 0) continue;  // blank lines between messages
            break;
        }
        if (++headers > kMaxHeaders) problem = fmt::format("more than {} header lines", kMaxHeaders);
        const std::size_t colon = line.find(':');
        if (colon == std::string::npos) {
            problem = fmt::format("a header line without `:`: {}", visible_text(line.substr(0, 80)));
            continue;
        }
        if (!iequals(trim(std::string_view(line).substr(0, colon)), "Content-Length")) continue;
        const std::string_view value = trim(std::string_view(line).substr(colon + 1));
        std::size_t parsed = 0;
        const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), parsed);
        if (ec != std::errc() || end != value.data() + value.size() || value.empty()) {
            problem =
                fmt::format("Content-Length is not a byte count: {}", visible_text(value.substr(0, 80)));
            continue;
        }
        length = parsed;
    }
    if (!problem.empty()) {
        // The body's length is unsure: reading resumes at the next header block.
        return framing_error("malformed message header: " + problem);
    }
    if (!length) return framing_error("malformed message header: no Content-Length");
    if (*length > max_body_) {
        if (!skip(*length)) return Incoming{};
        return framing_error(
            fmt::format("message of {} bytes is above the limit of {} bytes", *length, max_body_));
    }
    Incoming message{Incoming::Kind::message, std::string(*length, '\0'), {}};
    in_->read(message.body.data(), static_cast<std::streamsize>(*length));
    if (static_cast<std::size_t>(in_->gcount()) != *length) return Incoming{};  // cut short: the end
    return message;
}

void MessageWriter::write(std::string_view body) {
    const std::lock_guard lock(mutex_);
    *out_ << "Content-Length: " << body.size() << "\r\n\r\n" << body;
    out_->flush();
}

}  // namespace flinklint::cli::lsp
