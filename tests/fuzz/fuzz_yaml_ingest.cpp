// ingest() of config.yaml with the YAML reader forced: parse, limits, flattening.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "flinklint/ingest.hpp"
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace flinklint;
    auto source = std::make_shared<const Source>("conf/config.yaml",
                                                 std::string(reinterpret_cast<const char*>(data), size));
    IngestOptions options;
    options.forced_format = FileFormat::yaml;
    const ParsedFile file = ingest(source, options);
    fuzz::check_parsed(file);
    FUZZ_CHECK(file.format == FileFormat::yaml);
    FUZZ_CHECK(file.configs.size() <= 1);
    return 0;
}
