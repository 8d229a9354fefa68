// ingest() of Kubernetes manifests: objects, flinkConfiguration maps, and Flink configs embedded
// in ConfigMap block scalars (spans mapped back to the manifest's bytes).
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "flinklint/ingest.hpp"
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace flinklint;
    auto source = std::make_shared<const Source>("k8s/flink.yaml",
                                                 std::string(reinterpret_cast<const char*>(data), size));
    // Forced, as --format-of k8s; and detected, which also reaches compose files.
    IngestOptions options;
    options.forced_format = FileFormat::kubernetes;
    fuzz::check_parsed(ingest(source, options));
    fuzz::check_parsed(ingest(source));
    return 0;
}
