// What Tab does to the line, as a table: the line before (| marks the cursor, else at the
// end) and the line after, or the list it offers.
#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

#include "session/command.hpp"
#include "session/completion.hpp"
#include "text/utf8.hpp"

using veille::output::Lang;
using veille::session::apply_completion;
using veille::session::complete;
using veille::session::CompletionSource;
using veille::session::NamedCount;

namespace {

// Entity names as the index would give them: by their start, accents and case ignored.
CompletionSource source() {
    CompletionSource s;
    s.entities = [](std::string_view typed) {
        static const std::vector<NamedCount> all = {
            {"Mali", 40}, {"État islamique", 12}, {"Burkina Faso", 5}, {"États-Unis", 3}, {"Mauritanie", 2}};
        std::vector<NamedCount> out;
        const std::string want = veille::session::fold(typed);
        for (const auto& e : all)
            if (veille::session::fold(e.name).rfind(want, 0) == 0) out.push_back(e);
        return out;
    };
    s.years = [] { return std::vector<std::string>{"2025", "2024", "2019"}; };
    s.filters = [] { return std::vector<std::string>{"entité:Russie", "-type:commentaire", "date:2024.."}; };
    return s;
}

struct Case {
    std::string before;  // "|" marks the cursor
    std::string after;   // the line after Tab ("|" = the cursor)
    bool list = false;   // the candidates are listed instead
};

void check(const std::vector<Case>& cases, Lang lang) {
    const auto src = source();
    for (const auto& c : cases) {
        BOOST_TEST_CONTEXT("« " << c.before << " »") {
            std::string line = c.before;
            std::size_t cursor = line.find('|');
            if (cursor == std::string::npos) cursor = line.size();
            else line.erase(cursor, 1);
            const auto completion = complete(line, cursor, src, lang);
            const auto edit = apply_completion(line, cursor, completion);
            std::string shown = edit.line;
            shown.insert(edit.cursor, "|");
            std::string expected = c.after;
            if (expected.find('|') == std::string::npos) expected += "|";
            BOOST_TEST(shown == expected);
            BOOST_TEST(edit.show_list == c.list);
        }
    }
}

}  // namespace

BOOST_AUTO_TEST_SUITE(completion)

BOOST_AUTO_TEST_CASE(field_names_complete_after_signs_and_parentheses) {
    check({
              {"ent", "entité:"},
              {"ENT", "entité:"},
              {"+ent", "+entité:"},
              {"-ty", "-type:"},
              {"(ti", "(titre:"},
              {"mali da", "mali date:"},
              {"art", "article.entité:"},
              {"ap", "après:"},
              {"af", "après:"},        // the English name, offered in French
              {"entity", "entité:"},
              {"a", "a", true},         // article.entité:, après:, avant:
              {"", "", true},           // every field
              {"securite", "securite"}, // a plain word: nothing to offer
          },
          Lang::Fr);
    check({{"ent", "entity:"}, {"af", "after:"}, {"ti", "title:"}}, Lang::En);
}

BOOST_AUTO_TEST_CASE(entity_names_complete_without_accents) {
    check({
              {"entité:mal", "entité:Mali "},
              {"entite:MAL", "entite:Mali "},
              {"+entité:bur", "+entité:\"Burkina Faso\" "},
              {"-article.entité:maur", "-article.entité:Mauritanie "},
              // Two names start with "eta": the common part is put in, accents and all.
              {"entité:eta", "entité:\"État"},
              // Inside the open quote, the space belongs to the name.
              {"entité:\"État i", "entité:\"État islamique\" "},
              {"entité:\"État", "entité:\"État", true},
              {"entité:ma", "entité:ma", true},  // Mali, Mauritanie: nothing more in common
              {"entité:xyz", "entité:xyz"},
              // In the middle of a line: only the word under the cursor changes.
              {"mali entité:bur| russie", "mali entité:\"Burkina Faso\" |russie"},
              {"entité:mal|", "entité:Mali "},
              // A name typed without quotes: the words before the cursor belong to it.
              {"+entité:burkina fa", "+entité:\"Burkina Faso\" "},
              {"mali entité:état isl", "mali entité:\"État islamique\" "},
              {"entité:etats-u", "entité:États-Unis "},
              // …but only when they continue a name: "russie" is a word of the query.
              {"entité:mali russie", "entité:mali russie"},
              {"entité:\"Mali\" fa", "entité:\"Mali\" fa"},
          },
          Lang::Fr);
}

BOOST_AUTO_TEST_CASE(values_of_types_and_dates) {
    check({
              {"type:c", "type:commentaire "},
              {"type:", "type:", true},
              {"-type:a", "-type:article "},
              {"date:20", "date:20", true},
              {"date:201", "date:2019 "},
              {"après:2025", "après:2025 "},
              {"titre:bar", "titre:bar"},
          },
          Lang::Fr);
    check({{"type:c", "type:comment "}}, Lang::En);
}

BOOST_AUTO_TEST_CASE(commands_and_their_arguments) {
    check({
              {":so", ":sort "},
              {":sort d", ":sort date"},
              {":sort date-", ":sort date-asc "},
              {":sort p", ":sort pertinence "},
              {":facets e", ":facets entité "},
              {":facets p", ":facets plus "},
              {":fa", ":facets "},
              {":q", ":quit"},           // :quit, :quitter
              {":j", ":json "},
              {":json o", ":json oui "},
              {":reset -t", ":reset -type:commentaire "},
              {":reset ", ":reset ", true},
              {":xyz", ":xyz"},
          },
          Lang::Fr);
    check({{":sort r", ":sort relevance "}, {":he", ":help "}}, Lang::En);
}

BOOST_AUTO_TEST_CASE(the_list_is_in_columns_that_fit) {
    const std::vector<std::string> labels = {"Mali (40)", "État islamique (12)", "Burkina Faso (5)",
                                             "États-Unis (3)", "Mauritanie (2)", "Niger (1)", "漢字 (1)"};
    for (std::size_t width : {20u, 40u, 80u}) {
        BOOST_TEST_CONTEXT(width << " columns") {
            const auto lines = veille::session::columns(labels, width);
            std::string all;
            for (const auto& l : lines) {
                BOOST_TEST(veille::text::display_width(l) <= width, l);
                all += l + " ";
            }
            std::size_t at = 0;
            for (const auto& label : labels) {  // every label, in order
                at = all.find(label, at);
                BOOST_TEST(at != std::string::npos, label);
            }
        }
    }
    BOOST_TEST(veille::session::columns(labels, 80).size() < veille::session::columns(labels, 20).size());
}

BOOST_AUTO_TEST_SUITE_END()
