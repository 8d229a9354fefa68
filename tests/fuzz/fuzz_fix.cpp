// The fixer on arbitrary inputs, through the lint engine (flinklint/engine.hpp): random sets of the fixes the
// rules offer go through apply_fixes (edits stay inside the text and never overlap), and the fix loop never
// leaves a file less parsable than it found it. Up to two files of one directory (a form feed splits the
// input); the file names, unsafe fixes and the random choice of fixes come from the last bytes.
#include <fuzzer/FuzzedDataProvider.h>

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "flinklint/engine.hpp"
#include "flinklint/fix.hpp"
#include "flinklint/ingest.hpp"
#include "fuzz_support.hpp"

namespace {
using namespace flinklint;

// apply_fixes on a random subset of `fixes` of one source, in random order.
void apply_random_fixes(const Source& source, const std::vector<const Fix*>& offered, std::mt19937_64& rng) {
    std::vector<const Fix*> fixes;
    for (const Fix* fix : offered)
        if (rng() % 2 == 0) fixes.push_back(fix);
    std::shuffle(fixes.begin(), fixes.end(), rng);
    const AppliedFixes applied = apply_fixes(source.text(), fixes);
    FUZZ_CHECK(applied.applied.size() == fixes.size());
    FUZZ_CHECK(static_cast<std::size_t>(std::count(applied.applied.begin(), applied.applied.end(), true)) ==
               applied.count);
    std::vector<Edit> taken;
    std::size_t expected_size = source.text().size();
    for (std::size_t i = 0; i < fixes.size(); ++i) {
        if (!applied.applied[i]) continue;
        for (const Edit& edit : fixes[i]->edits) {
            fuzz::check_span({edit.begin, edit.end}, source.text().size());
            taken.push_back(edit);
            expected_size = expected_size - (edit.end - edit.begin) + edit.replacement.size();
        }
    }
    std::sort(taken.begin(), taken.end(), [](const Edit& a, const Edit& b) { return a.begin < b.begin; });
    for (std::size_t i = 1; i < taken.size(); ++i) FUZZ_CHECK(taken[i - 1].end <= taken[i].begin);
    FUZZ_CHECK(applied.text.size() == expected_size);
    // Whatever the edits did, the result reads again without breaking an invariant.
    fuzz::check_parsed(ingest(std::make_shared<const Source>(source.path(), applied.text)));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const std::array<const char*, 4> names = {"flink-conf.yaml", "config.yaml", "deploy.yaml",
                                                     "docker-compose.yaml"};
    FuzzedDataProvider provider(data, size);
    const std::size_t first_name = provider.ConsumeIntegralInRange<std::size_t>(0, names.size() - 1);
    const bool unsafe = provider.ConsumeBool();
    std::mt19937_64 rng(provider.ConsumeIntegral<std::uint32_t>());
    const std::string bytes = provider.ConsumeRemainingBytesAsString();

    std::vector<SourcePtr> sources;
    const std::size_t split = bytes.find('\f');
    sources.push_back(
        std::make_shared<const Source>(std::string("dir/") + names[first_name], bytes.substr(0, split)));
    if (split != std::string::npos)
        sources.push_back(std::make_shared<const Source>(
            std::string("dir/") + names[(first_name + 1) % names.size()], bytes.substr(split + 1)));

    const Linter linter(ProjectConfig{}, LintOptions{});
    const LintGroup group{sources, {}};
    const LintResult initial = linter.lint(group);
    for (const SourcePtr& source : sources) fuzz::check_parsed(ingest(source));
    for (const SourcePtr& source : sources) {
        std::vector<const Fix*> offered;
        for (const Diagnostic& d : initial.diagnostics)
            if (d.fix && d.source.get() == source.get()) offered.push_back(&*d.fix);
        if (!offered.empty()) apply_random_fixes(*source, offered, rng);
    }

    const std::vector<std::size_t> errors_before = initial.parse_errors;
    const FixOutcome outcome = linter.fix(group, initial, FixOptions{.unsafe = unsafe});
    FUZZ_CHECK(outcome.sources.size() == sources.size());
    FUZZ_CHECK(outcome.fixed.size() == sources.size());
    const LintResult after = linter.lint(LintGroup{outcome.sources, {}});
    for (std::size_t i = 0; i < sources.size(); ++i) {
        FUZZ_CHECK(outcome.sources[i]->path() == sources[i]->path());
        // The fix loop keeps a fix only when the file still parses as well as before.
        FUZZ_CHECK(after.parse_errors[i] <= errors_before[i]);
        if (outcome.fixed[i] == 0) FUZZ_CHECK(outcome.sources[i]->text() == sources[i]->text());
    }
    return 0;
}
