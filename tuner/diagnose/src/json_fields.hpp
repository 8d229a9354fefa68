// Reading Flink's REST JSON without trusting its types: a snapshot or a server's answer is user input
// (nlohmann's value() throws on a type mismatch, and errors here are values).
#pragma once

#include <cstdint>
#include <string>

#include <nlohmann/json.hpp>

namespace flinklint::diagnose {

using Json = nlohmann::json;

inline std::string text_of(const Json& json, const char* key) {
    const auto it = json.find(key);
    return it != json.end() && it->is_string() ? it->get<std::string>() : std::string();
}

inline std::int64_t int_of(const Json& json, const char* key) {
    const auto it = json.find(key);
    return it != json.end() && it->is_number_integer() ? it->get<std::int64_t>() : 0;
}

inline double number_of(const Json& json, const char* key) {
    const auto it = json.find(key);
    return it != json.end() && it->is_number() ? it->get<double>() : 0.0;
}

inline const Json& array_of(const Json& json, const char* key) {
    static const Json empty = Json::array();
    const auto it = json.find(key);
    return it != json.end() && it->is_array() ? *it : empty;
}

inline const Json& object_at(const Json& json, const char* key) {
    static const Json empty = Json::object();
    const auto it = json.find(key);
    return it != json.end() && it->is_object() ? *it : empty;
}

}  // namespace flinklint::diagnose
