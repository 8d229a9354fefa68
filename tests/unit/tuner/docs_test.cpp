// docs/tuning.md lists every key the tuner writes, with its basis: for the shipped profiles and a
// grid of versions, deployments and backends, each recommended key is named there (literally, or by
// a pattern such as `kubernetes.*.cpu.amount` or `spec.*.resource.{memory,cpu}`).
#include <gtest/gtest.h>

#include <filesystem>
#include <regex>
#include <set>
#include <string>

#include "flinklint/tuner/tuner.hpp"
#include "test_paths.hpp"

using namespace flinklint;
using namespace flinklint::tuner;
namespace fs = std::filesystem;

namespace {

// `a.{b,c}.d` -> a.b.d, a.c.d (one brace group is all the document uses per key).
std::vector<std::string> expand(const std::string& pattern) {
    const auto open = pattern.find('{');
    const auto close = pattern.find('}', open);
    if (open == std::string::npos || close == std::string::npos) return {pattern};
    std::vector<std::string> out;
    std::string alternatives = pattern.substr(open + 1, close - open - 1);
    std::size_t start = 0;
    while (start <= alternatives.size()) {
        const auto comma = alternatives.find(',', start);
        const std::string choice =
            alternatives.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
        for (const std::string& rest : expand(pattern.substr(close + 1)))
            out.push_back(pattern.substr(0, open) + choice + rest);
        if (comma == std::string::npos) break;
        start = comma + 1;
    }
    return out;
}

// Every code span of the document that looks like a key, as a matcher (`*` is one or more segments).
std::vector<std::regex> documented_keys() {
    const std::string text =
        flinklint::testing::read_file(flinklint::testing::source_dir() / "docs" / "tuning.md");
    std::vector<std::regex> keys;
    const std::regex span("`([A-Za-z][A-Za-z0-9_.*{},-]*)[`: ]");
    for (auto it = std::sregex_iterator(text.begin(), text.end(), span); it != std::sregex_iterator(); ++it) {
        for (const std::string& key : expand((*it)[1].str())) {
            const std::string escaped = std::regex_replace(key, std::regex("\\."), "\\.");
            keys.emplace_back(std::regex_replace(escaped, std::regex("\\*"), "[A-Za-z0-9_.-]+"));
        }
    }
    return keys;
}

std::vector<Profile> profiles() {
    std::vector<Profile> found;
    for (const auto& entry : fs::directory_iterator(flinklint::testing::source_dir() / "profiles")) {
        if (entry.path().extension() != ".yaml") continue;
        const auto loaded = load_profile(entry.path().string());
        if (const auto* profile = std::get_if<Profile>(&loaded)) found.push_back(*profile);
    }
    // A grid over what decides keys: version, deployment, backend, disk and checkpoint mode.
    for (const char* version : {"1.15", "1.17", "1.18", "1.19", "1.20", "2.0", "2.2"}) {
        for (const char* deployment :
             {"standalone", "kubernetes-standalone", "kubernetes-operator", "yarn"}) {
            for (const char* backend : {"hashmap", "rocksdb", "forst"}) {
                if (std::string(backend) == "forst" && std::string(version) < "2.0") continue;
                const std::string text =
                    std::string("flink_version: \"") + version + "\"\ndeployment: " + deployment +
                    "\ncluster:\n  taskmanagers: 30\n  taskmanager:\n    cpu_cores: 8\n    memory: 32g\n"
                    "    network_bandwidth: 10 Gbit/s\n    local_disk_size: 400g\n    local_disk_path: "
                    "/data\n"
                    "checkpoint_storage:\n  kind: s3\n  path: s3://bucket/job\n"
                    "high_availability:\n  zookeeper_quorum: zk:2181\n"
                    "workload:\n  state_backend: " +
                    backend +
                    "\n  state_size: 300g\n  records_per_second: 100000\n  record_size: 500b\n"
                    "  keys: 10000000\n  delivery: exactly-once\n"
                    "goals:\n  incremental_checkpoints: " +
                    (std::string(backend) == "hashmap" ? "false" : "true") + "\n";
                const auto parsed = parse_profile(text, "grid.yaml");
                if (const auto* profile = std::get_if<Profile>(&parsed)) {
                    found.push_back(*profile);
                } else {
                    ADD_FAILURE() << std::get<std::vector<ProfileError>>(parsed).front().str() << "\n"
                                  << text;
                }
            }
        }
    }
    return found;
}

}  // namespace

TEST(TuningDocs, EveryRecommendedKeyIsDocumented) {
    const std::vector<std::regex> keys = documented_keys();
    ASSERT_GT(keys.size(), 50u);
    std::set<std::string> missing;
    std::size_t seen = 0;
    for (const Profile& profile : profiles()) {
        const auto result = tune(profile);
        const auto* tuning = std::get_if<Tuning>(&result);
        if (tuning == nullptr) continue;
        for (const Recommendation& r : tuning->recommendations) {
            ++seen;
            const bool documented = std::any_of(keys.begin(), keys.end(), [&](const std::regex& key) {
                return std::regex_match(r.key, key);
            });
            if (!documented) missing.insert(r.key + " (Flink " + profile.version.str() + ")");
        }
    }
    EXPECT_GT(seen, 1000u);
    for (const std::string& key : missing) ADD_FAILURE() << "not in docs/tuning.md: " << key;
}
