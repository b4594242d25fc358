// Where the history file lives, and which lines it keeps.
#include <boost/test/unit_test.hpp>

#include <cstdlib>
#include <optional>
#include <string>
#include <vector>

#include "session/history.hpp"

namespace {

// Sets (or unsets, with nullopt) an environment variable for the scope of a test.
class EnvVar {
public:
    EnvVar(const char* name, std::optional<std::string> value) : name_(name) {
        if (const char* old = std::getenv(name)) old_ = old;
        if (value) ::setenv(name, value->c_str(), 1);
        else ::unsetenv(name);
    }
    ~EnvVar() {
        if (old_) ::setenv(name_, old_->c_str(), 1);
        else ::unsetenv(name_);
    }

private:
    const char* name_;
    std::optional<std::string> old_;
};

}  // namespace

BOOST_AUTO_TEST_SUITE(history)

BOOST_AUTO_TEST_CASE(the_file_follows_the_xdg_state_directory) {
    struct Case {
        std::optional<std::string> state, home;
        std::optional<std::string> path;
    };
    const std::vector<Case> cases = {
        {"/var/etat", "/home/lea", "/var/etat/veille/history"},
        {std::nullopt, "/home/lea", "/home/lea/.local/state/veille/history"},
        {"", "/home/lea", "/home/lea/.local/state/veille/history"},          // empty: unset
        {"relatif/etat", "/home/lea", "/home/lea/.local/state/veille/history"},  // relative: ignored
        {std::nullopt, std::nullopt, std::nullopt},
    };
    for (const auto& c : cases) {
        BOOST_TEST_CONTEXT("XDG_STATE_HOME=" << c.state.value_or("(unset)") << " HOME=" << c.home.value_or("(unset)")) {
            EnvVar state("XDG_STATE_HOME", c.state);
            EnvVar home("HOME", c.home);
            const auto path = veille::session::history_path();
            BOOST_TEST(path.has_value() == c.path.has_value());
            if (path && c.path) BOOST_TEST(path->string() == *c.path);
        }
    }
}

BOOST_AUTO_TEST_CASE(searches_are_kept_paging_is_not) {
    struct Case {
        std::string line, previous;
        bool kept;
    };
    const std::vector<Case> cases = {
        {"securite russie", "", true},
        {"+entité:Russie", "securite russie", true},
        {":show 3", "", true},
        {":facets date", "", true},
        {":sort date", "", true},
        {"securite russie", "securite russie", false},    // the same line again
        {"  securite russie ", "securite russie", false},
        {"", "x", false},
        {"   ", "x", false},
        {":n", "x", false},
        {":p", "x", false},
        {":suivant", "x", false},
        {":q", "x", false},
        {":quitter", "x", false},
    };
    for (const auto& c : cases) {
        BOOST_TEST_CONTEXT("« " << c.line << " » after « " << c.previous << " »") {
            BOOST_TEST(veille::session::worth_remembering(c.line, c.previous) == c.kept);
        }
    }
}

BOOST_AUTO_TEST_SUITE_END()
