// What the diagnose tests share: a configuration loaded the way `--config` loads it, a run on log
// text, and lookups in the result.
#pragma once

#include <algorithm>
#include <memory>
#include <string>
#include <string_view>

#include "flinklint/diagnose/diagnose.hpp"
#include "flinklint/ingest.hpp"
#include "flinklint/model.hpp"

namespace flinklint::testing {

struct Config {
    std::unique_ptr<Model> model;
    std::unique_ptr<EffectiveConfig> effective;
    // `name` picks the parser as for a file of that name (config.yaml is standard YAML from 1.19).
    Config(const std::string& text, FlinkVersion version, const std::string& name = "flink-conf.yaml") {
        std::vector<ParsedFile> files;
        files.push_back(ingest(std::make_shared<const Source>(name, text)));
        ModelOptions options;
        options.cli_version = version;
        model = std::make_unique<Model>(std::move(files), options);
        effective = std::make_unique<EffectiveConfig>(model->configs().front());
    }
};

inline diagnose::Result run(const std::string& log, const Config* config = nullptr,
                            std::string_view name = "taskmanager.log") {
    diagnose::Options options;
    if (config) options.config = config->effective.get();
    return diagnose::diagnose_text(name, log, options);
}

inline const diagnose::Diagnosis* find(const diagnose::Result& result, std::string_view id) {
    const auto it = std::ranges::find(result.diagnoses, id, &diagnose::Diagnosis::id);
    return it == result.diagnoses.end() ? nullptr : &*it;
}

inline bool has_note(const diagnose::Diagnosis& d, std::string_view part) {
    return std::ranges::any_of(d.notes, [&](const std::string& n) { return n.find(part) != n.npos; });
}

}  // namespace flinklint::testing
