// The environment variables the official Flink image reads, per version: its docker-entrypoint.sh
// (apache/flink-docker) and the bin/ scripts of the Flink distribution it runs. The rows live in
// schemas/image-env.tsv (with their sources) and are compiled into a table at build time
// (cmake/ImageEnvScript.cmake). Read by FL850.
#pragma once

#include <span>
#include <string_view>

#include "flinklint/version.hpp"

namespace flinklint::rules {

struct ImageEnvVariable {
    std::string_view name;
    FlinkVersion since;  // the first version whose image reads it
    FlinkVersion until;  // the last; {99, 0}: every version since
    std::string_view read_by;
};

std::span<const ImageEnvVariable> image_env_variables();

// Whether a script of the image of `version` reads `name`.
inline bool image_reads(std::string_view name, FlinkVersion version) {
    for (const ImageEnvVariable& v : image_env_variables())
        if (v.name == name && v.since <= version && version <= v.until) return true;
    return false;
}

}  // namespace flinklint::rules
