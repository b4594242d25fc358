#include "readers/feed_reader.hpp"

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/uri.h>
#include <libxml/xmlerror.h>

#include <algorithm>
#include <array>
#include <climits>
#include <cstdint>
#include <cstdio>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "documents/thread_order.hpp"
#include "readers/html_dom.hpp"
#include "readers/html_text.hpp"
#include "readers/seed_text_reader.hpp"
#include "readers/site_url.hpp"
#include "text/utf8.hpp"
#include "text/ascii.hpp"

namespace veille::readers {

namespace {

using documents::Article;
using documents::Comment;
using documents::Diagnostic;
using documents::Severity;

// Diagnostics quote the feed (guids, libxml2's messages): keep them to a line.
constexpr std::size_t kMaxQuoteBytes = 160;

std::string shorten(std::string s) { return text::shorten(std::move(s), kMaxQuoteBytes); }

// Entities may produce control characters (&#x85;) or text that is not NFC.
std::string clean(std::string_view s) {
    text::SanitizeReport ignored;
    return text::sanitize(s, ignored);
}

std::string one_line(std::string_view s) {
    html::TextBuilder b;
    b.text(s);
    return clean(b.finish());
}

bool blank(std::string_view s) { return s.find_first_not_of(" \t\r\n") == std::string_view::npos; }

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// ---- before libxml2: references it would lose ------------------------------------------------

bool is_name_start(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}
bool is_name_char(char c) { return is_name_start(c) || is_digit(c) || c == '.' || c == '-'; }

// The code point of a named reference XML or HTML 4 defines, or 0.
unsigned named_reference(const std::string& name) {
    static constexpr std::array<std::pair<std::string_view, unsigned>, 5> kXml{
        {{"amp", '&'}, {"lt", '<'}, {"gt", '>'}, {"quot", '"'}, {"apos", '\''}}};
    for (const auto& [n, cp] : kXml)
        if (name == n) return cp;
    const htmlEntityDesc* html = htmlEntityLookup(reinterpret_cast<const xmlChar*>(name.c_str()));
    return html ? html->value : 0;
}

// libxml2 2.9 (Debian bookworm) drops every entity reference, &amp; and &lt; included, once it
// has found the document not well-formed, and drops the HTML entities feeds are full of
// (&eacute;, &nbsp;) because XML does not declare them. Character references survive both. So
// every named reference XML or HTML knows becomes a character reference, and a bare "&" (an
// unescaped query string, "AT&T") becomes "&#38;" as a browser reads it. CDATA sections,
// comments, processing instructions and the DOCTYPE are copied as they are; no newline is added
// or removed, so libxml2's line numbers are the file's.
std::string with_character_references(std::string_view s) {
    std::string out;
    out.reserve(s.size() + s.size() / 32);
    std::size_t i = 0;
    auto copy_through = [&](std::string_view close) {
        std::size_t end = s.find(close, i);
        end = end == std::string_view::npos ? s.size() : end + close.size();
        out.append(s.substr(i, end - i));
        i = end;
    };
    while (i < s.size()) {
        const std::size_t next = s.find_first_of("<&", i);
        if (next == std::string_view::npos) {
            out.append(s.substr(i));
            break;
        }
        out.append(s.substr(i, next - i));
        i = next;
        if (s[i] == '<') {
            if (s.compare(i, 9, "<![CDATA[") == 0) {
                copy_through("]]>");
            } else if (s.compare(i, 4, "<!--") == 0) {
                copy_through("-->");
            } else if (s.compare(i, 2, "<?") == 0) {
                copy_through("?>");
            } else if (s.compare(i, 9, "<!DOCTYPE") == 0) {
                const std::size_t bracket = s.find('[', i), close = s.find('>', i);
                copy_through(bracket < close ? "]>" : ">");
            } else {
                out += '<';
                ++i;
            }
            continue;
        }
        // A character reference stays as it is.
        std::size_t j = i + 1;
        if (j < s.size() && s[j] == '#') {
            ++j;
            const bool hex = j < s.size() && (s[j] == 'x' || s[j] == 'X');
            if (hex) ++j;
            const std::size_t digits = j;
            while (j < s.size() && j - digits < 8 &&
                   (is_digit(s[j]) || (hex && ((s[j] >= 'a' && s[j] <= 'f') || (s[j] >= 'A' && s[j] <= 'F')))))
                ++j;
            if (j > digits && j < s.size() && s[j] == ';') {
                out.append(s.substr(i, j + 1 - i));
                i = j + 1;
            } else {
                out += "&#38;";
                ++i;
            }
            continue;
        }
        while (j < s.size() && j - i <= 32 && (j == i + 1 ? is_name_start(s[j]) : is_name_char(s[j]))) ++j;
        if (j > i + 1 && j < s.size() && s[j] == ';') {
            const std::string name(s.substr(i + 1, j - i - 1));
            if (const unsigned cp = named_reference(name))
                out += "&#" + std::to_string(cp) + ";";
            else
                out.append(s.substr(i, j + 1 - i));  // declared in the DOCTYPE, or reported by libxml2
            i = j + 1;
        } else {
            out += "&#38;";
            ++i;
        }
    }
    return out;
}

// ---- libxml2 -------------------------------------------------------------------------------

struct XmlErrors {
    std::size_t count = 0;
    int first_line = 0;
    std::string first_message;
};

void on_xml_error(void* data, xmlErrorPtr error) {
    if (!error || error->level != XML_ERR_FATAL) return;  // warnings, undeclared namespace prefixes
    auto* ctxt = static_cast<xmlParserCtxtPtr>(data);
    auto* errors = ctxt ? static_cast<XmlErrors*>(ctxt->_private) : nullptr;
    if (!errors) return;
    if (errors->count++ == 0) {
        errors->first_line = error->line;
        std::string message = error->message ? error->message : "syntax error";
        while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
        errors->first_message = std::move(message);
    }
}

// Messages libxml2 would print to stderr outside a parser context go nowhere.
void ignore_generic_error(void*, const char*, ...) {}

struct DocDeleter {
    void operator()(xmlDoc* d) const { xmlFreeDoc(d); }
};
struct CtxtDeleter {
    void operator()(xmlParserCtxt* c) const { xmlFreeParserCtxt(c); }
};
using DocPtr = std::unique_ptr<xmlDoc, DocDeleter>;

DocPtr parse_xml(const std::string& xml, XmlErrors& errors) {
    static std::once_flag initialised;
    std::call_once(initialised, [] { xmlInitParser(); });  // not thread-safe itself
    xmlSetGenericErrorFunc(nullptr, ignore_generic_error);  // per thread
    std::unique_ptr<xmlParserCtxt, CtxtDeleter> ctxt(xmlNewParserCtxt());
    if (!ctxt || xml.size() > static_cast<std::size_t>(INT_MAX)) return nullptr;
    ctxt->_private = &errors;
    ctxt->sax->serror = on_xml_error;
    // RECOVER: read what a broken feed still holds. NONET and no DTDLOAD/NOENT: nothing is
    // fetched and external entities are never expanded. BIG_LINES: lines above 65535 are right.
    // IGNORE_ENC: the text is already UTF-8, whatever its declaration says.
    const int options =
        XML_PARSE_RECOVER | XML_PARSE_NONET | XML_PARSE_BIG_LINES | XML_PARSE_IGNORE_ENC | XML_PARSE_NOWARNING;
    return DocPtr(xmlCtxtReadMemory(ctxt.get(), xml.data(), static_cast<int>(xml.size()), nullptr, "UTF-8",
                                    options));
}

// ---- names: which vocabulary an element is from ---------------------------------------------

enum class Vocab { Rss, Atom, Content, Dc, Thread, Rdf, Other };

Vocab vocab_of_uri(std::string_view uri) {
    if (uri == "http://www.w3.org/2005/Atom" || uri == "http://purl.org/atom/ns#") return Vocab::Atom;
    if (uri == "http://purl.org/rss/1.0/" || uri == "http://backend.userland.com/rss2" ||
        uri == "http://my.netscape.com/rdf/simple/0.9/" || uri == "http://backend.userland.com/rss")
        return Vocab::Rss;
    if (uri == "http://purl.org/rss/1.0/modules/content/") return Vocab::Content;
    if (uri == "http://purl.org/dc/elements/1.1/") return Vocab::Dc;
    if (uri == "http://purl.org/syndication/thread/1.0") return Vocab::Thread;
    if (uri == "http://www.w3.org/1999/02/22-rdf-syntax-ns#") return Vocab::Rdf;
    return Vocab::Other;
}

struct Name {
    Vocab vocab = Vocab::Other;
    std::string_view local;
};

// An element's vocabulary and local name. A feed that uses a prefix it never declared
// ("dc:creator" without xmlns:dc) is read by its usual prefix.
Name name_of(const xmlNode* n) {
    const std::string_view name = n->name ? reinterpret_cast<const char*>(n->name) : "";
    if (n->ns && n->ns->href) return {vocab_of_uri(reinterpret_cast<const char*>(n->ns->href)), name};
    const auto colon = name.find(':');
    if (colon == std::string_view::npos) return {Vocab::Rss, name};
    const std::string_view prefix = name.substr(0, colon), local = name.substr(colon + 1);
    if (prefix == "dc") return {Vocab::Dc, local};
    if (prefix == "content") return {Vocab::Content, local};
    if (prefix == "thr") return {Vocab::Thread, local};
    if (prefix == "atom") return {Vocab::Atom, local};
    if (prefix == "rdf") return {Vocab::Rdf, local};
    return {Vocab::Other, local};
}

bool is(const xmlNode* n, Vocab vocab, std::string_view local) {
    if (!n || n->type != XML_ELEMENT_NODE) return false;
    const Name name = name_of(n);
    return name.vocab == vocab && name.local == local;
}

const xmlNode* child(const xmlNode* parent, Vocab vocab, std::string_view local) {
    for (const xmlNode* c = parent ? parent->children : nullptr; c; c = c->next)
        if (is(c, vocab, local)) return c;
    return nullptr;
}

std::vector<const xmlNode*> children(const xmlNode* parent, Vocab vocab, std::string_view local) {
    std::vector<const xmlNode*> out;
    for (const xmlNode* c = parent ? parent->children : nullptr; c; c = c->next)
        if (is(c, vocab, local)) out.push_back(c);
    return out;
}

std::string attribute(const xmlNode* n, const char* name) {
    if (!n) return {};
    xmlChar* v = xmlGetProp(n, reinterpret_cast<const xmlChar*>(name));
    if (!v) return {};
    std::string out(reinterpret_cast<const char*>(v));
    xmlFree(v);
    return out;
}

// Pre-order walk of an element's subtree without recursion; `visit(node)` returns false to
// leave the node's children out.
template <class Visit>
void walk(const xmlNode* root, Visit&& visit) {
    if (!root) return;
    const xmlNode* n = root;
    while (true) {
        if (visit(n) && n->type == XML_ELEMENT_NODE && n->children) {
            n = n->children;
            continue;
        }
        while (n != root && !n->next) n = n->parent;
        if (n == root) return;
        n = n->next;
    }
}

// The text inside an element, CDATA sections included, markup dropped.
std::string text_of(const xmlNode* n) {
    std::string out;
    walk(n, [&](const xmlNode* c) {
        if ((c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) && c->content)
            out += reinterpret_cast<const char*>(c->content);
        return c->type == XML_ELEMENT_NODE;
    });
    return out;
}

bool has_element_child(const xmlNode* n) {
    for (const xmlNode* c = n ? n->children : nullptr; c; c = c->next)
        if (c->type == XML_ELEMENT_NODE) return true;
    return false;
}

// What is inside an element as markup: Atom's type="xhtml", or HTML a feed wrote unescaped.
std::string inner_markup(const xmlNode* n) {
    std::string out;
    xmlBufferPtr buffer = xmlBufferCreate();
    if (!buffer) return text_of(n);
    for (xmlNode* c = n->children; c; c = c->next) {
        xmlBufferEmpty(buffer);
        if (xmlNodeDump(buffer, n->doc, c, 0, 0) >= 0) out += reinterpret_cast<const char*>(xmlBufferContent(buffer));
    }
    xmlBufferFree(buffer);
    return out;
}

// HTML an element holds, escaped, in CDATA or as elements.
std::string html_of(const xmlNode* n) {
    if (!n) return {};
    return has_element_child(n) ? inner_markup(n) : text_of(n);
}

// An Atom text construct (title, summary, content) as text: type="text" (the default) is
// plain text, "html" escaped HTML, "xhtml" markup; content with a src, or of another media
// type (an image, base64), has no text.
std::string atom_text(const xmlNode* n, bool paragraphs) {
    if (!n || !attribute(n, "src").empty()) return {};
    const std::string type = text::ascii_lower(attribute(n, "type"));
    std::string html;
    if (type == "html" || type == "xhtml" || type.find("html") != std::string::npos) {
        html = type == "html" || type == "text/html" ? text_of(n) : inner_markup(n);
    } else if (type.empty() || type == "text" || type.starts_with("text/")) {
        if (has_element_child(n)) {  // markup in a text construct: a careless feed
            html = inner_markup(n);
        } else {
            const std::string text = text_of(n);
            if (!paragraphs) return one_line(text);
            html::TextBuilder b;
            std::size_t start = 0;
            while (start <= text.size()) {
                std::size_t nl = text.find('\n', start);
                if (nl == std::string::npos) nl = text.size();
                const std::string_view line(text.data() + start, nl - start);
                if (blank(line)) {
                    b.paragraph_break();
                } else {
                    b.text(line);
                    b.line_break();
                }
                start = nl + 1;
            }
            return clean(b.finish());
        }
    } else {
        return {};
    }
    return clean(paragraphs ? html_fragment_text(html) : html_fragment_line(html));
}

// ---- values ----------------------------------------------------------------------------------

// "Thu, 06 Nov 2025 14:32:00 +0100" (RFC 822, the RSS date) -> "2025-11-06T14:32:00+01:00";
// the day alone when there is no time; empty when it is not such a date. A two-digit year is
// 19xx from 50 on. Month names may be English or French ("06 nov. 2025", "1 févr 2024"), as
// some translated blogs write them.
std::string rfc822_to_iso(std::string_view s) {
    std::vector<std::string> tokens;
    std::string token;
    for (char c : s) {
        if (c == ' ' || c == ',' || c == '\t' || c == '\n') {
            if (!token.empty()) tokens.push_back(std::move(token));
            token.clear();
        } else {
            token += c;
        }
    }
    if (!token.empty()) tokens.push_back(std::move(token));
    static constexpr std::array<std::pair<std::string_view, int>, 23> kMonths{{
        {"juin", 6}, {"juil", 7}, {"jan", 1}, {"feb", 2}, {"fev", 2}, {"f\xC3\xA9v", 2}, {"mar", 3}, {"apr", 4},
        {"avr", 4}, {"may", 5}, {"mai", 5}, {"jun", 6}, {"jul", 7}, {"aug", 8}, {"aou", 8}, {"ao\xC3\xBB", 8},
        {"sep", 9}, {"oct", 10}, {"nov", 11}, {"dec", 12}, {"d\xC3\xA9""c", 12}, {"janv", 1}, {"sept", 9}}};
    auto month_of = [&](const std::string& t) {
        const std::string l = text::ascii_lower(t);
        for (const auto& [prefix, m] : kMonths)
            if (l.starts_with(prefix)) return m;
        return 0;
    };
    auto number = [](const std::string& t, std::size_t min_digits, std::size_t max_digits) {
        if (t.size() < min_digits || t.size() > max_digits) return -1;
        int v = 0;
        for (char c : t) {
            if (!is_digit(c)) return -1;
            v = v * 10 + (c - '0');
        }
        return v;
    };
    std::size_t i = 0;
    if (i < tokens.size() && !tokens[i].empty() && !is_digit(tokens[i][0])) ++i;  // the weekday
    if (i + 3 > tokens.size()) return {};
    const int day = number(tokens[i], 1, 2), month = month_of(tokens[i + 1]);
    int year = number(tokens[i + 2], 2, 4);
    if (tokens[i + 2].size() == 2 && year >= 0) year += year < 50 ? 2000 : 1900;
    if (day < 1 || day > 31 || month == 0 || year < 1583 || year > 2999) return {};
    char buf[64];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
    std::string out = buf;
    i += 3;
    if (i >= tokens.size()) return out;
    int h = -1, m = -1, sec = 0;
    const std::string& t = tokens[i];
    if (t.size() == 5 && t[2] == ':') {
        h = number(t.substr(0, 2), 2, 2);
        m = number(t.substr(3, 2), 2, 2);
    } else if (t.size() == 8 && t[2] == ':' && t[5] == ':') {
        h = number(t.substr(0, 2), 2, 2);
        m = number(t.substr(3, 2), 2, 2);
        sec = number(t.substr(6, 2), 2, 2);
    }
    if (h < 0 || h > 23 || m < 0 || m > 59 || sec < 0 || sec > 60) return out;
    std::snprintf(buf, sizeof buf, "T%02d:%02d:%02d", h, m, sec);
    out += buf;
    if (++i >= tokens.size()) return out;
    const std::string zone = tokens[i];
    if (zone.size() == 5 && (zone[0] == '+' || zone[0] == '-') && number(zone.substr(1), 4, 4) >= 0)
        return out + zone.substr(0, 3) + ":" + zone.substr(3, 2);
    static constexpr std::array<std::pair<std::string_view, std::string_view>, 14> kZones{{
        {"GMT", "+00:00"}, {"UT", "+00:00"}, {"UTC", "+00:00"}, {"Z", "+00:00"}, {"EST", "-05:00"},
        {"EDT", "-04:00"}, {"CST", "-06:00"}, {"CDT", "-05:00"}, {"MST", "-07:00"}, {"MDT", "-06:00"},
        {"PST", "-08:00"}, {"PDT", "-07:00"}, {"CET", "+01:00"}, {"CEST", "+02:00"}}};
    for (const auto& [name, offset] : kZones)
        if (zone == name) return out + std::string(offset);
    return out;
}

// "jean@x.fr (Jean Dupont)" -> "Jean Dupont"; any other form as it is.
std::string rss_author(std::string s) {
    const auto open = s.find('('), close = s.rfind(')');
    if (s.find('@') != std::string::npos && open != std::string::npos && close != std::string::npos && open < close)
        return one_line(s.substr(open + 1, close - open - 1));
    return one_line(s);
}

bool looks_like_url(std::string_view s) { return s.starts_with("http://") || s.starts_with("https://"); }

bool is_comment_fragment(std::string_view link) {
    const auto hash = link.find('#');
    return hash != std::string_view::npos && link.substr(hash + 1).starts_with("comment-");
}

// A post's comment feed, as WordPress titles it in French and English.
bool is_comment_channel(std::string_view title) {
    const std::string l = text::ascii_lower(title.substr(0, 24));
    return l.starts_with("commentaires sur") || l.starts_with("comments on");
}

// ---- items -----------------------------------------------------------------------------------

struct Item {
    std::size_t line = 0;
    std::string id;    // <guid> or Atom <id>
    std::string link;  // where it is read on the web
    std::string title, body, date, author;
    bool comment = false;
    std::string reply_ref, reply_href;  // <thr:in-reply-to>
};

struct Channel {
    std::string title, link, author;
    bool atom = false;
    bool comments = false;  // a post's comment feed
};

// Atom links: rel="alternate" (the default) of an HTML type, resolved against xml:base, else
// against `fallback_base` (the feed's own link).
std::string atom_link(const xmlNode* entry, const std::string& fallback_base = {}) {
    std::string best;
    for (const xmlNode* l : children(entry, Vocab::Atom, "link")) {
        const std::string rel = attribute(l, "rel");
        if (!rel.empty() && rel != "alternate") continue;
        std::string href = attribute(l, "href");
        if (href.empty()) continue;
        if (!looks_like_url(href)) {
            xmlChar* base = xmlNodeGetBase(l->doc, l);
            const char* base_text = base ? reinterpret_cast<const char*>(base) : fallback_base.c_str();
            if (*base_text) {
                xmlChar* full = xmlBuildURI(reinterpret_cast<const xmlChar*>(href.c_str()),
                                            reinterpret_cast<const xmlChar*>(base_text));
                if (full) {
                    href = reinterpret_cast<const char*>(full);
                    xmlFree(full);
                }
            }
            if (base) xmlFree(base);
        }
        const std::string type = attribute(l, "type");
        if (type.empty() || type.find("html") != std::string::npos) return one_line(href);
        if (best.empty()) best = one_line(href);
    }
    return best;
}

std::string atom_author(const xmlNode* parent) {
    std::string names;
    for (const xmlNode* a : children(parent, Vocab::Atom, "author")) {
        const std::string name = one_line(text_of(child(a, Vocab::Atom, "name")));
        if (name.empty()) continue;
        names += (names.empty() ? "" : ", ") + name;
    }
    return names;
}

std::string dc_creators(const xmlNode* item) {
    std::string names;
    for (const xmlNode* c : children(item, Vocab::Dc, "creator")) {
        const std::string name = one_line(html_fragment_line(text_of(c)));
        if (!name.empty()) names += (names.empty() ? "" : ", ") + name;
    }
    return names;
}

Item read_item(const xmlNode* n, const Channel& channel) {
    Item it;
    it.line = static_cast<std::size_t>(std::max(0L, xmlGetLineNo(n)));
    if (name_of(n).vocab == Vocab::Atom) {
        it.id = one_line(text_of(child(n, Vocab::Atom, "id")));
        it.link = atom_link(n, channel.link);
        it.title = atom_text(child(n, Vocab::Atom, "title"), false);
        it.body = atom_text(child(n, Vocab::Atom, "content"), true);
        if (blank(it.body)) it.body = atom_text(child(n, Vocab::Atom, "summary"), true);
        for (const char* field : {"published", "issued", "updated", "modified"}) {
            it.date = one_line(text_of(child(n, Vocab::Atom, field)));
            if (!it.date.empty()) break;
        }
        it.author = atom_author(n);
        if (it.author.empty()) it.author = dc_creators(n);
        if (it.author.empty()) it.author = channel.author;
    } else {
        const xmlNode* guid = child(n, Vocab::Rss, "guid");
        it.id = one_line(text_of(guid));
        it.link = one_line(text_of(child(n, Vocab::Rss, "link")));
        if (it.link.empty()) {
            const std::string about = attribute(n, "about");  // RSS 1.0 rdf:about
            if (looks_like_url(about)) it.link = about;
        }
        if (it.link.empty() && looks_like_url(it.id) && text::ascii_lower(attribute(guid, "isPermaLink")) != "false")
            it.link = it.id;
        it.title = clean(html_fragment_line(html_of(child(n, Vocab::Rss, "title"))));
        it.body = clean(html_fragment_text(html_of(child(n, Vocab::Content, "encoded"))));
        if (blank(it.body)) it.body = clean(html_fragment_text(html_of(child(n, Vocab::Rss, "description"))));
        const std::string pub = one_line(text_of(child(n, Vocab::Rss, "pubDate")));
        it.date = rfc822_to_iso(pub);
        if (it.date.empty()) it.date = one_line(text_of(child(n, Vocab::Dc, "date")));
        if (it.date.empty()) it.date = pub;  // as written: dates::parse_french_date may read it
        it.author = dc_creators(n);
        if (it.author.empty()) it.author = rss_author(text_of(child(n, Vocab::Rss, "author")));
    }
    if (const xmlNode* reply = child(n, Vocab::Thread, "in-reply-to")) {
        it.comment = true;
        it.reply_ref = one_line(attribute(reply, "ref"));
        it.reply_href = one_line(attribute(reply, "href"));
    }
    if (channel.comments || is_comment_fragment(it.link) || is_comment_fragment(it.id)) it.comment = true;
    return it;
}

// Items and entries, wherever libxml2's recovery left them: an unclosed <br> or <b> makes the
// next items children of the broken one (or of its description), so the whole tree is searched.
// Markup inside a description or an XHTML content never has an RSS <item> or Atom <entry>.
std::vector<xmlNode*> find_items(const xmlNode* root) {
    std::vector<xmlNode*> out;
    walk(root, [&](const xmlNode* n) {
        if (n->type != XML_ELEMENT_NODE) return false;
        const Name name = name_of(n);
        if ((name.vocab == Vocab::Rss && name.local == "item") || (name.vocab == Vocab::Atom && name.local == "entry"))
            out.push_back(const_cast<xmlNode*>(n));
        return true;
    });
    return out;
}

Channel read_channel(const xmlNode* root) {
    Channel c;
    const Name root_name = name_of(root);
    c.atom = root_name.vocab == Vocab::Atom;
    if (c.atom) {
        c.title = atom_text(child(root, Vocab::Atom, "title"), false);
        c.link = atom_link(root);
        c.author = atom_author(root);
    } else {
        const xmlNode* channel = child(root, Vocab::Rss, "channel");
        c.title = clean(html_fragment_line(html_of(child(channel, Vocab::Rss, "title"))));
        c.link = one_line(text_of(child(channel, Vocab::Rss, "link")));
    }
    c.comments = is_comment_channel(c.title);
    return c;
}

// ---- threads ---------------------------------------------------------------------------------

struct PendingComment {
    std::size_t item = 0;                 // index in items
    std::optional<std::size_t> parent;    // index in items
};

// Appends `mine` (in the order they were read) to `thread` in reading order (documents/
// thread_order); a cycle of parents is broken at its first comment.
void build_thread(const std::vector<Item>& items, const std::vector<PendingComment>& mine,
                  documents::CommentThread& thread, const std::string& where,
                  std::vector<Diagnostic>& diagnostics) {
    std::unordered_map<std::size_t, std::size_t> position;  // item index -> position in mine
    for (std::size_t k = 0; k < mine.size(); ++k) position.emplace(mine[k].item, k);
    std::vector<std::optional<std::size_t>> parent_of(mine.size());
    for (std::size_t k = 0; k < mine.size(); ++k) {
        const auto it = mine[k].parent ? position.find(*mine[k].parent) : position.end();
        if (it != position.end()) parent_of[k] = it->second;
    }
    const documents::ThreadOrder order = documents::thread_order(parent_of);
    for (std::size_t k : order.cycle_broken)
        diagnostics.push_back({Severity::Warning, where, items[mine[k].item].line,
                               "replies form a cycle: comment read as a top-level comment"});
    std::vector<int> number(mine.size(), 0);
    for (std::size_t k : order.order) {
        const Item& item = items[mine[k].item];
        Comment c;
        c.number = static_cast<int>(thread.size() + 1);
        number[k] = c.number;
        if (order.parent[k]) c.parent = number[*order.parent[k]];
        c.author = item.author;
        c.date = item.date;
        c.text = item.body;
        c.mentions = find_mentions(c.text);
        thread.push_back(std::move(c));
    }
}

}  // namespace

FeedResult read_feed(std::string_view utf8, std::string_view path) {
    FeedResult out;
    const std::string where(path);
    auto warn = [&](std::size_t line, std::string message) {
        out.diagnostics.push_back({Severity::Warning, where, line, std::move(message)});
    };
    if (utf8.starts_with("\xEF\xBB\xBF")) utf8.remove_prefix(3);

    XmlErrors errors;
    const DocPtr doc = parse_xml(with_character_references(utf8), errors);
    if (errors.count > 0) {
        std::string message = "malformed XML: " + shorten(clean(errors.first_message));
        if (errors.count > 1)
            message += " (and " + std::to_string(errors.count - 1) + (errors.count == 2 ? " more error)" : " more errors)");
        warn(static_cast<std::size_t>(std::max(0, errors.first_line)), message + "; what could be read is kept");
    }
    xmlNode* root = doc ? xmlDocGetRootElement(doc.get()) : nullptr;
    const Name root_name = root ? name_of(root) : Name{};
    const bool feed = root && ((root_name.vocab == Vocab::Rss && root_name.local == "rss") ||
                               (root_name.vocab == Vocab::Atom && root_name.local == "feed") ||
                               (root_name.vocab == Vocab::Rdf && root_name.local == "RDF"));
    if (!feed) {
        if (root)
            warn(0, "not an RSS or Atom feed (its root element is <" +
                        shorten(clean(reinterpret_cast<const char*>(root->name))) + ">)");
        else if (errors.count == 0)
            warn(0, "not an RSS or Atom feed");
        return out;
    }

    const Channel channel = read_channel(root);
    const std::string source = channel.comments ? host_of(channel.link) : channel.title;
    // Each item is moved to the root, out of whatever broken item swallowed it, so that an
    // item's text is its own and never its neighbours'.
    const std::vector<xmlNode*> item_nodes = find_items(root);
    for (xmlNode* n : item_nodes) xmlUnlinkNode(n);
    for (xmlNode* n : item_nodes) xmlAddChild(root, n);
    std::vector<Item> items;
    for (const xmlNode* n : item_nodes) items.push_back(read_item(n, channel));
    out.items = items.size();

    // Articles, keyed and addressable by their guid and their link.
    std::unordered_map<std::string, std::size_t> article_at;     // key -> index in out.articles
    std::unordered_map<std::string, std::size_t> article_by_url;  // documents::url_link_key(link) -> index
    std::unordered_map<std::string, std::size_t> comment_by;      // id, or url of a comment -> item
    std::size_t without_key = 0;
    for (std::size_t i = 0; i < items.size(); ++i) {
        Item& it = items[i];
        if (it.comment) {
            if (blank(it.body)) {
                warn(it.line, "comment without text: skipped");
                continue;
            }
            if (!it.id.empty()) comment_by.emplace(it.id, i);
            if (!it.link.empty()) comment_by.emplace(it.link, i);
            continue;
        }
        if (blank(it.title) && blank(it.body)) {
            warn(it.line, "item without title or text: skipped");
            continue;
        }
        std::string key = !it.id.empty() ? it.id : it.link;
        if (key.empty()) key = "#" + std::to_string(++without_key);
        if (auto seen = article_at.find(key); seen != article_at.end()) {
            warn(it.line, "duplicate item '" + shorten(key) + "' (first at line " +
                              std::to_string(out.articles[seen->second].first_line) + "): skipped");
            continue;
        }
        Article a;
        a.key = key;
        a.first_line = it.line;
        a.title = std::move(it.title);
        a.body = std::move(it.body);
        a.meta = {std::move(it.date), it.link, source, std::move(it.author)};
        article_at.emplace(key, out.articles.size());
        if (!it.link.empty()) article_by_url.emplace(documents::url_link_key(it.link), out.articles.size());
        if (looks_like_url(it.id)) article_by_url.emplace(documents::url_link_key(it.id), out.articles.size());
        out.articles.push_back(std::move(a));
    }

    // Each comment: its parent comment, and its article (an index in out.articles, or the
    // URL of an article that is not in the file).
    auto article_named = [&](const std::string& ref) -> std::optional<std::size_t> {
        if (ref.empty()) return std::nullopt;
        if (auto a = article_at.find(ref); a != article_at.end()) return a->second;
        if (auto a = article_by_url.find(documents::url_link_key(ref)); a != article_by_url.end()) return a->second;
        return std::nullopt;
    };
    std::vector<std::vector<PendingComment>> threads(out.articles.size());
    std::unordered_map<std::string, std::size_t> orphan_at;  // article url -> index in threads
    std::vector<std::string> orphan_urls;
    std::vector<std::size_t> orphan_line;
    std::vector<std::size_t> article_of_item(items.size(), SIZE_MAX);
    for (std::size_t i = 0; i < items.size(); ++i) {
        const Item& it = items[i];
        if (!it.comment || blank(it.body)) continue;
        std::optional<std::size_t> parent;
        for (const std::string* ref : {&it.reply_ref, &it.reply_href}) {
            if (parent || ref->empty()) continue;
            if (auto c = comment_by.find(*ref); c != comment_by.end() && c->second != i) parent = c->second;
        }
        if (!parent && (is_comment_fragment(it.reply_ref) || is_comment_fragment(it.reply_href)))
            warn(it.line, "the comment it answers is not in this file: read as a top-level comment");
        std::optional<std::size_t> article = parent ? std::nullopt : article_named(it.reply_ref);
        if (!article && !parent) article = article_named(it.reply_href);
        std::string url;
        if (!article) {
            if (!it.link.empty()) url = documents::article_address(it.link);
            else if (!parent && !it.reply_href.empty()) url = documents::article_address(it.reply_href);
            else if (parent && !items[*parent].link.empty()) url = documents::article_address(items[*parent].link);
            else if (channel.comments) url = channel.link;
            if (url.empty() && channel.comments) url = channel.link;
            if (!url.empty()) article = article_named(url);
        }
        if (!article) {
            if (url.empty()) url = !it.reply_ref.empty() ? it.reply_ref : it.reply_href;
            if (url.empty()) {
                warn(it.line, "comment whose article is unknown (no link, no in-reply-to): skipped");
                continue;
            }
            auto [o, fresh] = orphan_at.emplace(documents::url_link_key(url), threads.size());
            if (fresh) {
                threads.emplace_back();
                orphan_urls.push_back(url);
                orphan_line.push_back(it.line);
            }
            article = o->second;
        }
        article_of_item[i] = *article;
        threads[*article].push_back({i, parent});
    }

    // Stand-ins for the articles that are not in the file, named by their address: the index
    // joins their comments to the article with that address, from whatever file. A post's
    // comment feed always has its post elsewhere, so only another feed's is worth a warning.
    for (std::size_t o = 0; o < orphan_urls.size(); ++o) {
        Article holder;
        holder.key = orphan_urls[o];
        while (article_at.count(holder.key)) holder.key += "#comments";
        article_at.emplace(holder.key, out.articles.size());
        holder.first_line = orphan_line[o];
        holder.stands_in_for = documents::ArticleName{documents::ArticleName::By::Url, orphan_urls[o]};
        if (looks_like_url(orphan_urls[o])) holder.meta.url = orphan_urls[o];
        holder.meta.source = source;
        const std::size_t n = threads[out.articles.size()].size();
        if (!channel.comments)
            warn(holder.first_line, "article '" + shorten(orphan_urls[o]) + "' is not in this file: its " +
                                        std::to_string(n) + (n == 1 ? " comment joins" : " comments join") +
                                        " it when it is indexed from another file");
        out.articles.push_back(std::move(holder));
    }

    for (std::size_t a = 0; a < out.articles.size(); ++a) {
        auto& mine = threads[a];
        if (mine.empty()) continue;
        for (auto& pc : mine) {
            if (pc.parent && article_of_item[*pc.parent] != a) {
                warn(items[pc.item].line, "the comment it answers is not under the same article: read as a "
                                          "top-level comment");
                pc.parent.reset();
            }
        }
        // Feeds list the newest comment first; a thread reads from the oldest.
        const bool dated = std::all_of(mine.begin(), mine.end(), [&](const PendingComment& pc) {
            const std::string& d = items[pc.item].date;  // ISO 8601, so that it sorts as text
            return d.size() >= 10 && is_digit(d[0]) && d[4] == '-' && d[7] == '-';
        });
        if (dated)
            std::stable_sort(mine.begin(), mine.end(), [&](const PendingComment& x, const PendingComment& y) {
                return items[x.item].date < items[y.item].date;
            });
        build_thread(items, mine, out.articles[a].comments, where, out.diagnostics);
    }
    return out;
}

}  // namespace veille::readers
