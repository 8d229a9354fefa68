#include "cli/stderr_filter.hpp"

#include "flinklint/text_util.hpp"

namespace flinklint::cli {

bool VisibleLines::emit(bool line_end) {
    std::string shown = visible_text(line_);
    line_.clear();
    if (line_end) shown += '\n';
    const auto size = static_cast<std::streamsize>(shown.size());
    return target_->sputn(shown.data(), size) == size;
}

VisibleLines::int_type VisibleLines::overflow(int_type c) {
    if (traits_type::eq_int_type(c, traits_type::eof())) return sync() == 0 ? 0 : traits_type::eof();
    const char ch = traits_type::to_char_type(c);
    if (ch != '\n') {
        line_ += ch;
        return c;
    }
    return emit(true) ? c : traits_type::eof();
}

std::streamsize VisibleLines::xsputn(const char* text, std::streamsize count) {
    for (std::streamsize i = 0; i < count; ++i) {
        if (traits_type::eq_int_type(overflow(traits_type::to_int_type(text[i])), traits_type::eof()))
            return i;
    }
    return count;
}

int VisibleLines::sync() {
    // A partial line is held back while it may still be cut in a UTF-8 sequence; at the end it goes.
    if (!line_.empty() && !emit(false)) return -1;
    return target_->pubsync();
}

}  // namespace flinklint::cli
