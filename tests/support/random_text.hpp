// Random text for robustness tests: fragments that matter to some grammar, plus bytes that are not UTF-8.
#pragma once

#include <random>
#include <string>
#include <vector>

namespace flinklint::testing {

// Text made of fragments that matter to some grammar, plus bytes that are not UTF-8.
inline std::string random_text(std::mt19937& rng, std::size_t max_fragments) {
    static const std::vector<std::string> fragments = {"0",
                                                       "1",
                                                       "9",
                                                       "42",
                                                       "65535",
                                                       "9223372036854775808",
                                                       " ",
                                                       "\t",
                                                       "\r",
                                                       "\n",
                                                       "\r\n",
                                                       "#",
                                                       ":",
                                                       ": ",
                                                       ";",
                                                       ",",
                                                       "-",
                                                       "+",
                                                       ".",
                                                       "e",
                                                       "E",
                                                       "x",
                                                       "p",
                                                       "P",
                                                       "T",
                                                       "S",
                                                       "D",
                                                       "H",
                                                       "M",
                                                       "f",
                                                       "d",
                                                       "'",
                                                       "\"",
                                                       "''",
                                                       "k",
                                                       "m",
                                                       "g",
                                                       "gb",
                                                       "ms",
                                                       "min",
                                                       "s",
                                                       "\xC2\xB5s",
                                                       "NaN",
                                                       "Infinity",
                                                       "true",
                                                       "FALSE",
                                                       "\xEF\xBB\xBF",
                                                       "\xFF",
                                                       "\xC3",
                                                       "\xE3\x80\x80",
                                                       std::string(1, '\0'),
                                                       "\x01",
                                                       "key",
                                                       "value",
                                                       "[",
                                                       "]",
                                                       "{",
                                                       "}",
                                                       "a",
                                                       "\xE2\x84\xAA"};
    std::uniform_int_distribution<std::size_t> count(0, max_fragments);
    std::uniform_int_distribution<std::size_t> pick(0, fragments.size() - 1);
    std::string text;
    for (std::size_t n = count(rng); n > 0; --n) text += fragments[pick(rng)];
    return text;
}

}  // namespace flinklint::testing
