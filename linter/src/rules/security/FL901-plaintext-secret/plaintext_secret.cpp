// FL901 plaintext-secret: a value of a key Flink treats as secret (GlobalConfiguration.isSensitive:
// `password`, `secret`, `token`, `apikey`, `jaas.config`, `fs.azure.account.key`, ...) written as a
// literal in a config file, ConfigMap, FLINK_PROPERTIES or flinkConfiguration. Those are stored and
// shown in clear text (kubectl get configmap, the repository, CI logs); a Secret mounted as a file or
// passed through an environment variable is not. The value is never printed.
#include <fmt/format.h>

#include "flinklint/text_util.hpp"
#include "rules/rule_helpers.hpp"

namespace flinklint::rules {
namespace {

// Keys that match the sensitive markers but hold names or switches, not secrets.
bool names_a_reference(std::string_view key) {
    const std::string lower = ascii_lower(key);
    for (std::string_view exact :
         {"kubernetes.secrets", "kubernetes.env.secretkeyref", "kubernetes.container.image.pull-secrets",
          "basic-auth.credentials-source"})
        if (lower == exact) return true;
    // Paths, class names, switches: `...password.file`, `fs.azure.account.keyprovider.<account>`.
    for (std::string_view part : {"file", "path", "provider", "class", "enabled", "secretkeyref"})
        if (lower.find(part) != std::string::npos) return true;
    return false;
}

// `$VAR`, and what a templating step fills or the reader replaces (rule_helpers.hpp): no secret is written.
bool is_reference(std::string_view value) {
    value = trim(strip_quotes(trim(value)));
    return (value.starts_with("$") && value.size() > 1) || is_obvious_placeholder_secret(value);
}

// A credential that products ship as their default (MinIO's `minioadmin`, Java keystores' `changeit`)
// or a documentation placeholder (`/path/to/...`, `changeme`): known to everyone, not leaked by the
// file, so the finding says what it is rather than that reading the file reveals it.
bool default_or_placeholder(std::string_view value) {
    const std::string lower = ascii_lower(trim(strip_quotes(trim(value))));
    for (std::string_view known :
         {"minioadmin", "minio123", "password", "password123", "passw0rd", "changeme", "changeit", "secret",
          "admin", "123456", "12345678", "example"})
        if (lower == known) return true;
    if (lower.starts_with("/path/to/") || lower.starts_with("path/to/")) return true;
    return lower.size() >= 3 && lower.find_first_not_of('x') == std::string::npos;  // `xxxXXXxxx`
}

bool non_string_option(const FlinkConfig& config, std::string_view key) {
    const KeyLookup lookup = config.catalog().lookup(key);
    if (lookup.option == nullptr || lookup.kind == KeyLookup::Kind::pass_through) return false;
    switch (lookup.option->type) {
        case OptionType::string_:
        case OptionType::map:
        case OptionType::list_string:
        case OptionType::unknown:
            return false;
        default:
            return true;
    }
}

std::string where_text(const FlinkConfig& config) {
    const ConfigDocument& doc = config.doc();
    if (doc.format == ConfigFormat::flink_deployment) return "flinkConfiguration of " + doc.origin;
    return doc.origin.empty() ? config.source()->path() : doc.origin;
}

}  // namespace

void check_plaintext_secret(const Model& model, Reporter& reporter) {
    for (const FlinkConfig& config : model.configs()) {
        for (const ConfigEntry& entry : config.entries()) {
            if (!is_sensitive_key(entry.key) || names_a_reference(entry.key) ||
                non_string_option(config, entry.key))
                continue;
            if (is_reference(entry.value)) continue;
            const bool in_kubernetes = config.owner() != nullptr;
            Finding f{.source = config.source(),
                      .span = entry.value_span.empty() ? entry.key_span : entry.value_span,
                      .key = entry.key};
            if (default_or_placeholder(entry.value)) {
                f.message = fmt::format(
                    "{} in {} is a well-known default credential or a placeholder: whoever knows the "
                    "default can use it, and a real secret written in its place would be in plain text",
                    quoted(entry.key), where_text(config));
            } else {
                f.message = fmt::format(
                    "{} holds a secret in plain text in {}: anyone who can read the {} can read it",
                    quoted(entry.key), where_text(config),
                    in_kubernetes ? "object (or the repository it comes from)" : "file");
            }
            f.help = in_kubernetes
                         ? fmt::format(
                               "put the value in a Kubernetes Secret and reference it: an environment "
                               "variable from `secretKeyRef` and `{}: ${{VAR}}` (expanded by the image's "
                               "entrypoint for FLINK_PROPERTIES), or `kubernetes.secrets`/"
                               "`kubernetes.env.secretKeyRef` in native mode",
                               entry.key)
                         : fmt::format(
                               "read it from the environment (`{}: ${{VAR}}` with a templating step) or a "
                               "file only the Flink user can read, and keep it out of version control",
                               entry.key);
            reporter.report(std::move(f));
        }
    }
}

}  // namespace flinklint::rules
