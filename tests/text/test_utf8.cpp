// text/utf8: what sanitize() makes of raw bytes, binary sniffing, NFC and display width.
// Byte escapes are split from the letters after them ("S\xE9" "curit\xE9") because a C++
// hex escape swallows every hex digit that follows.
#include <boost/test/unit_test.hpp>
#include <string>
#include <string_view>

#include "text/utf8.hpp"

using veille::text::SanitizeReport;

namespace {

const std::string kFffd = "\xEF\xBF\xBD";  // U+FFFD REPLACEMENT CHARACTER

struct SanitizeCase {
    const char* name;
    std::string input;
    std::string expected;
    std::size_t invalid;   // expected report.invalid_sequences
    std::size_t controls;  // expected report.control_chars
};

// clang-format off
const SanitizeCase kSanitizeCases[] = {
    // Clean text goes through untouched.
    {"ASCII", "Le Mali et la Russie", "Le Mali et la Russie", 0, 0},
    {"French UTF-8", "Sécurité au Mali : l’échec « russe »", "Sécurité au Mali : l’échec « russe »",
     0, 0},
    {"emoji", "si tu connais 😉 ou pas", "si tu connais 😉 ou pas", 0, 0},
    {"tab and newline kept", "Bamako\tNiamey\nOuagadougou", "Bamako\tNiamey\nOuagadougou", 0, 0},
    {"literal U+FFFD is valid", "Mali " + kFffd, "Mali " + kFffd, 0, 0},
    {"empty", "", "", 0, 0},

    // Byte order marks and line ends.
    {"leading BOM dropped", "\xEF\xBB\xBFTitre", "Titre", 0, 0},
    {"BOM inside text dropped", "Bamako\xEF\xBB\xBF, Niamey", "Bamako, Niamey", 0, 0},
    {"CRLF becomes LF", "Titre\r\n\r\nCorps\r\n", "Titre\n\nCorps\n", 0, 0},
    {"lone CR becomes LF", "Titre\rCorps", "Titre\nCorps", 0, 0},
    {"form feed is a line break", "page 1\fpage 2", "page 1\npage 2", 0, 0},
    {"LINE SEPARATOR is a line break", "Mali\xE2\x80\xA8Niger", "Mali\nNiger", 0, 0},

    // Invalid UTF-8: one U+FFFD per bad byte, counted.
    {"Latin-1 é", "S\xE9" "curit\xE9", "S" + kFffd + "curit" + kFffd, 2, 0},
    {"truncated sequence at the end", "Mali \xE2\x80", "Mali " + kFffd + kFffd, 2, 0},
    {"lone continuation byte", "a\x80" "b", "a" + kFffd + "b", 1, 0},
    {"overlong slash", "\xC0\xAF", kFffd + kFffd, 2, 0},
    {"UTF-16 surrogate", "\xED\xA0\x80", kFffd + kFffd + kFffd, 3, 0},
    {"beyond U+10FFFF", "\xF4\x90\x80\x80", kFffd + kFffd + kFffd + kFffd, 4, 0},

    // Control characters: removed and counted.
    {"BEL and backspace", "Mali\a Niger\b", "Mali Niger", 0, 2},
    {"NUL", std::string("Ma\0li", 5), "Mali", 0, 1},
    {"DEL", "Ni\x7Fger", "Niger", 0, 1},
    {"C1 NEL (U+0085)", "Tchad\xC2\x85", "Tchad", 0, 1},

    // Terminal escape sequences: removed whole, one count per sequence.
    {"CSI colour", "\x1B[31mAlerte\x1B[0m : Bamako", "Alerte : Bamako", 0, 2},
    {"CSI 256 colours", "\x1B[1;38;5;196mRouge", "Rouge", 0, 1},
    {"CSI cursor move", "Niger\x1B[2J\x1B[H", "Niger", 0, 2},
    {"OSC title ended by BEL", "\x1B]0;titre piégé\aTexte", "Texte", 0, 1},
    {"OSC 8 hyperlink ended by ST", "\x1B]8;;https://exemple.org\x1B\\lien\x1B]8;;\x1B\\", "lien",
     0, 2},
    {"OSC ended by C1 ST", "\x1B]2;titre\xC2\x9CTexte", "Texte", 0, 1},
    {"unterminated OSC stops at the line end", "\x1B]0;titre\nLa suite", "\nLa suite", 0, 1},
    {"charset designation ESC ( B", "\x1B(BTexte", "Texte", 0, 1},
    {"reset ESC c", "\x1B" "cMali", "Mali", 0, 1},
    {"8-bit CSI (U+009B)", "\xC2\x9B" "31mRouge", "Rouge", 0, 1},
    {"ESC at the end", "Mali\x1B", "Mali", 0, 1},

    // NFC: decomposed accents are composed.
    {"NFD é", "Se\xCC\x81" "curite\xCC\x81", "Sécurité", 0, 0},
    {"NFD with a curly apostrophe", "l’e\xCC\x81" "te\xCC\x81", "l’été", 0, 0},
    {"NFD after a removed escape", "\x1B[1mE\xCC\x81tat", "État", 0, 1},
};
// clang-format on

}  // namespace

BOOST_AUTO_TEST_SUITE(text)

BOOST_AUTO_TEST_CASE(sanitize_repairs_raw_bytes) {
    for (const auto& c : kSanitizeCases) {
        BOOST_TEST_CONTEXT(c.name) {
            SanitizeReport report;
            BOOST_TEST(veille::text::sanitize(c.input, report) == c.expected);
            BOOST_TEST(report.invalid_sequences == c.invalid);
            BOOST_TEST(report.control_chars == c.controls);
        }
    }
}

BOOST_AUTO_TEST_CASE(sanitize_is_idempotent) {
    for (const auto& c : kSanitizeCases) {
        BOOST_TEST_CONTEXT(c.name) {
            SanitizeReport first, second;
            const std::string once = veille::text::sanitize(c.input, first);
            BOOST_TEST(veille::text::sanitize(once, second) == once);
            BOOST_TEST(second.invalid_sequences == 0u);
            BOOST_TEST(second.control_chars == 0u);
        }
    }
}

BOOST_AUTO_TEST_CASE(sanitize_keeps_a_long_text_intact) {
    // The fast paths (ASCII runs, no NFC when nothing can change) must not lose bytes.
    std::string text;
    for (int i = 0; i < 2000; ++i) text += "Le Mali et la Russie, l’AES et la Cédéao. ";
    SanitizeReport report;
    BOOST_TEST(veille::text::sanitize(text, report) == text);
}

BOOST_AUTO_TEST_CASE(decode_and_append_round_trip) {
    for (const char32_t cp : {U'A', U'é', U'œ', U'’', U'«', U'漢', U'😉'}) {
        BOOST_TEST_CONTEXT("U+" << std::hex << static_cast<unsigned>(cp)) {
            std::string bytes;
            veille::text::append_utf8(bytes, cp);
            std::size_t i = 0;
            BOOST_TEST(static_cast<unsigned>(veille::text::decode_utf8(bytes, i)) ==
                       static_cast<unsigned>(cp));
            BOOST_TEST(i == bytes.size());
        }
    }
}

BOOST_AUTO_TEST_CASE(decode_advances_one_byte_on_invalid_input) {
    // clang-format off
    for (const std::string_view bad : {"\x80", "\xE9" "t", "\xE2\x82", "\xC0\xAF", "\xFF"}) {
        // clang-format on
        BOOST_TEST_CONTEXT("bytes of size " << bad.size()) {
            std::size_t i = 0;
            BOOST_TEST(static_cast<unsigned>(veille::text::decode_utf8(bad, i)) ==
                       static_cast<unsigned>(veille::text::kReplacementChar));
            BOOST_TEST(i == 1u);
        }
    }
}

BOOST_AUTO_TEST_CASE(to_nfc_composes) {
    // clang-format off
    const struct {
        std::string input, expected;
    } cases[] = {
        {"e\xCC\x81", "é"},
        {"Bamako", "Bamako"},
        {"A\xCC\x8A" "ngstro\xCC\x88m", "Ångström"},
        {"ﬁn", "ﬁn"},  // a compatibility ligature: NFKC would fold it, NFC keeps it
        {"\xE1\x84\x80\xE1\x85\xA1", "가"},  // Hangul jamo compose
        {"Sécurité", "Sécurité"},
    };
    // clang-format on
    for (const auto& c : cases) {
        BOOST_TEST_CONTEXT(c.input) { BOOST_TEST(veille::text::to_nfc(c.input) == c.expected); }
    }
}

BOOST_AUTO_TEST_CASE(looks_binary_sniffs_the_head) {
    // clang-format off
    const struct {
        const char* name;
        std::string head;
        bool binary;
    } cases[] = {
        {"empty", "", false},
        {"French UTF-8", "Sécurité au Mali : pour la France, la Russie a échoué\n\n« Paris »", false},
        {"French Latin-1 (invalid UTF-8 but text)", "S\xE9" "curit\xE9 au Mali\n", false},
        {"CRLF and form feed", "Titre\r\n\fCorps\r\n", false},
        {"a few ANSI colours", "\x1B[31mAlerte\x1B[0m : le blocus de Bamako continue", false},
        {"a heavily coloured log", "\x1B[1m\x1B[31mA\x1B[0m\x1B[32mB\x1B[0m", false},
        {"UTF-8 cut mid-sequence", "La Cédéao et l’AES\xE2\x80", false},
        {"NUL byte", std::string("Mali\0Niger", 10), true},
        {"PNG header", std::string("\x89PNG\r\n\x1A\n\0\0\0\rIHDR", 16), true},
        {"UTF-16LE", std::string("S\0\xE9\0" "c\0", 6), true},
        {"mostly controls", "\x01\x02\x03\x04" "ab\x05\x06", true},
        {"one control in nine bytes", "\x01" "abcdefgh", true},
        {"one control in ten bytes", "\x01" "abcdefghi", false},
    };
    // clang-format on
    for (const auto& c : cases) {
        BOOST_TEST_CONTEXT(c.name) { BOOST_TEST(veille::text::looks_binary(c.head) == c.binary); }
    }
}

BOOST_AUTO_TEST_CASE(display_width_counts_terminal_columns) {
    // clang-format off
    const struct {
        const char* text;
        std::size_t width;
    } cases[] = {
        {"", 0},
        {"Mali", 4},
        {"é", 1},
        {"e\xCC\x81", 1},  // e + COMBINING ACUTE ACCENT
        {"Sécurité", 8},
        {"漢字", 4},
        {"Ｍａｌｉ", 8},  // fullwidth forms
        {"😉", 2},
        {"l’AES « oui »", 13},
        {"a\xE2\x80\x8D" "b", 2},  // ZERO WIDTH JOINER
        {"\xC2\xA0", 1},         // NO-BREAK SPACE
    };
    // clang-format on
    for (const auto& c : cases) {
        BOOST_TEST_CONTEXT(c.text) { BOOST_TEST(veille::text::display_width(c.text) == c.width); }
    }
}

BOOST_AUTO_TEST_CASE(strip_terminal_controls_leaves_only_printable_text) {
    // clang-format off
    const struct {
        const char* name;
        std::string input, expected;
    } cases[] = {
        {"French text untouched", "Sécurité au Mali\n\tl’AES", "Sécurité au Mali\n\tl’AES"},
        {"colours", "\x1B[31mrouge\x1B[0m", "rouge"},
        {"OSC title", "\x1B]0;piège\aTexte", "Texte"},
        {"carriage return could overwrite the line", "Bamako\rFAUX", "BamakoFAUX"},
        {"bidi override could reorder the line", "\xE2\x80\xAE" "emmoc", "emmoc"},
        {"bidi isolate", "\xE2\x81\xA6Mali\xE2\x81\xA9", "Mali"},
        {"invalid byte shown as U+FFFD", "S\xE9", "S" + kFffd},
        {"C1 CSI", "\xC2\x9B" "2JMali", "Mali"},
    };
    // clang-format on
    for (const auto& c : cases) {
        BOOST_TEST_CONTEXT(c.name) {
            BOOST_TEST(veille::text::strip_terminal_controls(c.input) == c.expected);
        }
    }
}

// What a diagnostic quotes of a file: at most N bytes, never half a character.
BOOST_AUTO_TEST_CASE(shorten_cuts_on_characters) {
    struct Case {
        std::string text;
        std::size_t max;
        std::string expected;
    };
    const std::vector<Case> cases = {
        {"Bamako", 10, "Bamako"},
        {"Bamako", 3, "Bam\u2026"},
        {"\u00E9lan", 2, "\u00E9\u2026"},   // é is two bytes: kept whole
        {"a\u00E9", 2, "a\u2026"},           // the cut would split é: it goes
        {"", 0, ""},
    };
    for (const auto& c : cases) BOOST_TEST(veille::text::shorten(c.text, c.max) == c.expected);
}

BOOST_AUTO_TEST_SUITE_END()
