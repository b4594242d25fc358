// UTF-8 decoding and sanitising of raw bytes read from user files.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace veille::text {

inline constexpr char32_t kReplacementChar = 0xFFFD;

// Decodes the code point starting at s[i] and advances i past it. An invalid or truncated
// sequence yields kReplacementChar and advances by one byte, so callers never loop forever.
char32_t decode_utf8(std::string_view s, std::size_t& i);

// Appends the UTF-8 encoding of c.
void append_utf8(std::string& out, char32_t c);

// What sanitize() had to repair, so the caller can warn with the file's name.
struct SanitizeReport {
    std::size_t invalid_sequences = 0;  // replaced by U+FFFD
    std::size_t control_chars = 0;      // removed (C0/C1 controls, ANSI escape sequences)
};

// Turns raw bytes into text that is safe to analyse, store and print: a leading BOM is
// dropped, CRLF/CR become LF, invalid UTF-8 becomes U+FFFD, control characters other than
// LF and TAB and whole terminal escape sequences (ESC [ ... final byte, OSC ... BEL/ST) are
// removed, and the result is in Unicode NFC.
std::string sanitize(std::string_view raw, SanitizeReport& report);

// Unicode NFC of valid UTF-8 text.
std::string to_nfc(std::string_view text);

// True when the first bytes look like a binary file rather than text: a NUL byte, or many
// bytes that are neither valid UTF-8 nor printable.
bool looks_binary(std::string_view head);

// Number of terminal columns the text takes (wide CJK/emoji count 2, combining marks 0).
std::size_t display_width(std::string_view text);

// Removes anything a terminal would interpret (control characters, escapes) from text that
// came from a document; used by renderers as a last line of defence.
std::string strip_terminal_controls(std::string_view text);

}  // namespace veille::text
