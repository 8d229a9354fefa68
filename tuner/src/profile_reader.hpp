// Reading a YAML profile field by field, with the position of every field for located errors.
#pragma once

#include <yaml-cpp/yaml.h>

#include <functional>
#include <initializer_list>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "flinklint/expected.hpp"
#include "flinklint/tuner/profile.hpp"

namespace flinklint::tuner::detail {

// The fields of one YAML mapping: name -> (key node, value node).
struct Fields {
    std::string where;  // dotted path of the mapping, empty for the root
    std::map<std::string, std::pair<YAML::Node, YAML::Node>, std::less<>> entries;
    bool ok = false;  // the node was a mapping
};

class Reader {
public:
    Reader(Profile& profile, std::vector<ProfileError>& errors) : profile_(profile), errors_(errors) {}

    Mark mark_of(const YAML::Node& node) const;
    void error(Mark mark, std::string message);
    void error_at(const YAML::Node& node, std::string message) { error(mark_of(node), std::move(message)); }

    // Checks that `node` is a mapping with only `allowed` keys (each once) and the `required` ones.
    Fields fields(const YAML::Node& node, std::string where, const std::vector<std::string_view>& allowed,
                  const std::vector<std::string_view>& required, Mark fallback);

    // The scalar text of `name`; records its position and its text as an input. nullopt when absent
    // (fields() reports missing required fields) or not a scalar (an error).
    std::optional<std::string> text(const Fields& fields, std::string_view name);

    // text() then `parse`; a parse failure is an error at the value.
    template <class T>
    std::optional<T> get(const Fields& fields, std::string_view name,
                         const std::function<Expected<T>(std::string_view)>& parse) {
        const auto written = text(fields, name);
        if (!written) return std::nullopt;
        auto parsed = parse(*written);
        if (!parsed) {
            error(profile_.marks[path(fields, name)], fmt_field(fields, name) + ": " + parsed.error());
            return std::nullopt;
        }
        return std::move(parsed.value());
    }

    // One of `choices`, else an error listing them.
    std::optional<std::string> choice(const Fields& fields, std::string_view name,
                                      const std::vector<std::string_view>& choices);

    // An error on `name` of `fields` unless `ok`.
    void require(bool ok, const Fields& fields, std::string_view name, std::string message);

    static std::string path(const Fields& fields, std::string_view name);
    static std::string fmt_field(const Fields& fields, std::string_view name);
    [[nodiscard]] Mark position(const Fields& fields, std::string_view name) const;

private:
    Profile& profile_;
    std::vector<ProfileError>& errors_;
};

// The `policy:` section (policy.cpp).
void read_policy(Reader& reader, const Fields& root, Profile& profile);

}  // namespace flinklint::tuner::detail
