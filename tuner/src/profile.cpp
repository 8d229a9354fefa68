// The profile schema (docs/tuning.md): every field, its unit and the values that make sense.
#include "flinklint/tuner/profile.hpp"

#include <fmt/format.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "flinklint/catalog.hpp"
#include "flinklint/read_file.hpp"
#include "flinklint/tuner/units.hpp"
#include "profile_reader.hpp"

namespace flinklint::tuner {
namespace {

using detail::Fields;
using detail::Reader;

constexpr std::uintmax_t kMaxProfileSize = 1u << 20;

const std::function<Expected<double>(std::string_view)> kNumber = parse_number;
const std::function<Expected<double>(std::string_view)> kBandwidth = parse_bandwidth;
const std::function<Expected<std::uint64_t>(std::string_view)> kSize = parse_size;

Expected<int> whole(std::string_view text, int low) {
    const auto number = parse_number(text);
    if (!number) return Error{number.error()};
    if (*number != std::floor(*number) || *number < low || *number > 1e6)
        return Error{fmt::format("`{}` must be a whole number from {} to 1000000", text, low)};
    return static_cast<int>(*number);
}

// A Kubernetes name from the file stem: lower case, `-` for anything else.
std::string resource_name(const std::string& path) {
    std::string stem = std::filesystem::path(path).stem().string();
    std::string name;
    for (const char c : stem) {
        const char lower = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        const bool alnum = (lower >= 'a' && lower <= 'z') || (lower >= '0' && lower <= '9');
        if (alnum || !name.empty()) name += alnum ? lower : '-';
    }
    while (!name.empty() && name.back() == '-') name.pop_back();
    if (name.size() > 45) name.resize(45);
    while (!name.empty() && name.back() == '-') name.pop_back();
    if (name.empty() || !(name.front() >= 'a' && name.front() <= 'z')) name = "flink-" + name;
    return name;
}

// The fields of the mapping `name` in `parent`, or nothing when it is absent.
std::optional<Fields> section(Reader& reader, const Fields& parent, std::string_view name, std::string where,
                              const std::vector<std::string_view>& allowed,
                              const std::vector<std::string_view>& required) {
    const auto found = parent.entries.find(name);
    if (found == parent.entries.end()) return std::nullopt;
    return reader.fields(found->second.second, std::move(where), allowed, required,
                         reader.mark_of(found->second.first));
}

void read_cluster(Reader& reader, const Fields& root, Profile& profile) {
    const auto cluster_section =
        section(reader, root, "cluster", "cluster", {"taskmanagers", "taskmanager", "jobmanager"},
                {"taskmanagers", "taskmanager"});
    if (!cluster_section) return;
    const Fields& cluster = *cluster_section;
    if (const auto count = reader.get<int>(cluster, "taskmanagers", [](auto t) { return whole(t, 1); }))
        profile.taskmanagers = *count;

    if (const auto tm = cluster.entries.find("taskmanager"); tm != cluster.entries.end()) {
        const Fields fields = reader.fields(
            tm->second.second, "cluster.taskmanager",
            {"cpu_cores", "memory", "network_bandwidth", "local_disk", "local_disk_size", "local_disk_path"},
            {"cpu_cores", "memory", "network_bandwidth"}, reader.mark_of(tm->second.first));
        if (const auto cores = reader.get<double>(fields, "cpu_cores", kNumber)) {
            reader.require(*cores >= 1 && *cores <= 4096, fields, "cpu_cores",
                           "must be from 1 to 4096 cores");
            profile.tm_cpu_cores = *cores;
        }
        if (const auto memory = reader.get<std::uint64_t>(fields, "memory", kSize)) {
            reader.require(*memory >= kGiB, fields, "memory",
                           "below 1g no TaskManager with default framework memory and one slot starts");
            profile.tm_memory = *memory;
        }
        if (const auto bandwidth = reader.get<double>(fields, "network_bandwidth", kBandwidth)) {
            reader.require(*bandwidth >= 1e5 && *bandwidth <= 1e13, fields, "network_bandwidth",
                           "must be from 100 kB/s to 10 TB/s");
            profile.network_bandwidth = *bandwidth;
        }
        if (const auto disk = reader.choice(fields, "local_disk", {"ssd", "hdd", "network"}))
            profile.local_disk = *disk == "ssd"   ? LocalDisk::ssd
                                 : *disk == "hdd" ? LocalDisk::hdd
                                                  : LocalDisk::network;
        if (const auto size = reader.get<std::uint64_t>(fields, "local_disk_size", kSize)) {
            reader.require(*size >= kGiB, fields, "local_disk_size", "must be at least 1g");
            profile.local_disk_size = *size;
        }
        if (const auto path = reader.text(fields, "local_disk_path")) {
            reader.require(path->starts_with("/"), fields, "local_disk_path", "must be an absolute path");
            profile.local_disk_path = *path;
        }
    }
    profile.jm_cpu_cores = 1;
    profile.jm_memory = 1600 * kMiB;  // the official image's default
    if (const auto jm = cluster.entries.find("jobmanager"); jm != cluster.entries.end()) {
        const Fields fields = reader.fields(jm->second.second, "cluster.jobmanager", {"cpu_cores", "memory"},
                                            {}, reader.mark_of(jm->second.first));
        if (const auto cores = reader.get<double>(fields, "cpu_cores", kNumber)) {
            reader.require(*cores > 0 && *cores <= 4096, fields, "cpu_cores",
                           "must be above zero and at most 4096");
            profile.jm_cpu_cores = *cores;
        }
        if (const auto memory = reader.get<std::uint64_t>(fields, "memory", kSize)) {
            reader.require(*memory >= 768 * kMiB, fields, "memory",
                           "below 768m a JobManager has no room for its heap (Flink's minimum is 577m)");
            profile.jm_memory = *memory;
        }
    }
}

void read_storage(Reader& reader, const Fields& root, Profile& profile) {
    const auto fields_section = section(reader, root, "checkpoint_storage", "checkpoint_storage",
                                        {"kind", "bandwidth", "path"}, {"kind"});
    if (!fields_section) return;
    const Fields& fields = *fields_section;
    if (const auto kind = reader.choice(fields, "kind", {"s3", "gcs", "azure", "hdfs", "nfs", "local"})) {
        static const std::map<std::string, StorageKind, std::less<>> kinds{
            {"s3", StorageKind::s3},     {"gcs", StorageKind::gcs}, {"azure", StorageKind::azure},
            {"hdfs", StorageKind::hdfs}, {"nfs", StorageKind::nfs}, {"local", StorageKind::local}};
        profile.storage = kinds.at(*kind);
    }
    if (const auto bandwidth = reader.get<double>(fields, "bandwidth", kBandwidth)) {
        reader.require(*bandwidth >= 1e5, fields, "bandwidth", "must be at least 100 kB/s");
        profile.storage_bandwidth = *bandwidth;
    }
    if (const auto path = reader.text(fields, "path")) {
        reader.require(path->find("://") != std::string::npos || path->starts_with("/"), fields, "path",
                       "must be a URI such as `s3://bucket/checkpoints` or an absolute path");
        profile.storage_path = *path;
    }
}

// ZooKeeper HA needs a quorum only the profile can name; `none` accepts running without HA.
void read_high_availability(Reader& reader, const Fields& root, Profile& profile) {
    const auto fields_section =
        section(reader, root, "high_availability", "high_availability", {"kind", "zookeeper_quorum"}, {});
    if (!fields_section || !fields_section->ok) return;
    const Fields& fields = *fields_section;
    profile.ha_declared = true;
    if (const auto kind = reader.choice(fields, "kind", {"auto", "zookeeper", "kubernetes", "none"})) {
        profile.ha = *kind == "zookeeper"    ? HaKind::zookeeper
                     : *kind == "kubernetes" ? HaKind::kubernetes
                     : *kind == "none"       ? HaKind::none
                                             : HaKind::automatic;
    }
    if (const auto quorum = reader.text(fields, "zookeeper_quorum")) {
        reader.require(!quorum->empty() && quorum->find_first_of(" \t") == std::string::npos, fields,
                       "zookeeper_quorum", "must be `host:port,host:port,...` without spaces");
        profile.zookeeper_quorum = *quorum;
    }
    const bool kubernetes = profile.deployment == Deployment::kubernetes_operator ||
                            profile.deployment == Deployment::kubernetes_standalone;
    if (profile.ha == HaKind::kubernetes)
        reader.require(kubernetes, fields, "kind", "Kubernetes HA needs a Kubernetes deployment");
    if (profile.ha == HaKind::zookeeper && !profile.zookeeper_quorum) {
        reader.error(reader.position(fields, "kind"),
                     "`high_availability.kind: zookeeper` needs `high_availability.zookeeper_quorum`");
    }
    if (profile.zookeeper_quorum && (profile.ha == HaKind::none || profile.ha == HaKind::kubernetes)) {
        reader.error(reader.position(fields, "zookeeper_quorum"),
                     "`high_availability.zookeeper_quorum` is used only with kind `zookeeper` or `auto`");
    }
}

void read_window(Reader& reader, const Fields& workload, Profile& profile) {
    const auto fields_section = section(reader, workload, "window", "workload.window",
                                        {"size", "slide", "state_per_key", "output_per_key"},
                                        {"size", "state_per_key", "output_per_key"});
    if (!fields_section || !fields_section->ok) return;
    const Fields& fields = *fields_section;
    const FlinkVersion version = profile.version;
    const std::function<Expected<double>(std::string_view)> duration = [version](std::string_view t) {
        return parse_duration_s(t, version);
    };
    Window window;
    const auto size = reader.get<double>(fields, "size", duration);
    const auto slide = reader.get<double>(fields, "slide", duration);
    const auto state = reader.get<std::uint64_t>(fields, "state_per_key", kSize);
    const auto output = reader.get<std::uint64_t>(fields, "output_per_key", kSize);
    if (size) reader.require(*size >= 0.001, fields, "size", "a window must last at least 1 ms");
    if (slide) reader.require(*slide >= 0.001, fields, "slide", "a window must slide by at least 1 ms");
    if (size && slide)
        reader.require(*slide <= *size, fields, "slide", "a slide longer than the window drops records");
    if (!size || !state || !output) return;
    window.size_s = *size;
    window.slide_s = slide.value_or(*size);
    window.state_per_key = *state;
    window.output_per_key = *output;
    profile.window = window;
}

void read_workload(Reader& reader, const Fields& root, Profile& profile) {
    const auto fields_section =
        section(reader, root, "workload", "workload",
                {"state_backend", "state_size", "records_per_second", "record_size", "keys", "shuffles",
                 "window", "source", "sink", "delivery", "max_parallelism_target"},
                {"state_backend", "records_per_second", "record_size"});
    if (!fields_section || !fields_section->ok) return;
    const Fields& fields = *fields_section;
    if (const auto backend = reader.choice(fields, "state_backend", {"hashmap", "rocksdb", "forst"})) {
        profile.backend = *backend == "hashmap"   ? Backend::hashmap
                          : *backend == "rocksdb" ? Backend::rocksdb
                                                  : Backend::forst;
        reader.require(profile.backend != Backend::forst || profile.version >= FlinkVersion{2, 0}, fields,
                       "state_backend", "the ForSt state backend exists from Flink 2.0");
    }
    if (const auto size = reader.get<std::uint64_t>(fields, "state_size", kSize)) profile.state_size = *size;
    if (const auto rate = reader.get<double>(fields, "records_per_second", kNumber)) {
        reader.require(*rate > 0 && *rate <= 1e12, fields, "records_per_second",
                       "must be above zero and at most 10^12");
        profile.records_per_second = *rate;
    }
    if (const auto size = reader.get<std::uint64_t>(fields, "record_size", kSize)) {
        reader.require(*size > 0 && *size <= kGiB, fields, "record_size", "must be from 1 byte to 1g");
        profile.record_size = *size;
    }
    if (const auto keys = reader.get<double>(fields, "keys", kNumber)) {
        reader.require(*keys >= 1 && *keys <= 1e15 && *keys == std::floor(*keys), fields, "keys",
                       "must be a whole number from 1 to 10^15");
        profile.keys = *keys;
    }
    if (const auto shuffles = reader.get<int>(fields, "shuffles", [](auto t) { return whole(t, 0); })) {
        reader.require(*shuffles <= 100, fields, "shuffles",
                       "more than 100 all-to-all exchanges is not a job");
        profile.shuffles = *shuffles;
    }
    const std::vector<std::string_view> ends = {"kafka", "kinesis",       "pulsar",  "pubsub", "filesystem",
                                                "jdbc",  "elasticsearch", "datagen", "none"};
    if (const auto source = reader.choice(fields, "source", ends)) profile.source = *source;
    if (const auto sink = reader.choice(fields, "sink", ends)) profile.sink = *sink;
    if (const auto delivery = reader.choice(fields, "delivery", {"at-least-once", "exactly-once"}))
        profile.exactly_once = *delivery == "exactly-once";
    if (const auto target =
            reader.get<int>(fields, "max_parallelism_target", [](auto t) { return whole(t, 1); })) {
        reader.require(*target <= 32768, fields, "max_parallelism_target",
                       "Flink's largest parallelism is 32768");
        profile.max_parallelism_target = *target;
    }
    read_window(reader, fields, profile);
    if (profile.window && !profile.keys && fields.entries.contains("window")) {
        reader.error(reader.position(fields, "window"),
                     "`workload.window` needs `workload.keys`: window state and output are per key");
    }
    if (!fields.entries.contains("state_size") && !fields.entries.contains("window")) {
        reader.error(reader.position(fields, "state_backend"),
                     "`workload` needs `state_size` or a `window` to size the state");
    }
}

void read_goals(Reader& reader, const Fields& root, Profile& profile) {
    const auto fields_section =
        section(reader, root, "goals", "goals", {"checkpoint_interval", "incremental_checkpoints"}, {});
    if (!fields_section) return;
    const Fields& fields = *fields_section;
    const FlinkVersion version = profile.version;
    if (const auto interval =
            reader.get<double>(fields, "checkpoint_interval",
                               [version](std::string_view t) { return parse_duration_s(t, version); })) {
        reader.require(*interval >= 0.01, fields, "checkpoint_interval",
                       "Flink refuses checkpoint intervals below 10 ms");
        profile.checkpoint_interval_s = *interval;
    }
    if (const auto incremental =
            reader.choice(fields, "incremental_checkpoints", {"auto", "true", "false"})) {
        profile.incremental = *incremental == "auto"   ? Incremental::automatic
                              : *incremental == "true" ? Incremental::enabled
                                                       : Incremental::disabled;
        reader.require(profile.incremental != Incremental::enabled || profile.backend != Backend::hashmap,
                       fields, "incremental_checkpoints",
                       "the hashmap state backend has no incremental checkpoints");
    }
}

}  // namespace

std::string_view to_string(Deployment deployment) {
    switch (deployment) {
        case Deployment::standalone:
            return "standalone";
        case Deployment::kubernetes_standalone:
            return "kubernetes-standalone";
        case Deployment::kubernetes_operator:
            return "kubernetes-operator";
        case Deployment::yarn:
            return "yarn";
    }
    return "standalone";
}

std::string_view to_string(LocalDisk disk) {
    return disk == LocalDisk::ssd ? "ssd" : disk == LocalDisk::hdd ? "hdd" : "network";
}

std::string_view to_string(StorageKind kind) {
    static constexpr std::string_view kNames[] = {"s3", "gcs", "azure", "hdfs", "nfs", "local"};
    return kNames[static_cast<int>(kind)];
}

std::string_view to_string(Backend backend) {
    return backend == Backend::hashmap ? "hashmap" : backend == Backend::rocksdb ? "rocksdb" : "forst";
}

std::string ProfileError::str() const {
    return fmt::format("{}:{}:{}: {}", path, mark.line, mark.column, message);
}

ProfileError profile_error(const Profile& profile, std::string_view field, std::string message) {
    const auto found = profile.marks.find(field);
    return ProfileError{profile.path, found == profile.marks.end() ? Mark{} : found->second,
                        std::move(message)};
}

ProfileResult parse_profile(std::string_view text, const std::string& path) {
    Profile profile;
    profile.path = path;
    profile.name = resource_name(path);
    std::vector<ProfileError> errors;
    Reader reader(profile, errors);
    try {
        const YAML::Node root_node = YAML::Load(std::string(text));
        const Fields root = reader.fields(root_node, "",
                                          {"flink_version", "deployment", "cluster", "checkpoint_storage",
                                           "high_availability", "workload", "goals", "policy"},
                                          {"flink_version", "cluster", "workload"}, Mark{});
        if (!root.ok) return errors;
        if (const auto written = reader.text(root, "flink_version")) {
            const auto version = FlinkVersion::parse(*written);
            if (!version || *version < kCatalogVersions[0] || *version > std::end(kCatalogVersions)[-1]) {
                reader.error(
                    reader.position(root, "flink_version"),
                    fmt::format("`flink_version`: `{}` is not a Flink version from {} to {}", *written,
                                kCatalogVersions[0].str(), std::end(kCatalogVersions)[-1].str()));
            } else {
                profile.version = *version;
            }
        }
        if (const auto deployment = reader.choice(
                root, "deployment", {"standalone", "kubernetes-standalone", "kubernetes-operator", "yarn"})) {
            profile.deployment = *deployment == "standalone"              ? Deployment::standalone
                                 : *deployment == "kubernetes-standalone" ? Deployment::kubernetes_standalone
                                 : *deployment == "kubernetes-operator"   ? Deployment::kubernetes_operator
                                                                          : Deployment::yarn;
        }
        read_cluster(reader, root, profile);
        read_storage(reader, root, profile);
        read_high_availability(reader, root, profile);
        read_workload(reader, root, profile);
        read_goals(reader, root, profile);
        detail::read_policy(reader, root, profile);
        if (profile.storage_bandwidth && profile.network_bandwidth > 0 &&
            *profile.storage_bandwidth > profile.network_bandwidth && profile.storage != StorageKind::local) {
            errors.push_back(profile_error(profile, "checkpoint_storage.bandwidth",
                                           "`checkpoint_storage.bandwidth`: the upload cannot be faster than "
                                           "`cluster.taskmanager.network_bandwidth`"));
        }
    } catch (const YAML::Exception& e) {
        const Mark mark = e.mark.line < 0 ? Mark{} : Mark{e.mark.line + 1, e.mark.column + 1};
        errors.push_back(ProfileError{path, mark, "YAML: " + e.msg});
    }
    if (!errors.empty()) return errors;
    return profile;
}

ProfileResult load_profile(const std::string& path) {
    const FileRead read = read_file_limited(path, kMaxProfileSize);
    if (!read.bytes)
        return std::vector<ProfileError>{{path, Mark{}, "cannot read the profile: " + read.error.message}};
    return parse_profile(*read.bytes, path);
}

}  // namespace flinklint::tuner
