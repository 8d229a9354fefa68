// Invariants the fuzz targets assert beyond "no crash": every span lies inside its text, begins
// before it ends, and maps to a position of line and column >= 1.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "flinklint/diagnostic.hpp"
#include "flinklint/document.hpp"
#include "flinklint/source.hpp"

// abort() so that libFuzzer saves the input as a crash, with the failed condition on stderr.
#define FUZZ_CHECK(cond)                                                                            \
    do {                                                                                            \
        if (!(cond)) {                                                                              \
            std::fprintf(stderr, "fuzz invariant failed: %s (%s:%d)\n", #cond, __FILE__, __LINE__); \
            std::abort();                                                                           \
        }                                                                                           \
    } while (0)

namespace flinklint::fuzz {

inline void check_span(Span span, std::size_t size) {
    FUZZ_CHECK(span.begin <= span.end);
    FUZZ_CHECK(span.end <= size);
}

// A span of a Source: inside the text, and both ends at a 1-based position, start before end.
inline void check_located(const Source& source, Span span) {
    check_span(span, source.text().size());
    const Position start = source.position(span.begin);
    const Position end = source.position(span.end);
    FUZZ_CHECK(start.line >= 1 && start.column >= 1);
    FUZZ_CHECK(end.line >= 1 && end.column >= 1);
    FUZZ_CHECK(start.line < end.line || (start.line == end.line && start.column <= end.column));
    FUZZ_CHECK(static_cast<std::size_t>(end.line) <= source.line_count());
}

inline void check_entry(const Source& source, const ConfigEntry& entry) {
    check_located(source, entry.key_span);
    check_located(source, entry.value_span);
    check_located(source, entry.entry_span);
    for (const Span span : entry.path_spans) check_located(source, span);
}

inline void check_located(const Source& source, const Located& located) {
    if (located.present) check_located(source, located.span);
}

inline void check_parsed(const ParsedFile& file) {
    FUZZ_CHECK(file.source != nullptr);
    const Source& source = *file.source;
    for (const SyntaxIssue& issue : file.issues) check_located(source, issue.span);
    for (const ConfigDocument& doc : file.configs) {
        for (const ConfigEntry& entry : doc.entries) check_entry(source, entry);
        for (const SyntaxIssue& issue : doc.issues) {
            check_located(source, issue.span);
            FUZZ_CHECK(!issue.message.empty());
        }
        if (doc.owner_object) FUZZ_CHECK(*doc.owner_object < file.objects.size());
    }
    for (const K8sObject& object : file.objects) {
        check_located(source, object.span);
        check_located(source, object.name);
        if (object.flink) {
            check_located(source, object.flink->flink_version);
            check_located(source, object.flink->jm_memory);
            check_located(source, object.flink->tm_memory);
        }
        if (object.pod) {
            for (const Container& container : object.pod->containers) {
                check_located(source, container.name);
                for (const ContainerPort& port : container.ports) check_located(source, port.container_port);
                for (const EnvVar& env : container.env) check_located(source, env.value);
            }
        }
    }
}

inline void check_diagnostic(const Diagnostic& d) {
    FUZZ_CHECK(!d.rule_id.empty());
    FUZZ_CHECK(!d.message.empty());
    if (!d.source) return;
    check_located(*d.source, d.span);
    FUZZ_CHECK(d.start.line >= 1 && d.start.column >= 1);
    FUZZ_CHECK(d.end.line >= 1 && d.end.column >= 1);
    if (!d.fix) return;
    for (const Edit& edit : d.fix->edits) check_span({edit.begin, edit.end}, d.source->text().size());
}

}  // namespace flinklint::fuzz
