// The closed loop: for every profile in profiles/, each configuration `flinklint tune --emit` writes passes
// `flinklint check` without error or warning, Flink's memory model accepts it, and the TaskManager and
// JobManager processes fit the declared budgets; or the tuner refuses the plan (exit 1), says what would
// make it feasible and writes nothing.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <optional>

#include "flinklint/effective_config.hpp"
#include "flinklint/ingest.hpp"
#include "flinklint/model.hpp"
#include "flinklint/tuner/tuner.hpp"
#include "run_binary.hpp"
#include "test_paths.hpp"

namespace fs = std::filesystem;
using namespace flinklint;
using namespace flinklint::tuner;
using flinklint::testing::run_flinklint;

namespace {

std::vector<fs::path> profiles() {
    std::vector<fs::path> found;
    for (const auto& entry : fs::directory_iterator(flinklint::testing::source_dir() / "profiles")) {
        if (entry.path().extension() == ".yaml") found.push_back(entry.path());
    }
    std::sort(found.begin(), found.end());
    return found;
}

Profile load(const fs::path& path) {
    auto result = load_profile(path.string());
    if (auto* errors = std::get_if<std::vector<ProfileError>>(&result)) {
        ADD_FAILURE() << errors->front().str();
        return {};
    }
    return std::get<Profile>(result);
}

struct Format {
    std::string name;       // --emit value
    std::string file_name;  // what Flink (or kubectl) would be given
};

// Whether the profile's Flink version and deployment can use the format at all.
bool applies(const Format& format, const Profile& profile) {
    if (format.name == "flink-conf") return profile.version < FlinkVersion{2, 0};
    if (format.name == "config-yaml") return profile.version >= FlinkVersion{1, 19};
    return profile.deployment == Deployment::kubernetes_operator;
}

const std::vector<Format> kFormats = {{"flink-conf", "flink-conf.yaml"},
                                      {"config-yaml", "config.yaml"},
                                      {"flinkdeployment", "flinkdeployment.yaml"}};

class ScratchDir {
public:
    explicit ScratchDir(const std::string& name)
        : path_(fs::temp_directory_path() / ("flinklint-tune-" + std::to_string(::getpid()) + "-" + name)) {
        fs::remove_all(path_);
        fs::create_directories(path_);
    }
    ~ScratchDir() {
        std::error_code ec;
        fs::remove_all(path_, ec);
    }
    ScratchDir(const ScratchDir&) = delete;
    ScratchDir& operator=(const ScratchDir&) = delete;
    [[nodiscard]] const fs::path& path() const { return path_; }

private:
    fs::path path_;
};

// The memory Flink derives from the emitted file, through the same model `check` uses.
void expect_memory_fits(const fs::path& file, const Profile& profile, std::uint64_t os_reserve) {
    auto source = std::make_shared<const Source>(file.string(), flinklint::testing::read_file(file));
    std::vector<ParsedFile> files;
    files.push_back(ingest(source));
    ModelOptions options;
    options.cli_version = profile.version;
    const Model model(std::move(files), options);
    int sized = 0;
    for (const EffectiveConfig* effective : effective_configs(model)) {
        if (!effective->sizes_processes()) continue;
        ++sized;
        const auto* tm = std::get_if<TaskManagerMemory>(&effective->taskmanager());
        ASSERT_NE(tm, nullptr) << std::get<MemoryError>(effective->taskmanager()).message;
        EXPECT_LE(tm->total_process, profile.tm_memory) << file;
        const std::uint64_t budget = profile.tm_memory - os_reserve;
        EXPECT_GE(tm->total_process, budget - (budget >> 6)) << "uses the budget: " << file;
        const auto* jm = std::get_if<JobManagerMemory>(&effective->jobmanager());
        ASSERT_NE(jm, nullptr) << std::get<MemoryError>(effective->jobmanager()).message;
        EXPECT_LE(jm->total_process, profile.jm_memory) << file;
    }
    EXPECT_EQ(sized, 1) << file;
}

// The tuning of a profile, or nothing when the profile has errors.
std::optional<Tuning> tuned(const Profile& profile) {
    auto result = tune(profile);
    if (auto* errors = std::get_if<std::vector<ProfileError>>(&result)) {
        ADD_FAILURE() << errors->front().str();
        return std::nullopt;
    }
    return std::get<Tuning>(std::move(result));
}

}  // namespace

TEST(ClosedLoop, ThereAreProfiles) {
    EXPECT_GE(profiles().size(), 11u);
}

// Refused plans: exit 1, every verdict on stderr with the minimum that would work, nothing written;
// --force writes the file with the verdicts as comments.
TEST(ClosedLoop, InfeasiblePlansAreRefusedWithAVerdict) {
    int refused = 0;
    for (const fs::path& path : profiles()) {
        const Profile profile = load(path);
        const auto t = tuned(profile);
        if (!t || t->infeasible.empty()) continue;
        SCOPED_TRACE(path.filename().string());
        ++refused;
        const ScratchDir dir(path.stem().string() + "-refused");
        const fs::path file = dir.path() / "out.yaml";
        const std::string format = profile.version >= FlinkVersion{2, 0} ? "config-yaml" : "flink-conf";
        const auto run =
            run_flinklint({"tune", "--profile", path.string(), "--emit", format, "--output", file.string()});
        EXPECT_EQ(run.exit_code, 1) << run.err;
        EXPECT_FALSE(fs::exists(file));
        EXPECT_NE(run.err.find("the plan cannot work"), std::string::npos) << run.err;
        for (const std::string& verdict : t->infeasible) {
            EXPECT_NE(run.err.find(verdict), std::string::npos) << run.err;
            EXPECT_NE(verdict.find("at least"), std::string::npos) << verdict;
        }
        const auto forced = run_flinklint(
            {"tune", "--profile", path.string(), "--emit", format, "--output", file.string(), "--force"});
        EXPECT_EQ(forced.exit_code, 0) << forced.err;
        EXPECT_NE(flinklint::testing::read_file(file).find("# warning: infeasible: " + t->infeasible.front()),
                  std::string::npos);
        const auto report = run_flinklint({"tune", "--profile", path.string()});
        EXPECT_EQ(report.exit_code, 1);
        EXPECT_NE(report.out.find("infeasible: "), std::string::npos) << report.out;
    }
    EXPECT_GE(refused, 3);
}

TEST(ClosedLoop, TuningFitsTheBudget) {
    for (const fs::path& path : profiles()) {
        SCOPED_TRACE(path.string());
        const Profile profile = load(path);
        const auto result = tuned(profile);
        ASSERT_TRUE(result);
        const Tuning& t = *result;
        // The recommended options alone, through Flink's derivation.
        FlatConfig flat;
        for (const auto& [key, value] : t.flink_config()) flat[key] = value;
        const auto tm = derive_taskmanager_memory(flat, memory_options(profile));
        ASSERT_TRUE(std::holds_alternative<TaskManagerMemory>(tm)) << std::get<MemoryError>(tm).message;
        EXPECT_LE(std::get<TaskManagerMemory>(tm).total_process, profile.tm_memory);
        EXPECT_EQ(std::get<TaskManagerMemory>(tm).total_process, t.taskmanager.total_process);
        const auto jm = derive_jobmanager_memory(flat, memory_options(profile));
        ASSERT_TRUE(std::holds_alternative<JobManagerMemory>(jm)) << std::get<MemoryError>(jm).message;
        EXPECT_LE(std::get<JobManagerMemory>(jm).total_process, profile.jm_memory);
        for (const Recommendation& r : t.recommendations) {
            EXPECT_FALSE(r.reason.empty()) << r.key;
            EXPECT_FALSE(r.value.empty()) << r.key;
        }
    }
}

TEST(ClosedLoop, EmittedConfigurationsPassCheck) {
    int checked = 0;
    for (const fs::path& path : profiles()) {
        const Profile profile = load(path);
        const auto t = tuned(profile);
        if (!t || !t->infeasible.empty()) continue;  // InfeasiblePlansAreRefusedWithAVerdict
        for (const Format& format : kFormats) {
            SCOPED_TRACE(path.filename().string() + " --emit " + format.name);
            const ScratchDir dir(path.stem().string() + "-" + format.name);
            const fs::path file = dir.path() / format.file_name;
            const auto emitted = run_flinklint(
                {"tune", "--profile", path.string(), "--emit", format.name, "--output", file.string()});
            if (!applies(format, profile)) {
                EXPECT_EQ(emitted.exit_code, 2) << emitted.out;
                EXPECT_NE(emitted.err.find("flinklint: "), std::string::npos) << emitted.err;
                EXPECT_FALSE(fs::exists(file));
                continue;
            }
            ASSERT_EQ(emitted.exit_code, 0) << emitted.err;
            const auto checked_run =
                run_flinklint({"check", "--flink-version", profile.version.str(), file.string()});
            EXPECT_EQ(checked_run.exit_code, 0) << checked_run.out << checked_run.err;
            EXPECT_NE(checked_run.out.find("No problems found"), std::string::npos) << checked_run.out;
            expect_memory_fits(file, profile, t->os_reserve);
            // No warning of the tuner is dropped on the way to the file.
            const std::string text = flinklint::testing::read_file(file);
            for (const std::string& warning : t->warnings)
                EXPECT_NE(text.find("# warning: " + warning), std::string::npos) << warning;
            for (const std::string& warning : t->warnings)
                EXPECT_NE(emitted.err.find("warning: " + warning), std::string::npos) << emitted.err;
            ++checked;
        }
    }
    EXPECT_GE(checked, 8);
}

// --patch says every warning on stderr before it writes, as --emit does.
TEST(ClosedLoop, PatchSaysEveryWarning) {
    int patched = 0;
    for (const fs::path& path : profiles()) {
        const Profile profile = load(path);
        const auto t = tuned(profile);
        if (!t || !t->infeasible.empty() || t->warnings.empty() || profile.version >= FlinkVersion{2, 0})
            continue;
        SCOPED_TRACE(path.filename().string());
        const ScratchDir dir(path.stem().string() + "-patch");
        const fs::path file = dir.path() / "flink-conf.yaml";
        std::ofstream(file) << "taskmanager.numberOfTaskSlots: 1\n";
        const auto run = run_flinklint({"tune", "--profile", path.string(), "--patch", file.string()});
        ASSERT_EQ(run.exit_code, 0) << run.err;
        for (const std::string& warning : t->warnings)
            EXPECT_NE(run.err.find("warning: " + warning), std::string::npos) << run.err;
        ++patched;
    }
    EXPECT_GE(patched, 1);
}

TEST(ClosedLoop, JsonReportOfEveryProfile) {
    for (const fs::path& path : profiles()) {
        SCOPED_TRACE(path.string());
        const auto t = tuned(load(path));
        ASSERT_TRUE(t);
        const auto run = run_flinklint({"tune", "--profile", path.string(), "--format", "json"});
        ASSERT_EQ(run.exit_code, t->infeasible.empty() ? 0 : 1) << run.err;
        const auto json = nlohmann::json::parse(run.out);
        for (const char* key : {"flink_version", "config", "estimates", "recommendations", "warnings"})
            EXPECT_TRUE(json.contains(key)) << key;
        const double nic = json["estimates"]["nic_utilization"].get<double>();
        EXPECT_GE(nic, 0);
        if (t->infeasible.empty()) {
            EXPECT_LE(nic, 1);
        }
    }
}

TEST(ClosedLoop, ProfileErrorsExitTwoWithLocations) {
    const ScratchDir dir("errors");
    const fs::path bad = dir.path() / "bad.yaml";
    std::ofstream(bad) << "flink_version: \"1.20\"\ncluster:\n  taskmanagers: 0\n";
    const auto run = run_flinklint({"tune", "--profile", bad.string()});
    EXPECT_EQ(run.exit_code, 2);
    EXPECT_NE(run.err.find(bad.string() + ":3:17: `cluster.taskmanagers`"), std::string::npos) << run.err;
    EXPECT_NE(run.err.find(bad.string() + ":2:1: `cluster.taskmanager` is required"), std::string::npos)
        << run.err;
    const auto missing = run_flinklint({"tune", "--profile", (dir.path() / "none.yaml").string()});
    EXPECT_EQ(missing.exit_code, 2);
    const auto diff_alone = run_flinklint({"tune", "--profile", bad.string(), "--diff"});
    EXPECT_EQ(diff_alone.exit_code, 2);
}
