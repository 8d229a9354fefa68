// Property test: every vector of shared/reference/memory-vectors, computed by Flink's own classes,
// must come out byte-identical (or fail in the same category) for 1.20 and for 2.2.
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "flinklint/memory_model.hpp"
#include "test_paths.hpp"

namespace flinklint {
namespace {

using nlohmann::json;

constexpr FlinkVersion kFlink1{1, 20};
constexpr FlinkVersion kFlink2{2, 2};

MemoryOptions options_for(const json& vector, FlinkVersion version) {
    MemoryOptions options;
    options.version = version;
    options.mode = vector.at("mode") == "active" ? DeploymentMode::active : DeploymentMode::standalone;
    return options;
}

FlatConfig config_of(const json& vector) {
    FlatConfig config;
    for (const auto& [key, value] : vector.at("config").items()) config[key] = value.get<std::string>();
    return config;
}

json actual_fields(const TaskManagerMemory& m) {
    return {{"framework_heap", m.framework_heap},
            {"task_heap", m.task_heap},
            {"framework_off_heap", m.framework_off_heap},
            {"task_off_heap", m.task_off_heap},
            {"network", m.network},
            {"managed", m.managed},
            {"jvm_metaspace", m.jvm_metaspace},
            {"jvm_overhead", m.jvm_overhead},
            {"total_flink", m.total_flink},
            {"total_process", m.total_process},
            {"jvm_heap", m.jvm_heap},
            {"jvm_direct", m.jvm_direct},
            {"jvm_args", m.jvm_args}};
}

json actual_fields(const JobManagerMemory& m) {
    return {
        {"jvm_heap", m.jvm_heap},         {"off_heap", m.off_heap},       {"jvm_metaspace", m.jvm_metaspace},
        {"jvm_overhead", m.jvm_overhead}, {"total_flink", m.total_flink}, {"total_process", m.total_process},
        {"jvm_args", m.jvm_args}};
}

// Empty when `result` matches `outcome` ({"expect": ...} or {"error": ...}); else what differs.
template <class Result>
std::string compare(const Result& result, const json& outcome) {
    if (outcome.contains("error")) {
        const std::string expected = outcome.at("error");
        if (const auto* error = std::get_if<MemoryError>(&result)) {
            if (error->category == expected) return {};
            return "error " + error->category + " (" + error->message + "), expected " + expected;
        }
        return "succeeded, expected error " + expected;
    }
    if (const auto* error = std::get_if<MemoryError>(&result)) {
        return "error " + error->category + " (" + error->message + "), expected success";
    }
    const json actual = actual_fields(std::get<0>(result));
    std::string differences;
    for (const auto& [field, value] : outcome.at("expect").items()) {
        if (!actual.contains(field)) {
            differences += " missing field " + field + ";";
        } else if (actual.at(field) != value) {
            differences += " " + field + "=" + actual.at(field).dump() + " expected " + value.dump() + ";";
        }
    }
    return differences;
}

struct Tally {
    int checked = 0;
    int matched = 0;
    std::vector<std::string> mismatches;
};

template <class Derive>
void check_file(const std::filesystem::path& file, Derive derive, Tally& tally) {
    std::ifstream in(file);
    ASSERT_TRUE(in) << "cannot open " << file;
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty()) continue;
        const json vector = json::parse(line);
        const std::string id = vector.at("id");
        const FlatConfig config = config_of(vector);
        json outcome_1x = json::object();
        if (vector.contains("error")) {
            outcome_1x["error"] = vector.at("error");
        } else {
            outcome_1x["expect"] = vector.at("expect");
        }
        const json outcome_2x = vector.contains("flink_2x") ? vector.at("flink_2x") : outcome_1x;
        for (const auto& [version, outcome] :
             {std::pair{kFlink1, outcome_1x}, std::pair{kFlink2, outcome_2x}}) {
            ++tally.checked;
            const std::string difference = compare(derive(config, options_for(vector, version)), outcome);
            if (difference.empty()) {
                ++tally.matched;
            } else {
                tally.mismatches.push_back(id + " @" + version.str() + ": " + difference);
            }
        }
    }
}

void report(const char* what, const Tally& tally) {
    std::ostringstream text;
    for (const auto& mismatch : tally.mismatches) text << "  " << mismatch << "\n";
    std::cout << what << ": " << tally.matched << "/" << tally.checked << " vector outcomes match\n";
    EXPECT_TRUE(tally.mismatches.empty()) << tally.mismatches.size() << " mismatches:\n" << text.str();
    EXPECT_GT(tally.checked, 0);
}

TEST(MemoryVectors, TaskManagerMatchesFlink) {
    FLINKLINT_REQUIRE_SHARED(shared);
    Tally tally;
    check_file(shared / "reference/memory-vectors/taskmanager.jsonl", derive_taskmanager_memory, tally);
    report("taskmanager", tally);
}

TEST(MemoryVectors, JobManagerMatchesFlink) {
    FLINKLINT_REQUIRE_SHARED(shared);
    Tally tally;
    check_file(shared / "reference/memory-vectors/jobmanager.jsonl", derive_jobmanager_memory, tally);
    report("jobmanager", tally);
}

}  // namespace
}  // namespace flinklint
