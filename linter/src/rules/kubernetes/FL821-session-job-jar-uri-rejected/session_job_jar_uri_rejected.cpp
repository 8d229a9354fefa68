// FL821 session-job-jar-uri-rejected: the operator (1.15+) downloads a FlinkSessionJob's `jarURI` itself
// and checks it first (DefaultValidator.validateJarURI): it must be a URI with a scheme in
// `kubernetes.operator.user.artifacts.allowed-schemes` (operator-wide, default only `https`), and with
// `...disallow-restricted-hosts` (default true) an http(s) host must not be loopback, link-local,
// site-local (private), any-local or multicast. A FlinkDeployment's jarURI is not checked this way.
#include <fmt/format.h>

#include <algorithm>
#include <array>

#include "flinklint/text_util.hpp"
#include "rules/kubernetes/operator_support.hpp"

namespace flinklint::rules {
namespace {

bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

// The first two numbers of a dotted IPv4 literal of four 1-3 digit numbers.
std::optional<std::array<int, 2>> ipv4_prefix(std::string_view text) {
    std::array<int, 4> parts{};
    for (std::size_t i = 0; i < parts.size(); ++i) {
        const bool last = i + 1 == parts.size();
        const std::size_t end = last ? text.size() : text.find('.');
        if (end == std::string_view::npos) return std::nullopt;
        const std::string_view digits = text.substr(0, end);
        if (digits.empty() || digits.size() > 3 || !std::all_of(digits.begin(), digits.end(), is_digit))
            return std::nullopt;
        parts[i] = std::stoi(std::string(digits));
        if (!last) text.remove_prefix(end + 1);
    }
    return std::array{parts[0], parts[1]};
}

bool is_letter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool is_scheme_char(char c) {
    return is_letter(c) || is_digit(c) || c == '+' || c == '.' || c == '-';
}

// `scheme:[//authority]path[?query][#fragment]` as the former regex
// `^([A-Za-z][A-Za-z0-9+.-]*):(//([^/?#]*))?([^?#]*)(\?[^#]*)?(#.*)?$` split it (its `.` refused
// line breaks in the fragment).
struct UriParts {
    std::string_view scheme;
    std::string_view authority;  // empty without `//`
};
std::optional<UriParts> split_uri(std::string_view text) {
    const std::size_t colon = text.find(':');
    if (colon == std::string_view::npos || colon == 0) return std::nullopt;
    const std::string_view scheme = text.substr(0, colon);
    if (!is_letter(scheme.front()) || !std::all_of(scheme.begin(), scheme.end(), is_scheme_char))
        return std::nullopt;
    const std::string_view rest = text.substr(colon + 1);
    if (const std::size_t hash = rest.find('#');
        hash != std::string_view::npos && rest.find_first_of("\r\n", hash) != std::string_view::npos)
        return std::nullopt;
    UriParts parts{scheme, {}};
    if (rest.starts_with("//")) parts.authority = rest.substr(2, rest.find_first_of("/?#", 2) - 2);
    return parts;
}

// InetAddress.isLoopback/LinkLocal/SiteLocal/AnyLocal/Multicast for literal addresses and localhost.
std::optional<std::string> restricted_host(const std::string& host) {
    const std::string lower = ascii_lower(host);
    if (lower == "localhost" || lower.ends_with(".localhost")) return "a loopback address";
    if (const auto ipv4 = ipv4_prefix(lower)) {
        const auto [a, b] = *ipv4;
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
    for (const OperatorResource& r : operator_resources(model)) {
        if (r.deployment() || !r.spec().has_job) continue;
        const Located& jar = r.spec().job_jar_uri;
        if (!jar || is_template_placeholder(jar.value)) continue;  // filled in before kubectl apply
        Finding f = r.at(jar.span, "spec.job.jarURI");
        f.help =
            "serve the jar over https from a public host, or extend "
            "`kubernetes.operator.user.artifacts.allowed-schemes` in the operator's own configuration (not "
            "in "
            "this resource)";
        const std::string text(trim(jar.value));
        if (text.find_first_of(" \t\"<>\\^`{|}") != std::string::npos) {
            f.message =
                fmt::format("the operator rejects {}: jarURI {} is not a valid URI", r.label(), quoted(text));
            reporter.report(std::move(f));
            continue;
        }
        const auto uri = split_uri(text);
        if (!uri) {
            f.message = fmt::format(
                "the operator rejects {}: jarURI {} has no scheme (\"jarURI must include a "
                "scheme\")",
                r.label(), quoted(text));
            reporter.report(std::move(f));
            continue;
        }
        const std::string scheme = ascii_lower(uri->scheme);
        if (scheme != "https") {
            f.message = fmt::format(
                "the operator rejects {} with its default allowlist: jarURI scheme `{}` is not "
                "in [https] (operator 1.15 downloads session job jars itself)",
                r.label(), scheme);
            reporter.report(std::move(f));
            continue;
        }
        std::string host(uri->authority);
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
