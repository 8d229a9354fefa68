// The Containerfile at the root, built FROM scratch by podman from a context that holds only the
// static binary (no registry, no toolchain). Storage is a scratch directory, so the machine's images
// are left alone. The image's filesystem is exported and its binary checks the examples; then the
// image runs as a container on the examples.
#include <gtest/gtest.h>

#include <filesystem>

#include <nlohmann/json.hpp>

#include "dist_support.hpp"
#include "run_binary.hpp"
#include "test_paths.hpp"

namespace fs = std::filesystem;
using namespace flinklint::testing;

TEST(ContainerImage, BuildsFromScratchWithOnlyTheBinaryAndChecksTheExamples) {
    FLINKLINT_NEED(have_tool("podman"), "podman is not installed (Debian: podman)");
    const auto info = nlohmann::json::parse(run_flinklint({"--version", "--format", "json"}).out);
    if (info.at("linkage") != "static") {
        GTEST_SKIP() << "this build links flinklint dynamically (sanitizers or FLINKLINT_STATIC=OFF); "
                        "a FROM scratch image needs the static binary: skipped";
    }
    const TempDir scratch;
    const fs::path context = scratch.path() / "context";
    fs::create_directories(context);
    fs::copy_file(flinklint_binary(), context / "flinklint");
    const std::string podman = "podman --root '" + (scratch.path() / "storage").string() + "' --runroot '" +
                               (scratch.path() / "run").string() + "' --storage-driver vfs";
    const std::string image = "localhost/flinklint-test:" + std::to_string(::getpid());
    const auto built = run_split(podman + " build -q -f '" + (source_dir() / "Containerfile").string() +
                                     "' --build-arg VERSION=" + info.at("version").get<std::string>() +
                                     " -t " + image + " '" + context.string() + "'",
                                 scratch.path());
    ASSERT_EQ(built.code, 0) << built.out << built.err;

    const auto config =
        run_split(podman + " image inspect --format '{{json .Config}}' " + image, scratch.path());
    ASSERT_EQ(config.code, 0) << config.err;
    const auto spec = nlohmann::json::parse(config.out);
    EXPECT_EQ(spec.at("Entrypoint"), nlohmann::json::array({"/flinklint"}));
    EXPECT_EQ(spec.at("WorkingDir"), "/src");
    EXPECT_EQ(spec.at("Labels").at("org.opencontainers.image.licenses"), "Apache-2.0");
    EXPECT_EQ(spec.at("Labels").at("org.opencontainers.image.version"), info.at("version"));

    // The image's filesystem: the binary and nothing else.
    const auto exported =
        run_split("c=$(" + podman + " create " + image + ") && " + podman + " export -o fs.tar \"$c\" && " +
                      podman + " rm \"$c\" >/dev/null && mkdir fs && tar -C fs -xf fs.tar && tar -tf fs.tar",
                  scratch.path());
    ASSERT_EQ(exported.code, 0) << exported.err;
    EXPECT_EQ(exported.out, "flinklint\n");
    const auto checked = run_split(
        "'" + (scratch.path() / "fs" / "flinklint").string() + "' check examples --format json --exit-zero",
        source_dir());
    ASSERT_EQ(checked.code, 0) << checked.err;
    const auto direct = run_flinklint({"check", "examples", "--format", "json", "--exit-zero"});
    EXPECT_EQ(checked.out, direct.out);

    // As a container. podman's default runtime here, crun, refuses this sandbox's hybrid cgroup
    // layout, and podman's default rlimits (nofile, nproc) exceed what a process without
    // CAP_SYS_RESOURCE may set: runc (when installed) and lower limits avoid both.
    const std::string runtime = have_tool("runc") ? " --runtime runc" : "";
    const auto ran = run_split(podman + " run --rm" + runtime +
                                   " --network none --ulimit nofile=1024:1024 --ulimit nproc=1024:1024 -v '" +
                                   (source_dir() / "examples").string() + ":/src:ro' " + image +
                                   " check . --format json --exit-zero",
                               scratch.path());
    run_split(podman + " rmi -f " + image, scratch.path());
    if (ran.code != 0 && ran.err.find("OCI") != std::string::npos) {
        GTEST_SKIP() << "the container runtime cannot start containers in this sandbox: " << ran.err;
    }
    ASSERT_EQ(ran.code, 0) << ran.err;
    // Paths are relative to /src in the container as they are to examples/ outside.
    const auto in_examples = run_flinklint({"check", ".", "--format", "json", "--exit-zero"},
                                           (source_dir() / "examples").string());
    EXPECT_EQ(ran.out, in_examples.out);
}
