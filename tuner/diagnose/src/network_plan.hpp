// "Insufficient number of network buffers": the network memory that gives the pool the buffers it
// was asked for, found through the memory model (flinklint/memory_model.hpp).
#pragma once

#include "flinklint/diagnose/diagnose.hpp"
#include "recognisers.hpp"

namespace flinklint::diagnose {

void explain_network_buffers(Diagnosis& diagnosis, const Fields& fields, const EffectiveConfig* config,
                             FlinkVersion version);

}  // namespace flinklint::diagnose
