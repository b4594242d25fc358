// UTF-8 decoding, sanitising and display width. One linear pass does the byte-level work
// (BOM, line ends, invalid sequences, controls, escape sequences); ICU only runs for NFC and
// for the properties of non-ASCII code points, and is skipped whenever a cheap check proves
// it would change nothing.
#include "text/utf8.hpp"

#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/stringpiece.h>
#include <unicode/uchar.h>

namespace veille::text {

namespace {

constexpr unsigned char kEsc = 0x1B;
constexpr unsigned char kBel = 0x07;

bool is_continuation(unsigned char b) { return (b & 0xC0) == 0x80; }

// Printable ASCII plus TAB and LF: the bytes that can be copied as they are.
bool is_plain_ascii(unsigned char b) { return (b >= 0x20 && b < 0x7F) || b == '\n' || b == '\t'; }

// The first code point from which NFC can differ from its input (U+0300, COMBINING GRAVE
// ACCENT). Text made only of smaller code points (ASCII, Latin-1, Latin Extended-A/B: all of
// French, œ included) is always in NFC, so ICU is not called for it.
constexpr char32_t kFirstNfcSensitive = 0x300;

// Bidirectional embedding, override and isolate controls: they reorder what a terminal
// shows ("Trojan Source"), so renderers drop them. The marks LRM/RLM are harmless and kept.
bool is_bidi_control(char32_t c) {
    return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
}

enum class Mode {
    Sanitize,  // raw file bytes -> text: CR/CRLF become LF, U+FEFF dropped, NFC at the end
    Strip,     // text -> safe for a terminal: CR dropped too, bidi overrides dropped
};

// Skips an escape sequence whose introducer (ESC, or the C1 CSI/OSC/DCS... code point) has
// already been consumed; `kind` is the byte that follows ESC ('[' for CSI, ']' for OSC...).
// Stops at a newline or at the end of the text rather than swallowing the rest of a file
// whose sequence is unterminated: a terminal would, an indexer must not.
std::size_t skip_sequence_body(std::string_view s, std::size_t i, unsigned char kind) {
    const std::size_t n = s.size();
    if (kind == '[') {
        // CSI: parameter bytes 0x30-0x3F, intermediate bytes 0x20-0x2F, one final byte 0x40-0x7E.
        while (i < n) {
            const auto b = static_cast<unsigned char>(s[i]);
            if (b >= 0x40 && b <= 0x7E) return i + 1;
            if (b < 0x20 || b > 0x3F) return i;  // malformed: end the sequence here
            ++i;
        }
        return i;
    }
    // OSC (']'), DCS ('P'), SOS ('X'), PM ('^'), APC ('_'): a string ended by BEL or by the
    // string terminator ST, spelled ESC '\' or U+009C.
    while (i < n) {
        const auto b = static_cast<unsigned char>(s[i]);
        if (b == kBel) return i + 1;
        if (b == '\n' || b == '\r') return i;
        if (b == kEsc) return (i + 1 < n && s[i + 1] == '\\') ? i + 2 : i;
        if (b == 0xC2 && i + 1 < n && static_cast<unsigned char>(s[i + 1]) == 0x9C) return i + 2;
        ++i;
    }
    return i;
}

bool is_string_sequence(unsigned char kind) {
    return kind == ']' || kind == 'P' || kind == 'X' || kind == '^' || kind == '_';
}

// Skips the escape sequence starting with the ESC at s[i]; returns the index after it.
std::size_t skip_escape(std::string_view s, std::size_t i) {
    const std::size_t n = s.size();
    ++i;  // the ESC
    if (i >= n) return i;
    const auto kind = static_cast<unsigned char>(s[i]);
    if (kind == '[' || is_string_sequence(kind)) return skip_sequence_body(s, i + 1, kind);
    // Other sequences: ESC, intermediate bytes 0x20-0x2F, final byte 0x30-0x7E ("ESC ( B",
    // "ESC 7", "ESC c"). Anything else after ESC is text: only the ESC goes.
    std::size_t j = i;
    while (j < n && s[j] >= 0x20 && s[j] <= 0x2F) ++j;
    if (j < n && s[j] >= 0x30 && s[j] <= 0x7E) return j + 1;
    return i;
}

// The shared pass of sanitize() and strip_terminal_controls().
std::string clean(std::string_view s, SanitizeReport& report, Mode mode, char32_t& max_cp) {
    std::string out;
    out.reserve(s.size());
    const std::size_t n = s.size();
    std::size_t i = 0;
    if (mode == Mode::Sanitize && s.substr(0, 3) == "\xEF\xBB\xBF") i = 3;
    max_cp = 0;
    while (i < n) {
        // ASCII fast path: copy the longest run of bytes that need no attention.
        std::size_t run = i;
        while (run < n && is_plain_ascii(static_cast<unsigned char>(s[run]))) ++run;
        if (run > i) {
            out.append(s.data() + i, run - i);
            i = run;
            if (i >= n) break;
        }
        const auto b = static_cast<unsigned char>(s[i]);
        if (b < 0x80) {
            if (b == '\r') {
                ++i;
                if (mode == Mode::Sanitize) {
                    out += '\n';
                    if (i < n && s[i] == '\n') ++i;
                } else {
                    ++report.control_chars;
                }
            } else if (b == '\f' || b == '\v') {
                // Page and vertical breaks separate text: keep them as line breaks so the
                // words on either side do not run together.
                out += '\n';
                ++i;
            } else if (b == kEsc) {
                i = skip_escape(s, i);
                ++report.control_chars;  // one per sequence
            } else {
                ++i;  // other C0 controls and DEL
                ++report.control_chars;
            }
            continue;
        }
        const std::size_t start = i;
        const char32_t c = decode_utf8(s, i);
        if (c == kReplacementChar && i - start == 1) {
            ++report.invalid_sequences;
            append_utf8(out, kReplacementChar);
            if (kReplacementChar > max_cp) max_cp = kReplacementChar;
            continue;
        }
        if (c >= 0x80 && c <= 0x9F) {
            // C1 controls. The 8-bit forms of CSI (U+009B) and OSC/DCS/SOS/PM/APC introduce
            // a whole sequence, like their ESC-prefixed forms.
            if (c == 0x9B)
                i = skip_sequence_body(s, i, '[');
            else if (c == 0x9D)
                i = skip_sequence_body(s, i, ']');
            else if (c == 0x90 || c == 0x98 || c == 0x9E || c == 0x9F)
                i = skip_sequence_body(s, i, 'P');
            ++report.control_chars;
            continue;
        }
        if (c == 0xFEFF) continue;         // a BOM pasted inside text: invisible, drop it
        if (c == 0x2028 || c == 0x2029) {  // LINE / PARAGRAPH SEPARATOR
            out += '\n';
            continue;
        }
        if (mode == Mode::Strip && is_bidi_control(c)) {
            ++report.control_chars;
            continue;
        }
        out.append(s.data() + start, i - start);
        if (c > max_cp) max_cp = c;
    }
    return out;
}

const icu::Normalizer2* nfc_instance() {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
    return U_SUCCESS(status) ? nfc : nullptr;
}

// NFC of valid UTF-8, or the text unchanged when ICU says it already is (the usual case).
std::string nfc_of(std::string text) {
    const icu::Normalizer2* nfc = nfc_instance();
    if (!nfc) return text;
    UErrorCode status = U_ZERO_ERROR;
    const icu::StringPiece piece(text.data(), static_cast<int32_t>(text.size()));
    if (nfc->isNormalizedUTF8(piece, status) && U_SUCCESS(status)) return text;
    status = U_ZERO_ERROR;
    std::string out;
    out.reserve(text.size());
    icu::StringByteSink<std::string> sink(&out, static_cast<int32_t>(text.size()));
    nfc->normalizeUTF8(0, piece, sink, nullptr, status);
    return U_SUCCESS(status) ? out : text;
}

// Columns taken by one code point, as a terminal draws it.
std::size_t code_point_width(char32_t c) {
    if (c < 0x20 || (c >= 0x7F && c < 0xA0)) return 0;
    if (c < 0x300) return c == 0xAD ? 0 : 1;  // SOFT HYPHEN is invisible unless a line breaks
    const auto cp = static_cast<UChar32>(c);
    switch (u_charType(cp)) {
        case U_NON_SPACING_MARK:
        case U_ENCLOSING_MARK:
        case U_FORMAT_CHAR:  // ZWJ, ZWSP, bidi marks, U+FEFF
            return 0;
        default:
            break;
    }
    if (c >= 0x1160 && c <= 0x11FF) return 0;  // Hangul medial vowels/final consonants join
    const auto eaw = u_getIntPropertyValue(cp, UCHAR_EAST_ASIAN_WIDTH);
    return (eaw == U_EA_WIDE || eaw == U_EA_FULLWIDTH) ? 2 : 1;
}

}  // namespace

char32_t decode_utf8(std::string_view s, std::size_t& i) {
    const auto b0 = static_cast<unsigned char>(s[i]);
    if (b0 < 0x80) {
        ++i;
        return b0;
    }
    std::size_t len = 0;
    char32_t c = 0;
    char32_t min = 0;
    if (b0 >= 0xC2 && b0 <= 0xDF) {
        len = 2, c = b0 & 0x1F, min = 0x80;
    } else if (b0 >= 0xE0 && b0 <= 0xEF) {
        len = 3, c = b0 & 0x0F, min = 0x800;
    } else if (b0 >= 0xF0 && b0 <= 0xF4) {
        len = 4, c = b0 & 0x07, min = 0x10000;
    } else {
        ++i;  // continuation byte alone, C0/C1 (overlong) or F5-FF: never valid here
        return kReplacementChar;
    }
    if (i + len > s.size()) {
        ++i;
        return kReplacementChar;
    }
    for (std::size_t k = 1; k < len; ++k) {
        const auto b = static_cast<unsigned char>(s[i + k]);
        if (!is_continuation(b)) {
            ++i;
            return kReplacementChar;
        }
        c = (c << 6) | (b & 0x3F);
    }
    // Overlong forms, UTF-16 surrogates and values past U+10FFFF are not UTF-8.
    if (c < min || (c >= 0xD800 && c <= 0xDFFF) || c > 0x10FFFF) {
        ++i;
        return kReplacementChar;
    }
    i += len;
    return c;
}

void append_utf8(std::string& out, char32_t c) {
    if (c < 0x80) {
        out += static_cast<char>(c);
    } else if (c < 0x800) {
        out += static_cast<char>(0xC0 | (c >> 6));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
        out += static_cast<char>(0xE0 | (c >> 12));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (c >> 18));
        out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    }
}

std::string sanitize(std::string_view raw, SanitizeReport& report) {
    char32_t max_cp = 0;
    std::string out = clean(raw, report, Mode::Sanitize, max_cp);
    if (max_cp < kFirstNfcSensitive) return out;
    return nfc_of(std::move(out));
}

std::string to_nfc(std::string_view text) {
    for (const char ch : text) {
        if (static_cast<unsigned char>(ch) >= 0xCC) return nfc_of(std::string(text));
    }
    // Only lead bytes C2-CB (U+0080-U+02FF) or ASCII: nothing NFC could change.
    return std::string(text);
}

bool looks_binary(std::string_view head) {
    if (head.empty()) return false;
    std::size_t controls = 0;
    for (const char ch : head) {
        const auto b = static_cast<unsigned char>(ch);
        if (b == 0) return true;
        // Bytes >= 0x80 are never counted: UTF-8 French (and even Latin-1 French) is text.
        // Nor is ESC: a captured coloured terminal session is text whose escapes sanitize()
        // removes.
        if ((b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != '\f' && b != kEsc) ||
            b == 0x7F)
            ++controls;
    }
    return controls * 10 > head.size();
}

std::size_t display_width(std::string_view text) {
    std::size_t width = 0;
    std::size_t i = 0;
    while (i < text.size()) {
        const auto b = static_cast<unsigned char>(text[i]);
        if (b >= 0x20 && b < 0x7F) {
            ++width;
            ++i;
            continue;
        }
        const std::size_t start = i;
        const char32_t c = decode_utf8(text, i);
        // An invalid byte is shown as U+FFFD by renderers: one column.
        width += (c == kReplacementChar && i - start == 1) ? 1 : code_point_width(c);
    }
    return width;
}

std::string strip_terminal_controls(std::string_view text) {
    SanitizeReport ignored;
    char32_t max_cp = 0;
    return clean(text, ignored, Mode::Strip, max_cp);
}

std::string shorten(std::string text, std::size_t max_bytes) {
    if (text.size() <= max_bytes) return text;
    std::size_t cut = max_bytes;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;  // whole characters
    text.resize(cut);
    return text + "\u2026";
}

}  // namespace veille::text
