// FL845 compose-hostname-as-address: a docker-compose TaskManager whose jobmanager.rpc.address is another
// service's `hostname:` and no name compose's DNS answers. On a compose network the embedded DNS resolves
// service names, `container_name` and network `aliases`; `hostname:` sets only the name the container sees
// for itself. The TaskManager then cannot resolve the JobManager (or resolves it only where the host's own
// DNS happens to answer the name) and never registers. The same holds for a name no service of the file has
// at all, while the file runs the one JobManager service it would mean.
#include <fmt/format.h>

#include <algorithm>

#include "flinklint/deployment.hpp"
#include "flinklint/text_util.hpp"
#include "rules/kubernetes/entrypoint_lines.hpp"
#include "rules/rule_helpers.hpp"

namespace flinklint::rules {
namespace {

struct Address {
    std::string value;
    SourcePtr source;
    Span span;
};

// The TaskManager's JobManager address: `-Djobmanager.rpc.address=`, FLINK_PROPERTIES,
// JOB_MANAGER_RPC_ADDRESS (the entrypoint applies FLINK_PROPERTIES after the variable, and the command line
// wins over both).
std::optional<Address> address_of(const Model& model, const EntrypointLine& line) {
    constexpr std::string_view kProperty = "jobmanager.rpc.address=";
    for (const EntrypointWord& word : line.words) {
        if (const std::size_t at = word.text.find(kProperty); at != std::string_view::npos)
            return Address{std::string(word.text.substr(at + kProperty.size())), line.source, word.span};
    }
    const std::string origin = line.where + " FLINK_PROPERTIES";
    for (const FlinkConfig& config : model.configs()) {
        if (config.source() != line.source || config.doc().origin != origin) continue;
        if (const ConfigEntry* entry = config.get_option("jobmanager.rpc.address"))
            return Address{entry->value, config.source(), entry->value_span};
    }
    for (const EnvVar& var : line.service->environment)
        if (var.name.value == "JOB_MANAGER_RPC_ADDRESS" && var.value)
            return Address{var.value.value, line.source, word_span(*line.source, var.value, var.value.value)};
    return std::nullopt;
}

// A host name compose's DNS may answer in ways the services do not show: another project's containers on an
// external network, `links`/`external_links` aliases, `extra_hosts`, or the host's network. Any of them in
// the file leaves a name no service has unjudged.
bool other_resolution(const Source& source) {
    const std::string& text = source.text();
    for (const std::string_view word : {"external", "links", "extra_hosts", "network_mode"})
        if (text.find(word) != std::string::npos) return true;
    return false;
}

// An address that is a literal IP, localhost, or filled in later (`${JM_HOST}`) names no service by design.
bool names_a_service_host(std::string_view host) {
    if (host.empty() || host == "localhost" || host.find_first_of("${}:") != std::string_view::npos)
        return false;
    return host.find_first_not_of("0123456789.") != std::string_view::npos;
}

// The JobManager services of the file (`jobmanager`/`standalone-job` verbs), other than `self`.
std::vector<const ComposeService*> jobmanager_services(const std::vector<EntrypointLine>& lines,
                                                       const EntrypointLine& self) {
    std::vector<const ComposeService*> out;
    for (const EntrypointLine& other : lines)
        if (other.service != nullptr && other.service != self.service && other.source == self.source &&
            (other.verb == "jobmanager" || other.verb == "standalone-job"))
            out.push_back(other.service);
    return out;
}

void report_unknown_name(const EntrypointLine& line, const Address& address, std::string_view host,
                         const ComposeService& jobmanager, Reporter& reporter) {
    Finding f{.source = address.source, .span = address.span, .key = "jobmanager.rpc.address"};
    f.message = fmt::format(
        "{} looks for the JobManager at {}, a name no service of this file has (no service key, "
        "`container_name` or network alias): compose's DNS cannot resolve it, so the TaskManager never "
        "registers with the JobManager of {}",
        line.where, quoted(host), jobmanager.where);
    f.help = fmt::format("use the JobManager's service name {}", quoted(jobmanager.dns_names.front()));
    reporter.report(std::move(f));
}

}  // namespace

void check_compose_hostname_as_address(const Model& model, Reporter& reporter) {
    const std::vector<EntrypointLine> lines = entrypoint_lines(model);
    for (const EntrypointLine& line : lines) {
        if (line.service == nullptr || line.verb != "taskmanager") continue;
        const auto address = address_of(model, line);
        if (!address) continue;
        const std::string host(trim(address->value));
        const ParsedFile* file = nullptr;
        for (const ParsedFile& f : model.files())
            if (f.source == line.source) file = &f;
        if (file == nullptr) continue;
        const ComposeService* named = nullptr;
        bool resolvable = false;
        for (const ComposeService& other : file->compose_services) {
            resolvable = resolvable || std::find(other.dns_names.begin(), other.dns_names.end(), host) !=
                                           other.dns_names.end();
            if (&other != line.service && other.hostname && other.hostname.value == host) named = &other;
        }
        if (resolvable) continue;
        if (named == nullptr) {
            // A name nothing in the file answers, while the file has the one JobManager it would mean.
            const auto jobmanagers = jobmanager_services(lines, line);
            if (jobmanagers.size() == 1 && !jobmanagers.front()->dns_names.empty() &&
                !line.service->extends && !line.service->env_file && names_a_service_host(host) &&
                !other_resolution(*line.source))
                report_unknown_name(line, *address, host, *jobmanagers.front(), reporter);
            continue;
        }
        Finding f{.source = address->source, .span = address->span, .key = "jobmanager.rpc.address"};
        f.message = fmt::format(
            "{} looks for the JobManager at {}, which is only the `hostname:` of {}: compose's DNS answers "
            "service names, `container_name` and network aliases, not `hostname`, so the TaskManager cannot "
            "resolve it (or does only where the host's DNS happens to) and never registers",
            line.where, quoted(host), named->where);
        f.help = fmt::format("use the service name {} (or add {} to its network aliases)",
                             quoted(named->dns_names.front()), quoted(host));
        f.related.push_back(
            {.source = line.source, .span = named->hostname.span, .message = "hostname set here"});
        reporter.report(std::move(f));
    }
}

}  // namespace flinklint::rules
