// Layout of `kubectl describe pod` (k8s.io/kubectl describe.go, describePod / describeContainers):
// top-level fields at column 0 ("Name:", "Namespace:", "Labels:", "Containers:"), label lines
// continued below "Labels:", each container's name two columns in, its fields four in ("State:",
// "Last State:", "Limits:") and their details six in ("Reason:", "Exit Code:", "memory:").
// Columns are counted in leading blanks, tabs included, so an aligned copy with tabs reads the same.
#include "pod_describe.hpp"

#include <algorithm>
#include <cmath>
#include <utility>

namespace flinklint::diagnose {
namespace {

std::string_view trim(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r'))
        text.remove_suffix(1);
    return text;
}

std::size_t indent(std::string_view text) {
    std::size_t n = 0;
    while (n < text.size() && (text[n] == ' ' || text[n] == '\t')) ++n;
    return n;
}

std::string lower(std::string_view text) {
    std::string out(text);
    std::ranges::transform(out, out.begin(), [](char c) { return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c; });
    return out;
}

// "jobmanager", "taskmanager" or "" for what `text` names.
std::string_view role_in(std::string_view text) {
    const std::string l = lower(text);
    const bool jm = l.find("jobmanager") != std::string::npos;
    const bool tm = l.find("taskmanager") != std::string::npos;
    if (jm == tm) return {};
    return jm ? "jobmanager" : "taskmanager";
}

}  // namespace

std::optional<std::uint64_t> kubernetes_bytes(std::string_view quantity) {
    quantity = trim(quantity);
    std::size_t digits = 0;
    while (digits < quantity.size() &&
           ((quantity[digits] >= '0' && quantity[digits] <= '9') || quantity[digits] == '.'))
        ++digits;
    if (digits == 0 || digits > 20) return std::nullopt;
    double amount = 0;
    try {
        amount = std::stod(std::string(quantity.substr(0, digits)));
    } catch (...) {
        return std::nullopt;
    }
    const std::string_view suffix = quantity.substr(digits);
    constexpr std::pair<std::string_view, double> kUnits[] = {
        {"", 1},           {"k", 1e3},           {"M", 1e6},
        {"G", 1e9},        {"T", 1e12},          {"Ki", 1024.0},
        {"Mi", 1048576.0}, {"Gi", 1073741824.0}, {"Ti", 1099511627776.0}};
    for (const auto& [unit, factor] : kUnits) {
        if (suffix != unit) continue;
        const double bytes = std::ceil(amount * factor);
        if (bytes <= 0 || bytes > 1e18) return std::nullopt;
        return static_cast<std::uint64_t>(bytes);
    }
    return std::nullopt;
}

void PodDescribe::line(std::size_t number, std::string_view text) {
    const bool name = text.starts_with("Name:");
    if (!active_) {
        if (name_seen_ && text.starts_with("Namespace:")) active_ = true;
        name_seen_ = name;
        if (name) pod_ = std::string(trim(text.substr(5)));
        if (!active_) return;
        section_ = Section::other;
        component_.clear();
        return;
    }
    const std::size_t column = indent(text);
    const std::string_view body = trim(text);
    if (body.empty()) return;
    const std::size_t colon = body.find(':');
    const std::string_view key = colon == std::string_view::npos ? body : body.substr(0, colon);
    const std::string_view value =
        colon == std::string_view::npos ? std::string_view() : trim(body.substr(colon + 1));
    if (column == 0) {
        close_container();
        if (name) {
            pod_ = std::string(value);
            component_.clear();
        }
        section_ = key == "Labels"       ? Section::labels
                   : key == "Containers" ? Section::containers
                                         : Section::other;
        if (section_ == Section::labels) label(value);
        return;
    }
    if (section_ == Section::labels) return label(body);
    if (section_ != Section::containers) return;
    if (column <= 2 && colon == body.size() - 1) {  // "  taskmanager:": a container
        close_container();
        container_ = Container{std::string(key)};
        block_ = Block::other;
        return;
    }
    if (!container_) return;
    if (column <= 4) {
        block_ = (key == "State" || key == "Last State") && value == "Terminated" ? Block::terminated
                 : key == "Limits"                                                ? Block::limits
                                                                                  : Block::other;
        return;
    }
    if (block_ == Block::terminated && key == "Reason" && value == "OOMKilled") {
        container_->oom = true;
        container_->reason_line = number;
    } else if (block_ == Block::terminated && key == "Exit Code" && value == "137") {
        container_->exit_137 = true;
        container_->exit_line = number;
    } else if (block_ == Block::limits && key == "memory") {
        container_->limit = kubernetes_bytes(value);
    }
}

void PodDescribe::label(std::string_view label) {
    // "Labels:   app=flink" and its continuation lines "          component=taskmanager".
    if (label.starts_with("component=")) component_ = std::string(label.substr(10));
}

void PodDescribe::close_container() {
    if (!container_) return;
    if (auto kill = kill_of(*container_)) kills_.push_back(std::move(*kill));
    container_.reset();
    block_ = Block::other;
}

std::optional<PodKill> PodDescribe::kill_of(const Container& c) const {
    if (!c.oom && !c.exit_137) return std::nullopt;
    std::string_view role = role_in(c.name);
    if (role.empty()) role = role_in(component_);
    if (role.empty()) role = role_in(pod_);
    PodKill kill;
    kill.line = c.oom ? c.reason_line : c.exit_line;
    kill.role = role.empty()           ? PodKill::Role::unknown
                : role == "jobmanager" ? PodKill::Role::jobmanager
                                       : PodKill::Role::taskmanager;
    kill.reason = c.oom ? "OOMKilled" : "exit code 137";
    kill.limit = c.limit;
    kill.evidence = "pod " + pod_ + ", container " + c.name + ": Terminated, " +
                    (c.oom ? std::string("Reason: OOMKilled") : std::string()) +
                    (c.oom && c.exit_137 ? ", " : "") + (c.exit_137 ? "Exit Code: 137" : "");
    if (c.limit) kill.evidence += ", Limits: memory " + std::to_string(*c.limit) + " bytes";
    return kill;
}

std::vector<PodKill> PodDescribe::kills() const {
    std::vector<PodKill> all = kills_;
    if (container_)
        if (auto kill = kill_of(*container_)) all.push_back(std::move(*kill));
    return all;
}

}  // namespace flinklint::diagnose
