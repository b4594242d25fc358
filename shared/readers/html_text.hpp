// The text of an HTML fragment found outside a page: the content of a feed item, a JSON-LD
// value. Built on html_dom, so it is laid out exactly as page text is (blocks are paragraphs,
// <br> a newline, scripts and hidden elements left out, entities decoded).
#pragma once

#include <string>
#include <string_view>

namespace veille::readers {

// Text of `html` (UTF-8) with its paragraphs: blocks separated by a blank line, <br> a line
// break. A fragment without markup (no tag, no entity) is plain text and keeps its own lines;
// one with entities but no tag is plain text whose entities are decoded, blank lines being
// paragraphs and single newlines line breaks.
std::string html_fragment_text(std::string_view html);

// The same on one line (a title, a name): every run of white space, line breaks included,
// is one space.
std::string html_fragment_line(std::string_view html);

}  // namespace veille::readers
