// parse_legacy_config: Flink's line parser on arbitrary bytes.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "flinklint/ingest.hpp"
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const flinklint::LegacyParse parse = flinklint::parse_legacy_config(text);
    std::size_t previous_end = 0;
    for (const flinklint::ConfigEntry& entry : parse.entries) {
        flinklint::fuzz::check_span(entry.key_span, size);
        flinklint::fuzz::check_span(entry.value_span, size);
        flinklint::fuzz::check_span(entry.entry_span, size);
        // Entries come in file order, and their spans hold exactly the key and value read.
        FUZZ_CHECK(entry.entry_span.begin >= previous_end);
        FUZZ_CHECK(text.substr(entry.key_span.begin, entry.key_span.size()) == entry.key);
        FUZZ_CHECK(text.substr(entry.value_span.begin, entry.value_span.size()) == entry.value);
        FUZZ_CHECK(!entry.key.empty());
        previous_end = entry.entry_span.end;
    }
    for (const flinklint::SyntaxIssue& issue : parse.issues) {
        flinklint::fuzz::check_span(issue.span, size);
        FUZZ_CHECK(!issue.message.empty());
    }
    return 0;
}
