#include "flinklint/fingerprint.hpp"

#include <fmt/format.h>

namespace flinklint {

std::uint64_t fnv1a(std::string_view data, std::uint64_t hash) {
    for (const char c : data) {
        hash ^= static_cast<unsigned char>(c);
        hash *= 0x100000001b3ULL;
    }
    return hash;
}

std::string finding_subject(const Diagnostic& diagnostic) {
    if (!diagnostic.key.empty()) return diagnostic.key;
    std::string out;
    for (const char c : diagnostic.message) {
        const bool digit = c >= '0' && c <= '9';
        if (!digit) {
            out += c;
        } else if (out.empty() || out.back() != '#') {
            out += '#';
        }
    }
    return out;
}

FindingIdentity FindingNumbering::next(const Diagnostic& diagnostic, std::string_view file) {
    FindingIdentity identity;
    identity.subject = finding_subject(diagnostic);
    // NUL separators keep ("ab", "c") and ("a", "bc") apart.
    const std::string_view separator("\0", 1);
    std::uint64_t hash = fnv1a(diagnostic.rule_id);
    hash = fnv1a(separator, hash);
    hash = fnv1a(file, hash);
    hash = fnv1a(separator, hash);
    hash = fnv1a(identity.subject, hash);
    identity.occurrence = seen_[hash]++;
    hash = fnv1a(separator, hash);
    identity.fingerprint = fmt::format("{:016x}", fnv1a(std::to_string(identity.occurrence), hash));
    return identity;
}

}  // namespace flinklint
