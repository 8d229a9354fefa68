#include "profile_reader.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "flinklint/text_util.hpp"

namespace flinklint::tuner::detail {

Mark Reader::mark_of(const YAML::Node& node) const {
    const YAML::Mark mark = node.Mark();
    if (mark.line < 0 || mark.column < 0) return Mark{};
    return Mark{mark.line + 1, mark.column + 1};
}

void Reader::error(Mark mark, std::string message) {
    errors_.push_back(ProfileError{profile_.path, mark, std::move(message)});
}

std::string Reader::path(const Fields& fields, std::string_view name) {
    return fields.where.empty() ? std::string(name) : fields.where + "." + std::string(name);
}

std::string Reader::fmt_field(const Fields& fields, std::string_view name) {
    return "`" + path(fields, name) + "`";
}

Mark Reader::position(const Fields& fields, std::string_view name) const {
    const auto found = profile_.marks.find(path(fields, name));
    return found == profile_.marks.end() ? Mark{} : found->second;
}

Fields Reader::fields(const YAML::Node& node, std::string where, const std::vector<std::string_view>& allowed,
                      const std::vector<std::string_view>& required, Mark fallback) {
    Fields result;
    result.where = std::move(where);
    const std::string label = result.where.empty() ? "the profile" : "`" + result.where + "`";
    if (!node.IsDefined() || node.IsNull()) {
        error(fallback, fmt::format("{} must be a mapping", label));
        return result;
    }
    if (!node.IsMap()) {
        error_at(node, fmt::format("{} must be a mapping of fields, not a {}", label,
                                   node.IsSequence() ? "list" : "single value"));
        return result;
    }
    result.ok = true;
    std::vector<std::string_view> suggested;  // a misspelt required field is reported once, as misspelt
    for (auto it = node.begin(); it != node.end(); ++it) {
        const YAML::Node key = it->first;
        if (!key.IsScalar()) {
            error_at(key, fmt::format("{} has a key that is not a name", label));
            continue;
        }
        const std::string name = key.Scalar();
        if (std::find(allowed.begin(), allowed.end(), name) == allowed.end()) {
            // The nearest known field, when it is a plausible misspelling.
            std::string_view best;
            std::size_t best_distance = 3;
            for (const std::string_view candidate : allowed) {
                const std::size_t distance = edit_distance(name, candidate, best_distance);
                if (distance < best_distance) {
                    best = candidate;
                    best_distance = distance;
                }
            }
            if (!best.empty()) suggested.push_back(best);
            std::string known;
            for (const std::string_view candidate : allowed)
                known += (known.empty() ? "" : ", ") + std::string(candidate);
            error_at(key,
                     best.empty()
                         ? fmt::format("unknown field `{}` in {} (known: {})", name, label, known)
                         : fmt::format("unknown field `{}` in {}: did you mean `{}`?", name, label, best));
            continue;
        }
        if (result.entries.contains(name)) {
            error_at(key, fmt::format("field {} is set twice", fmt_field(result, name)));
            continue;
        }
        result.entries.emplace(name, std::make_pair(key, it->second));
        profile_.marks[path(result, name)] = mark_of(key);
    }
    for (const std::string_view name : required) {
        const bool misspelt = std::find(suggested.begin(), suggested.end(), name) != suggested.end();
        if (!result.entries.contains(name) && !misspelt) {
            // At the key that holds the mapping: `cluster:` lacks `taskmanager`.
            error(result.where.empty() ? mark_of(node) : fallback,
                  fmt::format("{} is required", fmt_field(result, name)));
        }
    }
    return result;
}

std::optional<std::string> Reader::text(const Fields& fields, std::string_view name) {
    const auto found = fields.entries.find(name);
    if (found == fields.entries.end()) return std::nullopt;
    const auto& [key, value] = found->second;
    if (!value.IsDefined() || value.IsNull()) {
        error_at(key, fmt::format("{} has no value", fmt_field(fields, name)));
        return std::nullopt;
    }
    if (!value.IsScalar()) {
        error_at(value, fmt::format("{} must be a single value, not a {}", fmt_field(fields, name),
                                    value.IsSequence() ? "list" : "mapping"));
        return std::nullopt;
    }
    const std::string field = path(fields, name);
    profile_.marks[field] = mark_of(value);
    profile_.inputs.emplace_back(field, value.Scalar());
    return value.Scalar();
}

std::optional<std::string> Reader::choice(const Fields& fields, std::string_view name,
                                          const std::vector<std::string_view>& choices) {
    const auto written = text(fields, name);
    if (!written) return std::nullopt;
    if (std::find(choices.begin(), choices.end(), *written) != choices.end()) return written;
    std::string list;
    for (const std::string_view choice : choices)
        list += (list.empty() ? "`" : ", `") + std::string(choice) + "`";
    error(position(fields, name),
          fmt::format("{}: `{}` is not one of {}", fmt_field(fields, name), *written, list));
    return std::nullopt;
}

void Reader::require(bool ok, const Fields& fields, std::string_view name, std::string message) {
    if (!ok) error(position(fields, name), fmt_field(fields, name) + ": " + message);
}

}  // namespace flinklint::tuner::detail
