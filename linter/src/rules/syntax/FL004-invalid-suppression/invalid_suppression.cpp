// FL004 invalid-suppression: a `# flinklint:` comment that names a rule or a directive flinklint
// does not know suppresses nothing, so the finding it was written for stays, or a later rule id
// typo silently stops hiding anything (ruff and clang-tidy say so too).
#include <fmt/format.h>

#include <algorithm>
#include <array>

#include "flinklint/linter.hpp"
#include "flinklint/rule.hpp"
#include "flinklint/suppression.hpp"
#include "flinklint/text_util.hpp"
#include "rules/rule_helpers.hpp"

namespace flinklint::rules {
namespace {

constexpr std::array<std::string_view, 4> kDirectives = {"disable", "disable-next-line", "disable-file",
                                                         "flink-version"};

std::string closest_directive(std::string_view written) {
    for (const std::string_view known : kDirectives)
        if (edit_distance(ascii_lower(written), known, 3) <= 2)
            return fmt::format(" (did you mean `{}`?)", known);
    return {};
}

}  // namespace

void check_invalid_suppression(const Model& model, Reporter& reporter) {
    for (const ParsedFile& file : model.files()) {
        for (const FlinklintComment& comment : flinklint_comments(*file.source)) {
            if (std::find(kDirectives.begin(), kDirectives.end(), comment.directive) == kDirectives.end()) {
                reporter.report({.source = file.source,
                                 .span = comment.directive_span,
                                 .message = fmt::format(
                                     "`# flinklint: {}=` is not a directive flinklint knows{}: "
                                     "the comment does nothing",
                                     visible_text(comment.directive), closest_directive(comment.directive)),
                                 .help = "write disable=RULE, disable-next-line=RULE, disable-file=RULE or "
                                         "flink-version=VERSION"});
                continue;
            }
            if (comment.directive == "flink-version") continue;  // the model judges the version itself
            for (const auto& [item, span] : comment.items) {
                if (item == "all" || find_rule(item) != nullptr) continue;
                reporter.report({.source = file.source,
                                 .span = span,
                                 .message = fmt::format("`{}` is not a rule id or name{}: this suppression "
                                                        "hides nothing",
                                                        visible_text(item), did_you_mean_rule(item)),
                                 .help = "`flinklint rules` lists every id and name"});
            }
        }
    }
}

}  // namespace flinklint::rules
