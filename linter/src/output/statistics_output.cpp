// --statistics: how many findings each rule has, most first, as ruff's --statistics prints them.
#include <algorithm>
#include <map>
#include <vector>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "flinklint/text_util.hpp"
#include "output/output_internal.hpp"

namespace flinklint::output {
namespace {

struct RuleCount {
    std::string id;
    std::string name;
    Severity severity = Severity::info;  // the highest of its findings
    std::size_t count = 0;
    std::size_t fixable = 0;  // with a safe fix (--fix applies it)
    std::size_t unsafe_fixable = 0;
};

class StatisticsWriter final : public ReportWriter {
public:
    StatisticsWriter(std::ostream& out, const OutputOptions& options, bool json)
        : out_(&out), options_(options), json_(json) {}

    void add(ReportPart part) override {
        files_ += part.files.size();
        for (const Diagnostic& d : part.diagnostics) {
            RuleCount& rule = by_rule_[d.rule_id];
            rule.id = d.rule_id;
            rule.name = d.rule_name;
            rule.severity = std::max(rule.severity, d.severity);
            ++rule.count;
            if (d.fix) ++(d.fix->safety == FixSafety::safe ? rule.fixable : rule.unsafe_fixable);
        }
    }

    void finish(std::size_t files_checked) override {
        std::vector<RuleCount> rules;
        for (auto& [id, rule] : by_rule_) rules.push_back(std::move(rule));
        std::stable_sort(rules.begin(), rules.end(),
                         [](const RuleCount& a, const RuleCount& b) { return a.count > b.count; });
        const std::size_t files = std::max(files_checked, files_);
        if (json_) {
            write_json(rules, files);
        } else {
            write_text(rules, files);
        }
    }

private:
    void write_text(const std::vector<RuleCount>& rules, std::size_t files) const {
        std::size_t width = 1;
        for (const RuleCount& rule : rules) width = std::max(width, std::to_string(rule.count).size());
        std::size_t total = 0;
        for (const RuleCount& rule : rules) {
            total += rule.count;
            std::string fix;
            if (rule.fixable > 0)
                fix = " [*]";
            else if (rule.unsafe_fixable > 0)
                fix = " [-]";
            *out_ << fmt::format("{:>{}}  {}  {:<7} {}{}\n", rule.count, width, rule.id,
                                 to_string(rule.severity), visible_text(rule.name), fix);
        }
        if (!options_.summary) return;
        if (total == 0) {
            *out_ << "No problems found in " << count_of(files, "file") << ".\n";
        } else {
            *out_ << "Found " << count_of(total, "problem") << " in " << count_of(files, "file")
                  << ". [*] fixable with --fix, [-] with --unsafe-fixes.\n";
        }
    }

    void write_json(const std::vector<RuleCount>& rules, std::size_t files) const {
        nlohmann::ordered_json list = nlohmann::ordered_json::array();
        for (const RuleCount& rule : rules) {
            list.push_back({{"rule", rule.id},
                            {"name", rule.name},
                            {"severity", to_string(rule.severity)},
                            {"count", rule.count},
                            {"fixable", rule.fixable},
                            {"unsafe_fixable", rule.unsafe_fixable}});
        }
        const nlohmann::ordered_json document = {{"files", files}, {"statistics", std::move(list)}};
        *out_ << document.dump(2) << '\n';
    }

    std::ostream* out_;
    OutputOptions options_;
    bool json_;
    std::map<std::string, RuleCount> by_rule_;
    std::size_t files_ = 0;
};

}  // namespace

std::unique_ptr<ReportWriter> statistics_writer(std::ostream& out, const OutputOptions& options, bool json) {
    return std::make_unique<StatisticsWriter>(out, options, json);
}

}  // namespace flinklint::output
