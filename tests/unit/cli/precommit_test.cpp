// The hooks of .pre-commit-hooks.yaml driven by the real `pre-commit` program, offline: a temporary
// hook repository holds this repository's manifest, a temporary project uses it through `git
// commit`, and the built flinklint is found on PATH (language: system) or in an image built from the
// Containerfile (language: docker_image).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "dist_support.hpp"
#include "fix_test_support.hpp"
#include "test_paths.hpp"

namespace fs = std::filesystem;
using namespace flinklint::testing;

namespace {

class PreCommit : public ::testing::Test {
protected:
    void SetUp() override {
        std::string output;
        if (run_shell("command -v pre-commit && command -v git", root_.path(), output) != 0) {
            FLINKLINT_SKIP_OR_FAIL(
                "FLINKLINT_REQUIRE_TOOLS",
                "pre-commit or git is not on PATH (Debian: apt-get install pre-commit git)");
        }
        fs::create_directories(root_.path() / "bin");
        fs::create_directories(root_.path() / "home");
        fs::create_symlink(flinklint_binary(), root_.path() / "bin" / "flinklint");

        // The hook repository: this repository's manifest and wrappers, committed.
        const fs::path hooks = root_.path() / "hooks";
        fs::create_directories(hooks);
        fs::copy_file(source_dir() / ".pre-commit-hooks.yaml", hooks / ".pre-commit-hooks.yaml");
        fs::copy(source_dir() / "pre-commit-hooks", hooks / "pre-commit-hooks", fs::copy_options::recursive);
        ASSERT_EQ(
            sh("git init -q . && git add -A && git commit -q -m hooks && git rev-parse HEAD", hooks, output),
            0)
            << output;
        while (!output.empty() && output.back() == '\n') output.pop_back();
        hooks_rev_ = output.substr(output.size() >= 40 ? output.size() - 40 : 0);

        project_ = root_.path() / "project";
        fs::create_directories(project_);
        ASSERT_EQ(sh("git init -q . && pre-commit install", project_, output), 0) << output;
    }

    // Runs `command` with the scratch HOME, pre-commit cache and the built flinklint first on PATH.
    int sh(const std::string& command, const fs::path& dir, std::string& output) const {
        const std::string env = "export HOME='" + (root_.path() / "home").string() + "' PRE_COMMIT_HOME='" +
                                (root_.path() / "cache").string() + "' PATH='" +
                                (root_.path() / "bin").string() +
                                "':\"$PATH\" GIT_CONFIG_NOSYSTEM=1 GIT_AUTHOR_NAME=t GIT_COMMITTER_NAME=t && "
                                "git config --global user.name test >/dev/null 2>&1; "
                                "git config --global user.email test@example.com >/dev/null 2>&1; "
                                "git config --global init.defaultBranch main >/dev/null 2>&1; ";
        return run_shell(env + command, dir, output);
    }

    void use_hook(const std::string& id) const {
        write(".pre-commit-config.yaml", "repos:\n  - repo: " + (root_.path() / "hooks").string() +
                                             "\n    rev: " + hooks_rev_ + "\n    hooks:\n      - id: " + id +
                                             "\n");
    }

    void write(const std::string& relative, const std::string& text) const {
        fs::create_directories((project_ / relative).parent_path());
        std::ofstream(project_ / relative, std::ios::binary | std::ios::trunc) << text;
    }

    int commit(std::string& output) const {
        return sh("git add -A && git commit -m change", project_, output);
    }

    int commit_count() const {
        std::string output;
        if (sh("git rev-list --count HEAD", project_, output) != 0) return 0;
        return std::stoi(output);
    }

    TempDir root_;
    fs::path project_;
    std::string hooks_rev_;
};

}  // namespace

TEST_F(PreCommit, CheckHookRefusesABrokenConfigAndPassesACleanOne) {
    use_hook("flinklint");
    write("conf/flink-conf.yaml", "taskmanager.numberOfTaskSlot: 4\n");
    write("deploy/values.yaml", "replicas: 3\n");  // not Flink: skipped by flinklint
    std::string output;
    EXPECT_NE(commit(output), 0) << output;
    EXPECT_NE(output.find("FL101 unknown-key"), std::string::npos) << output;
    EXPECT_NE(output.find("conf/flink-conf.yaml:1:1"), std::string::npos) << output;
    EXPECT_EQ(commit_count(), 0);

    write("conf/flink-conf.yaml", "taskmanager.numberOfTaskSlots: 4\n");
    EXPECT_EQ(commit(output), 0) << output;
    EXPECT_NE(output.find("flinklint"), std::string::npos);
    EXPECT_NE(output.find("Passed"), std::string::npos) << output;
    EXPECT_EQ(commit_count(), 1);
}

// The hook gets the changed Service only; the Deployment beside it, unchanged, is read as context
// (--siblings), so the cross-file rule still fires on the Service, and the Deployment's own finding
// (committed earlier) is not reported.
TEST_F(PreCommit, CheckHookReadsUnchangedSiblingsAsContext) {
    use_hook("flinklint");
    const std::string deployment =
        "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: flink-jobmanager\nspec:\n"
        "  selector:\n    matchLabels: {app: flink, component: jobmanager}\n  template:\n"
        "    metadata:\n      labels: {app: flink, component: jobmanager}\n    spec:\n      containers:\n"
        "        - name: jobmanager\n          image: flink:1.20\n          args: [\"jobmanager\"]\n"
        "          ports:\n            - {containerPort: 6123, name: rpc}\n"
        "            - {containerPort: 8081, name: webui}\n";
    const auto service = [](const std::string& target) {
        return "apiVersion: v1\nkind: Service\nmetadata:\n  name: flink-jobmanager\nspec:\n"
               "  selector: {app: flink, component: jobmanager}\n  ports:\n    - name: webui\n"
               "      port: 8081\n      targetPort: " +
               target + "\n";
    };
    // The Deployment has a finding of its own (a misspelt key in FLINK_PROPERTIES: FL101), committed
    // without the hook; the next commit does not touch it.
    write("k8s/jobmanager.yaml",
          deployment +
              "          env: [{name: FLINK_PROPERTIES, value: \"taskmanager.numberOfTaskSlot: 2\"}]\n");
    write("k8s/service.yaml", service("8081"));
    std::string output;
    ASSERT_EQ(sh("git add -A && git commit -q --no-verify -m deploy", project_, output), 0) << output;

    write("k8s/service.yaml", service("8082"));
    EXPECT_NE(commit(output), 0) << output;
    EXPECT_NE(output.find("k8s/service.yaml:10:19: warning[FL705"), std::string::npos) << output;
    EXPECT_EQ(output.find("k8s/jobmanager.yaml:"), std::string::npos) << output;
    EXPECT_NE(output.find("Found 1 problem (0 errors, 1 warning, 0 infos) in 1 file."), std::string::npos)
        << output;
}

TEST_F(PreCommit, FixHookRewritesTheFileFailsOnceThenPasses) {
    use_hook("flinklint-fix");
    write("conf/flink-conf.yaml", "# state\nstate.backend.incremental: true\nparallelism.default: 2\n");
    std::string output;
    EXPECT_NE(commit(output), 0) << output;
    EXPECT_NE(output.find("files were modified by this hook"), std::string::npos) << output;
    EXPECT_NE(output.find("Fixed 1 problem in 1 file."), std::string::npos) << output;
    EXPECT_EQ(read_file(project_ / "conf/flink-conf.yaml"),
              "# state\nexecution.checkpointing.incremental: true\nparallelism.default: 2\n");
    EXPECT_EQ(commit_count(), 0);

    EXPECT_EQ(commit(output), 0) << output;
    EXPECT_EQ(commit_count(), 1);
}

TEST_F(PreCommit, FixHookStillFailsOnWhatItCannotFix) {
    use_hook("flinklint-fix");
    write("conf/flink-conf.yaml", "taskmanager.numberOfTaskSlot: 4\n");  // the rename is unsafe
    std::string output;
    EXPECT_NE(commit(output), 0) << output;
    EXPECT_NE(output.find("FL101"), std::string::npos) << output;
    EXPECT_EQ(read_file(project_ / "conf/flink-conf.yaml"), "taskmanager.numberOfTaskSlot: 4\n");
}

// The docker_image hook: pre-commit runs `docker run ... flinklint:VERSION check FILES`. Here podman
// stands in for docker (as Debian's podman-docker makes it), with the image built from the
// Containerfile into scratch storage, runc as the runtime and lower rlimits (this sandbox's reasons
// are in container_test.cpp).
TEST_F(PreCommit, ContainerHookChecksThroughTheImage) {
    FLINKLINT_NEED(have_tool("podman"), "podman is not installed (Debian: podman)");
    if (run_split("'" + flinklint_binary().string() + "' --version", root_.path()).out.find(", static)") ==
        std::string::npos) {
        GTEST_SKIP()
            << "this build links flinklint dynamically: a FROM scratch image needs the static binary";
    }
    const fs::path containers = root_.path() / "containers";
    root_.write("containers/storage.conf", "[storage]\ndriver = \"vfs\"\ngraphroot = \"" +
                                               (containers / "storage").string() + "\"\nrunroot = \"" +
                                               (containers / "run").string() + "\"\n");
    root_.write("containers/containers.conf",
                std::string("[containers]\ndefault_ulimits = [\"nofile=1024:1024\", \"nproc=1024:1024\"]\n") +
                    (have_tool("runc") ? "[engine]\nruntime = \"runc\"\n" : ""));
    const ScopedEnv storage("CONTAINERS_STORAGE_CONF", (containers / "storage.conf").string());
    const ScopedEnv config("CONTAINERS_CONF", (containers / "containers.conf").string());
    fs::create_directories(containers / "context");
    fs::copy_file(flinklint_binary(), containers / "context" / "flinklint");
    const fs::path log = containers / "docker.log";
    root_.write("bin/docker", "#!/bin/sh\necho \"$*\" >> '" + log.string() + "'\nexec podman \"$@\"\n");
    fs::permissions(root_.path() / "bin/docker", fs::perms::owner_all, fs::perm_options::add);
    const auto built = run_split("podman build -q -f '" + (source_dir() / "Containerfile").string() +
                                     "' -t flinklint:" + project_version() + " context",
                                 containers);
    ASSERT_EQ(built.code, 0) << built.err;

    use_hook("flinklint-docker");
    write("conf/flink-conf.yaml", "taskmanager.numberOfTaskSlot: 4\n");
    std::string output;
    const int refused = commit(output);
    if (refused != 0 && output.find("OCI") != std::string::npos) {
        GTEST_SKIP() << "the container runtime cannot start containers in this sandbox: " << output;
    }
    EXPECT_NE(refused, 0) << output;
    EXPECT_NE(output.find("conf/flink-conf.yaml:1:1: warning[FL101 unknown-key]"), std::string::npos)
        << output;
    EXPECT_EQ(commit_count(), 0);
    const std::string invocation = read_file(log);
    EXPECT_NE(invocation.find("flinklint:" + project_version() + " check "), std::string::npos) << invocation;
    EXPECT_NE(invocation.find(" conf/flink-conf.yaml"), std::string::npos) << invocation;
    write("conf/flink-conf.yaml", "taskmanager.numberOfTaskSlots: 4\n");
    EXPECT_EQ(commit(output), 0) << output;
    EXPECT_EQ(commit_count(), 1);
}
