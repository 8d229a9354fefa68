// Hostile YAML shared by the robustness tests (tests/unit/ingest/test_limits.cpp) and the benchmark that
// measures how fast flinklint answers them (bench/micro_hostile.cpp).
#pragma once

#include <string>

namespace flinklint::testing {

// Nine levels of nine aliases: 9^9 nodes if expanded, a few hundred bytes of text.
inline std::string alias_bomb(bool maps) {
    std::string text = maps ? "a0: &a0 {k: v, l: w, m: x, n: y}\n"
                            : "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n";
    for (int level = 1; level <= 9; ++level) {
        const std::string previous = std::to_string(level - 1);
        const std::string name = std::to_string(level);
        text.append("a").append(name).append(": &a").append(name).append(maps ? " {" : " [");
        for (int i = 0; i < 9; ++i) {
            if (i > 0) text.append(", ");
            if (maps) text.append("k").append(std::to_string(i)).append(": ");
            text.append("*a").append(previous);
        }
        text.append(maps ? "}\n" : "]\n");
    }
    return text;
}

}  // namespace flinklint::testing
