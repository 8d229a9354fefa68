// The HTML report is one self-contained page, and it renders in headless Chromium: a screenshot of it
// is far from blank (compared with the screenshot of an empty page of the same size).
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "run_binary.hpp"
#include "test_paths.hpp"

namespace fs = std::filesystem;
using flinklint::testing::run_flinklint;

namespace {

std::string shell_quote(const std::string& text) {
    std::string quoted = "'";
    for (const char c : text) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return quoted + "'";
}

std::string find_chromium() {
    for (const char* name : {"chromium", "chromium-browser", "google-chrome"}) {
        const std::string probe = std::string("command -v ") + name + " >/dev/null 2>&1";
        if (std::system(probe.c_str()) == 0) return name;
    }
    return {};
}

struct Png {
    std::uintmax_t bytes = 0;
    std::uint32_t width = 0;
    std::uint32_t height = 0;
};

// The signature and the IHDR chunk are enough to know it is a PNG of the window's size.
std::optional<Png> read_png(const fs::path& path) {
    const std::string data = flinklint::testing::read_file(path);
    if (data.size() < 24 || data.compare(0, 8, "\x89PNG\r\n\x1a\n") != 0 || data.compare(12, 4, "IHDR") != 0)
        return std::nullopt;
    const auto be32 = [&](std::size_t at) {
        std::uint32_t value = 0;
        for (std::size_t i = 0; i < 4; ++i) value = (value << 8) | static_cast<unsigned char>(data[at + i]);
        return value;
    };
    return Png{data.size(), be32(16), be32(20)};
}

std::optional<Png> screenshot(const std::string& chromium, const fs::path& html, const fs::path& dir) {
    const fs::path png = dir / (html.stem().string() + ".png");
    const std::string command =
        "timeout 120 " + chromium +
        " --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking"
        " --disable-component-update --disable-sync --user-data-dir=" +
        shell_quote((dir / "profile").string()) + " --screenshot=" + shell_quote(png.string()) +
        " --window-size=1200,1600 " + shell_quote("file://" + html.string()) + " >/dev/null 2>&1";
    if (std::system(command.c_str()) != 0 && !fs::exists(png)) return std::nullopt;
    return read_png(png);
}

}  // namespace

TEST(HtmlReport, SelfContained) {
    const auto run = run_flinklint({"tune", "--profile",
                                    (flinklint::testing::source_dir() / "profiles" / "metzger.yaml").string(),
                                    "--format", "html"});
    ASSERT_EQ(run.exit_code, 0) << run.err;
    const std::string& html = run.out;
    EXPECT_EQ(html.rfind("<!DOCTYPE html>", 0), 0u);
    EXPECT_NE(html.find("</html>"), std::string::npos);
    EXPECT_EQ(html.find("<script"), std::string::npos);
    EXPECT_EQ(html.find("<link"), std::string::npos);
    EXPECT_EQ(html.find("src="), std::string::npos);
    EXPECT_EQ(html.find("url("), std::string::npos);
    // The only URL is the SVG namespace, which is a name, not a fetch.
    std::string without_namespace = html;
    for (std::size_t at; (at = without_namespace.find("http://www.w3.org/2000/svg")) != std::string::npos;)
        without_namespace.erase(at, 26);
    EXPECT_EQ(without_namespace.find("http://"), std::string::npos);
    EXPECT_EQ(without_namespace.find("https://"), std::string::npos);
    EXPECT_NE(html.find("aria-label=\"TaskManager memory layout\""), std::string::npos);
    EXPECT_NE(html.find("aria-label=\"Traffic per TaskManager against NIC capacity\""), std::string::npos);
    EXPECT_NE(html.find("NIC 1.25 GB/s"), std::string::npos);
    EXPECT_NE(html.find("760 MB/s"), std::string::npos);
}

TEST(HtmlReport, RendersInHeadlessChromium) {
    const std::string chromium = find_chromium();
    if (chromium.empty())
        FLINKLINT_SKIP_OR_FAIL("FLINKLINT_REQUIRE_TOOLS",
                               "chromium is not installed (scripts/install-deps.sh --tests)");
    const fs::path dir = fs::temp_directory_path() / ("flinklint-html-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    const fs::path report = dir / "report.html";
    const auto run = run_flinklint({"tune", "--profile",
                                    (flinklint::testing::source_dir() / "profiles" / "metzger.yaml").string(),
                                    "--format", "html", "--output", report.string()});
    ASSERT_EQ(run.exit_code, 0) << run.err;
    const fs::path blank = dir / "blank.html";
    std::ofstream(blank) << "<!DOCTYPE html><html><body></body></html>\n";

    const auto shot = screenshot(chromium, report, dir);
    const auto empty = screenshot(chromium, blank, dir);
    ASSERT_TRUE(shot) << "no screenshot of the report";
    ASSERT_TRUE(empty) << "no screenshot of the blank page";
    EXPECT_EQ(shot->width, 1200u);
    EXPECT_EQ(shot->height, 1600u);
    // A blank page compresses to a few kB; text, tables and the two charts do not.
    EXPECT_GT(shot->bytes, 20000u);
    EXPECT_GT(shot->bytes, 5 * empty->bytes) << "report " << shot->bytes << " bytes, blank " << empty->bytes;
    std::error_code ec;
    fs::remove_all(dir, ec);
}
