// Tuner profiles: parse_profile on arbitrary bytes; a profile that parses is tuned and rendered in
// every report and emit format (the arithmetic sees whatever numbers the profile holds).
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <variant>

#include "flinklint/tuner/output.hpp"
#include "flinklint/tuner/profile.hpp"
#include "flinklint/tuner/tuner.hpp"
#include "fuzz_support.hpp"

namespace {

void check_errors(const std::vector<flinklint::tuner::ProfileError>& errors) {
    FUZZ_CHECK(!errors.empty());
    for (const auto& error : errors) {
        FUZZ_CHECK(error.mark.line >= 1 && error.mark.column >= 1);
        FUZZ_CHECK(!error.message.empty());
        FUZZ_CHECK(error.str().rfind("profiles/fuzz.yaml:", 0) == 0);
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace flinklint::tuner;
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const ProfileResult parsed = parse_profile(text, "profiles/fuzz.yaml");
    if (const auto* errors = std::get_if<std::vector<ProfileError>>(&parsed)) {
        check_errors(*errors);
        return 0;
    }
    const TuneResult tuned = tune(std::get<Profile>(parsed));
    if (const auto* errors = std::get_if<std::vector<ProfileError>>(&tuned)) {
        check_errors(*errors);
        return 0;
    }
    const Tuning& tuning = std::get<Tuning>(tuned);
    FUZZ_CHECK(tuning.slots >= 1 && tuning.parallelism >= 1);
    for (const Recommendation& r : tuning.recommendations) FUZZ_CHECK(!r.key.empty());
    for (const ReportFormat format :
         {ReportFormat::text, ReportFormat::markdown, ReportFormat::html, ReportFormat::json})
        FUZZ_CHECK(!render(tuning, format).empty());
    for (const EmitFormat format :
         {EmitFormat::flink_conf, EmitFormat::config_yaml, EmitFormat::flinkdeployment})
        (void)emit_config(tuning, format);
    return 0;
}
