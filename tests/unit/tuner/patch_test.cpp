// --patch: values change in place, comments and order stay, missing keys are appended in the file's
// style, rival sizes are removed, a second run changes nothing; --diff shows exactly those edits.
#include <gtest/gtest.h>

#include "flinklint/fix.hpp"
#include "flinklint/tuner/patch.hpp"
#include "flinklint/tuner/tuner.hpp"
#include "test_paths.hpp"

using namespace flinklint;
using namespace flinklint::tuner;

namespace {

Tuning tuned(const std::string& profile) {
    const auto loaded = load_profile((flinklint::testing::source_dir() / "profiles" / profile).string());
    if (!std::holds_alternative<Profile>(loaded)) {
        ADD_FAILURE() << std::get<std::vector<ProfileError>>(loaded).front().str();
        return {};
    }
    auto result = tune(std::get<Profile>(loaded));
    if (!std::holds_alternative<Tuning>(result)) {
        ADD_FAILURE() << std::get<std::vector<ProfileError>>(result).front().str();
        return {};
    }
    return std::get<Tuning>(std::move(result));
}

struct Patched {
    std::string text;
    std::string diff;
    Patch patch;
};

Patched patch(const std::string& path, const std::string& text, const Tuning& tuning) {
    const auto source = std::make_shared<const Source>(path, text);
    const auto planned = plan_patch(source, tuning);
    if (!planned) {
        ADD_FAILURE() << planned.error();
        return {};
    }
    const std::string patched = apply_patch(text, *planned);
    return {patched, flinklint::unified_diff(path, text, patched), *planned};
}

bool has_line(const std::string& text, const std::string& line) {
    return ("\n" + text).find("\n" + line + "\n") != std::string::npos ||
           ("\n" + text).find("\n" + line + "\r\n") != std::string::npos;
}

}  // namespace

TEST(Patch, LegacyValuesChangeInPlaceAndMissingKeysAreAppended) {
    const Tuning t = tuned("metzger.yaml");
    const std::string before =
        "# my cluster\n"
        "taskmanager.numberOfTaskSlots: 4   # one per core\n"
        "parallelism.default: 80\n"
        "execution.checkpointing.interval: 60 s\n"
        "state.backend: rocksdb\n"
        "taskmanager.memory.process.size: 4g\n"
        "rest.port: 8081\n";
    const Patched result = patch("flink-conf.yaml", before, t);
    EXPECT_TRUE(has_line(result.text, "# my cluster"));
    EXPECT_TRUE(has_line(result.text, "taskmanager.numberOfTaskSlots: 16   # one per core"));
    EXPECT_TRUE(has_line(result.text, "parallelism.default: 80"));
    EXPECT_TRUE(has_line(result.text, "execution.checkpointing.interval: 60 s"))
        << "equal durations stay as written";
    EXPECT_TRUE(has_line(result.text, "state.backend.type: rocksdb")) << "deprecated key renamed";
    // Standalone sizes total Flink memory: the process size becomes flink.size in place.
    EXPECT_TRUE(has_line(result.text, "taskmanager.memory.flink.size: 62208m")) << result.text;
    EXPECT_FALSE(has_line(result.text, "taskmanager.memory.process.size: 4g"));
    EXPECT_TRUE(has_line(result.text, "rest.port: 8081"));
    const auto added = result.text.find("# added by flinklint tune --profile");
    ASSERT_NE(added, std::string::npos);
    EXPECT_GT(added, result.text.find("rest.port: 8081"));
    EXPECT_NE(result.text.find("taskmanager.memory.managed.size: 31104m\n", added), std::string::npos);
    EXPECT_NE(result.text.find("heartbeat.timeout: 2 min\n", added), std::string::npos);
    EXPECT_EQ(patch("flink-conf.yaml", result.text, t).patch.edits.size(), 0u)
        << "a second run changes nothing";
}

TEST(Patch, NestedYamlKeepsItsShape) {
    const Tuning t = tuned("metzger.yaml");
    const std::string before =
        "taskmanager:\n"
        "  numberOfTaskSlots: 4\n"
        "  memory:\n"
        "    flink.size: \"3840m\"\n"
        "    process.size: 4g\n"
        "    network.fraction: 0.2\n"
        "execution:\n"
        "  checkpointing:\n"
        "    incremental: true\n";
    const Patched result = patch("config.yaml", before, t);
    EXPECT_TRUE(has_line(result.text, "  numberOfTaskSlots: 16"));
    EXPECT_TRUE(has_line(result.text, "    flink.size: \"62208m\"")) << result.text;
    EXPECT_TRUE(has_line(result.text, "    incremental: false"));
    // The fraction becomes the pinned minimum in place; the maximum is appended flat.
    EXPECT_TRUE(has_line(result.text, "    network.min: 410m")) << result.text;
    EXPECT_TRUE(has_line(result.text, "taskmanager.memory.network.max: 410m"));
    bool by_hand = false;
    for (const auto& note : result.patch.notes)
        by_hand |= note.find("remove `taskmanager.memory.process.size` by hand") == 0;
    EXPECT_TRUE(by_hand) << "a nested rival is not deleted (its parent could be left empty)";
    EXPECT_TRUE(has_line(result.text, "    process.size: 4g"));
}

TEST(Patch, KeepsLineEndingsAndAMissingFinalNewline) {
    const Tuning t = tuned("metzger.yaml");
    const Patched crlf = patch("flink-conf.yaml", "parallelism.default: 8\r\nrest.port: 8081", t);
    EXPECT_EQ(crlf.text.rfind("parallelism.default: 80\r\nrest.port: 8081\r\n\r\n# added by", 0), 0u)
        << crlf.text;
    EXPECT_EQ(crlf.text.find("\n", 0), crlf.text.find("\r\n", 0) + 1);
    EXPECT_EQ(crlf.text.back(), '\n');
    EXPECT_EQ(crlf.text[crlf.text.size() - 2], '\r');
}

// A rival size is deleted with its own line break, whatever the file's line breaks are (the
// linter's line deletion, flinklint/entry_edits.hpp): nothing before or after it is touched.
TEST(Patch, RemovesARivalLineWithItsOwnLineBreak) {
    const Tuning t = tuned("metzger.yaml");
    for (const std::string newline : {"\n", "\r\n", "\r"}) {
        SCOPED_TRACE(newline == "\r" ? "CR" : newline == "\n" ? "LF" : "CRLF");
        const std::string before = "# head" + newline + "taskmanager.memory.flink.size: 3g" + newline +
                                   "taskmanager.heap.size: 2g" + newline + "rest.port: 8081" + newline;
        const Patched result = patch("flink-conf.yaml", before, t);
        EXPECT_EQ(result.text.find("taskmanager.heap.size"), std::string::npos) << result.text;
        EXPECT_EQ(result.text.rfind("# head" + newline + "taskmanager.memory.flink.size: 62208m" + newline +
                                        "rest.port: 8081" + newline,
                                    0),
                  0u)
            << result.text;
    }
}

TEST(Patch, FlinkDeploymentSpecAndConfiguration) {
    const Tuning t = tuned("k8s-operator-rocksdb.yaml");
    const std::string before =
        "apiVersion: flink.apache.org/v1beta1\n"
        "kind: FlinkDeployment\n"
        "metadata:\n"
        "  name: orders\n"
        "spec:\n"
        "  flinkVersion: v1_20\n"
        "  flinkConfiguration:\n"
        "    taskmanager.numberOfTaskSlots: \"2\"\n"
        "    taskmanager.memory.process.size: \"4g\"\n"
        "  jobManager:\n"
        "    resource:\n"
        "      memory: \"2048m\"\n"
        "      cpu: 1\n"
        "  taskManager:\n"
        "    resource:\n"
        "      memory: \"2Gi\"\n"
        "      cpu: 2\n"
        "  job:\n"
        "    jarURI: local:///opt/flink/usrlib/orders.jar\n"
        "    parallelism: 4\n"
        "    upgradeMode: stateless\n";
    const Patched result = patch("deployment.yaml", before, t);
    // 300 GiB of state: last-state upgrades (with HA), never stateless; the local disk is only noted.
    EXPECT_TRUE(has_line(result.text, "    upgradeMode: last-state")) << result.text;
    bool noted = false;
    for (const std::string& note : result.patch.notes)
        noted |= note.rfind("not set: `spec.taskManager.resource.ephemeralStorage`", 0) == 0;
    EXPECT_TRUE(noted);
    EXPECT_TRUE(has_line(result.text, "    taskmanager.numberOfTaskSlots: \"4\""));
    EXPECT_FALSE(has_line(result.text, "    taskmanager.memory.process.size: \"4g\""))
        << "the spec sizes the process";
    EXPECT_TRUE(has_line(result.text, "      memory: \"2048m\"")) << "the same 2 GiB stays as written";
    EXPECT_TRUE(has_line(result.text, "      memory: \"16384Mi\""));
    EXPECT_TRUE(has_line(result.text, "      cpu: 4"));
    EXPECT_TRUE(has_line(result.text, "    parallelism: 24"));
    // Appended after the last flinkConfiguration entry, indented like it, quoted for every operator version.
    const auto added = result.text.find("    execution.checkpointing.incremental: \"true\"\n");
    ASSERT_NE(added, std::string::npos) << result.text;
    EXPECT_LT(added, result.text.find("  jobManager:"));
    EXPECT_EQ(result.text.find("parallelism.default"), std::string::npos) << "job.parallelism sets it";
    EXPECT_EQ(patch("deployment.yaml", result.text, t).patch.edits.size(), 0u);
}

TEST(Patch, UnifiedDiffShowsTheEdits) {
    const Tuning t = tuned("metzger.yaml");
    std::string before;
    for (int i = 1; i <= 10; ++i)
        before += "metrics.reporter.r" + std::to_string(i) + ".port: 90" + std::to_string(i) + "\n";
    before += "parallelism.default: 8\n";
    for (const Recommendation& r : t.recommendations) {
        if (r.is_flink_option() && r.key != "parallelism.default") before += r.key + ": " + r.value + "\n";
    }
    const Patched result = patch("flink-conf.yaml", before, t);
    EXPECT_EQ(
        result.diff,
        "diff --git a/flink-conf.yaml b/flink-conf.yaml\n--- a/flink-conf.yaml\n+++ b/flink-conf.yaml\n"
        "@@ -8,7 +8,7 @@\n"
        " metrics.reporter.r8.port: 908\n metrics.reporter.r9.port: 909\n metrics.reporter.r10.port: 9010\n"
        "-parallelism.default: 8\n+parallelism.default: 80\n"
        " taskmanager.numberOfTaskSlots: 16\n pipeline.max-parallelism: 320\n taskmanager.memory.flink.size: "
        "62208m\n");
    EXPECT_EQ(patch("flink-conf.yaml", result.text, t).diff, "");
}

TEST(Patch, EditsAtTheEndOfAFileWithoutFinalNewline) {
    Patch append;
    append.edits = {{4, 4, "\nb: 2\n"}};
    EXPECT_EQ(apply_patch("a: 1", append), "a: 1\nb: 2\n");
    Patch replace;
    replace.edits = {{4, 5, "2"}};
    EXPECT_EQ(apply_patch("a: 1x", replace), "a: 12");
}

TEST(Patch, RefusesWhatItCannotEdit) {
    const Tuning t = tuned("metzger.yaml");
    const auto broken = plan_patch(std::make_shared<const Source>("config.yaml", "a: [1\n"), t);
    EXPECT_FALSE(broken);
    const auto nothing = plan_patch(std::make_shared<const Source>("notes.txt", "hello\n"), t);
    EXPECT_FALSE(nothing);
}
