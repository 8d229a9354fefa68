// FL816 operator-ingress-template-invalid: `spec.ingress` without `template`, or a template that is not
// a URL once `{{name}}` and `{{namespace}}` are substituted and `http://` is prepended when it has no
// scheme (IngressUtils.getIngressUrl, java.net.URL): the operator rejects the resource.
#include <fmt/format.h>

#include "flinklint/text_util.hpp"
#include "rules/kubernetes/operator_support.hpp"

namespace flinklint::rules {
namespace {

// What java.net.URL refuses in `http://host:port/path`: a port that is not a number, an unclosed IPv6
// literal.
std::optional<std::string> url_problem(std::string_view templ) {
    std::string url = ascii_lower(templ).starts_with("http://") || ascii_lower(templ).starts_with("https://")
                          ? std::string(templ)
                          : "http://" + std::string(templ);
    std::string_view authority = std::string_view(url).substr(url.find("://") + 3);
    authority = authority.substr(0, authority.find_first_of("/?#"));
    if (const auto at = authority.rfind('@'); at != std::string_view::npos)
        authority = authority.substr(at + 1);
    if (authority.starts_with("[")) {
        const auto close = authority.find(']');
        if (close == std::string_view::npos) return "an IPv6 host without its closing `]`";
        authority = authority.substr(close + 1);
        if (authority.empty()) return std::nullopt;
        if (!authority.starts_with(":")) return "text after the IPv6 host that is not a port";
        authority = authority.substr(1);
    } else {
        const auto colon = authority.find(':');
        if (colon == std::string_view::npos) return std::nullopt;
        authority = authority.substr(colon + 1);
    }
    for (char c : authority)
        if (c < '0' || c > '9') return fmt::format("the port {} is not a number", quoted(authority));
    return std::nullopt;
}

}  // namespace

void check_operator_ingress_template_invalid(const Model& model, Reporter& reporter) {
    for (const OperatorResource& r : operator_resources(model)) {
        if (!r.deployment() || !r.spec().has_ingress) continue;
        const Located& templ = r.spec().ingress_template;
        if (!templ) {
            Finding f =
                r.at(r.spec().ingress_span.empty() ? r.anchor() : r.spec().ingress_span, "spec.ingress");
            f.message = fmt::format(
                "the operator rejects {}: `spec.ingress` has no `template` (\"Ingress template "
                "must be defined\")",
                r.label());
            f.help =
                "add `template`, such as `\"{{name}}.{{namespace}}.flink.example.com\"` or "
                "`\"/{{namespace}}/{{name}}(/|$)(.*)\"` behind a path-rewriting ingress";
            reporter.report(std::move(f));
            continue;
        }
        if (const auto problem = url_problem(templ.value)) {
            Finding f = r.at(templ.span, "spec.ingress.template");
            f.message = fmt::format("the operator rejects {}: the ingress template {} is not a URL ({})",
                                    r.label(), quoted(templ.value), *problem);
            f.help = "write a host and optional path, with `{{name}}` and `{{namespace}}` as placeholders";
            reporter.report(std::move(f));
        }
    }
}

}  // namespace flinklint::rules
