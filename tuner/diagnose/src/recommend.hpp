// The cause sentence, the values in force and the computed change of each diagnosis kind.
#pragma once

#include "flinklint/diagnose/diagnose.hpp"
#include "recognisers.hpp"

namespace flinklint::diagnose {

struct Context {
    const EffectiveConfig* config = nullptr;
    FlinkVersion version = kDefaultFlinkVersion;
};

// Fills cause, changes and notes of `diagnosis` (its id, evidence and role are set).
void explain(Diagnosis& diagnosis, const Fields& fields, const Context& context);

}  // namespace flinklint::diagnose
