// The HTML standard's encoding sniffing, reduced to what saved pages need, and a streaming
// ICU conversion (linear, any size, surrogate pairs split across chunks handled).
#include "readers/charset.hpp"

#include <unicode/ucnv.h>

#include <algorithm>
#include <array>
#include <memory>

#include "text/utf8.hpp"
#include "text/ascii.hpp"

namespace veille::readers {

namespace {

// The prescan looks this far, past the 1024 bytes of the standard: real pages put long
// comments, scripts and styles before their <meta charset>.
constexpr std::size_t kPrescanBytes = 16 * 1024;

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

bool starts_with_ci(std::string_view s, std::size_t at, std::string_view prefix) {
    return at <= s.size() && text::ascii_starts_with(s.substr(at), prefix);
}

std::string lower_trim(std::string_view s) {
    while (!s.empty() && (is_space(s.front()) || s.front() == '"' || s.front() == '\'')) s.remove_prefix(1);
    while (!s.empty() && (is_space(s.back()) || s.back() == '"' || s.back() == '\'')) s.remove_suffix(1);
    std::string out;
    for (char c : s) out += text::ascii_lower(c);
    return out;
}

// The charset in a Content-Type value: "text/html; charset=iso-8859-1".
std::string charset_from_content(std::string_view content) {
    std::string low;
    for (char c : content) low += text::ascii_lower(c);
    const auto at = low.find("charset");
    if (at == std::string::npos) return {};
    std::size_t i = at + 7;
    while (i < low.size() && is_space(low[i])) ++i;
    if (i >= low.size() || low[i] != '=') return {};
    ++i;
    while (i < low.size() && is_space(low[i])) ++i;
    std::size_t end = i;
    if (end < low.size() && (low[end] == '"' || low[end] == '\'')) {
        const char quote = low[end];
        const auto close = low.find(quote, end + 1);
        if (close == std::string::npos) return {};
        return lower_trim(low.substr(end + 1, close - end - 1));
    }
    while (end < low.size() && !is_space(low[end]) && low[end] != ';') ++end;
    return lower_trim(low.substr(i, end - i));
}

// Reads the attributes of a tag starting after its name; returns the position after '>'.
struct MetaAttrs {
    std::string charset, http_equiv, content;
};

std::size_t read_attributes(std::string_view s, std::size_t i, MetaAttrs& out) {
    while (i < s.size()) {
        while (i < s.size() && (is_space(s[i]) || s[i] == '/')) ++i;
        if (i >= s.size()) break;
        if (s[i] == '>') return i + 1;
        std::size_t name_start = i;
        while (i < s.size() && !is_space(s[i]) && s[i] != '=' && s[i] != '>' && s[i] != '/') ++i;
        const std::string name = lower_trim(s.substr(name_start, i - name_start));
        while (i < s.size() && is_space(s[i])) ++i;
        std::string_view value;
        if (i < s.size() && s[i] == '=') {
            ++i;
            while (i < s.size() && is_space(s[i])) ++i;
            if (i < s.size() && (s[i] == '"' || s[i] == '\'')) {
                const char quote = s[i];
                const auto close = s.find(quote, i + 1);
                if (close == std::string_view::npos) return s.size();
                value = s.substr(i + 1, close - i - 1);
                i = close + 1;
            } else {
                std::size_t v = i;
                while (i < s.size() && !is_space(s[i]) && s[i] != '>') ++i;
                value = s.substr(v, i - v);
            }
        }
        if (name == "charset") out.charset = lower_trim(value);
        else if (name == "http-equiv") out.http_equiv = lower_trim(value);
        else if (name == "content") out.content = std::string(value);
    }
    return s.size();
}

// The label declared by the first <meta> (or the XML declaration), lower case; empty if none.
std::string declared_label(std::string_view bytes) {
    const std::string_view s = bytes.substr(0, std::min(bytes.size(), kPrescanBytes));
    std::size_t i = 0;
    while (i < s.size()) {
        const auto lt = s.find('<', i);
        if (lt == std::string_view::npos) break;
        if (s.compare(lt, 4, "<!--") == 0) {
            const auto close = s.find("-->", lt + 4);
            if (close == std::string_view::npos) break;
            i = close + 3;
            continue;
        }
        if (starts_with_ci(s, lt, "<?xml")) {
            const auto close = s.find("?>", lt);
            std::string decl;
            for (char c : s.substr(lt, close == std::string_view::npos ? s.size() - lt : close - lt)) decl += text::ascii_lower(c);
            const auto enc = decl.find("encoding");
            if (enc != std::string::npos) {
                std::string rest = decl.substr(enc + 8);
                const auto q = rest.find_first_of("\"'");
                if (q != std::string::npos) {
                    const auto q2 = rest.find(rest[q], q + 1);
                    if (q2 != std::string::npos) return lower_trim(rest.substr(q + 1, q2 - q - 1));
                }
            }
            i = lt + 5;
            continue;
        }
        if (starts_with_ci(s, lt, "<meta") && lt + 5 < s.size() && (is_space(s[lt + 5]) || s[lt + 5] == '/')) {
            MetaAttrs attrs;
            i = read_attributes(s, lt + 5, attrs);
            if (!attrs.charset.empty()) return attrs.charset;
            if (attrs.http_equiv == "content-type") {
                std::string cs = charset_from_content(attrs.content);
                if (!cs.empty()) return cs;
            }
            continue;
        }
        if (starts_with_ci(s, lt, "<body")) break;  // a declaration after <body> is ignored
        i = lt + 1;
    }
    return {};
}

// The WHATWG Encoding standard's labels where ICU would do something else.
std::string canonical(const std::string& label) {
    static constexpr std::array<std::string_view, 17> kWindows1252{
        "iso-8859-1", "iso8859-1", "iso_8859-1", "iso_8859-1:1987", "latin1", "l1", "us-ascii",
        "ascii", "ansi_x3.4-1968", "cp1252", "windows-1252", "x-cp1252", "cp819", "ibm819",
        "iso-ir-100", "csisolatin1", "iso88591"};
    static constexpr std::array<std::string_view, 6> kWindows1254{
        "iso-8859-9", "iso8859-9", "iso_8859-9", "latin5", "l5", "windows-1254"};
    static constexpr std::array<std::string_view, 7> kUtf8{
        "utf-8", "utf8", "unicode-1-1-utf-8", "utf-16", "utf-16le", "utf-16be", "unicode"};
    auto in = [&](const auto& list) { return std::find(list.begin(), list.end(), label) != list.end(); };
    if (in(kWindows1252)) return "windows-1252";
    if (in(kWindows1254)) return "windows-1254";
    if (in(kUtf8)) return "UTF-8";  // UTF-16 declared in ASCII bytes cannot be UTF-16
    return {};
}

struct ConverterCloser {
    void operator()(UConverter* c) const { ucnv_close(c); }
};
using Converter = std::unique_ptr<UConverter, ConverterCloser>;

Converter open_converter(const std::string& name) {
    UErrorCode status = U_ZERO_ERROR;
    Converter c(ucnv_open(name.c_str(), &status));
    if (U_FAILURE(status)) return nullptr;
    return c;
}

// The ICU converter a declared label means (WHATWG mapping first), "" when ICU has none.
std::string converter_name(const std::string& label) {
    std::string name = canonical(label);
    if (name.empty()) {
        if (auto c = open_converter(label)) {
            UErrorCode status = U_ZERO_ERROR;
            const char* icu_name = ucnv_getName(c.get(), &status);
            name = U_SUCCESS(status) && icu_name ? icu_name : label;
        }
    }
    return name;
}

bool valid_utf8(std::string_view bytes) {
    std::size_t i = 0;
    while (i < bytes.size()) {
        const auto c = static_cast<unsigned char>(bytes[i]);
        if (c < 0x80) {
            ++i;
            continue;
        }
        const std::size_t start = i;
        if (text::decode_utf8(bytes, i) == text::kReplacementChar && i - start != 3) return false;
    }
    return true;
}

}  // namespace

bool charset_known(std::string_view label) {
    const std::string l = lower_trim(label);
    return !canonical(l).empty() || open_converter(l) != nullptr;
}

Charset detect_html_charset(std::string_view bytes) {
    if (bytes.starts_with("\xEF\xBB\xBF")) return {"UTF-8", CharsetSource::ByteOrderMark, {}};
    if (bytes.starts_with("\xFF\xFE")) return {"UTF-16LE", CharsetSource::ByteOrderMark, {}};
    if (bytes.starts_with("\xFE\xFF")) return {"UTF-16BE", CharsetSource::ByteOrderMark, {}};
    Charset out;
    const std::string label = declared_label(bytes);
    if (!label.empty()) {
        out.declared = label;
        const std::string name = converter_name(label);
        if (!name.empty()) {
            out.name = name;
            out.source = CharsetSource::Declared;
            return out;
        }
    }
    out.name = valid_utf8(bytes) ? "UTF-8" : "windows-1252";
    out.source = CharsetSource::Guessed;
    return out;
}

Charset detect_served_charset(std::string_view bytes, std::string_view content_type) {
    Charset page = detect_html_charset(bytes);
    if (page.source == CharsetSource::ByteOrderMark) return page;
    const std::string label = charset_from_content(content_type);
    if (label.empty()) return page;
    const std::string name = converter_name(label);
    if (name.empty()) {
        if (page.declared.empty()) page.declared = label;
        return page;
    }
    return {name, CharsetSource::Declared, label};
}

bool looks_single_byte(std::string_view bytes) {
    std::size_t invalid = 0, multibyte = 0, i = 0;
    while (i < bytes.size()) {
        if (static_cast<unsigned char>(bytes[i]) < 0x80) {
            ++i;
            continue;
        }
        const std::size_t start = i;
        const char32_t c = text::decode_utf8(bytes, i);
        if (c == text::kReplacementChar && i - start != 3)
            ++invalid;
        else
            ++multibyte;
    }
    return invalid > 0 && multibyte == 0;
}

std::string to_utf8(std::string_view bytes, const std::string& charset) {
    if (charset == "UTF-8") return std::string(bytes);
    Converter cnv = open_converter(charset);
    if (!cnv) return std::string(bytes);
    std::string out;
    out.reserve(bytes.size() + bytes.size() / 8);
    const char* src = bytes.data();
    const char* const end = src + bytes.size();
    std::array<UChar, 16 * 1024> buf{};
    char32_t high = 0;  // a high surrogate waiting for its pair from the next chunk
    while (true) {
        UChar* target = buf.data();
        UErrorCode status = U_ZERO_ERROR;
        ucnv_toUnicode(cnv.get(), &target, buf.data() + buf.size(), &src, end, nullptr, true, &status);
        for (const UChar* p = buf.data(); p < target; ++p) {
            const char32_t u = *p;
            if (high) {
                if (u >= 0xDC00 && u <= 0xDFFF) {
                    text::append_utf8(out, 0x10000 + ((high - 0xD800) << 10) + (u - 0xDC00));
                    high = 0;
                    continue;
                }
                text::append_utf8(out, text::kReplacementChar);
                high = 0;
            }
            if (u >= 0xD800 && u <= 0xDBFF)
                high = u;
            else if (u >= 0xDC00 && u <= 0xDFFF)
                text::append_utf8(out, text::kReplacementChar);
            else
                text::append_utf8(out, u);
        }
        if (status != U_BUFFER_OVERFLOW_ERROR) break;
    }
    if (high) text::append_utf8(out, text::kReplacementChar);
    return out;
}

}  // namespace veille::readers
