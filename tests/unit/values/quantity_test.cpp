// Kubernetes quantities: the grammar the operator rules (FL802, FL820) check spec resources with.
#include <gtest/gtest.h>

#include <regex>
#include <string>

#include "flinklint/values.hpp"

namespace flinklint {
namespace {

// `number|suffix`, or `-` when the text is no quantity.
std::string parts(std::string_view text) {
    const auto quantity = parse_kubernetes_quantity(text);
    return quantity ? std::string(quantity->number) + "|" + std::string(quantity->suffix) : "-";
}

TEST(KubernetesQuantity, NumberAndSuffix) {
    EXPECT_EQ(parts("512Mi"), "512|Mi");
    EXPECT_EQ(parts("+1.5G"), "+1.5|G");
    EXPECT_EQ(parts("2e9"), "2|e9");
    EXPECT_EQ(parts("2E+3"), "2|E+3");
    EXPECT_EQ(parts("2E"), "2|E");  // exa, not an exponent
    EXPECT_EQ(parts("2Ei"), "2|Ei");
    EXPECT_EQ(parts("100m"), "100|m");
    EXPECT_EQ(parts(".5"), ".5|");
    EXPECT_EQ(parts("2."), "2.|");
    EXPECT_EQ(parts("-3"), "-3|");
}

TEST(KubernetesQuantity, Rejects) {
    for (const char* text : {"", "Gi", "10 GB", "20GiB", "1K", "1e", "1e+", "1.2.3", ".", "+", "1Mi ", " 1",
                             "1mi", "1ki", "0x10"}) {
        EXPECT_FALSE(parse_kubernetes_quantity(text)) << text;
    }
}

// Every short string over the interesting characters, against the regex the rules used to match.
TEST(KubernetesQuantity, AgreesWithTheRegex) {
    const std::regex quantity(
        R"(^([+-]?[0-9]+(?:\.[0-9]*)?|[+-]?\.[0-9]+)(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E|[eE][+-]?[0-9]+)?$)");
    const std::string alphabet = "09.+-eEiKMmkn ";
    std::string text;
    const auto check = [&](const auto& self, std::size_t length) -> void {
        std::smatch match;
        const bool expected = std::regex_match(text, match, quantity);
        const auto parsed = parse_kubernetes_quantity(text);
        ASSERT_EQ(parsed.has_value(), expected) << '`' << text << '`';
        if (parsed) {
            ASSERT_EQ(parsed->number, match[1].str()) << text;
            ASSERT_EQ(parsed->suffix, match[2].str()) << text;
        }
        if (length == 0) return;
        for (char c : alphabet) {
            text.push_back(c);
            self(self, length - 1);
            text.pop_back();
        }
    };
    check(check, 4);
}

}  // namespace
}  // namespace flinklint
