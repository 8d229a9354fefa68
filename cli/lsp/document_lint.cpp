#include "cli/lsp/document_lint.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "cli/file_walk.hpp"
#include "flinklint/ingest.hpp"
#include "flinklint/project_config.hpp"
#include "flinklint/read_file.hpp"

namespace flinklint::cli::lsp {
namespace fs = std::filesystem;
namespace {

// The other YAML files and the Dockerfiles of `self`'s directory, as `check DIR` would group them with it.
std::vector<SourcePtr> directory_context(const fs::path& self, const ProjectConfig& project,
                                         const OpenBuffers& open) {
    std::vector<fs::path> paths;
    std::error_code ec;
    for (fs::directory_iterator it(self.parent_path(), ec), end; !ec && it != end; it.increment(ec)) {
        const fs::path& path = it->path();
        std::error_code status_ec;
        // Dockerfiles too: the image they build says the Flink version of the files beside them.
        const bool wanted = is_yaml_name(path) || is_dockerfile_name(path.filename().native());
        if (path == self || !wanted || !it->is_regular_file(status_ec)) continue;
        if (!project.ignored(path)) paths.push_back(path);
    }
    std::sort(paths.begin(), paths.end());  // the same group, whatever order the directory lists
    if (paths.size() > kMaxContextFiles) paths.resize(kMaxContextFiles);
    std::vector<SourcePtr> sources;
    for (const fs::path& path : paths) {
        if (const auto buffer = open.find(path); buffer != open.end()) {
            sources.push_back(buffer->second);
            continue;
        }
        FileRead read = read_file_limited(path, kMaxFileBytes);
        if (read.bytes)
            sources.push_back(std::make_shared<const Source>(path.string(), std::move(*read.bytes)));
    }
    return sources;
}

}  // namespace

DocumentLint lint_document(const SourcePtr& source, const OpenBuffers& open) {
    DocumentLint result;
    result.source = source;
    if (source->text().size() > kMaxFileBytes) {
        result.not_checked = fmt::format("the buffer is {} bytes, above the limit of {} bytes",
                                         source->text().size(), kMaxFileBytes);
        return result;
    }
    const fs::path path(source->path());
    ProjectConfig project;
    LintGroup group;
    if (path.is_absolute()) {
        project.root = path.parent_path();
        // Read again on every lint: an edit of .flinklint.yaml applies at the next keystroke.
        if (const auto file = find_project_config(path.parent_path())) {
            auto loaded = load_project_config(*file);
            if (!loaded) {
                result.not_checked = loaded.error();
                return result;
            }
            project = std::move(loaded.value());
        }
        if (project.ignored(path)) {
            result.ignored = true;
            return result;
        }
        group.sources = directory_context(path, project, open);
    }
    group.sources.insert(group.sources.begin(), source);
    const Linter linter(std::move(project), LintOptions{});
    LintResult lint = linter.lint(group);
    for (Diagnostic& diagnostic : lint.diagnostics) {
        if (diagnostic.source == source) result.diagnostics.push_back(std::move(diagnostic));
    }
    for (FileVersion& version : lint.versions) {
        if (version.path == source->path()) result.versions.push_back(std::move(version));
    }
    return result;
}

}  // namespace flinklint::cli::lsp
