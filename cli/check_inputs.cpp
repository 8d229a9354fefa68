// Which files a `flinklint check` run reads, and in which groups (cli/check_command.cpp checks them).
#include "cli/check_inputs.hpp"

#include <algorithm>
#include <array>
#include <iostream>
#include <map>

#include <fmt/format.h>

#include "cli/file_walk.hpp"
#include "cli/output_file.hpp"

namespace flinklint::cli {
namespace fs = std::filesystem;
namespace {

// Files of one directory form one deployment: cross-file rules see them together.
// `context` (--siblings) joins the groups of its directories, when one of their files is checked. A
// Dockerfile joins the group of its directory and of the two above it: a compose file's `build:` usually
// names a context at most two levels down (`./flink`, `./docker/flink`).
FileGroups group_by_directory(const std::vector<fs::path>& files, const std::vector<fs::path>& context,
                              const std::vector<fs::path>& dockerfiles, const ProjectConfig& project,
                              std::vector<std::string>& notes) {
    std::map<std::string, std::vector<std::size_t>> by_directory;  // directory_key -> files
    for (std::size_t i = 0; i < files.size(); ++i) {
        if (project.ignored(files[i])) {
            notes.push_back(
                fmt::format("{}: ignored by {}", files[i].generic_string(), project.file->string()));
        } else {
            by_directory[directory_key(files[i].parent_path())].push_back(i);
        }
    }
    std::map<std::string, std::vector<const fs::path*>> context_of;
    for (const fs::path& file : context) {
        const auto it = by_directory.find(directory_key(file.parent_path()));
        if (it != by_directory.end() && !project.ignored(file)) context_of[it->first].push_back(&file);
    }
    for (const fs::path& file : dockerfiles) {
        if (project.ignored(file)) continue;
        fs::path directory = file.parent_path();
        for (int up = 0; up < 3; ++up, directory = directory.parent_path()) {
            const auto it = by_directory.find(directory_key(directory));
            if (it != by_directory.end()) context_of[it->first].push_back(&file);
            if (!directory.has_relative_path()) break;
        }
    }
    FileGroups groups;
    for (const auto& [directory, indices] : by_directory) {
        groups.start_group();
        for (const std::size_t i : indices) groups.add(files[i].native(), files[i].generic_string());
        for (const fs::path* file : context_of[directory])
            groups.add(file->native(), file->generic_string(), true);
    }
    return groups;
}

// --output or --write-baseline naming a checked file would replace the user's configuration.
std::optional<std::string> refuse_overwriting_inputs(const CheckOptions& options,
                                                     const std::vector<fs::path>& inputs) {
    struct Written {
        std::string_view flag, what;
        const std::optional<std::string>& path;
    };
    const Written outputs[] = {{"--output", "report", options.output_file},
                               {"--write-baseline", "baseline", options.write_baseline}};
    for (const Written& output : outputs) {
        if (!output.path || options.diff) continue;
        if (const auto input = input_named_by(*output.path, inputs)) {
            return fmt::format("{} {} is the checked file {}: refusing to replace it with the {}",
                               output.flag, *output.path, input->string(), output.what);
        }
    }
    return std::nullopt;
}

// At most one byte past `limit`: enough for the check to say the input is too large.
std::string read_stdin(std::uintmax_t limit) {
    std::string text;
    std::array<char, 1 << 16> buffer{};
    while (text.size() <= limit && std::cin.read(buffer.data(), buffer.size()).gcount() > 0) {
        const auto got = static_cast<std::uintmax_t>(std::cin.gcount());
        text.append(buffer.data(),
                    static_cast<std::size_t>(std::min<std::uintmax_t>(got, limit + 1 - text.size())));
    }
    return text;
}

}  // namespace

Expected<CheckInputs> gather_check_inputs(const CheckOptions& options, const ProjectConfig& project) {
    CheckInputs inputs;
    inputs.from_stdin = options.paths.size() == 1 && options.paths.front() == "-";
    if (inputs.from_stdin) {
        inputs.stdin_text = read_stdin(options.max_file_size);
        inputs.groups.start_group();
        inputs.groups.add("", options.stdin_filename);
        return inputs;
    }
    WalkResult walked = collect_files(options.paths);
    if (auto refused = refuse_overwriting_inputs(options, walked.files)) return Error{std::move(*refused)};
    inputs.errors = std::move(walked.errors);
    inputs.notes = std::move(walked.skipped);
    const std::vector<fs::path> context =
        options.siblings ? sibling_files(options.paths, walked.files) : std::vector<fs::path>{};
    inputs.groups = group_by_directory(walked.files, context, walked.dockerfiles, project, inputs.notes);
    return inputs;
}

}  // namespace flinklint::cli
