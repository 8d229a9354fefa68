// The whole check path: the lint engine (flinklint/engine.hpp), then an output format, on up to three files
// of one directory (form feeds split the input) so that cross-file rules run too. The options (names, forced
// format, Flink version, disabled rules, output format) come from the last bytes of the input.
#include <fuzzer/FuzzedDataProvider.h>

#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "flinklint/engine.hpp"
#include "flinklint/ingest.hpp"
#include "flinklint/output.hpp"
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace flinklint;
    static const std::array<const char*, 6> names = {"flink-conf.yaml", "config.yaml",         "deploy.yaml",
                                                     "configmap.yml",   "docker-compose.yaml", "values.yaml"};
    static const std::array<const char*, 3> some_rules = {"FL101", "FL201", "FL001"};
    FuzzedDataProvider provider(data, size);
    const std::size_t first_name = provider.ConsumeIntegralInRange<std::size_t>(0, names.size() - 1);
    const int forced = provider.ConsumeIntegralInRange<int>(0, 5);  // 0..3: a format; else detected
    const std::size_t version = provider.ConsumeIntegralInRange<std::size_t>(0, std::size(kCatalogVersions));
    const std::uint8_t disabled_mask = provider.ConsumeIntegral<std::uint8_t>();
    const auto format = static_cast<OutputFormat>(provider.ConsumeIntegralInRange<int>(0, 5));
    const std::string bytes = provider.ConsumeRemainingBytesAsString();

    LintOptions options;
    if (forced <= 3) options.forced_format = static_cast<FileFormat>(forced);
    if (version < std::size(kCatalogVersions)) options.flink_version = kCatalogVersions[version];
    for (std::size_t i = 0; i < some_rules.size(); ++i)
        if ((disabled_mask >> i) & 1U) options.disabled.insert(some_rules[i]);
    const std::set<std::string> disabled = options.disabled;
    const Linter linter(ProjectConfig{}, std::move(options));

    LintGroup group;
    std::size_t begin = 0;
    for (std::size_t n = 0; n < 3 && begin <= bytes.size(); ++n) {
        const std::size_t split = n == 2 ? std::string::npos : bytes.find('\f', begin);
        const std::size_t end = split == std::string::npos ? bytes.size() : split;
        group.sources.push_back(std::make_shared<const Source>(
            std::string("dir/") + names[(first_name + n) % names.size()], bytes.substr(begin, end - begin)));
        IngestOptions ingest_options;
        if (forced <= 3) ingest_options.forced_format = static_cast<FileFormat>(forced);
        fuzz::check_parsed(ingest(group.sources.back(), ingest_options));
        begin = end + 1;
    }
    LintResult lint = linter.lint(group);

    Report report;
    report.diagnostics = std::move(lint.diagnostics);
    for (const Diagnostic& diagnostic : report.diagnostics) {
        fuzz::check_diagnostic(diagnostic);
        FUZZ_CHECK(disabled.count(diagnostic.rule_id) == 0);
    }
    report.masked = std::move(lint.secrets);
    for (const auto& [source, spans] : report.masked)
        for (const Span span : spans) fuzz::check_span(span, source->text().size());
    report.files_checked = group.sources.size() - lint.skipped.size();
    for (const SourcePtr& source : group.sources) report.files.push_back(source->path());

    OutputOptions output_options;
    output_options.base_dir = "dir";
    std::ostringstream out;
    write_report(format, out, report, output_options);
    FUZZ_CHECK(!out.str().empty() || report.diagnostics.empty());
    // Machine formats stay valid JSON whatever bytes the files held.
    if (format == OutputFormat::json || format == OutputFormat::sarif || format == OutputFormat::gitlab)
        FUZZ_CHECK(nlohmann::json::accept(out.str()));
    return 0;
}
