#include "log_reader.hpp"

#include <zlib.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <memory>
#include <system_error>
#include <vector>

namespace flinklint::diagnose {
namespace {

constexpr std::size_t kBufferSize = 1u << 20;  // also the longest line kept whole

struct GzCloser {
    void operator()(gzFile_s* file) const { gzclose(file); }
};

std::string_view without_cr(std::string_view line) {
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    return line;
}

}  // namespace

std::size_t split_lines(std::string_view text, const LineSink& sink) {
    std::size_t number = 0;
    while (!text.empty()) {
        const std::size_t end = text.find('\n');
        sink(++number, without_cr(text.substr(0, end)));
        if (end == std::string_view::npos) break;
        text.remove_prefix(end + 1);
    }
    return number;
}

void read_log(const std::string& path, LogSummary& summary, const LineSink& sink) {
    summary.path = path;
    std::error_code ec;
    const auto status = std::filesystem::status(path, ec);
    if (ec || !std::filesystem::exists(status)) {
        summary.error = "no such file";
        return;
    }
    if (!std::filesystem::is_regular_file(status)) {
        summary.error = "not a regular file";
        return;
    }
    errno = 0;
    std::unique_ptr<gzFile_s, GzCloser> file(gzopen(path.c_str(), "rb"));
    if (!file) {
        summary.error = errno != 0 ? std::strerror(errno) : "cannot open";
        return;
    }
    gzbuffer(file.get(), 256u << 10);
    std::vector<char> buffer(kBufferSize);
    std::size_t filled = 0;  // bytes of an unfinished line at the buffer's start
    bool skipping = false;   // inside the rest of an over-long line already passed on
    std::size_t number = 0;
    for (;;) {
        const int read =
            gzread(file.get(), buffer.data() + filled, static_cast<unsigned>(buffer.size() - filled));
        if (read < 0) {
            int code = 0;
            const char* message = gzerror(file.get(), &code);
            summary.error = message != nullptr && *message != '\0' ? message : "read error";
            return;
        }
        if (number == 0 && summary.bytes == 0) summary.gzip = gzdirect(file.get()) == 0;
        summary.bytes += static_cast<std::uint64_t>(read);
        const std::size_t size = filled + static_cast<std::size_t>(read);
        std::string_view data(buffer.data(), size);
        std::size_t start = 0;
        for (std::size_t nl = data.find('\n'); nl != std::string_view::npos; nl = data.find('\n', start)) {
            if (!skipping) sink(++number, without_cr(data.substr(start, nl - start)));
            skipping = false;
            start = nl + 1;
        }
        if (read == 0) {  // end of input: a last line without a line break
            if (start < size && !skipping) sink(++number, without_cr(data.substr(start)));
            break;
        }
        filled = size - start;
        if (filled == buffer.size()) {  // one line fills the buffer: pass its start, drop the rest
            if (!skipping) sink(++number, data);
            skipping = true;
            filled = 0;
        } else if (start > 0) {
            std::memmove(buffer.data(), buffer.data() + start, filled);
        }
    }
    summary.lines = number;
}

}  // namespace flinklint::diagnose
