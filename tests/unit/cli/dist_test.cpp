// What the release ships, as a user gets it: the Debian package CPack makes from `cmake --install`'s
// rules, installed with dpkg into a scratch root; its man page rendered by man; its completion scripts
// loaded by bash, zsh and fish, which must offer the subcommands, formats and rule ids.
#include <gtest/gtest.h>

#include <filesystem>

#include <nlohmann/json.hpp>

#include "dist_support.hpp"
#include "run_binary.hpp"
#include "test_paths.hpp"

namespace fs = std::filesystem;
using namespace flinklint::testing;

namespace {

const fs::path kDocs = build_dir() / "docs-gen";
#define FLINKLINT_NEED_DOCS()                            \
    FLINKLINT_NEED(fs::exists(kDocs / "flinklint.bash"), \
                   "the man page and completions were not generated (FLINKLINT_DOCS=OFF: no Python 3)")

std::vector<std::string> rule_ids() {
    std::vector<std::string> ids;
    // Kept in a variable: a range-for over a member of a temporary would outlive the temporary.
    const auto rules = nlohmann::json::parse(run_flinklint({"rules", "--format", "json"}).out);
    for (const auto& rule : rules.at("rules")) {
        ids.push_back(rule.at("id"));
    }
    return ids;
}

std::string version() {
    return nlohmann::json::parse(run_flinklint({"--version", "--format", "json"}).out).at("version");
}

}  // namespace

TEST(DebianPackage, InstallsIntoAScratchRootAndRuns) {
    FLINKLINT_NEED(have_tool("cpack") && have_tool("dpkg") && have_tool("dpkg-deb"),
                   "cpack or dpkg is not installed");
    if (nlohmann::json::parse(run_flinklint({"--version", "--format", "json"}).out).at("linkage") !=
        "static") {
        GTEST_SKIP() << "this build links flinklint dynamically (sanitizers or FLINKLINT_STATIC=OFF); "
                        "releases package the static build: skipped";
    }
    ASSERT_TRUE(fs::exists(build_dir() / "CPackConfig.cmake"));
    const TempDir scratch;
    auto made =
        run_split("cpack --config '" + (build_dir() / "CPackConfig.cmake").string() + "' -G DEB -B out",
                  scratch.path());
    ASSERT_EQ(made.code, 0) << made.out << made.err;
    std::string deb;
    for (const auto& entry : fs::directory_iterator(scratch.path() / "out")) {
        if (entry.path().extension() == ".deb") deb = entry.path().string();
    }
    ASSERT_FALSE(deb.empty()) << made.out;
    EXPECT_EQ(run_split("dpkg-deb -f '" + deb + "' Version", scratch.path()).out, version() + "\n");
    const std::string fields = run_split("dpkg-deb -f '" + deb + "'", scratch.path()).out;
#ifdef FLINKLINT_HAVE_HTTPLIB
    // flinklint-fetch, observe's HTTP client, links Debian's shared cpp-httplib: dpkg-shlibdeps says so.
    EXPECT_NE(fields.find("libcpp-httplib0.11"), std::string::npos) << fields;
    const std::string force = " --force-depends";
#else
    EXPECT_EQ(fields.find("Depends:"), std::string::npos) << fields;
    const std::string force;
#endif

    // dpkg proper, with an empty package database: an unmet dependency other than flinklint-fetch's
    // libraries (forced) would fail the install.
    const fs::path root = scratch.path() / "root";
    fs::create_directories(root / "var/lib/dpkg/info");
    fs::create_directories(root / "var/lib/dpkg/updates");
    scratch.write("root/var/lib/dpkg/status", "");
    const auto installed =
        run_split("dpkg --root='" + root.string() + "' --force-script-chrootless --force-not-root" + force +
                      " --log=/dev/null -i '" + deb + "'",
                  scratch.path());
    ASSERT_EQ(installed.code, 0) << installed.out << installed.err;
    for (const char* file : {"usr/bin/flinklint", "usr/share/man/man1/flinklint.1.gz",
                             "usr/share/bash-completion/completions/flinklint",
                             "usr/share/fish/vendor_completions.d/flinklint.fish",
                             "usr/share/doc/flinklint/LICENSE", "usr/share/doc/flinklint/NOTICE"}) {
        EXPECT_TRUE(fs::exists(root / file)) << file;
    }
    EXPECT_TRUE(fs::exists(root / "usr/share/zsh/vendor-completions/_flinklint") ||
                fs::exists(root / "usr/share/zsh/site-functions/_flinklint"));
    const auto ran = run_split("'" + (root / "usr/bin/flinklint").string() + "' --version", scratch.path());
    EXPECT_EQ(ran.code, 0) << ran.err;
    EXPECT_EQ(ran.out.substr(0, ran.out.find('\n')), "flinklint " + version());
    const auto checked =
        run_split("'" + (root / "usr/bin/flinklint").string() + "' check examples/standalone --exit-zero",
                  source_dir());
    EXPECT_EQ(checked.code, 0) << checked.err;
    EXPECT_NE(checked.out.find("FL101"), std::string::npos) << checked.out;
#ifdef FLINKLINT_HAVE_HTTPLIB
    // The installed flinklint finds the installed flinklint-fetch (../libexec/flinklint), not a PATH one.
    EXPECT_TRUE(fs::exists(root / "usr/libexec/flinklint/flinklint-fetch"));
    const auto observed = run_split("PATH=/nonexistent '" + (root / "usr/bin/flinklint").string() +
                                        "' observe --url http://127.0.0.1:1 --timeout 1000 --out s",
                                    scratch.path());
    EXPECT_EQ(observed.code, 2);
    EXPECT_NE(observed.err.find("cannot connect to 127.0.0.1:1"), std::string::npos) << observed.err;
#endif
}

TEST(ManPage, RendersWithoutWarningsAndCoversCommandsOptionsAndRules) {
    FLINKLINT_NEED_DOCS();
    FLINKLINT_NEED(have_tool("man"), "man is not installed (Debian: man-db)");
    const auto page =
        run_split("MANWIDTH=100 man --warnings -l '" + (kDocs / "flinklint.1.gz").string() + "'", kDocs);
    ASSERT_EQ(page.code, 0) << page.err;
    EXPECT_EQ(page.err, "");
    for (const char* text :
         {"NAME", "flinklint - static analysis", "flinklint check", "flinklint memory", "flinklint tune",
          "--fail-on error|warning|info", "--flink-version VERSION", "EXIT STATUS", ".flinklint.yaml"}) {
        EXPECT_NE(page.out.find(text), std::string::npos) << text;
    }
    for (const auto& id : rule_ids()) EXPECT_NE(page.out.find(id), std::string::npos) << id;
    EXPECT_NE(page.out.find("flinklint " + version()), std::string::npos);
}

TEST(Completions, BashOffersSubcommandsFormatsRulesAndVersions) {
    FLINKLINT_NEED_DOCS();
    FLINKLINT_NEED(have_tool("bash"), "bash is not installed");
    const auto complete = [](const std::string& words) {
        const auto result =
            run_split("bash --norc --noprofile -c 'source flinklint.bash && COMP_WORDS=(" + words +
                          ") && COMP_CWORD=$((${#COMP_WORDS[@]} - 1)) && _flinklint && printf \"%s\\n\" "
                          "\"${COMPREPLY[@]}\"'",
                      kDocs);
        EXPECT_EQ(result.code, 0) << result.err;
        return result.out;
    };
    EXPECT_EQ(complete("flinklint \"\""),
              "check\nrules\nexplain\nmemory\ntune\nmigrate\ndiagnose\nobserve\nschema\nlsp\n-h\n--help\n--"
              "format\n--version\n");
    EXPECT_EQ(complete("flinklint check --format \"\""),
              "text\nconcise\njson\nsarif\ngithub\njunit\ngitlab\n");
    EXPECT_EQ(complete("flinklint check --fail-on w"), "warning\n");
    EXPECT_EQ(complete("flinklint check --flink-version 2."), "2.0\n2.1\n2.2\n");
    EXPECT_EQ(complete("flinklint memory --process j"), "jobmanager\n");
    EXPECT_EQ(complete("flinklint check --no"), "--no-color\n");
    const std::string rules = complete("flinklint explain \"\"");
    for (const auto& id : rule_ids()) EXPECT_NE(rules.find(id + "\n"), std::string::npos) << id;
    EXPECT_NE(complete("flinklint check --disable unknown").find("unknown-key\n"), std::string::npos);
}

TEST(Completions, ZshRegistersAndLoadsTheFunction) {
    FLINKLINT_NEED_DOCS();
    FLINKLINT_NEED(have_tool("zsh"), "zsh is not installed (Debian: zsh)");
    const TempDir scratch;
    const auto result = run_split(
        "zsh -f -c 'fpath=($PWD $fpath); autoload -Uz compinit && compinit -u -d \"" +
            (scratch.path() / "zcompdump").string() +
            "\" && "
            "[[ $_comps[flinklint] == _flinklint ]] && autoload +X _flinklint && whence -w _flinklint'",
        kDocs);
    EXPECT_EQ(result.code, 0) << result.out << result.err;
    EXPECT_EQ(result.out, "_flinklint: function\n");
    EXPECT_EQ(result.err, "");
}

TEST(Completions, FishOffersSubcommandsFormatsAndRules) {
    FLINKLINT_NEED_DOCS();
    FLINKLINT_NEED(have_tool("fish"), "fish is not installed (Debian: fish)");
    const TempDir home;
    const auto complete = [&home](const std::string& line) {
        const auto result = run_split(
            "HOME='" + home.path().string() + "' XDG_CONFIG_HOME='" + home.path().string() +
                "' fish --no-config -c 'source flinklint.fish; complete -C\"" + line + "\"' | cut -f1",
            kDocs);
        EXPECT_EQ(result.code, 0) << result.err;
        return result.out;
    };
    EXPECT_EQ(complete("flinklint "),
              "check\ndiagnose\nexplain\nlsp\nmemory\nmigrate\nobserve\nrules\nschema\ntune\n");
    EXPECT_EQ(complete("flinklint check --format "), "concise\ngithub\ngitlab\njson\njunit\nsarif\ntext\n");
    EXPECT_EQ(complete("flinklint check --format-of "), "k8s\nlegacy\nyaml\n");
    EXPECT_EQ(complete("flinklint explain FL10"), "FL101\nFL102\nFL103\nFL104\nFL105\nFL106\nFL107\nFL108\n");
}

TEST(Completions, EveryChoiceOfferedIsAcceptedByTheBinary) {
    FLINKLINT_NEED_DOCS();
    // The choices come from the help text; a value the binary rejected would be a completion bug.
    const std::string bash = read_file(kDocs / "flinklint.bash");
    const auto check_format =
        run_flinklint({"check", "--format", "gitlab", "--exit-zero", "examples/standalone"});
    EXPECT_EQ(check_format.exit_code, 0) << check_format.err;
    for (const char* value : {"text", "concise", "json", "sarif", "github", "junit", "gitlab"}) {
        const auto result = run_flinklint({"check", "--format", value, "--exit-zero", "examples/standalone"});
        EXPECT_EQ(result.exit_code, 0) << value << ": " << result.err;
    }
    for (const char* value : {"error", "warning", "info"}) {
        EXPECT_NE(run_flinklint({"check", "--fail-on", value, "examples/standalone"}).exit_code, 2) << value;
    }
    EXPECT_NE(bash.find("--format-of) COMPREPLY=($(compgen -W \"legacy yaml k8s\""), std::string::npos);
    for (const char* value : {"legacy", "yaml", "k8s"}) {
        EXPECT_NE(
            run_flinklint({"check", "--format-of", value, "--exit-zero", "examples/standalone"}).exit_code, 2)
            << value;
    }
}
