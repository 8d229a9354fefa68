#include "flinklint/tuner/profile.hpp"

namespace flinklint::tuner {

ProfileFacts profile_facts(const Profile& profile) {
    ProfileFacts facts;
    facts.state_size = profile.state_size;
    facts.taskmanagers = profile.taskmanagers;
    facts.shuffles = profile.shuffles;
    // Upload bandwidth: as declared, else the policy's share of the NIC (the tuner's own rule).
    if (profile.storage_bandwidth) {
        facts.checkpoint_bandwidth = profile.storage_bandwidth;
    } else if (profile.network_bandwidth > 0) {
        facts.checkpoint_bandwidth = profile.network_bandwidth * profile.policy.checkpoint_bandwidth_share;
    }
    return facts;
}

}  // namespace flinklint::tuner
