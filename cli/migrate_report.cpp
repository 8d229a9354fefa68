#include "cli/migrate_report.hpp"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

namespace flinklint::cli {
namespace {

using migrate::FileMigration;
using nlohmann::json;

json file_json(const FileMigration& file) {
    json renamed = json::array();
    for (const auto& r : file.renamed) renamed.push_back({{"from", r.from}, {"to", r.to}, {"line", r.line}});
    json removed = json::array();
    for (const auto& r : file.removed)
        removed.push_back(
            {{"key", r.key}, {"line", r.line}, {"replacement", r.replacement}, {"reason", r.reason}});
    json rewritten = json::array();
    for (const auto& r : file.rewritten)
        rewritten.push_back({{"key", r.key},
                             {"line", r.line},
                             {"before", r.before},
                             {"after", r.after},
                             {"reason", r.reason}});
    return {{"path", file.path},
            {"from_version", file.from_version.str()},
            {"from_version_source", file.from_version_source},
            {"to_version", file.to_version.str()},
            {"output_path", file.output_path},
            {"renamed", renamed},
            {"removed", removed},
            {"rewritten", rewritten},
            {"notes", file.notes},
            {"errors", file.errors}};
}

void render_text(const std::vector<FileMigration>& files, std::ostream& out) {
    for (const FileMigration& file : files) {
        out << fmt::format("{}: Flink {} ({}) -> {}{}\n", file.path, file.from_version.str(),
                           file.from_version_source, file.to_version.str(),
                           file.new_file() ? " as " + file.output_path : std::string());
        for (const auto& r : file.renamed)
            out << fmt::format("  {}: renamed {} -> {}\n", r.line, r.from, r.to);
        for (const auto& r : file.removed)
            out << fmt::format("  {}: removed {}{}: {}\n", r.line, r.key,
                               r.replacement.empty() ? std::string() : " -> " + r.replacement, r.reason);
        for (const auto& r : file.rewritten)
            out << fmt::format("  {}: {}: {} -> {} ({})\n", r.line, r.key, r.before, r.after, r.reason);
        for (const auto& note : file.notes) out << "  note: " << note << "\n";
        for (const auto& error : file.errors) out << "  error: " << error << "\n";
        if (!file.changed() && file.errors.empty()) out << "  already migrated: nothing to change\n";
    }
}

std::string cell(std::string_view text) {
    std::string out;
    for (const char c : text) out += c == '|' ? std::string("\\|") : std::string(1, c);
    return out;
}

void render_markdown(const std::vector<FileMigration>& files, std::ostream& out) {
    out << "# flinklint migrate\n";
    for (const FileMigration& file : files) {
        out << fmt::format("\n## {}\n\nFlink {} ({}) to {}; written to `{}`.\n\n", cell(file.path),
                           file.from_version.str(), cell(file.from_version_source), file.to_version.str(),
                           cell(file.output_path));
        if (!file.renamed.empty() || !file.removed.empty() || !file.rewritten.empty()) {
            out << "| line | change | key | to | why |\n| --- | --- | --- | --- | --- |\n";
            for (const auto& r : file.renamed)
                out << fmt::format("| {} | renamed | `{}` | `{}` | |\n", r.line, r.from, r.to);
            for (const auto& r : file.removed)
                out << fmt::format("| {} | removed | `{}` | {} | {} |\n", r.line, r.key,
                                   r.replacement.empty() ? "" : "`" + r.replacement + "`", cell(r.reason));
            for (const auto& r : file.rewritten)
                out << fmt::format("| {} | rewritten | `{}` | `{}` | {} |\n", r.line, r.key, cell(r.after),
                                   cell(r.reason));
        }
        for (const auto& note : file.notes) out << "- " << cell(note) << "\n";
        for (const auto& error : file.errors) out << "- **error**: " << cell(error) << "\n";
    }
}

json sarif_result(const std::string& rule, const std::string& message, const std::string& path,
                  std::size_t line, const char* level) {
    json region = {{"startLine", std::max<std::size_t>(line, 1)}};
    return {
        {"ruleId", rule},
        {"level", level},
        {"message", {{"text", message}}},
        {"locations",
         json::array({{{"physicalLocation", {{"artifactLocation", {{"uri", path}}}, {"region", region}}}}})}};
}

void render_sarif(const std::vector<FileMigration>& files, std::ostream& out) {
    json results = json::array();
    for (const FileMigration& file : files) {
        for (const auto& r : file.renamed)
            results.push_back(sarif_result("migrate/renamed", fmt::format("rename {} to {}", r.from, r.to),
                                           file.path, r.line, "note"));
        for (const auto& r : file.removed)
            results.push_back(sarif_result(
                "migrate/removed",
                fmt::format("{} is not read by Flink {}{}: {}", r.key, file.to_version.str(),
                            r.replacement.empty() ? std::string() : "; use " + r.replacement, r.reason),
                file.path, r.line, "warning"));
        for (const auto& r : file.rewritten)
            results.push_back(sarif_result("migrate/rewritten", fmt::format("{}: {}", r.key, r.reason),
                                           file.path, r.line, "note"));
    }
    json rules = json::array();
    for (const char* id : {"migrate/renamed", "migrate/removed", "migrate/rewritten"})
        rules.push_back({{"id", id}, {"shortDescription", {{"text", id}}}});
    const json sarif = {
        {"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
        {"version", "2.1.0"},
        {"runs", json::array({{{"tool", {{"driver", {{"name", "flinklint"}, {"rules", rules}}}}},
                               {"results", results}}})}};
    out << sarif.dump(2, ' ', false, json::error_handler_t::replace) << "\n";
}

}  // namespace

void render_migration(const std::vector<FileMigration>& files, MigrateFormat format, std::ostream& out) {
    switch (format) {
        case MigrateFormat::text:
            render_text(files, out);
            return;
        case MigrateFormat::json: {
            json list = json::array();
            for (const FileMigration& file : files) list.push_back(file_json(file));
            out << json{{"files", list}}.dump(2, ' ', false, json::error_handler_t::replace) << "\n";
            return;
        }
        case MigrateFormat::markdown:
            render_markdown(files, out);
            return;
        case MigrateFormat::sarif:
            render_sarif(files, out);
            return;
    }
}

}  // namespace flinklint::cli
