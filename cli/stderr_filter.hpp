// Standard error shows file content only as visible text: messages quote keys, values and paths
// from .flinklint.yaml, tune profiles and checked files, and an ESC or OSC sequence among them
// must not set the terminal title or clear the screen.
#pragma once

#include <ostream>
#include <streambuf>
#include <string>

namespace flinklint::cli {

// Passes whole lines to `target`, each through visible_text (flinklint/text_util.hpp) with its
// line break kept.
class VisibleLines final : public std::streambuf {
public:
    explicit VisibleLines(std::streambuf* target) : target_(target) {}
    VisibleLines(const VisibleLines&) = delete;
    VisibleLines& operator=(const VisibleLines&) = delete;
    ~VisibleLines() override { sync(); }

protected:
    int_type overflow(int_type c) override;
    std::streamsize xsputn(const char* text, std::streamsize count) override;
    int sync() override;

private:
    bool emit(bool line_end);
    std::streambuf* target_;
    std::string line_;
};

}  // namespace flinklint::cli
