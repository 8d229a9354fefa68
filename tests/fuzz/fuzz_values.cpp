// Every value grammar and check_option_value on arbitrary text, with round trips where Flink
// prints what it parses. The option type, value kind and Flink version come from the last three
// bytes (the seeds in tests/fuzz/seeds/values end with three such bytes).
#include <fuzzer/FuzzedDataProvider.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "flinklint/option_values.hpp"
#include "flinklint/values.hpp"
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace flinklint;
    FuzzedDataProvider provider(data, size);
    const auto type = static_cast<OptionType>(
        provider.ConsumeIntegralInRange<int>(0, static_cast<int>(OptionType::unknown)));
    const auto kind =
        static_cast<ValueKind>(provider.ConsumeIntegralInRange<int>(0, static_cast<int>(ValueKind::map)));
    const FlinkVersion version =
        kCatalogVersions[provider.ConsumeIntegralInRange<std::size_t>(0, std::size(kCatalogVersions) - 1)];
    const std::string input = provider.ConsumeRemainingBytesAsString();
    const std::string_view text = input;
    static const std::vector<std::string_view> constants = {"EXACTLY_ONCE", "AT_LEAST_ONCE", "a"};

    if (const auto bytes = parse_memory_size(text)) {
        FUZZ_CHECK(*bytes <= 9223372036854775807ULL);
        const auto again = parse_memory_size(format_memory_size(*bytes));
        FUZZ_CHECK(again.ok() && *again == *bytes);
        FUZZ_CHECK(!format_memory_size_human(*bytes).empty());
    }
    if (const auto duration = parse_duration(text, version)) {
        FUZZ_CHECK(duration->seconds >= 0);
        FUZZ_CHECK(duration->nanos >= 0 && duration->nanos < 1'000'000'000);
        (void)duration->millis();
        const auto again = parse_duration(format_duration(*duration), FlinkVersion{2, 0});
        FUZZ_CHECK(again.ok() && *again == *duration);
    }
    (void)parse_java_int(text);
    (void)parse_java_long(text);
    (void)parse_java_float(text);
    (void)parse_java_double(text);
    (void)parse_java_boolean(text);
    if (const auto constant = parse_enum(text, constants)) {
        FUZZ_CHECK(std::find(constants.begin(), constants.end(), *constant) != constants.end());
    }
    if (const auto list = parse_list(text)) {
        for (const std::string& item : *list) FUZZ_CHECK(item.size() <= text.size());
    }
    (void)parse_map(text);
    if (const auto ports = parse_port_ranges(text)) {
        for (const PortRange& range : *ports) {
            FUZZ_CHECK(range.first >= 0 && range.first <= 65535);
            FUZZ_CHECK(range.last >= 0 && range.last <= 65535);
        }
    }
    if (const auto reason = check_option_value(type, constants, text, kind, version))
        FUZZ_CHECK(!reason->empty());
    return 0;
}
