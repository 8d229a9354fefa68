// `flinklint migrate` on arbitrary inputs: one file, named by the last byte as each kind migrate
// reads (flink-conf.yaml, config.yaml, a manifest, a compose file), migrated to 2.1 and to 1.20.
// Nothing may crash; a file is refused with a reason or migrated, and its result migrates again
// without a crash. That the second run changes nothing is checked by tests/unit/migrate on the
// shapes known to hold; the fuzzer still finds nested YAML under other names whose quotes a second
// run drops (tests/fuzz/regressions/migrate), so it does not assert it yet.
#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "flinklint/migrate/migrate.hpp"
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace flinklint;
    if (size == 0) return 0;
    static constexpr std::array<std::string_view, 4> kNames = {"conf/flink-conf.yaml", "conf/config.yaml",
                                                               "k8s/flink.yaml", "docker-compose.yml"};
    const std::string_view name = kNames[data[size - 1] % kNames.size()];
    const std::string text(reinterpret_cast<const char*>(data), size - 1);
    for (const FlinkVersion to : {FlinkVersion{2, 1}, FlinkVersion{1, 20}}) {
        migrate::MigrateOptions options;
        options.to = to;
        const auto source = std::make_shared<const Source>(std::string(name), text);
        for (const migrate::FileMigration& file : migrate::migrate_group({source}, options)) {
            for (const std::string& error : file.errors) FUZZ_CHECK(!error.empty());
            if (!file.errors.empty() || !file.changed()) continue;
            const auto migrated = std::make_shared<const Source>(file.output_path, file.migrated);
            for (const migrate::FileMigration& again : migrate::migrate_group({migrated}, options))
                for (const std::string& error : again.errors) FUZZ_CHECK(!error.empty());
        }
    }
    return 0;
}
