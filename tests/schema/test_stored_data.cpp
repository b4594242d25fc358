// A document's stored data: the display fields as one line of JSON, then the text as is.
#include <boost/test/unit_test.hpp>

#include <string>

#include "schema/schema.hpp"
#include "schema/stored_data.hpp"

namespace d = veille::schema::data;
using veille::schema::decode_stored_data;
using veille::schema::encode_stored_data;
using nlohmann::json;

BOOST_AUTO_TEST_SUITE(stored_data)

BOOST_AUTO_TEST_CASE(fields_and_text_read_back_as_written) {
    // Texts a JSON reader or a line reader could trip on: newlines, quotes, braces, a line
    // that looks like fields, a backslash, no text at all.
    const std::string texts[] = {
        "Le Mali et la Russie.",
        "Premier paragraphe.\n\nSecond : « l’armée », dit-il.\n",
        "{\"kind\": \"comment\"}\n{\"id\": \"x\"}",
        "C:\\chemin\\vers \"guillemets\" \t tabulation",
        "",
        "\n",
    };
    for (const auto& text : texts) {
        const json fields = {{d::kKind, "article"}, {d::kTitle, "Titre\nsur deux lignes"}, {d::kCommentNumber, 3}};
        const std::string raw = encode_stored_data(fields, text);
        const auto back = decode_stored_data(raw);
        BOOST_TEST_CONTEXT("text «" << text << "»") {
            BOOST_TEST(back.fields == fields);
            BOOST_TEST(back.text == text);
            BOOST_TEST(veille::schema::stored_string(back.fields, d::kTitle) == "Titre\nsur deux lignes");
            BOOST_TEST(veille::schema::stored_int(back.fields, d::kCommentNumber).value_or(-1) == 3);
        }
    }
}

BOOST_AUTO_TEST_CASE(the_text_is_stored_unescaped_after_one_line_of_fields) {
    const std::string raw = encode_stored_data({{d::kTitle, "a\nb"}}, "l’été « chaud »\nsuite");
    BOOST_TEST(raw == "{\"title\":\"a\\nb\"}\nl’été « chaud »\nsuite");
}

BOOST_AUTO_TEST_CASE(data_written_before_schema_5_still_reads) {
    // One JSON object, the text under "text".
    const std::string raw = R"({"kind":"article","id":"a1","text":"Bamako, le 3 mai.\nSuite."})";
    const auto back = decode_stored_data(raw);
    BOOST_TEST(veille::schema::stored_string(back.fields, d::kId) == "a1");
    BOOST_TEST(back.text == "Bamako, le 3 mai.\nSuite.");
}

BOOST_AUTO_TEST_CASE(data_not_ours_reads_as_no_fields_and_no_text) {
    for (const std::string raw : {"", "plain text written by another tool", "[1, 2]\ntext", "{\"broken\": \ntext",
                                  "\xff\xfe binary"}) {
        const auto back = decode_stored_data(raw);
        BOOST_TEST_CONTEXT("data «" << raw << "»") {
            BOOST_TEST(!back.fields.is_object());
            BOOST_TEST(back.text.empty());
            BOOST_TEST(veille::schema::stored_string(back.fields, d::kId).empty());
        }
    }
}

BOOST_AUTO_TEST_CASE(a_mistyped_field_reads_as_empty) {
    const std::string raw = encode_stored_data({{d::kId, 42}, {d::kCommentNumber, "trois"}}, "texte");
    const auto back = decode_stored_data(raw);
    BOOST_TEST(veille::schema::stored_string(back.fields, d::kId).empty());
    BOOST_TEST(!veille::schema::stored_int(back.fields, d::kCommentNumber).has_value());
}

BOOST_AUTO_TEST_SUITE_END()
