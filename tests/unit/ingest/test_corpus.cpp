// Every real-world file of ../shared/corpus is read without a crash, and every span is sound.
#include <gtest/gtest.h>

#include <iostream>
#include <map>

#include "ingest_test_util.hpp"
#include "test_paths.hpp"

namespace flinklint {
namespace {

std::string_view unquoted(std::string_view s) {
    if (s.size() >= 2 && (s.front() == '"' || s.front() == '\'') && s.back() == s.front())
        return s.substr(1, s.size() - 2);
    return s;
}

std::string_view format_name(FileFormat f) {
    switch (f) {
        case FileFormat::legacy:
            return "legacy";
        case FileFormat::yaml:
            return "yaml";
        case FileFormat::kubernetes:
            return "kubernetes";
        case FileFormat::compose:
            return "compose";
        case FileFormat::dockerfile:
            return "dockerfile";
        case FileFormat::unknown:
            return "skipped";
    }
    return "?";
}

TEST(Corpus, EveryFileIngestsWithSoundSpans) {
    FLINKLINT_REQUIRE_SHARED(shared);
    const std::filesystem::path corpus = shared / "corpus";
    if (!std::filesystem::is_directory(corpus))
        FLINKLINT_SKIP_OR_FAIL("FLINKLINT_REQUIRE_SHARED", "no corpus in ../shared");
    std::map<std::string_view, int> by_format;
    int with_issues = 0;
    int files = 0;
    int configs = 0;
    int objects = 0;
    for (const auto& item : std::filesystem::recursive_directory_iterator(corpus)) {
        if (!item.is_regular_file()) continue;
        ++files;
        const std::string path = item.path().string();
        const ParsedFile file = testing::ingest_text(path, flinklint::testing::read_file(item.path()));
        ++by_format[format_name(file.format)];
        configs += static_cast<int>(file.configs.size());
        objects += static_cast<int>(file.objects.size());
        bool issues = !file.issues.empty();
        const std::size_t size = file.source->text().size();
        for (const ConfigDocument& doc : file.configs) {
            issues = issues || !doc.issues.empty();
            for (const ConfigEntry& e : doc.entries) {
                for (const Span s : {e.key_span, e.value_span, e.entry_span}) {
                    ASSERT_LE(s.begin, s.end) << path << " " << e.key;
                    ASSERT_LE(s.end, size) << path << " " << e.key;
                }
                for (const Span s : e.path_spans) ASSERT_LE(s.end, size) << path;
                if (!doc.spans_exact) continue;
                const std::string_view written = unquoted(file.source->view(e.key_span));
                const bool whole = written == e.key;
                const bool last_segment = e.key.size() > written.size() &&
                                          std::string_view(e.key).ends_with(written) &&
                                          e.key[e.key.size() - written.size() - 1] == '.';
                EXPECT_TRUE(whole || last_segment)
                    << path << ": key `" << e.key << "` written as `" << written << "`";
                EXPECT_LE(e.entry_span.begin, e.key_span.begin) << path;
                EXPECT_GE(e.entry_span.end, e.value_span.end) << path << " " << e.key;
            }
            for (const SyntaxIssue& i : doc.issues) ASSERT_LE(i.span.end, size) << path;
        }
        with_issues += issues;
    }
    std::cout << "[corpus] " << files << " files:";
    for (const auto& [name, count] : by_format) std::cout << " " << name << "=" << count;
    std::cout << "; " << with_issues << " with syntax issues; " << configs << " configs, " << objects
              << " Kubernetes objects\n";
    EXPECT_GT(files, 400);
}

}  // namespace
}  // namespace flinklint
