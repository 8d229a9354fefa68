// Helpers for the catalog tests: reading option tables and turning placeholder keys into real ones.
#pragma once

#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include "flinklint/catalog.hpp"
#include "test_paths.hpp"

namespace flinklint::testing {

struct TableRow {
    std::string key;
    std::vector<std::string> cells;  // by header position
};

struct Table {
    std::vector<std::string> header;
    std::vector<TableRow> rows;

    [[nodiscard]] std::string cell(const TableRow& row, const std::string& column) const {
        for (std::size_t i = 0; i < header.size(); ++i) {
            if (header[i] == column) return i < row.cells.size() ? row.cells[i] : std::string();
        }
        return {};
    }
};

// Tab-separated, one header line, `#` comment lines; no quoting.
inline Table read_table(const std::filesystem::path& path) {
    Table table;
    std::istringstream in(read_file(path));
    std::string line;
    while (std::getline(in, line)) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.empty() || line.front() == '#') continue;
        std::vector<std::string> cells;
        std::size_t start = 0;
        for (std::size_t tab = line.find('\t');; tab = line.find('\t', start)) {
            cells.push_back(line.substr(start, tab == std::string::npos ? std::string::npos : tab - start));
            if (tab == std::string::npos) break;
            start = tab + 1;
        }
        if (table.header.empty()) {
            table.header = std::move(cells);
        } else {
            table.rows.push_back({cells.front(), std::move(cells)});
        }
    }
    return table;
}

// A key a user would write for a placeholder key: `metrics.reporter.<name>.port` ->
// `metrics.reporter.prom.port`.
inline std::string instantiate(const std::string& key) {
    std::string out;
    std::size_t pos = 0;
    while (pos < key.size()) {
        if (key[pos] == '#' && (pos == 0 || key[pos - 1] == '.')) {
            out += '0';
            ++pos;
            continue;
        }
        if (key[pos] != '<') {
            out += key[pos++];
            continue;
        }
        const std::size_t close = key.find('>', pos);
        if (close == std::string::npos) return out + key.substr(pos);
        const std::string name = key.substr(pos + 1, close - pos - 1);
        if (name == "name")
            out += "prom";
        else if (name == "resource_name")
            out += "gpu";
        else if (name == "key")
            out += "dfs.replication";
        else if (name == "param" || name == "parameter")
            out += "some.setting";
        else if (name == "scheme")
            out += "hdfs";
        else
            out += "default";
        pos = close + 1;
    }
    return out;
}

inline std::vector<FlinkVersion> catalog_versions() {
    return {std::begin(kCatalogVersions), std::end(kCatalogVersions)};
}

}  // namespace flinklint::testing
