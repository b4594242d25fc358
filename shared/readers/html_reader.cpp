#include "readers/html_reader.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "readers/html_comments.hpp"
#include "readers/html_dom.hpp"
#include "readers/html_text.hpp"
#include "readers/seed_text_reader.hpp"
#include "readers/site_url.hpp"
#include "text/utf8.hpp"
#include "text/ascii.hpp"

namespace veille::readers {

namespace {

using namespace html;
using nlohmann::json;

// A body shorter than this is a caption or a teaser, not an article.
constexpr std::size_t kMinBodyBytes = 200;

// ---- small string helpers ------------------------------------------------------------------

std::string collapse(std::string_view s) {
    TextBuilder b;
    b.text(s);
    return b.finish();
}

// Control characters an entity may have produced (&#27;), NFC: text as the rest of Veille wants it.
std::string clean(std::string_view s) {
    text::SanitizeReport ignored;
    const std::string sane = text::sanitize(s, ignored);
    // What sanitize removed may leave a space at the end of a line.
    std::string out;
    out.reserve(sane.size());
    for (char c : sane) {
        if (c == '\n')
            while (!out.empty() && out.back() == ' ') out.pop_back();
        out += c;
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}

bool looks_like_url(std::string_view s) {
    return s.starts_with("http://") || s.starts_with("https://") || s.starts_with("//");
}

// Letters and digits only, lower-case ASCII: "L'Opinion" ~ "lopinion", "Le Monde.fr" ~ "lemondefr".
std::string fold_name(std::string_view s) {
    std::string out;
    for (char c : s) {
        const char l = text::ascii_lower(c);
        if ((l >= 'a' && l <= 'z') || (l >= '0' && l <= '9')) out += l;
    }
    return out;
}

// Text of an HTML string found outside the tree (JSON-LD values): entities decoded, tags read,
// laid out as page text (readers/html_text, which feeds share).
std::string html_to_text(const std::string& s, bool keep_paragraphs) {
    return keep_paragraphs ? html_fragment_text(s) : html_fragment_line(s);
}

// ---- what the <head> (and the scattered <meta>s) say --------------------------------------------

struct PageMeta {
    std::string title_tag;
    std::unordered_map<std::string, std::string> meta;  // first value of each name/property/itemprop
    std::string canonical;
    std::vector<std::string> json_ld;
    std::vector<const GumboNode*> h1s;
    const GumboNode* body = nullptr;
};

PageMeta collect_meta(const GumboNode* root) {
    PageMeta m;
    walk(root, [&](const GumboNode* n) {
        if (!is_element(n)) return Visit::SkipChildren;
        switch (tag(n)) {
            case GUMBO_TAG_BODY:
                if (!m.body) m.body = n;
                break;
            case GUMBO_TAG_TITLE:
                if (m.title_tag.empty()) m.title_tag = plain_text(n);
                return Visit::SkipChildren;
            case GUMBO_TAG_META: {
                const std::string_view content = attr(n, "content");
                for (const char* key : {"property", "name", "itemprop"}) {
                    const std::string k = text::ascii_lower(attr(n, key));
                    if (!k.empty() && !content.empty()) m.meta.emplace(k, std::string(content));
                }
                return Visit::SkipChildren;
            }
            case GUMBO_TAG_LINK:
                if (m.canonical.empty() && text::ascii_lower(attr(n, "rel")) == "canonical")
                    m.canonical = std::string(attr(n, "href"));
                return Visit::SkipChildren;
            case GUMBO_TAG_SCRIPT:
                if (text::ascii_lower(attr(n, "type")).find("ld+json") != std::string::npos) {
                    std::string text;
                    const GumboVector* kids = children(n);
                    for (unsigned i = 0; kids && i < kids->length; ++i) {
                        const auto* k = static_cast<const GumboNode*>(kids->data[i]);
                        if (k->type == GUMBO_NODE_TEXT || k->type == GUMBO_NODE_WHITESPACE ||
                            k->type == GUMBO_NODE_CDATA)
                            text += k->v.text.text;
                    }
                    m.json_ld.push_back(std::move(text));
                }
                return Visit::SkipChildren;
            case GUMBO_TAG_H1:
                m.h1s.push_back(n);
                return Visit::SkipChildren;
            default:
                if (never_text(n) && !is(n, GUMBO_TAG_HEAD)) return Visit::SkipChildren;
                break;
        }
        return Visit::Continue;
    });
    return m;
}

std::string meta_value(const PageMeta& m, std::initializer_list<const char*> keys) {
    for (const char* k : keys) {
        auto it = m.meta.find(k);
        if (it != m.meta.end()) {
            std::string v = collapse(it->second);
            if (!v.empty()) return v;
        }
    }
    return {};
}

// ---- JSON-LD -----------------------------------------------------------------------------

// A reader's comment as schema.org writes it in JSON-LD (a Comment, in an article's "comment"
// or on its own in an @graph, replies in its own "comment" or pointing at their parentItem).
struct LdComment {
    std::string id, parent_id, text, author, date;
    int parent = -1;  // index of the comment it is nested in
};

struct LdArticle {
    std::string headline, date, author, publisher, url, body;
    std::string any_date;  // the datePublished of any object (a WebPage's), when nothing better
    std::vector<LdComment> comments;
};

// True when @type (a string or a list; "schema:X", "https://schema.org/X" alike) is one of `types`.
template <std::size_t N>
bool has_type(const json& type, const std::array<std::string_view, N>& types) {
    auto one = [&](const json& t) {
        if (!t.is_string()) return false;
        std::string_view s = t.get_ref<const std::string&>();
        if (const auto colon = s.rfind(':'); colon != std::string_view::npos) s.remove_prefix(colon + 1);
        if (const auto slash = s.rfind('/'); slash != std::string_view::npos) s.remove_prefix(slash + 1);
        return std::find(types.begin(), types.end(), s) != types.end();
    };
    if (type.is_array()) return std::any_of(type.begin(), type.end(), one);
    return one(type);
}

bool is_article_type(const json& type) {
    static constexpr std::array<std::string_view, 14> kTypes{
        "NewsArticle", "Article", "BlogPosting", "ReportageNewsArticle", "AnalysisNewsArticle",
        "OpinionNewsArticle", "ReviewNewsArticle", "BackgroundNewsArticle", "LiveBlogPosting",
        "ScholarlyArticle", "TechArticle", "Report", "SatiricalArticle", "AskPublicNewsArticle"};
    return has_type(type, kTypes);
}

bool is_comment_type(const json& type) {
    static constexpr std::array<std::string_view, 2> kTypes{"Comment", "UserComments"};
    return has_type(type, kTypes);
}

std::string string_of(const json& v) {
    if (v.is_string()) return v.get<std::string>();
    if (v.is_number_integer()) return std::to_string(v.get<long long>());
    return {};
}

// The name(s) in an author or publisher value: "X", {"name": "X"}, [..], {"@id": ref}.
std::string names_of(const json& v, const std::unordered_map<std::string, const json*>& by_id) {
    std::vector<std::string> names;
    auto one = [&](const json& x) {
        if (x.is_string()) {
            if (!looks_like_url(x.get_ref<const std::string&>())) names.push_back(x.get<std::string>());
            return;
        }
        if (!x.is_object()) return;
        const json* obj = &x;
        if (!x.contains("name") && x.contains("@id") && x["@id"].is_string()) {
            auto it = by_id.find(x["@id"].get<std::string>());
            if (it != by_id.end()) obj = it->second;
        }
        if (obj->contains("name")) {
            const json& name = (*obj)["name"];
            if (name.is_string()) names.push_back(name.get<std::string>());
        }
    };
    if (v.is_array()) {
        for (const auto& x : v) one(x);
    } else {
        one(v);
    }
    std::string out;
    for (auto& n : names) {
        n = collapse(html_to_text(n, false));
        if (n.empty() || out.find(n) != std::string::npos) continue;
        if (!out.empty()) out += ", ";
        out += n;
    }
    return out;
}

// The Comments of the page's JSON-LD, in document order: each object's "comment" (an object
// or a list, replies nested in their comment's own "comment"), and Comment objects on their
// own. An explicit stack, not recursion: a page's JSON nests as deep as it likes.
void read_ld_comments(const std::vector<const json*>& objects,
                      const std::unordered_map<std::string, const json*>& by_id, std::vector<LdComment>& out) {
    std::unordered_map<std::string, int> index_of_id;
    std::unordered_set<const json*> seen;
    struct Pending {
        const json* node;
        int parent;
    };
    std::vector<Pending> stack;
    auto push_replies = [&](const json& holder, int parent) {
        if (!holder.is_object() || !holder.contains("comment")) return;
        const json& c = holder["comment"];
        if (c.is_array()) {
            for (auto it = c.rbegin(); it != c.rend(); ++it) stack.push_back({&*it, parent});
        } else {
            stack.push_back({&c, parent});
        }
    };
    for (const json* o : objects) {
        if (o->contains("@type") && is_comment_type((*o)["@type"]))
            stack.push_back({o, -1});
        else
            push_replies(*o, -1);
        while (!stack.empty()) {
            const Pending p = stack.back();
            stack.pop_back();
            const json* node = p.node;
            if (node->is_object() && !node->contains("text") && node->contains("@id") && (*node)["@id"].is_string()) {
                auto it = by_id.find((*node)["@id"].get<std::string>());
                if (it != by_id.end()) node = it->second;  // a reference to a Comment of the @graph
            }
            if (!node->is_object() || !seen.insert(node).second) continue;
            auto str = [&](const char* key) { return node->contains(key) ? string_of((*node)[key]) : std::string(); };
            LdComment c;
            // schema.org Comment (text, author, dateCreated) or UserComments (commentText,
            // creator, commentTime), as Le Point writes them.
            for (const char* key : {"text", "commentText", "description"})
                if (c.text.empty()) c.text = collapse(html_to_text(str(key), true));
            c.id = str("@id");
            if (c.id.empty()) c.id = str("url");
            for (const char* key : {"dateCreated", "datePublished", "commentTime"})
                if (c.date.empty()) c.date = str(key);
            for (const char* key : {"author", "creator"})
                if (c.author.empty() && node->contains(key)) c.author = names_of((*node)[key], by_id);
            if (node->contains("parentItem")) {
                const json& up = (*node)["parentItem"];
                c.parent_id = up.is_object() ? (up.contains("@id") ? string_of(up["@id"]) : string_of(up.value("url", json()))) : string_of(up);
            }
            c.parent = p.parent;
            const int index = static_cast<int>(out.size());
            if (!c.id.empty()) index_of_id.emplace(c.id, index);
            out.push_back(std::move(c));
            push_replies(*node, index);
        }
    }
    // A reply that names its parent rather than sitting in it.
    for (auto& c : out) {
        if (c.parent >= 0 || c.parent_id.empty()) continue;
        auto it = index_of_id.find(c.parent_id);
        if (it != index_of_id.end() && it->second < static_cast<int>(&c - out.data())) c.parent = it->second;
    }
}

LdArticle read_json_ld(const std::vector<std::string>& blocks) {
    LdArticle out;
    std::vector<json> parsed;
    for (const auto& block : blocks) {
        json j = json::parse(block, nullptr, false);
        if (j.is_discarded()) {
            // The usual breakage: raw newlines and tabs inside strings (an articleBody pasted as is).
            std::string repaired = block;
            for (char& c : repaired)
                if (c == '\n' || c == '\r' || c == '\t') c = ' ';
            j = json::parse(repaired, nullptr, false);
        }
        if (!j.is_discarded()) parsed.push_back(std::move(j));
    }
    // Candidate objects: each block, the items of a list, the items of an @graph (one level).
    std::vector<const json*> objects;
    auto add = [&](const json& v) {
        if (v.is_object()) objects.push_back(&v);
    };
    for (const auto& j : parsed) {
        std::vector<const json*> tops;
        if (j.is_array()) {
            for (const auto& x : j) tops.push_back(&x);
        } else {
            tops.push_back(&j);
        }
        for (const json* t : tops) {
            add(*t);
            if (t->is_object() && t->contains("@graph") && (*t)["@graph"].is_array())
                for (const auto& g : (*t)["@graph"]) add(g);
        }
    }
    std::unordered_map<std::string, const json*> by_id;
    for (const json* o : objects)
        if (o->contains("@id") && (*o)["@id"].is_string()) by_id.emplace((*o)["@id"].get<std::string>(), o);
    read_ld_comments(objects, by_id, out.comments);
    for (const json* o : objects) {
        if (!out.any_date.empty()) break;
        auto date_of = [&](const char* key) { return o->contains(key) ? string_of((*o)[key]) : std::string(); };
        if (o->contains("@type") && is_comment_type((*o)["@type"])) continue;
        out.any_date = date_of("datePublished");
        if (out.any_date.empty()) out.any_date = date_of("dateCreated");
    }
    for (const json* o : objects) {
        if (!o->contains("@type") || !is_article_type((*o)["@type"])) continue;
        const json& a = *o;
        auto str = [&](const char* key) { return a.contains(key) ? string_of(a[key]) : std::string(); };
        out.headline = collapse(html_to_text(str("headline"), false));
        if (out.headline.empty()) out.headline = collapse(html_to_text(str("name"), false));
        out.date = str("datePublished");
        if (out.date.empty()) out.date = str("dateCreated");
        if (a.contains("author")) out.author = names_of(a["author"], by_id);
        if (a.contains("publisher")) out.publisher = names_of(a["publisher"], by_id);
        out.url = str("url");
        if (out.url.empty() && a.contains("mainEntityOfPage")) {
            const json& e = a["mainEntityOfPage"];
            out.url = e.is_object() && e.contains("@id") ? string_of(e["@id"]) : string_of(e);
        }
        out.body = html_to_text(str("articleBody"), true);
        break;
    }
    return out;
}

// ---- title -------------------------------------------------------------------------------

constexpr std::array<std::string_view, 8> kSeparators{" | ", " - ", " – ", " — ", " · ", " :: ", " » ", " / "};

bool is_site_name(std::string_view part, const std::vector<std::string>& sites) {
    const std::string f = fold_name(part);
    if (f.size() < 2) return false;
    for (const auto& s : sites) {
        if (s.size() < 2) continue;
        if (f == s || (f.size() >= 4 && s.find(f) != std::string::npos) ||
            (s.size() >= 4 && f.find(s) != std::string::npos && f.size() <= s.size() + 8))
            return true;
    }
    return false;
}

std::size_t word_count(std::string_view s) {
    std::size_t n = 0;
    bool in = false;
    for (char c : s) {
        const bool space = c == ' ';
        if (!space && !in) ++n;
        in = !space;
    }
    return n;
}

// A part after the last separator that reads like a site, a section or a date: at most three
// words, each capitalised, a number or a small linking word ("Le Devoir", "DW", "23.05.2011").
bool looks_like_site_tail(std::string_view part) {
    if (word_count(part) > 3) return false;
    std::size_t i = 0;
    while (i < part.size()) {
        while (i < part.size() && part[i] == ' ') ++i;
        std::size_t j = i;
        while (j < part.size() && part[j] != ' ') ++j;
        const std::string_view w = part.substr(i, j - i);
        if (!w.empty()) {
            const unsigned char c = static_cast<unsigned char>(w[0]);
            const bool small = w == "de" || w == "du" || w == "des" || w == "et" || w == "la" ||
                               w == "le" || w == "les" || w == "en";
            if (!small && !(c >= 'A' && c <= 'Z') && !(c >= '0' && c <= '9') && c < 0x80) return false;
        }
        i = j;
    }
    return true;
}

// Removes known site names at either end, as often as they come ("Titre - Rubrique | Site").
void strip_known_sites(std::string& title, const std::vector<std::string>& sites) {
    for (int round = 0; round < 4; ++round) {
        bool changed = false;
        for (auto sep : kSeparators) {
            const auto last = title.rfind(sep);
            if (last != std::string::npos && last > 0) {
                const std::string_view tail = std::string_view(title).substr(last + sep.size());
                if (is_site_name(tail, sites)) {
                    title.resize(last);
                    changed = true;
                    break;
                }
            }
            const auto first = title.find(sep);
            if (first != std::string::npos && first > 0) {
                const std::string_view head = std::string_view(title).substr(0, first);
                if (is_site_name(head, sites) && word_count(title) - word_count(head) >= 3) {
                    title.erase(0, first + sep.size());
                    changed = true;
                    break;
                }
            }
        }
        if (!changed) break;
    }
}

std::string strip_site_name(std::string title, const std::vector<std::string>& sites, bool generic) {
    strip_known_sites(title, sites);
    if (generic) {
        // One unknown tail that reads like a site or a date: "… | DW | 23.05.2011".
        for (auto sep : {std::string_view(" | "), std::string_view(" - "), std::string_view(" – "),
                         std::string_view(" — ")}) {
            const auto last = title.rfind(sep);
            if (last == std::string::npos || last == 0) continue;
            const std::string_view head = std::string_view(title).substr(0, last);
            const std::string_view tail = std::string_view(title).substr(last + sep.size());
            if (word_count(head) >= 4 && looks_like_site_tail(tail)) {
                title.resize(last);
                break;
            }
        }
        strip_known_sites(title, sites);
    }
    while (!title.empty() && title.back() == ' ') title.pop_back();
    return title;
}

// ---- boilerplate -----------------------------------------------------------------------------

struct Page {
    const GumboNode* body = nullptr;
    const std::unordered_set<const GumboNode*>* comments = nullptr;          // always left out
    const std::unordered_set<const GumboNode*>* comment_sections = nullptr;  // unless they hold the page
    std::unordered_map<const GumboNode*, std::size_t> raw_len;  // visible text bytes (no spaces)
    std::size_t body_len = 0;
};

bool has_ancestor(const GumboNode* n, const GumboNode* stop, auto&& pred) {
    for (const GumboNode* p = n->parent; p && p != stop; p = p->parent)
        if (pred(p)) return true;
    return false;
}

bool token_has(const std::string& t, std::initializer_list<std::string_view> parts) {
    for (auto p : parts)
        if (t.find(p) != std::string::npos) return true;
    return false;
}

// "À lire aussi : …", "Lire aussi", "Sur le même sujet": a link to another article set in the text.
bool is_read_also(const GumboNode* n) {
    const std::string t = plain_text(n);
    if (t.size() > 400) return false;
    for (std::string_view lead : {"À lire aussi", "A lire aussi", "Lire aussi", "LIRE AUSSI", "À LIRE AUSSI",
                                  "Voir aussi", "Sur le même sujet", "Lire la suite", "À voir aussi",
                                  "A voir aussi", "Lire également", "À lire également", "À découvrir"})
        if (t.starts_with(lead)) return true;
    return false;
}

// Classes that describe a layout ("no-sidebars", "with-sidebar", "bdaia-sidebar-right",
// "zen-one-sidebar-second") sit on the wrappers of the whole page, not on a sidebar.
bool is_layout_token(const std::string& t) {
    if (t.find("sidebar") == std::string::npos && t.find("widget") == std::string::npos &&
        t.find("footer") == std::string::npos && t.find("header") == std::string::npos)
        return false;
    return token_has(t, {"no-", "with-", "has-", "one-", "two-", "-right", "-left", "layout",
                         "sidebars", "-second", "-first", "sticky-"});
}

bool is_boilerplate(const GumboNode* n, const Page& page) {
    if (!is_element(n)) return false;
    if (page.comments->count(n)) return true;
    if (page.comment_sections->count(n)) {
        // "#comments" around the whole article does not make the article a comment.
        auto it = page.raw_len.find(n);
        const std::size_t len = it == page.raw_len.end() ? 0 : it->second;
        if (!(page.body_len > 0 && len * 10 >= page.body_len * 6)) return true;
    }
    if ((is(n, GUMBO_TAG_P) || is(n, GUMBO_TAG_LI)) && is_read_also(n)) return true;
    switch (tag(n)) {
        case GUMBO_TAG_HTML: case GUMBO_TAG_BODY: case GUMBO_TAG_MAIN: case GUMBO_TAG_ARTICLE:
            return false;
        case GUMBO_TAG_NAV: case GUMBO_TAG_ASIDE: case GUMBO_TAG_FOOTER:
            return true;
        case GUMBO_TAG_HEADER:
            // The site's header, not the article's (title, lead and byline).
            return !has_ancestor(n, nullptr, [](const GumboNode* p) {
                return is(p, GUMBO_TAG_ARTICLE) || is(p, GUMBO_TAG_MAIN);
            });
        case GUMBO_TAG_FORM: {
            auto it = page.raw_len.find(n);
            return it == page.raw_len.end() || it->second < 2000;
        }
        default:
            break;
    }
    const std::string role = text::ascii_lower(attr(n, "role"));
    if (role == "navigation" || role == "banner" || role == "contentinfo" || role == "complementary" ||
        role == "search" || role == "dialog" || role == "alertdialog" || role == "menu" ||
        role == "menubar" || role == "toolbar")
        return true;
    const auto tokens = class_and_id_tokens(n);
    if (tokens.empty()) return false;
    bool strong = false, weak = false, maybe = false;
    for (const auto& t : tokens) {
        if (is_layout_token(t)) continue;
        if (t == "ad" || t == "ads" || t == "pub" || t == "publicite" || t == "nav" ||
            t == "keywords" || t == "hidden" || t == "sr-only" ||
            t == "visually-hidden" || t == "screen-reader-text" ||
            token_has(t, {"share", "sharing", "partage", "social", "related", "similar", "recommend",
                          "recommand", "outbrain", "taboola", "newsletter", "cookie", "consent",
                          "rgpd", "gdpr", "subscribe", "paywall", "sponsor", "advert", "breadcrumb",
                          "navbar", "menu", "sidebar", "footer", "popup", "modal", "pagination",
                          "pager", "lire-aussi", "lireaussi", "a-lire", "voir-aussi", "voiraussi",
                          "meme-sujet", "read-more", "readmore", "most-read", "plus-lus", "trending",
                          "widget", "banner", "skip-link", "skiplink", "login", "signup",
                          "comment-form", "toolbar", "print", "promo", "tags", "lire-la-suite",
                          "en_ce_moment", "en-ce-moment"}))
            strong = true;
        else if (token_has(t, {"header", "masthead", "extra", "community", "remark", "rss",
                               "shoutbox", "skyscraper", "supplemental", "agegate"}))
            weak = true;
        if (token_has(t, {"article", "body", "content", "main", "column", "entry", "post", "story",
                          "texte", "corps", "chapo"}))
            maybe = true;
    }
    if (!strong && !(weak && !maybe)) return false;
    // A wrapper holding most of the page is the page, whatever its class says.
    auto it = page.raw_len.find(n);
    const std::size_t len = it == page.raw_len.end() ? 0 : it->second;
    return !(page.body_len > 0 && len * 10 >= page.body_len * 6);
}

std::size_t nonspace_bytes(std::string_view s) {
    std::size_t n = 0;
    for (char c : s)
        if (c != ' ' && c != '\n' && c != '\t' && c != '\r' && c != '\f') ++n;
    return n;
}

void measure_raw(Page& page) {
    std::vector<std::size_t> acc;
    walk(
        page.body,
        [&](const GumboNode* n) {
            if (!is_element(n) || never_text(n)) return Visit::SkipChildren;
            acc.push_back(0);
            return Visit::Continue;
        },
        [&](const GumboNode* n) {
            if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_CDATA) {
                if (!acc.empty()) acc.back() += nonspace_bytes(n->v.text.text);
                return;
            }
            if (!is_element(n) || never_text(n)) return;
            const std::size_t v = acc.back();
            acc.pop_back();
            page.raw_len[n] = v;
            if (!acc.empty()) acc.back() += v;
        });
    page.body_len = page.raw_len[page.body];
}

std::string body_text_of(const GumboNode* n, const Page& page) {
    return extract_text(n, [&](const GumboNode* x) { return is_boilerplate(x, page); });
}

// ---- main content (Readability's scoring, simplified) ---------------------------------------

struct Stats {
    std::size_t text = 0, link = 0, commas = 0;
    bool has_block_child = false;
    std::size_t own_text = 0;  // text directly in the element (a <div> used as a paragraph)
};

int class_weight(const GumboNode* n) {
    int w = 0;
    for (const auto& t : class_and_id_tokens(n)) {
        if (token_has(t, {"article", "body", "content", "entry", "hentry", "main", "page", "post",
                          "text", "blog", "story", "chapo", "corps", "texte", "contenu"}))
            w += 25;
        if (token_has(t, {"hidden", "banner", "combx", "comment", "com-", "contact", "foot",
                          "footnote", "gdpr", "masthead", "media", "meta", "outbrain", "promo",
                          "related", "scroll", "share", "shoutbox", "sidebar", "skyscraper",
                          "sponsor", "shopping", "tags", "tool", "widget"}))
            w -= 25;
    }
    return std::clamp(w, -50, 50);
}

double base_score(const GumboNode* n) {
    double s = class_weight(n);
    switch (tag(n)) {
        case GUMBO_TAG_DIV: case GUMBO_TAG_ARTICLE: case GUMBO_TAG_SECTION: case GUMBO_TAG_MAIN:
            s += 5;
            break;
        case GUMBO_TAG_PRE: case GUMBO_TAG_TD: case GUMBO_TAG_BLOCKQUOTE:
            s += 3;
            break;
        case GUMBO_TAG_ADDRESS: case GUMBO_TAG_OL: case GUMBO_TAG_UL: case GUMBO_TAG_DL:
        case GUMBO_TAG_DD: case GUMBO_TAG_DT: case GUMBO_TAG_LI: case GUMBO_TAG_FORM:
            s -= 3;
            break;
        case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4:
        case GUMBO_TAG_H5: case GUMBO_TAG_H6: case GUMBO_TAG_TH:
            s -= 5;
            break;
        default:
            break;
    }
    return s;
}

std::size_t count_commas(std::string_view s) {
    std::size_t n = 0;
    for (char c : s)
        if (c == ',') ++n;
    return n;
}

std::string main_content(const Page& page) {
    std::unordered_map<const GumboNode*, Stats> stats;
    std::vector<const GumboNode*> paragraphs;
    std::vector<Stats> acc;
    walk(
        page.body,
        [&](const GumboNode* n) {
            if (!is_element(n) || never_text(n) || is_boilerplate(n, page)) return Visit::SkipChildren;
            acc.emplace_back();
            return Visit::Continue;
        },
        [&](const GumboNode* n) {
            if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_CDATA) {
                if (!acc.empty()) {
                    const std::size_t len = nonspace_bytes(n->v.text.text);
                    acc.back().text += len;
                    acc.back().own_text += len;
                    acc.back().commas += count_commas(n->v.text.text);
                }
                return;
            }
            if (!is_element(n) || never_text(n) || is_boilerplate(n, page)) return;
            Stats s = acc.back();
            acc.pop_back();
            if (is(n, GUMBO_TAG_A)) s.link = s.text;
            stats[n] = s;
            if (!acc.empty()) {
                Stats& parent = acc.back();
                parent.text += s.text;
                parent.link += s.link;
                parent.commas += s.commas;
                if (layout_of(n) == Layout::Block) parent.has_block_child = true;
            }
            const GumboTag t = tag(n);
            const bool paragraph = t == GUMBO_TAG_P || t == GUMBO_TAG_PRE || t == GUMBO_TAG_TD ||
                                   t == GUMBO_TAG_BLOCKQUOTE ||
                                   ((t == GUMBO_TAG_DIV || t == GUMBO_TAG_SECTION) && s.own_text >= 25);
            if (paragraph && s.text >= 25) paragraphs.push_back(n);
        });

    std::unordered_map<const GumboNode*, double> score;
    for (const GumboNode* p : paragraphs) {
        const Stats& s = stats[p];
        const double points = 1.0 + static_cast<double>(s.commas) + std::min(static_cast<double>(s.text) / 100.0, 3.0);
        const GumboNode* a = p->parent;
        for (int level = 0; level < 3 && a && is_element(a); ++level, a = a->parent) {
            auto [it, fresh] = score.try_emplace(a, 0.0);
            if (fresh) it->second = base_score(a);
            it->second += points / (level == 0 ? 1.0 : level == 1 ? 2.0 : level * 3.0);
            if (a == page.body) break;
        }
    }
    const GumboNode* best = nullptr;
    double best_score = 0;
    auto final_score = [&](const GumboNode* n) {
        auto it = score.find(n);
        if (it == score.end()) return 0.0;
        const Stats& s = stats[n];
        const double density = s.text ? static_cast<double>(s.link) / static_cast<double>(s.text) : 0.0;
        return it->second * (1.0 - density);
    };
    for (const auto& [n, raw] : score) {
        const double f = final_score(n);
        if (!best || f > best_score || (f == best_score && stats[n].text > stats[best].text)) {
            best = n;
            best_score = f;
        }
    }
    if (!best) return body_text_of(page.body, page);

    // The best block and its siblings that read like part of the same text.
    std::vector<const GumboNode*> kept;
    const GumboNode* parent = best->parent;
    const GumboVector* siblings = best == page.body ? nullptr : children(parent);
    if (!siblings) {
        kept.push_back(best);
    } else {
        const double threshold = std::max(10.0, best_score * 0.2);
        for (unsigned i = 0; i < siblings->length; ++i) {
            const auto* c = static_cast<const GumboNode*>(siblings->data[i]);
            if (!is_element(c)) continue;
            if (c == best) {
                kept.push_back(c);
                continue;
            }
            auto st = stats.find(c);
            if (st == stats.end()) continue;
            const Stats& s = st->second;
            const double density = s.text ? static_cast<double>(s.link) / static_cast<double>(s.text) : 1.0;
            if (final_score(c) >= threshold ||
                (is(c, GUMBO_TAG_P) && s.text > 80 && density < 0.25) ||
                (is(c, GUMBO_TAG_P) && s.text > 0 && s.link == 0 && s.commas > 0))
                kept.push_back(c);
        }
    }
    std::string out;
    for (const GumboNode* n : kept) {
        std::string t = body_text_of(n, page);
        if (t.empty()) continue;
        if (!out.empty()) out += "\n\n";
        out += t;
    }
    return out;
}

// ---- metadata from the body -----------------------------------------------------------------

const GumboNode* find_outside_comments(const GumboNode* root, const Page& page, auto&& match) {
    return find_first(root, match, [&](const GumboNode* n) { return page.comments->count(n) > 0; });
}

std::string clean_byline(std::string s) {
    s = collapse(s);
    for (std::string_view lead : {"Par ", "par ", "By ", "PAR "})
        if (s.starts_with(lead)) s.erase(0, lead.size());
    if (s.size() > 100 || s.empty()) return {};
    return s;
}

}  // namespace

HtmlResult read_html(std::string_view utf8, std::string_view path) {
    HtmlResult out;
    documents::Article& a = out.article;
    Document doc(utf8);
    if (doc.flattened_tags() > 0) {
        out.diagnostics.push_back(
            {documents::Severity::Warning, std::string(path), 0,
             "HTML nested deeper than " + std::to_string(kMaxDepth) + " levels: " +
                 std::to_string(doc.flattened_tags()) + " tags flattened (their text is kept)"});
    }
    const GumboNode* root = doc.root();
    if (!root) return out;

    const PageMeta m = collect_meta(root);
    const LdArticle ld = read_json_ld(m.json_ld);
    CommentExtraction comments = extract_comments(root);

    Page page;
    page.body = m.body ? m.body : root;
    page.comments = &comments.excluded;
    page.comment_sections = &comments.sections;
    measure_raw(page);

    // url, source
    a.meta.url = !m.canonical.empty() ? collapse(m.canonical) : meta_value(m, {"og:url"});
    if (a.meta.url.empty()) a.meta.url = collapse(ld.url);
    std::string site = meta_value(m, {"og:site_name"});
    if (looks_like_url(site) || (site.find('.') != std::string::npos && site.find(' ') == std::string::npos &&
                                 site.ends_with("/")))
        site = host_of(site.starts_with("http") ? site : "//" + site);
    if (site.empty()) site = ld.publisher;
    if (site.empty()) site = meta_value(m, {"application-name"});
    const std::string host = host_of(a.meta.url);
    if (site.empty()) site = host;
    a.meta.source = site;

    // title
    std::vector<std::string> sites;
    for (const auto& s : {site, ld.publisher, meta_value(m, {"application-name"}), host}) {
        if (s.empty()) continue;
        sites.push_back(fold_name(s));
        const auto dot = s.rfind('.');
        if (dot != std::string::npos && s.find(' ') == std::string::npos)
            sites.push_back(fold_name(s.substr(0, dot)));  // "lemonde.fr" -> "lemonde"
    }
    std::string h1;
    for (const GumboNode* n : m.h1s) {
        if (comments.excluded.count(n) ||
            has_ancestor(n, nullptr, [&](const GumboNode* p) { return comments.excluded.count(p) > 0; }))
            continue;
        std::string t = plain_text(n);
        if (word_count(t) >= 2 && !is_site_name(t, sites)) {
            h1 = std::move(t);
            break;
        }
    }
    if (!ld.headline.empty())
        a.title = ld.headline;
    else if (auto og = meta_value(m, {"og:title", "twitter:title"}); !og.empty())
        a.title = strip_site_name(og, sites, true);
    else if (!h1.empty())
        a.title = h1;
    else
        a.title = strip_site_name(m.title_tag, sites, true);

    // body
    const GumboNode* article_body = find_outside_comments(page.body, page, [](const GumboNode* n) {
        return attr(n, "itemprop") == "articleBody";
    });
    std::string dom_body;
    const GumboNode* content_root = nullptr;
    if (article_body) {
        dom_body = body_text_of(article_body, page);
        content_root = article_body;
    }
    if (dom_body.size() < kMinBodyBytes) {
        const GumboNode* biggest = nullptr;
        walk(page.body, [&](const GumboNode* n) {
            if (!is_element(n) || never_text(n) || comments.excluded.count(n)) return Visit::SkipChildren;
            if (is(n, GUMBO_TAG_ARTICLE)) {
                auto it = page.raw_len.find(n);
                if (it != page.raw_len.end() && (!biggest || it->second > page.raw_len[biggest]))
                    biggest = n;
            }
            return Visit::Continue;
        });
        if (biggest) {
            std::string t = body_text_of(biggest, page);
            if (t.size() >= kMinBodyBytes) {
                dom_body = std::move(t);
                content_root = biggest;
            }
        }
    }
    if (dom_body.size() < kMinBodyBytes) {
        dom_body = main_content(page);
        content_root = page.body;
    }
    if (!ld.body.empty() && ld.body.size() * 10 >= dom_body.size() * 6)
        a.body = ld.body;
    else
        a.body = dom_body;

    // date
    a.meta.date = collapse(ld.date);
    if (a.meta.date.empty())
        a.meta.date = meta_value(m, {"article:published_time", "datepublished", "og:article:published_time",
                                     "date", "pubdate", "publishdate", "publish-date", "publication_date",
                                     "dc.date.issued", "dc.date", "dcterms.created", "dcterms.date",
                                     "sailthru.date", "article.published", "parsely-pub-date"});
    if (a.meta.date.empty()) {
        const GumboNode* time = find_outside_comments(page.body, page, [](const GumboNode* n) {
            return attr(n, "itemprop") == "datePublished" &&
                   (!attr(n, "datetime").empty() || !attr(n, "content").empty());
        });
        if (!time && content_root)
            time = find_outside_comments(content_root, page, [](const GumboNode* n) {
                return is(n, GUMBO_TAG_TIME) && !attr(n, "datetime").empty();
            });
        if (time) a.meta.date = collapse(!attr(time, "datetime").empty() ? attr(time, "datetime") : attr(time, "content"));
    }
    // The page's own date (a WebPage's datePublished) when nothing dates the article itself.
    if (a.meta.date.empty()) a.meta.date = collapse(ld.any_date);

    // author
    // An organisation named as author ("L'Opinion") says nothing the source does not.
    a.meta.author = fold_name(ld.author) == fold_name(site) || fold_name(ld.author) == fold_name(ld.publisher)
                        ? std::string()
                        : ld.author;
    if (a.meta.author.empty()) a.meta.author = meta_value(m, {"author", "article:author", "dc.creator", "sailthru.author"});
    if (looks_like_url(a.meta.author)) a.meta.author.clear();
    if (a.meta.author.empty()) {
        const GumboNode* by = find_outside_comments(page.body, page, [](const GumboNode* n) {
            return attr(n, "itemprop") == "author" || text::ascii_lower(attr(n, "rel")) == "author";
        });
        if (by) {
            const GumboNode* name = find_first(by, [](const GumboNode* n) { return attr(n, "itemprop") == "name"; },
                                               [](const GumboNode*) { return false; });
            const std::string_view content = attr(name ? name : by, "content");
            a.meta.author = clean_byline(!content.empty() ? std::string(content) : plain_text(name ? name : by));
        }
    }
    if (a.meta.author.empty() && content_root) {
        const GumboNode* by = find_outside_comments(content_root, page, [](const GumboNode* n) {
            for (const auto& t : class_tokens(n))
                if (t == "byline" || t == "author" || t == "auteur" || t == "signature" || t == "article-author")
                    return true;
            return false;
        });
        if (by) a.meta.author = clean_byline(plain_text(by));
    }

    // Everything that came out of the page goes through the same cleaning as file text.
    a.title = clean(a.title);
    a.body = clean(a.body);
    a.meta.date = clean(a.meta.date);
    a.meta.url = clean(a.meta.url);
    a.meta.source = clean(a.meta.source);
    a.meta.author = clean(a.meta.author);
    if (!comments.thread.empty() && !ld.comments.empty()) {
        // The markup's thread, and the same comments in JSON-LD with their author and date
        // (Le Point): a JSON-LD comment is the markup's that ends with the same last words
        // (the markup puts the name or a title before them). Keyed by those words: linear.
        auto last_words = [](std::string_view text) {
            std::size_t from = text.size() > 40 ? text.size() - 40 : 0;
            while (from > 0 && (static_cast<unsigned char>(text[from]) & 0xC0) == 0x80) --from;
            return std::string(text.substr(from));
        };
        std::unordered_map<std::string, const LdComment*> by_last_words;
        for (const LdComment& l : ld.comments)
            if (l.text.size() >= 12) by_last_words.emplace(last_words(l.text), &l);
        for (auto& c : comments.thread) {
            if (!c.author.empty() && !c.date.empty()) continue;
            const auto it = by_last_words.find(last_words(collapse(c.text)));
            if (it == by_last_words.end()) continue;
            if (c.author.empty()) c.author = it->second->author;
            if (c.date.empty()) c.date = it->second->date;
        }
    }
    if (comments.thread.empty()) {
        // No comment in the markup: the page may list them in its JSON-LD only. Numbers in
        // document order; a comment without words is dropped and its replies go up a level.
        std::vector<int> number(ld.comments.size(), 0);
        for (std::size_t i = 0; i < ld.comments.size(); ++i) {
            const LdComment& l = ld.comments[i];
            int up = l.parent;
            while (up >= 0 && number[static_cast<std::size_t>(up)] == 0) up = ld.comments[static_cast<std::size_t>(up)].parent;
            if (l.text.empty()) continue;
            documents::Comment c;
            c.number = static_cast<int>(comments.thread.size()) + 1;
            number[i] = c.number;
            if (up >= 0) c.parent = number[static_cast<std::size_t>(up)];
            c.text = l.text;
            c.author = l.author;
            c.date = l.date;
            c.mentions = find_mentions(c.text);
            comments.thread.push_back(std::move(c));
        }
    }
    for (auto& c : comments.thread) {
        c.text = clean(c.text);
        c.author = clean(c.author);
        c.date = clean(c.date);
    }
    a.comments = std::move(comments.thread);
    return out;
}

}  // namespace veille::readers
