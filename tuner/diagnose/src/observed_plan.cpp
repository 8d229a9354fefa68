// Field names are JobPlanInfo's (Flink 1.15 to 2.2): `plan.nodes[]` with `id`, `parallelism`,
// `description` and `inputs[]` of `id` (the producing vertex), `ship_strategy` (the partitioner's
// name: StreamPartitioner#toString) and `exchange` (the ResultPartitionType in lower case), as
// JsonPlanGenerator#generatePlan writes them.
#include "observed_plan.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <map>

#include "json_fields.hpp"
#include "snapshot_files.hpp"

namespace flinklint::diagnose {
namespace {

namespace fs = std::filesystem;

// StreamPartitioner#isPointwise: ForwardPartitioner and RescalePartitioner connect POINTWISE, the
// others ALL_TO_ALL (StreamingJobGraphGenerator#connect).
constexpr std::array kPointwise = {std::string_view("FORWARD"), std::string_view("RESCALE")};
constexpr std::array kAllToAll = {std::string_view("HASH"),      std::string_view("REBALANCE"),
                                  std::string_view("BROADCAST"), std::string_view("GLOBAL"),
                                  std::string_view("SHUFFLE"),   std::string_view("CUSTOM")};

bool one_of(std::string_view value, const auto& names) {
    for (std::string_view name : names)
        if (value == name) return true;
    return false;
}

struct Read {
    std::vector<JobGraphVertex> vertices;
    std::string why_not;  // set when the graph cannot be counted
};

Read read_graph(const Json& nodes) {
    Read read;
    std::map<std::string, std::size_t, std::less<>> index;
    for (const Json& node : nodes) {
        const std::int64_t parallelism = node.is_object() ? int_of(node, "parallelism") : 0;
        const std::string id = node.is_object() ? text_of(node, "id") : std::string();
        if (id.empty() || parallelism < 1 || !index.emplace(id, read.vertices.size()).second) {
            read.why_not = "a node without an id or a parallelism of at least 1";
            return read;
        }
        read.vertices.push_back({id, text_of(node, "description"), parallelism, {}});
    }
    for (std::size_t i = 0; i < read.vertices.size(); ++i) {
        for (const Json& input : array_of(nodes[i], "inputs")) {
            const std::string strategy = input.is_object() ? text_of(input, "ship_strategy") : std::string();
            const std::string exchange = input.is_object() ? text_of(input, "exchange") : std::string();
            const auto producer = index.find(input.is_object() ? text_of(input, "id") : std::string());
            if (producer == index.end()) {
                read.why_not = "an input whose producer is not among the nodes";
            } else if (exchange != "pipelined_bounded") {
                read.why_not = fmt::format(
                    "an exchange `{}` (the count covers streaming jobs' pipelined_bounded "
                    "results only)",
                    exchange);
            } else if (!one_of(strategy, kPointwise) && !one_of(strategy, kAllToAll)) {
                read.why_not = fmt::format("a ship strategy `{}` flinklint does not know", strategy);
            }
            if (!read.why_not.empty()) return read;
            read.vertices[i].inputs.push_back({producer->second, one_of(strategy, kPointwise)});
        }
    }
    return read;
}

}  // namespace

void measure_job_graph(const fs::path& root, const std::string& job, tuner::Profile& profile,
                       std::vector<std::string>& notes) {
    const std::string file = "jobs/" + job + "/plan.json";
    const Json plan = read_snapshot_json(root / file);
    const Json& nodes = array_of(object_at(plan, "plan"), "nodes");
    if (nodes.empty()) {
        notes.push_back(fmt::format(
            "{}: missing or without nodes: network buffers are estimated from workload.shuffles", file));
        return;
    }
    Read read = read_graph(nodes);
    if (!read.why_not.empty()) {
        notes.push_back(
            fmt::format("{}: {}: network buffers are estimated from workload.shuffles", file, read.why_not));
        return;
    }
    std::size_t exchanges = 0;
    std::size_t all_to_all = 0;
    std::int64_t largest = 0;
    for (const JobGraphVertex& v : read.vertices) {
        largest = std::max(largest, v.parallelism);
        exchanges += v.inputs.size();
        for (const JobGraphInput& input : v.inputs) all_to_all += input.pointwise ? 0 : 1;
    }
    profile.measured_job_graph = std::move(read.vertices);
    profile.measured_job_graph_source = file;
    profile.measurements.push_back(
        {"job graph",
         fmt::format("{} vertices, {} exchanges ({} all-to-all), parallelism up to {}",
                     profile.measured_job_graph.size(), exchanges, all_to_all, largest),
         fmt::format("{}: plan.nodes (parallelism, inputs' ship_strategy and exchange), in place of "
                     "workload.shuffles {}",
                     file, profile.shuffles)});
}

}  // namespace flinklint::diagnose
