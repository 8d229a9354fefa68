#include "model/version_evidence.hpp"

#include <fmt/format.h>

#include "flinklint/catalog.hpp"
#include "flinklint/comments.hpp"

namespace flinklint::model_detail {
namespace {

std::string at(const Source& source, std::size_t offset) {
    return fmt::format("{}:{}", source.path(), source.position(offset).line);
}

// `# flinklint: flink-version=1.17`: in a file of several Kubernetes objects, the comment that
// belongs to the configuration's object (after the previous object, before the end of its own).
std::optional<VersionEvidence> inline_comment(const ParsedFile& file, const ConfigDocument& doc) {
    const std::string_view text = file.source->text();
    std::size_t from = 0;
    std::size_t to = text.size();
    if (doc.owner_object && *doc.owner_object < file.objects.size()) {
        const K8sObject& owner = file.objects[*doc.owner_object];
        to = owner.span.end;
        // Objects are in file order: the nearest one before that ends before this one starts (an
        // enclosing Template does not). Searching back from it keeps a file of many objects linear.
        for (std::size_t i = *doc.owner_object; i-- > 0;) {
            if (file.objects[i].span.end <= owner.span.begin) {
                from = file.objects[i].span.end;
                break;
            }
        }
    }
    std::optional<VersionEvidence> found;
    // Comments that start before the object's end, the last one read wins.
    for (const FlinklintComment& comment : flinklint_comments(*file.source, from, std::max(from, to))) {
        if (comment.directive != "flink-version" || comment.items.empty()) continue;
        if (const auto version = FlinkVersion::parse(comment.items.front().first))
            found = VersionEvidence{*version, VersionSource::inline_comment,
                                    fmt::format("comment in {}:{}", file.source->path(), comment.line)};
    }
    return found;
}

std::optional<VersionEvidence> from_image(const Located& image, const Source& source) {
    if (!image) return std::nullopt;
    const auto version = image_flink_version(image.value);
    if (!version) return std::nullopt;
    return VersionEvidence{*version, VersionSource::image, image_reason(image, source)};
}

// `flink-1.8.1/conf/flink-conf.yaml`: a file in the conf directory of an unpacked binary release, whose
// top directory is flink-<version> (flink-dist's assembly, flink-dist/src/main/assemblies/bin.xml).
// Corpora that flatten paths write `flink-1.8.1__conf__flink-conf.yaml`.
std::optional<VersionEvidence> from_distribution_path(const Source& source) {
    std::vector<std::string_view> segments;
    const std::string_view path = source.path();
    for (std::size_t start = 0; start <= path.size();) {
        std::size_t end = path.find('/', start);
        const std::size_t flat = path.find("__", start);
        std::size_t skip = 1;
        if (flat < end) end = flat, skip = 2;
        if (end == std::string_view::npos) end = path.size();
        segments.push_back(path.substr(start, end - start));
        start = end + skip;
    }
    if (segments.size() < 3 || segments[segments.size() - 2] != "conf") return std::nullopt;
    const std::string_view top = segments[segments.size() - 3];
    if (!top.starts_with("flink-")) return std::nullopt;
    const auto version = FlinkVersion::parse(top.substr(6));
    if (!version) return std::nullopt;
    return VersionEvidence{*version, VersionSource::distribution,
                           fmt::format("distribution directory {} of {}", top, source.path())};
}

bool sets_newer_scheme(const ConfigDocument& doc, std::string_view prefix) {
    for (const ConfigEntry& e : doc.entries)
        if (e.key.starts_with(prefix) && find_retired_key(e.key) == nullptr) return true;
    return false;
}

FlinkVersion release_before(FlinkVersion version) {
    if (version.minor > 0) return {version.major, version.minor - 1};
    return version.major == 2 ? FlinkVersion{1, 20} : FlinkVersion{0, 10};
}

// A key only a Flink newer than `dated` has: a key of a scheme that replaced an old one after `dated`
// (`jobmanager.memory.heap.size` beside `taskmanager.heap.size`), or an option the oldest catalog does not
// know and a newer one does (`table.catalog-store.kind`, 1.18). Such a file mixes generations, and its
// old keys date nothing.
bool mixes_newer_keys(const ConfigDocument& doc, FlinkVersion dated) {
    const Catalog& oldest = Catalog::for_version(kCatalogVersions[0]);
    for (const ConfigEntry& e : doc.entries) {
        if (newer_scheme_key(e.key, dated)) return true;
        if (dated < kCatalogVersions[0] && !oldest.lookup(e.key).known() &&
            first_version_knowing(e.key, kCatalogVersions[0]))
            return true;
    }
    return false;
}

}  // namespace

std::optional<VersionEvidence> key_evidence(const ConfigDocument& doc) {
    if (doc.format == ConfigFormat::yaml) return std::nullopt;  // config.yaml: read by 1.19+ only
    std::optional<FlinkVersion> before;
    std::string why;
    std::string_view dating;
    for (const ConfigEntry& e : doc.entries) {
        FlinkVersion until;
        std::string reason;
        if (const SupersededKey* old = find_superseded_key(e.key)) {
            if (sets_newer_scheme(doc, old->replacement)) continue;
            until = old->replaced_in;
            reason = fmt::format("`{}` and no `{}*` key: Flink {} replaced it", e.key, old->replacement,
                                 until.str());
        } else if (const RetiredKey* retired = find_retired_key(e.key);
                   retired != nullptr && !retired->written_by_tool &&
                   retired->read_until > FlinkVersion{0, 0}) {
            until = retired->read_until;
            reason = fmt::format("`{}`, which Flink {} stopped reading", e.key, until.str());
        } else {
            continue;
        }
        if (!before || until < *before) before = until, why = std::move(reason), dating = e.key;
    }
    if (!before || release_before(*before) >= kDefaultFlinkVersion) return std::nullopt;
    if (mixes_newer_keys(doc, release_before(*before))) return std::nullopt;
    return VersionEvidence{release_before(*before), VersionSource::file_keys, std::move(why),
                           std::string(dating)};
}

std::string image_reason(const Located& image, const Source& source) {
    return fmt::format("image {} in {}", image.value, at(source, image.span.begin));
}

void add_evidence(VersionChoice& choice, VersionEvidence evidence) {
    if (choice.all.empty() || evidence.source < choice.chosen.source) choice.chosen = evidence;
    choice.all.push_back(std::move(evidence));
}

VersionEvidence default_evidence(const ModelOptions& options) {
    if (options.cli_version) return {*options.cli_version, VersionSource::command_line, "--flink-version"};
    if (options.config_version)
        return {*options.config_version, VersionSource::config_file, "flink-version in .flinklint.yaml"};
    return {kDefaultFlinkVersion, VersionSource::default_version, "default"};
}

VersionChoice own_evidence(const ParsedFile& file, const ConfigDocument& doc, const ModelOptions& options) {
    VersionChoice choice;
    if (options.forced_version)
        add_evidence(choice, {*options.forced_version, VersionSource::forced, options.forced_reason});
    if (auto comment = inline_comment(file, doc)) add_evidence(choice, std::move(*comment));
    if (const auto it = options.path_versions.find(file.source->path()); it != options.path_versions.end())
        add_evidence(choice, it->second);
    if (doc.owner_object && *doc.owner_object < file.objects.size()) {
        const K8sObject& owner = file.objects[*doc.owner_object];
        if (owner.flink && owner.flink->flink_version) {
            if (auto parsed = FlinkVersion::parse(owner.flink->flink_version.value))
                add_evidence(choice,
                             {*parsed, VersionSource::flink_deployment,
                              fmt::format("spec.flinkVersion {} in {}", owner.flink->flink_version.value,
                                          at(*file.source, owner.flink->flink_version.span.begin))});
        }
        if (owner.flink) {
            if (auto image = from_image(owner.flink->image, *file.source))
                add_evidence(choice, std::move(*image));
        }
    }
    if (auto image = from_image(doc.image, *file.source)) add_evidence(choice, std::move(*image));
    if (auto dist = from_distribution_path(*file.source)) add_evidence(choice, std::move(*dist));
    return choice;
}

}  // namespace flinklint::model_detail
