// The base protocol of the Language Server Protocol: messages framed by a `Content-Length` header
// (https://microsoft.github.io/language-server-protocol/specifications/base/0.9/specification/).
#pragma once

#include <cstddef>
#include <istream>
#include <mutex>
#include <ostream>
#include <string>
#include <string_view>

namespace flinklint::cli::lsp {

// One read from the stream: a message body, a framing error (said, then reading goes on after the
// bad part), or the end of the stream.
struct Incoming {
    enum class Kind { message, error, end };
    Kind kind = Kind::end;
    std::string body;   // message: the JSON text
    std::string error;  // error: what was wrong with the framing
};

class MessageReader {
public:
    // Bodies above `max_body` bytes are skipped unread (an error), never held in memory.
    MessageReader(std::istream& in, std::size_t max_body) : in_(&in), max_body_(max_body) {}

    Incoming next();

private:
    enum class Line { ok, too_long, end };
    Line read_header_line(std::string& line);
    bool skip(std::size_t count);

    std::istream* in_;
    std::size_t max_body_;
};

// Writes whole framed messages; safe to call from several threads.
class MessageWriter {
public:
    explicit MessageWriter(std::ostream& out) : out_(&out) {}
    void write(std::string_view body);

private:
    std::ostream* out_;
    std::mutex mutex_;
};

}  // namespace flinklint::cli::lsp
