// `flinklint memory`: the real binary on examples/ and temporary files; JSON compared with the model.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "flinklint/memory_model.hpp"
#include "flinklint/memory_report.hpp"
#include "test_paths.hpp"

namespace fs = std::filesystem;
using namespace flinklint;

namespace {

struct Output {
    int exit_code = -1;
    std::string out;
};

std::string shell_quote(const std::string& text) {
    std::string quoted = "'";
    for (const char c : text) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return quoted + "'";
}

// Runs the binary with popen; stderr is folded into the output only when `with_stderr`.
Output run_memory(const std::vector<std::string>& args, bool with_stderr = false) {
    std::string command = shell_quote(flinklint::testing::flinklint_binary().string()) + " memory";
    for (const auto& arg : args) command += " " + shell_quote(arg);
    command += with_stderr ? " 2>&1" : " 2>/dev/null";
    Output run;
    FILE* pipe = popen(command.c_str(), "r");
    if (pipe == nullptr) return run;
    std::array<char, 4096> buffer{};
    std::size_t read = 0;
    while ((read = fread(buffer.data(), 1, buffer.size(), pipe)) > 0) run.out.append(buffer.data(), read);
    const int status = pclose(pipe);
    run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return run;
}

nlohmann::json parse_json(const Output& run) {
    auto json = nlohmann::json::parse(run.out, nullptr, false);
    EXPECT_FALSE(json.is_discarded()) << run.out;
    return json;
}

std::string example(const char* relative) {
    return (flinklint::testing::source_dir() / "examples" / relative).string();
}

class TempFile {
public:
    TempFile(const std::string& name, const std::string& text) {
        dir_ = fs::temp_directory_path() /
               ("flinklint-memory-" + std::to_string(::getpid()) + "-" + std::to_string(counter_++));
        fs::create_directories(dir_);
        path_ = dir_ / name;
        std::ofstream(path_, std::ios::binary) << text;
    }
    ~TempFile() {
        std::error_code ec;
        fs::remove_all(dir_, ec);
    }
    TempFile(const TempFile&) = delete;
    TempFile& operator=(const TempFile&) = delete;
    [[nodiscard]] std::string path() const { return path_.string(); }
    [[nodiscard]] std::string dir() const { return dir_.string(); }

private:
    static inline int counter_ = 0;
    fs::path dir_;
    fs::path path_;
};

MemoryOptions options(DeploymentMode mode = DeploymentMode::standalone,
                      FlinkVersion version = kDefaultFlinkVersion) {
    MemoryOptions result;
    result.mode = mode;
    result.version = version;
    return result;
}

}  // namespace

TEST(MemoryCommand, OneProcessJsonIsTheModelsJson) {
    const TempFile file("flink-conf.yaml",
                        "taskmanager.memory.process.size: 4g\n"
                        "taskmanager.memory.managed.fraction: 0.25\n"
                        "jobmanager.memory.process.size: 1600m\n");
    const FlatConfig flat{{"taskmanager.memory.process.size", "4g"},
                          {"taskmanager.memory.managed.fraction", "0.25"},
                          {"jobmanager.memory.process.size", "1600m"}};
    const Output tm = run_memory({file.path(), "--process", "taskmanager", "--format", "json"});
    EXPECT_EQ(tm.exit_code, 0);
    EXPECT_EQ(parse_json(tm), memory_to_json(derive_taskmanager_memory(flat, options())));
    const Output jm = run_memory({file.path(), "--process", "jobmanager", "--format", "json"});
    EXPECT_EQ(jm.exit_code, 0);
    EXPECT_EQ(parse_json(jm), memory_to_json(derive_jobmanager_memory(flat, options())));
}

TEST(MemoryCommand, BothProcessesByDefault) {
    const Output run = run_memory({example("config-yaml/config.yaml"), "--format", "json"});
    EXPECT_EQ(run.exit_code, 0);
    const auto json = parse_json(run);
    ASSERT_TRUE(json.is_object());
    EXPECT_EQ(json.size(), 2u);
    ASSERT_TRUE(json.contains("taskmanager") && json.contains("jobmanager")) << run.out;
    const FlatConfig flat{{"taskmanager.memory.process.size", "4096m"},
                          {"jobmanager.memory.process.size", "1600m"},
                          {"taskmanager.numberOfTaskSlots", "4"}};
    EXPECT_EQ(json["taskmanager"], memory_to_json(derive_taskmanager_memory(flat, options())));
    EXPECT_EQ(json["jobmanager"], memory_to_json(derive_jobmanager_memory(flat, options())));
}

TEST(MemoryCommand, FailedDerivationExitsOne) {
    // Process 4g and flink 3840m leave no JVM overhead.
    const Output run = run_memory({example("standalone/flink-conf.yaml"), "--format", "json"});
    EXPECT_EQ(run.exit_code, 1);
    const auto json = parse_json(run);
    EXPECT_EQ(json["taskmanager"]["error"], "overhead-out-of-range");
    EXPECT_EQ(json["jobmanager"]["total_process"], 1600u * 1024 * 1024);
    // Asking only for the process that starts succeeds.
    EXPECT_EQ(run_memory({example("standalone/flink-conf.yaml"), "--process", "jobmanager"}).exit_code, 0);
}

TEST(MemoryCommand, FlinkDeploymentUsesTheSpecResources) {
    // flinkConfiguration says 4g; spec.taskManager.resource.memory (2Gi) wins, as in the operator.
    const Output run = run_memory({example("operator/flinkdeployment.yaml"), "--format", "json"});
    EXPECT_EQ(run.exit_code, 0);
    const auto json = parse_json(run);
    EXPECT_EQ(json["taskmanager"]["total_process"], 2048u * 1024 * 1024);
    EXPECT_EQ(json["jobmanager"]["total_process"], 2048u * 1024 * 1024);  // "2048m": Flink units
    const FlatConfig flat{{"taskmanager.memory.process.size", "2147483648"},
                          {"taskmanager.numberOfTaskSlots", "2"}};
    EXPECT_EQ(json["taskmanager"],
              memory_to_json(derive_taskmanager_memory(flat, options(DeploymentMode::active))));
}

TEST(MemoryCommand, FlinkDeploymentWithoutFlinkConfiguration) {
    const TempFile file(
        "deployment.yaml",
        "apiVersion: flink.apache.org/v1beta1\nkind: FlinkDeployment\nmetadata:\n  name: bare\n"
        "spec:\n  flinkVersion: v1_20\n  jobManager:\n    resource:\n      memory: 1600Mi\n"
        "  taskManager:\n    resource:\n      memory: 700Mi\n");
    const Output run = run_memory({file.path(), "--format", "json"});
    EXPECT_EQ(run.exit_code, 1);
    const auto json = parse_json(run);
    EXPECT_EQ(json["taskmanager"]["error"], "components-exceed-total-flink");
    EXPECT_EQ(json["jobmanager"]["total_process"], 1600u * 1024 * 1024);
}

TEST(MemoryCommand, ModeAndVersionDecideTheLegacyHeap) {
    const TempFile file("flink-conf.yaml",
                        "taskmanager.heap.size: 1g\njobmanager.memory.process.size: 1600m\n");
    const auto total = [&](std::vector<std::string> extra) {
        std::vector<std::string> args{file.path(), "--process", "taskmanager", "--format", "json"};
        args.insert(args.end(), extra.begin(), extra.end());
        const Output run = run_memory(args);
        return std::pair{run.exit_code, parse_json(run)};
    };
    // Standalone scripts copy it into flink.size, the active resource manager into process.size.
    EXPECT_EQ(total({}).second["total_process"], 1543503872u);
    EXPECT_EQ(total({"--mode", "active"}).second["total_process"], 1073741824u);
    const auto removed = total({"--flink-version", "2.0"});
    EXPECT_EQ(removed.first, 1);
    EXPECT_EQ(removed.second["error"], "not-configured");
}

TEST(MemoryCommand, TextShowsBothLayouts) {
    const Output run = run_memory({example("kubernetes-standalone/flink-configmap.yaml")});
    EXPECT_EQ(run.exit_code, 0);
    EXPECT_NE(run.out.find("ConfigMap flink-config"), std::string::npos) << run.out;
    EXPECT_NE(run.out.find("TaskManager memory"), std::string::npos);
    EXPECT_NE(run.out.find("JobManager memory"), std::string::npos);
    EXPECT_NE(run.out.find("-Xmx"), std::string::npos);
}

TEST(MemoryCommand, UsageErrorsExitTwo) {
    const std::string missing =
        (flinklint::testing::source_dir() / "examples" / "no-such-file.yaml").string();
    const Output absent = run_memory({missing}, true);
    EXPECT_EQ(absent.exit_code, 2);
    EXPECT_EQ(absent.out.rfind("flinklint: " + missing + ": ", 0), 0u) << absent.out;

    const TempFile service("service.yaml",
                           "apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ports:\n"
                           "    - port: 80\n");
    const Output no_config = run_memory({service.path()}, true);
    EXPECT_EQ(no_config.exit_code, 2);
    EXPECT_EQ(no_config.out.rfind("flinklint: " + service.path() + ": ", 0), 0u) << no_config.out;

    const Output directory = run_memory({service.dir()}, true);
    EXPECT_EQ(directory.exit_code, 2);

    EXPECT_EQ(run_memory({example("standalone/flink-conf.yaml"), "--process", "nodemanager"}).exit_code, 2);
}
