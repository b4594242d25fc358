#include "readers/html_dom.hpp"

#include <algorithm>
#include <array>
#include <unordered_map>

#include "text/ascii.hpp"

namespace veille::readers::html {

namespace {

bool is_ascii_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }
bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

template <std::size_t N>
bool one_of(std::string_view name, const std::array<std::string_view, N>& set) {
    return std::find(set.begin(), set.end(), name) != set.end();
}

constexpr std::array<std::string_view, 18> kVoid{"area", "base", "br", "col", "embed", "hr", "img",
                                                 "input", "link", "meta", "param", "source", "track",
                                                 "wbr", "keygen", "basefont", "bgsound", "frame"};
constexpr std::array<std::string_view, 9> kRawText{"script", "style", "textarea", "title", "xmp",
                                                   "iframe", "noembed", "noframes", "noscript"};
// Start tags that close an open <p> (the HTML standard's "close a p element").
constexpr std::array<std::string_view, 34> kClosesP{
    "address", "article", "aside", "blockquote", "center", "details", "dialog", "dir", "div",
    "dl", "fieldset", "figcaption", "figure", "footer", "header", "hgroup", "main", "menu",
    "nav", "ol", "p", "section", "summary", "ul", "h1", "h2", "h3", "h4", "h5", "h6", "pre",
    "form", "table", "hr"};

// Lower-case tag name starting at s[i]; advances i past it.
std::string read_name(std::string_view s, std::size_t& i) {
    std::string name;
    while (i < s.size() && !is_ascii_space(s[i]) && s[i] != '/' && s[i] != '>') name += text::ascii_lower(s[i++]);
    return name;
}

// Position of the '>' that ends a tag whose attributes start at i (quotes respected).
std::size_t tag_end(std::string_view s, std::size_t i) {
    char quote = 0;
    for (; i < s.size(); ++i) {
        const char c = s[i];
        if (quote) {
            if (c == quote) quote = 0;
        } else if (c == '"' || c == '\'') {
            // A quote only opens a value right after '=' (possibly spaced): elsewhere it is junk.
            std::size_t k = i;
            while (k > 0 && is_ascii_space(s[k - 1])) --k;
            if (k > 0 && s[k - 1] == '=') quote = c;
        } else if (c == '>') {
            return i;
        }
    }
    return std::string_view::npos;
}

std::size_t find_ci(std::string_view s, std::string_view needle, std::size_t from) {
    while (from < s.size()) {
        const auto lt = s.find('<', from);
        if (lt == std::string_view::npos || s.size() - lt < needle.size()) return std::string_view::npos;
        bool ok = true;
        for (std::size_t k = 0; k < needle.size() && ok; ++k) ok = text::ascii_lower(s[lt + k]) == needle[k];
        if (ok) return lt;
        from = lt + 1;
    }
    return std::string_view::npos;
}

}  // namespace

std::string flatten_deep_nesting(std::string_view s, std::size_t max_depth, std::size_t& dropped) {
    dropped = 0;
    std::string out;
    std::size_t copied = 0;  // s[0, copied) is in out (only once something was dropped)
    auto drop = [&](std::size_t begin, std::size_t end) {
        if (dropped == 0) out.reserve(s.size());
        out.append(s.substr(copied, begin - copied));
        out += ' ';
        copied = end;
        ++dropped;
    };
    std::vector<std::string> open;
    std::unordered_map<std::string, std::size_t> open_count;
    std::size_t overflow = 0, foreign = 0;
    auto pop = [&] {
        if (open.back() == "svg" || open.back() == "math") --foreign;
        --open_count[open.back()];
        open.pop_back();
    };
    auto top_is = [&](std::string_view a, std::string_view b = {}) {
        return !open.empty() && (open.back() == a || (!b.empty() && open.back() == b));
    };

    std::size_t i = 0;
    while (i < s.size()) {
        const auto lt = s.find('<', i);
        if (lt == std::string_view::npos || lt + 1 >= s.size()) break;
        if (s.compare(lt, 4, "<!--") == 0) {
            const auto close = s.find("-->", lt + 4);
            i = close == std::string_view::npos ? s.size() : close + 3;
            continue;
        }
        const char next = s[lt + 1];
        if (next == '!' || next == '?') {
            const auto close = s.find('>', lt);
            i = close == std::string_view::npos ? s.size() : close + 1;
            continue;
        }
        if (next == '/' && lt + 2 < s.size() && is_alpha(s[lt + 2])) {
            std::size_t p = lt + 2;
            const std::string name = read_name(s, p);
            const auto gt = s.find('>', p);
            const std::size_t end = gt == std::string_view::npos ? s.size() : gt + 1;
            if (overflow > 0 && (open_count[name] == 0 || open.size() >= max_depth)) {
                --overflow;
                drop(lt, end);
            } else if (open_count[name] > 0) {
                while (!open.empty() && open.back() != name) pop();
                if (!open.empty()) pop();
            }
            i = end;
            continue;
        }
        if (!is_alpha(next)) {
            i = lt + 1;
            continue;
        }
        std::size_t p = lt + 1;
        const std::string name = read_name(s, p);
        const auto gt = tag_end(s, p);
        if (gt == std::string_view::npos) break;  // an unfinished tag ends the input
        const bool self_closing = s[gt - 1] == '/';
        i = gt + 1;
        if (one_of(name, kRawText)) {
            const auto close = find_ci(s, "</" + name, i);
            i = close == std::string_view::npos ? s.size() : close;
            continue;
        }
        if (name == "plaintext") break;
        if (one_of(name, kVoid) || (self_closing && foreign > 0)) continue;
        // End tags HTML lets pages leave out: <p>…<p>, <li>…<li>, <td>…<td>.
        if (one_of(name, kClosesP) && top_is("p")) pop();
        if (name == "li" && top_is("li")) pop();
        if ((name == "dt" || name == "dd") && top_is("dt", "dd")) pop();
        if ((name == "td" || name == "th" || name == "tr") && top_is("td", "th")) pop();
        if (name == "tr" && top_is("tr")) pop();
        if (name == "option" && top_is("option")) pop();
        if (open.size() >= max_depth) {
            ++overflow;
            drop(lt, gt + 1);
            continue;
        }
        open.push_back(name);
        ++open_count[name];
        if (name == "svg" || name == "math") ++foreign;
    }
    if (dropped == 0) return std::string(s);
    out.append(s.substr(copied));
    return out;
}

Document::Document(std::string_view utf8) {
    buffer_ = flatten_deep_nesting(utf8, kMaxDepth, flattened_);
    GumboOptions options = kGumboDefaultOptions;
    // Gumbo copies the stack of open elements into every parse error it records: on a badly
    // nested page that is quadratic in memory. Errors are of no use here.
    options.max_errors = 0;
    output_ = gumbo_parse_with_options(&options, buffer_.data(), buffer_.size());
}

Document::~Document() {
    if (output_) gumbo_destroy_output(&kGumboDefaultOptions, output_);
}

std::string_view attr(const GumboNode* n, const char* name) {
    if (!is_element(n)) return {};
    const GumboAttribute* a = gumbo_get_attribute(&n->v.element.attributes, name);
    return a && a->value ? std::string_view(a->value) : std::string_view();
}

bool has_attr(const GumboNode* n, const char* name) {
    return is_element(n) && gumbo_get_attribute(&n->v.element.attributes, name) != nullptr;
}

bool has_class(const GumboNode* n, std::string_view token) {
    std::string_view cls = attr(n, "class");
    while (!cls.empty()) {
        while (!cls.empty() && is_ascii_space(cls.front())) cls.remove_prefix(1);
        std::size_t end = 0;
        while (end < cls.size() && !is_ascii_space(cls[end])) ++end;
        if (cls.substr(0, end) == token) return true;
        cls.remove_prefix(end);
    }
    return false;
}

namespace {
std::vector<std::string> tokens_of(const GumboNode* n, std::initializer_list<const char*> attrs) {
    std::vector<std::string> out;
    for (const char* name : attrs) {
        std::string_view v = attr(n, name);
        std::string token;
        for (char c : v) {
            if (is_ascii_space(c)) {
                if (!token.empty()) out.push_back(std::move(token));
                token.clear();
            } else {
                token += text::ascii_lower(c);
            }
        }
        if (!token.empty()) out.push_back(std::move(token));
    }
    return out;
}
}  // namespace

std::vector<std::string> class_and_id_tokens(const GumboNode* n) { return tokens_of(n, {"class", "id"}); }
std::vector<std::string> class_tokens(const GumboNode* n) { return tokens_of(n, {"class"}); }

const GumboVector* children(const GumboNode* n) {
    if (!n) return nullptr;
    if (n->type == GUMBO_NODE_DOCUMENT) return &n->v.document.children;
    if (is_element(n)) return &n->v.element.children;
    return nullptr;
}

Layout layout_of(const GumboNode* n) {
    switch (tag(n)) {
        case GUMBO_TAG_ADDRESS: case GUMBO_TAG_ARTICLE: case GUMBO_TAG_ASIDE:
        case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_BODY: case GUMBO_TAG_CENTER:
        case GUMBO_TAG_DETAILS: case GUMBO_TAG_DIR: case GUMBO_TAG_DIV:
        case GUMBO_TAG_DL: case GUMBO_TAG_FIELDSET: case GUMBO_TAG_FIGCAPTION:
        case GUMBO_TAG_FIGURE: case GUMBO_TAG_FOOTER: case GUMBO_TAG_FORM: case GUMBO_TAG_H1:
        case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4: case GUMBO_TAG_H5:
        case GUMBO_TAG_H6: case GUMBO_TAG_HEADER: case GUMBO_TAG_HGROUP: case GUMBO_TAG_HR:
        case GUMBO_TAG_HTML: case GUMBO_TAG_LEGEND: case GUMBO_TAG_MAIN: case GUMBO_TAG_MENU:
        case GUMBO_TAG_NAV: case GUMBO_TAG_OL: case GUMBO_TAG_P: case GUMBO_TAG_PRE:
        case GUMBO_TAG_SECTION: case GUMBO_TAG_SUMMARY: case GUMBO_TAG_TABLE: case GUMBO_TAG_UL:
        case GUMBO_TAG_CAPTION: case GUMBO_TAG_FRAMESET: case GUMBO_TAG_LISTING:
        case GUMBO_TAG_PLAINTEXT: case GUMBO_TAG_XMP:
            return Layout::Block;
        case GUMBO_TAG_BR: case GUMBO_TAG_LI: case GUMBO_TAG_DT: case GUMBO_TAG_DD:
        case GUMBO_TAG_TR: case GUMBO_TAG_OPTION:
            return Layout::LineBreak;
        case GUMBO_TAG_TD: case GUMBO_TAG_TH: case GUMBO_TAG_IMG:
            return Layout::Cell;
        default:
            return Layout::Inline;
    }
}

bool never_text(const GumboNode* n) {
    switch (tag(n)) {
        case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_NOSCRIPT:
        case GUMBO_TAG_TEMPLATE: case GUMBO_TAG_SVG: case GUMBO_TAG_MATH: case GUMBO_TAG_IFRAME:
        case GUMBO_TAG_OBJECT: case GUMBO_TAG_EMBED: case GUMBO_TAG_CANVAS:
        case GUMBO_TAG_VIDEO: case GUMBO_TAG_AUDIO: case GUMBO_TAG_SELECT: case GUMBO_TAG_BUTTON:
        case GUMBO_TAG_INPUT: case GUMBO_TAG_TEXTAREA: case GUMBO_TAG_MAP: case GUMBO_TAG_HEAD:
        case GUMBO_TAG_TITLE: case GUMBO_TAG_LINK: case GUMBO_TAG_META: case GUMBO_TAG_BASE:
        case GUMBO_TAG_NOEMBED: case GUMBO_TAG_NOFRAMES:
            return true;
        default:
            break;
    }
    if (!is_element(n)) return false;
    if (has_attr(n, "hidden")) return true;
    if (attr(n, "aria-hidden") == "true") return true;
    const std::string_view style = attr(n, "style");
    if (!style.empty()) {
        std::string compact;
        for (char c : style)
            if (!is_ascii_space(c)) compact += text::ascii_lower(c);
        if (compact.find("display:none") != std::string::npos ||
            compact.find("visibility:hidden") != std::string::npos)
            return true;
    }
    return false;
}

void TextBuilder::text(std::string_view s) {
    std::size_t i = 0;
    while (i < s.size()) {
        const auto c = static_cast<unsigned char>(s[i]);
        std::size_t space_len = 0;
        if (is_ascii_space(static_cast<char>(c)) || c == '\v') {
            space_len = 1;
        } else if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0) {
            space_len = 2;  // NBSP
        } else if (c == 0xE2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80) {
            const auto d = static_cast<unsigned char>(s[i + 2]);
            if (d <= 0x8A || d == 0xAF) space_len = 3;  // U+2000..U+200A, NNBSP
        }
        if (space_len) {
            pending_space_ = true;
            i += space_len;
            continue;
        }
        // Copy the run of non-space bytes up to the next possible space.
        std::size_t j = i + 1;
        while (j < s.size()) {
            const auto d = static_cast<unsigned char>(s[j]);
            if (is_ascii_space(static_cast<char>(d)) || d == '\v' || d == 0xC2 || d == 0xE2) break;
            ++j;
        }
        if (!out_.empty()) {
            if (pending_break_ == 2) out_ += "\n\n";
            else if (pending_break_ == 1) out_ += '\n';
            else if (pending_space_) out_ += ' ';
        }
        pending_break_ = 0;
        pending_space_ = false;
        out_.append(s.substr(i, j - i));
        i = j;
    }
}

std::string TextBuilder::finish() {
    pending_break_ = 0;
    pending_space_ = false;
    return std::move(out_);
}

std::string plain_text(const GumboNode* root) {
    TextBuilder out;
    walk(root, [&](const GumboNode* n) {
        if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_WHITESPACE || n->type == GUMBO_NODE_CDATA) {
            out.text(n->v.text.text);
            return Visit::SkipChildren;
        }
        if (!is_element(n)) return n->type == GUMBO_NODE_DOCUMENT ? Visit::Continue : Visit::SkipChildren;
        if (n != root && never_text(n)) return Visit::SkipChildren;
        if (layout_of(n) != Layout::Inline) out.space();  // <br>, a block: words stay apart
        return Visit::Continue;
    }, [&](const GumboNode* n) {
        if (is_element(n) && layout_of(n) != Layout::Inline) out.space();
    });
    return out.finish();
}

}  // namespace veille::readers::html
