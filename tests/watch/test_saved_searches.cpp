// Saved searches as a specification: what is stored, per index, and what counts as new.
#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <fstream>
#include <random>

#include "errors.hpp"
#include "watch/saved_searches.hpp"

namespace fs = std::filesystem;
using veille::watch::SavedSearch;
using veille::watch::SavedSearchStore;

namespace {
struct Dir {
    fs::path path = fs::temp_directory_path() / ("veille-watch-" + std::to_string(std::random_device{}()));
    Dir() { fs::create_directories(path); }
    ~Dir() {
        std::error_code ec;
        fs::remove_all(path, ec);
    }
};
}  // namespace

BOOST_AUTO_TEST_SUITE(watch)

BOOST_AUTO_TEST_CASE(searches_are_kept_per_index_with_what_they_reported) {
    Dir d;
    const auto file = d.path / "state" / "saved-searches.json";
    {
        SavedSearchStore store(file, d.path / "index-a");
        SavedSearch s;
        s.name = "barkhane";
        s.query = "Barkhane";
        s.kind = veille::documents::Kind::Comment;
        s.entities = {"Mali"};
        s.since = "2023";
        store.put(s);
        store.mark_seen("barkhane", {"a1", "a1-c2"});
        store.write();
    }
    {
        SavedSearchStore store(file, d.path / "index-a");
        auto s = store.get("barkhane");
        BOOST_REQUIRE(s.has_value());
        BOOST_TEST(s->query == "Barkhane");
        BOOST_TEST((s->seen == std::set<std::string>{"a1", "a1-c2"}));
        BOOST_TEST(!s->last_checked.empty());
        auto o = s->options();
        BOOST_TEST(o.kind.has_value());
        BOOST_TEST(o.entities == std::vector<std::string>{"Mali"});
        BOOST_TEST(o.since == "2023");
        // Another index has its own searches in the same file.
        SavedSearchStore other(file, d.path / "index-b");
        BOOST_TEST(other.list().empty());
        SavedSearch t;
        t.name = "wagner";
        t.query = "Wagner";
        other.put(t);
        other.write();
    }
    SavedSearchStore again(file, d.path / "index-a");
    BOOST_TEST(again.list().size() == 1u);
    // Saving under the same name starts afresh.
    SavedSearch s;
    s.name = "barkhane";
    s.query = "Barkhane OU Takuba";
    again.put(s);
    BOOST_TEST(again.get("barkhane")->seen.empty());
}

BOOST_AUTO_TEST_CASE(a_corrupt_file_is_an_error_naming_it_never_silently_dropped) {
    Dir d;
    const auto file = d.path / "saved.json";
    std::ofstream(file) << "{ not json";
    BOOST_CHECK_EXCEPTION(SavedSearchStore(file, d.path), veille::Error, [&](const veille::Error& e) {
        return std::string(e.what()).find("saved.json") != std::string::npos;
    });
}

BOOST_AUTO_TEST_SUITE_END()
