// `flinklint migrate --to 2.1 --write` on a copy of every corpus file (conf and k8s, each alone in
// its directory): `check` on the results finds no deprecated, removed or syntax problem and no
// unknown key among the keys migrate wrote, and every key the old Flink read is either under its
// 2.1 name with the same value or listed as removed.
#include <gtest/gtest.h>

#include <map>
#include <set>

#include <nlohmann/json.hpp>

#include "fix_test_support.hpp"
#include "flinklint/ingest.hpp"
#include "run_binary.hpp"
#include "test_paths.hpp"

namespace fs = std::filesystem;
using nlohmann::json;
using namespace flinklint;
using namespace flinklint::testing;

namespace {

// Effective key -> (value, line) of every configuration of a file, in document order.
using Effective = std::vector<std::map<std::string, std::pair<std::string, std::size_t>>>;

Effective effective(const std::string& path, const std::string& text, bool yaml = false) {
    IngestOptions options;
    if (yaml) options.forced_format = FileFormat::yaml;  // a new config.yaml, whatever keys it holds
    const ParsedFile file = ingest(std::make_shared<const Source>(path, text), options);
    Effective result;
    for (const ConfigDocument& doc : file.configs) {
        auto& keys = result.emplace_back();
        for (const ConfigEntry& entry : doc.entries)
            keys[entry.key] = {entry.value,
                               static_cast<std::size_t>(file.source->position(entry.key_span.begin).line)};
    }
    return result;
}

// Booleans are read case-insensitively (`True` in a legacy file is the YAML boolean `true`).
bool same_value(std::string_view a, std::string_view b) {
    if (a == b) return true;
    const auto lower = [](std::string_view s) {
        std::string out(s);
        for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        return out;
    };
    return (lower(a) == "true" || lower(a) == "false") && lower(a) == lower(b);
}

bool mentions(const json& notes, std::string_view part) {
    for (const auto& note : notes)
        if (note.get<std::string>().find(part) != std::string::npos) return true;
    return false;
}

// Every key of `before` under its new name with the same value in `after`, unless removed or rewritten.
void expect_keys_kept(const json& file, const Effective& before, const Effective& after) {
    std::map<std::string, std::string> renamed;
    for (const auto& r : file["renamed"]) renamed[r["from"].get<std::string>()] = r["to"].get<std::string>();
    std::set<std::pair<std::string, std::size_t>> removed;
    for (const auto& r : file["removed"])
        removed.insert({r["key"].get<std::string>(), r["line"].get<std::size_t>()});
    std::set<std::string> rewritten;
    for (const auto& r : file["rewritten"]) rewritten.insert(r["key"].get<std::string>());
    ASSERT_EQ(before.size(), after.size()) << file["path"];
    for (std::size_t doc = 0; doc < before.size(); ++doc) {
        for (const auto& [key, value_line] : before[doc]) {
            if (removed.contains({key, value_line.second})) continue;
            const std::string name = renamed.contains(key) ? renamed[key] : key;
            const bool rewrote = rewritten.contains(key) || rewritten.contains(name);
            // A Map value written as a YAML mapping is flattened under the key (`key.k1`).
            const auto it = after[doc].lower_bound(name);
            const bool present = it != after[doc].end() &&
                                 (it->first == name || (rewrote && it->first.starts_with(name + ".")));
            ASSERT_TRUE(present) << file["path"] << ": " << key << " (as " << name << ") is gone";
            if (rewrote) continue;
            EXPECT_TRUE(same_value(it->second.first, value_line.first))
                << file["path"] << ": " << key << ": " << value_line.first << " became " << it->second.first;
        }
    }
}

}  // namespace

TEST(MigrateCorpus, EveryFileMigratesToWhatFlink21ReadsWithTheSameKeys) {
    FLINKLINT_REQUIRE_SHARED(shared);
    const TempDir scratch;
    std::map<std::string, fs::path> originals;  // copy -> corpus file
    std::size_t n = 0;
    for (const char* kind : {"conf", "k8s"}) {
        for (const auto& entry : fs::directory_iterator(shared / "corpus" / kind)) {
            const fs::path copy = scratch.path() / std::to_string(++n) / entry.path().filename();
            fs::create_directories(copy.parent_path());
            fs::copy_file(entry.path(), copy);
            originals[copy.generic_string()] = entry.path();
        }
    }
    ASSERT_GT(n, 400u);
    const auto migrated = run_flinklint(
        {"migrate", "--to", "2.1", "--write", "--format", "json", scratch.path().generic_string()});
    ASSERT_EQ(migrated.exit_code, 0) << migrated.err;
    const json report = json::parse(migrated.out);
    std::vector<std::string> check_args{"check",      "--force-flink-version", "2.1", "--format", "json",
                                        "--exit-zero"};
    std::map<std::string, json> by_output;
    for (const json& file : report["files"]) {
        EXPECT_TRUE(file["errors"].empty()) << file["path"] << ": " << file["errors"].dump();
        const std::string output = file["output_path"].get<std::string>();
        by_output[output] = file;
        check_args.push_back(output);
        if (mentions(file["notes"], "written as nested YAML"))
            continue;  // the old parse is not what anyone meant
        const std::string path = file["path"].get<std::string>();
        expect_keys_kept(file, effective(path, read_file(originals.at(path))),
                         effective(output, read_file(output), output != path));
    }
    EXPECT_GT(by_output.size(), 400u);

    const auto checked = run_flinklint(check_args);
    ASSERT_EQ(checked.exit_code, 0) << checked.err;
    // Named copies: a range-for over a member of the parsed temporary reads freed memory.
    const json diagnostics = json::parse(checked.out)["diagnostics"];
    for (const json& finding : diagnostics) {
        const std::string rule = finding["rule"].get<std::string>();
        EXPECT_TRUE(rule != "FL201" && rule != "FL202" && rule != "FL001" && rule != "FL002" &&
                    rule != "FL003")
            << finding.dump();
        if (rule != "FL101") continue;
        const json& file = by_output.at(finding["file"].get<std::string>());
        for (const auto& r : file["renamed"]) EXPECT_NE(finding["key"], r["to"]) << finding.dump();
        for (const auto& r : file["removed"])
            EXPECT_EQ(r["replacement"].get<std::string>().find(finding["key"].get<std::string>()),
                      std::string::npos)
                << finding.dump();
    }

    // Idempotent: a second run over the migrated tree writes nothing new.
    const auto again =
        run_flinklint({"migrate", "--to", "2.1", "--format", "json", scratch.path().generic_string()});
    ASSERT_EQ(again.exit_code, 0) << again.err;
    const json files_again = json::parse(again.out)["files"];
    for (const json& file : files_again) {
        const std::string output = file["output_path"].get<std::string>();
        if (file["path"].get<std::string>() == output) {
            EXPECT_TRUE(file["renamed"].empty() && file["removed"].empty()) << output;
        }
    }
}
