// The configuration file as a specification: what each setting does, and how a broken file
// is reported (with its line) and ignored, never fatal.
#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <fstream>
#include <random>

#include "config/config.hpp"

namespace fs = std::filesystem;
using veille::config::Colour;
using veille::config::load_config;

namespace {
struct File {
    fs::path path = fs::temp_directory_path() / ("veille-config-" + std::to_string(std::random_device{}()) + ".toml");
    explicit File(const std::string& content) { std::ofstream(path) << content; }
    ~File() {
        std::error_code ec;
        fs::remove(path, ec);
    }
};
}  // namespace

BOOST_AUTO_TEST_SUITE(config)

BOOST_AUTO_TEST_CASE(every_setting_is_read) {
    File f("index = \"/srv/veille/index\"\nentities = [\"/a.tsv\", \"/b.tsv\"]\nlimit = 25\n"
           "colour = \"never\"\nlang = \"en\"\n");
    std::vector<veille::documents::Diagnostic> diags;
    auto c = load_config(f.path, diags);
    BOOST_TEST(diags.empty());
    BOOST_TEST(c.index->string() == "/srv/veille/index");
    BOOST_TEST(c.entities.size() == 2u);
    BOOST_TEST(*c.limit == 25u);
    BOOST_TEST((c.colour == Colour::Never));
    BOOST_TEST(*c.lang == "en");
}

BOOST_AUTO_TEST_CASE(a_missing_file_gives_the_defaults) {
    std::vector<veille::documents::Diagnostic> diags;
    auto c = load_config("/nonexistent/veille/config.toml", diags);
    BOOST_TEST(diags.empty());
    BOOST_TEST(!c.index.has_value());
    BOOST_TEST(!c.limit.has_value());
}

BOOST_AUTO_TEST_CASE(bad_values_and_broken_files_are_reported_with_their_line) {
    struct Case {
        const char* content;
        std::size_t line;
        const char* says;
        bool limit_kept;
    };
    const std::vector<Case> cases = {
        {"limit = 20\ncolour = \"rouge\"\n", 2, "colour", true},
        {"limit = -3\n", 1, "limit", false},
        {"limit = 20\nresultats = 5\n", 2, "unknown setting", true},
        {"limit = 20\nindex = \n", 2, "configuration ignored", false},  // syntax error: all ignored
        {"[section\nlimit = 3\n", 1, "configuration ignored", false},
    };
    for (const auto& c : cases) {
        BOOST_TEST_CONTEXT(c.content) {
            File f(c.content);
            std::vector<veille::documents::Diagnostic> diags;
            auto config = load_config(f.path, diags);
            BOOST_REQUIRE(diags.size() == 1u);
            BOOST_TEST(diags[0].line == c.line);
            BOOST_TEST(diags[0].to_string().find(f.path.string()) == 0u);
            BOOST_TEST(diags[0].message.find(c.says) != std::string::npos, diags[0].message);
            BOOST_TEST(config.limit.has_value() == c.limit_kept);
        }
    }
}

BOOST_AUTO_TEST_SUITE_END()
