// FL821 session-job-jar-uri-rejected: the operator (1.15+) downloads a FlinkSessionJob's `jarURI` itself
// and checks it first (DefaultValidator.validateJarURI): it must be a URI with a scheme in
// `kubernetes.operator.user.artifacts.allowed-schemes` (operator-wide, default only `https`), and with
// `...disallow-restricted-hosts` (default true) an http(s) host must not be loopback, link-local,
// site-local (private), any-local or multicast. A FlinkDeployment's jarURI is not checked this way.
#include <fmt/format.h>

#include <regex>

#include "flinklint/text_util.hpp"
#include "rules/kubernetes/operator_support.hpp"

namespace flinklint::rules {
namespace {

// InetAddress.isLoopback/LinkLocal/SiteLocal/AnyLocal/Multicast for literal addresses and localhost.
std::optional<std::string> restricted_host(const std::string& host) {
    static const std::regex ipv4(R"(^([0-9]{1,3})\.([0-9]{1,3})\.([0-9]{1,3})\.([0-9]{1,3})$)");
    std::smatch m;
    const std::string lower = ascii_lower(host);
    if (lower == "localhost" || lower.ends_with(".localhost")) return "a loopback address";
    if (std::regex_match(lower, m, ipv4)) {
        const int a = std::stoi(m[1].str()), b = std::stoi(m[2].str());
        if (a == 127) return "a loopback address";
        if (a == 0) return "the any-local address";
        if (a == 10 || (a == 172 && b >= 16 && b <= 31) || (a == 192 && b == 168))
            return "a site-local (private) address";
        if (a == 169 && b == 254) return "a link-local address";
        if (a >= 224 && a <= 239) return "a multicast address";
        return std::nullopt;
    }
    if (lower == "[::1]" || lower == "[::]") return "a loopback or any-local address";
    if (lower.starts_with("[fe8") || lower.starts_with("[fe9") || lower.starts_with("[fea") ||
        lower.starts_with("[feb"))
        return "a link-local address";
    if (lower.starts_with("[ff")) return "a multicast address";
    return std::nullopt;
}

}  // namespace

void check_session_job_jar_uri_rejected(const Model& model, Reporter& reporter) {
    static const std::regex uri(R"(^([A-Za-z][A-Za-z0-9+.-]*):(//([^/?#]*))?([^?#]*)(\?[^#]*)?(#.*)?$)");
    for (const OperatorResource& r : operator_resources(model)) {
        if (r.deployment() || !r.spec().has_job) continue;
        const Located& jar = r.spec().job_jar_uri;
        if (!jar) continue;
        Finding f = r.at(jar.span, "spec.job.jarURI");
        f.help =
            "serve the jar over https from a public host, or extend "
            "`kubernetes.operator.user.artifacts.allowed-schemes` in the operator's own configuration (not "
            "in "
            "this resource)";
        std::smatch m;
        const std::string text(trim(jar.value));
        if (text.find_first_of(" \t\"<>\\^`{|}") != std::string::npos) {
            f.message =
                fmt::format("the operator rejects {}: jarURI {} is not a valid URI", r.label(), quoted(text));
            reporter.report(std::move(f));
            continue;
        }
        if (!std::regex_match(text, m, uri)) {
            f.message = fmt::format(
                "the operator rejects {}: jarURI {} has no scheme (\"jarURI must include a "
                "scheme\")",
                r.label(), quoted(text));
            reporter.report(std::move(f));
            continue;
        }
        const std::string scheme = ascii_lower(m[1].str());
        if (scheme != "https") {
            f.message = fmt::format(
                "the operator rejects {} with its default allowlist: jarURI scheme `{}` is not "
                "in [https] (operator 1.15 downloads session job jars itself)",
                r.label(), scheme);
            reporter.report(std::move(f));
            continue;
        }
        std::string host = m[3].str();
        if (const auto at = host.rfind('@'); at != std::string::npos) host = host.substr(at + 1);
        if (!host.starts_with("["))
            host = host.substr(0, host.find(':'));
        else
            host = host.substr(0, host.find(']') + 1);
        if (host.empty()) {
            f.message =
                fmt::format("the operator rejects {}: jarURI {} has no host", r.label(), quoted(text));
            reporter.report(std::move(f));
            continue;
        }
        if (const auto why = restricted_host(host)) {
            f.message = fmt::format(
                "the operator rejects {}: the jarURI host `{}` is {}, which the operator "
                "refuses to download from by default (`kubernetes.operator.user.artifacts."
                "disallow-restricted-hosts`)",
                r.label(), host, *why);
            reporter.report(std::move(f));
        }
    }
}

}  // namespace flinklint::rules
