// Option catalogs: every option of every supported Flink version (facts only, from schemas/),
// plus the Kubernetes operator's keys and the families of keys that plugins read.
#pragma once

#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "flinklint/value_kinds.hpp"
#include "flinklint/version.hpp"

namespace flinklint {

std::string_view to_string(OptionType);          // Flink's docs spelling: "MemorySize", "List<String>"
OptionType parse_option_type(std::string_view);  // inverse of to_string; `unknown` otherwise

// Where the Kubernetes operator honours one of its keys.
enum class OperatorScope {
    none,           // not an operator key
    resource,       // read per resource: effective in a FlinkDeployment's flinkConfiguration
    operator_wide,  // read from the operator's own configuration only: no effect in a resource
};

// One option as the catalog declares it. The catalogs are tables compiled into the binary (see
// linter/tools/catalog_gen), so every view here lives as long as the program.
struct OptionInfo {
    std::string_view key;  // may hold placeholders: `metrics.reporter.<name>.port`
    OptionType type = OptionType::unknown;
    std::string_view default_value;  // as Flink's docs print it; empty when none
    std::span<const std::string_view> enum_values;
    std::span<const std::string_view> deprecated_keys;  // lookup order
    std::span<const std::string_view> fallback_keys;    // checked before deprecated keys
    bool documented = false;
    bool deprecated = false;       // the option itself is @Deprecated
    bool operator_option = false;  // kubernetes.operator.* / job.autoscaler.* from the operator
    OperatorScope operator_scope = OperatorScope::none;
    // The key holds placeholders (`<name>`, `#`) and is only matched as a pattern.
    [[nodiscard]] bool is_pattern() const;
};

// What a written key is to a given Flink version.
struct KeyLookup {
    enum class Kind {
        option,            // the key of an option
        deprecated_alias,  // a deprecated key of `option` (still read when the option's key is absent)
        fallback_alias,    // a fallback key of `option`
        pattern,           // matches an option key with placeholders
        pass_through,      // a family read by plugins/connectors (`s3.*`, `fs.azure.*`, ...)
        unknown,
    };
    Kind kind = Kind::unknown;
    // The option, for option/alias/pattern; for pass_through the catch-all row
    // (`metrics.reporter.<name>.<parameter>`) when the family is declared in the catalog, else null.
    const OptionInfo* option = nullptr;
    [[nodiscard]] bool known() const { return kind != Kind::unknown; }
};

class Catalog {
public:
    // The catalog for `version`: the nearest catalog version at or below it (1.16 uses 1.15).
    static const Catalog& for_version(FlinkVersion version);

    [[nodiscard]] FlinkVersion version() const { return version_; }
    // Sorted by key; the operator's keys are merged in where the version's own file lacks them.
    [[nodiscard]] std::span<const OptionInfo> options() const { return options_; }
    [[nodiscard]] KeyLookup lookup(std::string_view key) const;
    // The option whose key is exactly `key` (no alias resolution).
    [[nodiscard]] const OptionInfo* find(std::string_view key) const;
    // Every option that reads `alias` as a deprecated or fallback key, in key order: `web.port` is a
    // deprecated key of both `rest.port` and `rest.bind-port` (RestOptions.java).
    [[nodiscard]] std::vector<const OptionInfo*> options_reading(std::string_view alias) const;
    // Up to `limit` real keys close to `key` (edit distance and dotted-segment similarity), best first.
    [[nodiscard]] std::vector<std::string> suggest(std::string_view key, std::size_t limit = 3) const;

    struct Impl;
    ~Catalog();
    Catalog(const Catalog&) = delete;
    Catalog& operator=(const Catalog&) = delete;

private:
    explicit Catalog(std::size_t slot);  // the compiled tables of kCatalogVersions[slot]

    FlinkVersion version_;
    std::vector<OptionInfo> options_;  // views into the compiled tables; a Catalog is never moved
    std::unique_ptr<const Impl> impl_;
};

// The prefixes of the families Flink hands on unchecked (`s3.`, `fs.azure.`, ...): every key below
// one is known (KeyLookup::Kind::pass_through). For front ends that describe the catalog as a whole.
std::span<const std::string_view> pass_through_prefixes();

// The namespace of `key` that no option or alias of any catalog version, Flink's or the operator's,
// lies in: its first segment with the dot (`iceberg.`) when no such key starts with it. Empty when the
// key's first segment is a namespace of theirs (`table.acme.x` too: an unknown key under Flink's
// namespace is FL101's), and for a key of one segment. One lookup in tables built with the catalogs.
std::string_view foreign_namespace(std::string_view key);

// A key that circulates in troubleshooting advice but never existed in any Flink version.
struct InventedKey {
    std::string_view key;
    std::string_view advice;  // what to use instead
};
const InventedKey* find_invented_key(std::string_view key);

// A key older Flink versions (before the oldest catalog, 1.15) or tools around Flink wrote, which
// current versions ignore; `history` says what it was, `advice` what to write now.
struct RetiredKey {
    std::string_view key;  // exact key, or a prefix ending in '.'
    std::string_view history;
    std::string_view advice;
    bool written_by_tool = false;   // put there by an image or script, not by the user: info only
    FlinkVersion read_until{0, 0};  // the first version that no longer reads it (older ones do)
};
const RetiredKey* find_retired_key(std::string_view key);

// A key current Flink still reads as a deprecated fallback, but that a newer scheme replaced in
// `replaced_in`: a file that sets it and no key of the scheme that replaced it (`replacement`, a key
// prefix) was written for a Flink before `replaced_in`.
struct SupersededKey {
    std::string_view key;  // exact key, or a prefix ending in '.'
    std::string_view replacement;
    FlinkVersion replaced_in;
};
const SupersededKey* find_superseded_key(std::string_view key);
// A key of a scheme that replaced an old one after `version` (`taskmanager.memory.process.size` for 1.9):
// only a Flink newer than `version` reads it.
bool newer_scheme_key(std::string_view key, FlinkVersion version);

// The newest catalog version (before `target`) that knows `key`, if `target` no longer does:
// used to say "removed in 2.0".
std::optional<FlinkVersion> last_version_knowing(std::string_view key, FlinkVersion target);
// The first catalog version after `target` that knows `key`: the option is newer than the target.
std::optional<FlinkVersion> first_version_knowing(std::string_view key, FlinkVersion target);

}  // namespace flinklint
