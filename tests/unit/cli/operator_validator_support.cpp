#include "operator_validator_support.hpp"

#include <gtest/gtest.h>

#include <iostream>
#include <memory>

#include "flinklint/engine.hpp"

namespace flinklint::testing::validator {

namespace {

std::string quoted(const Options& conf, const std::string& indent) {
    std::string text;
    for (const auto& [key, value] : conf) text += indent + key + ": \"" + value + "\"\n";
    return text;
}

void put(Options& conf, const std::string& key, const std::string& value) {
    for (auto& entry : conf) {
        if (entry.first == key) {
            entry.second = value;
            return;
        }
    }
    conf.emplace_back(key, value);
}

void process(std::string& t, const char* role, bool resource, const std::optional<std::string>& memory,
             const std::optional<std::string>& storage, const std::optional<int>& replicas) {
    t += std::string("  ") + role + ":\n";
    if (resource) {
        t += "    resource:\n      cpu: 1.0\n";
        if (memory) t += "      memory: \"" + *memory + "\"\n";
        if (storage) t += "      ephemeralStorage: \"" + *storage + "\"\n";
    }
    if (replicas) t += "    replicas: " + std::to_string(*replicas) + "\n";
    if (!resource && !replicas) t.back() = ' ', t += "{}\n";
}

// The 1-based line of the first line of `text` that contains `field` (0: none).
int line_of(const std::string& text, const std::string& field) {
    const std::size_t at = text.find(field);
    if (at == std::string::npos) return 0;
    int line = 1;
    for (std::size_t i = 0; i < at; ++i) line += text[i] == '\n' ? 1 : 0;
    return line;
}

std::string listing(const std::vector<Diagnostic>& diagnostics) {
    std::string text;
    for (const Diagnostic& d : diagnostics) {
        text += "  " + std::to_string(d.start.line) + ": " + d.rule_id + " " +
                (d.severity == Severity::error ? "error" : "not error") + ": " + d.message + "\n";
    }
    return text.empty() ? "  (no findings)\n" : text;
}

// Whether flinklint's findings on `c.resource` give the validator's answer.
bool agrees(const Case& c, const std::vector<Diagnostic>& diagnostics) {
    if (!c.rejected) {
        for (const Diagnostic& d : diagnostics)
            if (d.severity == Severity::error) return false;
        return true;
    }
    const int line = line_of(c.resource, c.field);
    for (const Diagnostic& d : diagnostics) {
        if (d.rule_id == c.rule && d.severity == Severity::error && d.start.line == line &&
            d.message.find(c.says) != std::string::npos)
            return true;
    }
    return false;
}

}  // namespace

Deployment& Deployment::set(const std::string& key, const std::string& value) {
    if (!conf) conf.emplace();
    put(*conf, key, value);
    return *this;
}

Deployment& Deployment::erase(const std::string& key) {
    if (conf) std::erase_if(*conf, [&](const auto& entry) { return entry.first == key; });
    return *this;
}

std::string Deployment::text() const {
    std::string t =
        "apiVersion: flink.apache.org/v1beta1\nkind: FlinkDeployment\nmetadata:\n  name: " + name +
        "\n  namespace: flink-operator-test\nspec:\n  image: flink:latest\n"
        "  imagePullPolicy: IfNotPresent\n";
    if (flink_version) t += "  flinkVersion: " + *flink_version + "\n";
    if (service_account) t += "  serviceAccount: " + *service_account + "\n";
    if (mode) t += "  mode: " + *mode + "\n";
    if (conf && !conf->empty()) t += "  flinkConfiguration:\n" + quoted(*conf, "    ");
    process(t, "jobManager", jm_resource, jm_memory, jm_storage, jm_replicas);
    process(t, "taskManager", tm_resource, tm_memory, tm_storage, tm_replicas);
    if (job) {
        t += "  job:\n";
        if (jar_uri) t += "    jarURI: " + *jar_uri + "\n";
        t += "    parallelism: " + std::to_string(parallelism) + "\n    upgradeMode: " + upgrade_mode +
             "\n    state: " + state + "\n" + job_extra;
    }
    return t + spec_extra;
}

std::string SessionJob::text() const {
    std::string t =
        "apiVersion: flink.apache.org/v1beta1\nkind: FlinkSessionJob\nmetadata:\n  name: test-session-job\n"
        "  namespace: flink-operator-test\nspec:\n  deploymentName: " +
        deployment_name + "\n";
    if (!conf.empty()) t += "  flinkConfiguration:\n" + quoted(conf, "    ");
    t += "  job:\n";
    if (jar_uri) t += "    jarURI: " + *jar_uri + "\n";
    return t + "    parallelism: 1\n    upgradeMode: " + upgrade_mode + "\n    state: running\n";
}

std::string snapshot(const std::string& spec) {
    return "apiVersion: flink.apache.org/v1beta1\nkind: FlinkStateSnapshot\nmetadata:\n  name: "
           "test-savepoint\n"
           "  namespace: test\nspec:\n" +
           spec;
}

Options autoscaler_conf(const Options& changes) {
    Options conf = {{"job.autoscaler.enabled", "true"},
                    {"job.autoscaler.scale-up.max-factor", "100000.0"},
                    {"job.autoscaler.scale-down.max-factor", "0.6"},
                    {"job.autoscaler.utilization.target", "0.7"},
                    {"job.autoscaler.utilization.max", "1.0"},
                    {"job.autoscaler.utilization.min", "0.3"}};
    for (const auto& change : changes) {
        // Not a structured binding: clang 14 (the sanitizer build) cannot capture one in a lambda.
        const auto& key = change.first;
        if (change.second.empty())
            std::erase_if(conf, [&](const auto& entry) { return entry.first == key; });
        else
            put(conf, key, change.second);
    }
    return conf;
}

Case accepted(std::string name, std::string resource, std::string difference) {
    return Case{.name = std::move(name),
                .resource = std::move(resource),
                .rejected = false,
                .difference = std::move(difference)};
}

Case rejected(std::string name, std::string resource, std::string rule, std::string field, std::string says,
              std::string difference) {
    return Case{.name = std::move(name),
                .resource = std::move(resource),
                .rejected = true,
                .rule = std::move(rule),
                .field = std::move(field),
                .says = std::move(says),
                .difference = std::move(difference)};
}

void check_cases(const std::vector<Case>& cases) {
    const Linter linter(ProjectConfig{}, LintOptions{});
    std::size_t differences = 0;
    for (const Case& c : cases) {
        differences += c.difference.empty() ? 0 : 1;
        if (c.rejected) {
            ASSERT_GT(line_of(c.resource, c.field), 0) << c.name << ": no line holds `" << c.field << "`";
        }
        LintGroup group;
        group.sources.push_back(std::make_shared<const Source>("resource.yaml", c.resource));
        const std::vector<Diagnostic> found = linter.lint(group).diagnostics;
        const std::string expected =
            c.rejected ? "rejected: " + c.rule + " error on `" + c.field + "` saying `" + c.says + "`"
                       : "accepted: no error finding";
        if (c.difference.empty()) {
            EXPECT_TRUE(agrees(c, found)) << c.name << "\n  the validator: " << expected << "\n"
                                          << c.resource << "flinklint:\n"
                                          << listing(found);
        } else {
            EXPECT_FALSE(agrees(c, found))
                << c.name << ": a known difference now agrees; drop it (" << c.difference << ")";
        }
    }
    std::cout << cases.size() << " validator cases, " << cases.size() - differences << " agree, "
              << differences << " known differences\n";
}

}  // namespace flinklint::testing::validator
