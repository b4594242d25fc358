#include "readers/html_text.hpp"

#include "readers/html_dom.hpp"

namespace veille::readers {

namespace {

using namespace html;

bool has_tag(std::string_view s) {
    for (std::size_t i = s.find('<'); i != std::string_view::npos && i + 1 < s.size(); i = s.find('<', i + 1)) {
        const char c = s[i + 1];
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '/' || c == '!') return true;
    }
    return false;
}

std::string one_line(std::string_view s) {
    TextBuilder b;
    b.text(s);
    return b.finish();
}

// Plain text keeps its lines: a blank line is a paragraph break, any other newline a line break.
std::string plain_lines(std::string_view s) {
    TextBuilder b;
    std::size_t start = 0;
    while (start <= s.size()) {
        std::size_t nl = s.find('\n', start);
        if (nl == std::string_view::npos) nl = s.size();
        const std::string_view line = s.substr(start, nl - start);
        if (line.find_first_not_of(" \t\r") == std::string_view::npos) {
            b.paragraph_break();
        } else {
            b.text(line);
            b.line_break();
        }
        start = nl + 1;
    }
    return b.finish();
}

// Entities but no tag: the newlines of the text become <p> and <br> so that they survive.
std::string paragraphs_as_markup(std::string_view s) {
    std::string out = "<body><p>";
    std::size_t i = 0;
    while (i < s.size()) {
        if (s.compare(i, 2, "\n\n") == 0) {
            out += "</p><p>";
            while (i < s.size() && s[i] == '\n') ++i;
            continue;
        }
        if (s[i] == '\n')
            out += "<br>";
        else
            out += s[i];
        ++i;
    }
    out += "</p>";
    return out;
}

}  // namespace

std::string html_fragment_text(std::string_view s) {
    if (has_tag(s)) {
        const Document doc("<body>" + std::string(s));
        return extract_text(doc.root());
    }
    if (s.find('&') == std::string_view::npos) return plain_lines(s);
    const Document doc(paragraphs_as_markup(s));
    return extract_text(doc.root());
}

std::string html_fragment_line(std::string_view s) {
    if (s.find('<') == std::string_view::npos && s.find('&') == std::string_view::npos) return one_line(s);
    const Document doc("<body>" + std::string(s));
    return one_line(extract_text(doc.root()));
}

}  // namespace veille::readers
