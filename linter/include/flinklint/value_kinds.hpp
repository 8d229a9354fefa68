// Vocabulary shared by the layers that read values: what type an option has (catalog) and how a
// value was written (ingest). Here, below both, so that the values layer can judge a value without
// seeing either.
#pragma once

namespace flinklint {

// The type Flink declares for an option (ConfigOption's class and list/map shape).
enum class OptionType {
    string_,
    boolean,
    integer,
    long_,
    float_,
    double_,
    duration,
    memory_size,
    enumeration,
    map,
    list_string,
    list_map,
    list_enum,
    unknown,
};

// How a value was written, which decides how Flink converts it.
enum class ValueKind {
    string,    // legacy value (always a raw string) or YAML string scalar (plain or quoted)
    integer,   // YAML 1.2 core-schema int
    floating,  // YAML 1.2 core-schema float
    boolean,   // YAML 1.2 core-schema bool (true/True/TRUE/false/...)
    null,      // YAML null (`key:` or `key: ~`): Flink's YAML loader refuses the whole file
    list,      // YAML sequence; `value` holds Flink's text form
    map,       // YAML mapping that could not be flattened further (empty `{}`)
};

}  // namespace flinklint
