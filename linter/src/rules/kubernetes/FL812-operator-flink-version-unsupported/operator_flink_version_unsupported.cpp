// FL812 operator-flink-version-unsupported: a FlinkDeployment without `spec.flinkVersion`, or with a
// version the operator does not run. The CRD (operator 1.15) accepts `v1_13` to `v2_2`; the validator
// refuses anything below `v1_15` (FlinkVersion.isSupported).
#include <fmt/format.h>

#include <algorithm>

#include "rules/kubernetes/operator_support.hpp"

namespace flinklint::rules {
namespace {

bool all_digits(std::string_view text) {
    return !text.empty() &&
           std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// The CRD's spelling `v<major>_<minor>`, digits only.
bool crd_spelling(std::string_view text) {
    const std::size_t underscore = text.find('_');
    return text.starts_with('v') && underscore != std::string_view::npos &&
           all_digits(text.substr(1, underscore - 1)) && all_digits(text.substr(underscore + 1));
}

}  // namespace

void check_operator_flink_version_unsupported(const Model& model, Reporter& reporter) {
    for (const OperatorResource& r : operator_resources(model)) {
        if (!r.deployment()) continue;
        const Located& version = r.spec().flink_version;
        if (!version && model.is_patch(*r.object)) continue;  // the base it is merged into says it
        if (!version) {
            Finding f = r.at(r.anchor(), "spec.flinkVersion");
            f.message = fmt::format(
                "the operator rejects {}: `spec.flinkVersion` is not set (\"Flink Version must "
                "be defined\"); it also decides which option names the operator writes",
                r.label());
            f.help = "set `spec.flinkVersion` to the Flink version of the image, such as `v1_20` or `v2_0`";
            reporter.report(std::move(f));
            continue;
        }
        const std::string& text = version.value;
        Finding f = r.at(version.span, "spec.flinkVersion");
        const auto parsed = FlinkVersion::parse(text);
        if (!crd_spelling(text) || !parsed) {
            f.message = fmt::format(
                "{} is not a value of the FlinkDeployment CRD: the API server rejects the "
                "resource (allowed: `v1_13` ... `v2_2`)",
                quoted(text));
            f.help = parsed && text.front() != 'v'
                         ? fmt::format("write `v{}_{}`", parsed->major, parsed->minor)
                         : std::string("write the version as `v<major>_<minor>`, such as `v1_20`");
            reporter.report(std::move(f));
            continue;
        }
        const FlinkVersion v = *parsed;
        if (v < FlinkVersion{1, 15}) {
            f.message = fmt::format(
                "the operator rejects {}: Flink {} is not supported by this operator "
                "version (1.15 and later are)",
                r.label(), v.str());
            f.help =
                "upgrade the image and `spec.flinkVersion` to Flink 1.15 or later (take a savepoint first)";
        } else if (v > FlinkVersion{2, 2}) {
            f.severity = Severity::warning;
            f.message = fmt::format(
                "{} is not in the FlinkDeployment CRD of operator 1.15 (up to `v2_2`): the API "
                "server rejects it unless a newer operator's CRD is installed",
                quoted(text));
            f.help = "check that the installed operator's CRD lists this version";
        } else {
            continue;
        }
        reporter.report(std::move(f));
    }
}

}  // namespace flinklint::rules
