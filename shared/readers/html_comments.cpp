#include "readers/html_comments.hpp"

#include <algorithm>
#include <array>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "readers/html_dom.hpp"
#include "readers/seed_text_reader.hpp"
#include "text/ascii.hpp"

namespace veille::readers::html {

namespace {

bool ends_with_any(std::string_view token, std::initializer_list<std::string_view> suffixes) {
    for (auto s : suffixes)
        if (token.ends_with(s)) return true;
    return false;
}

bool contains_any(std::string_view token, std::initializer_list<std::string_view> parts) {
    for (auto p : parts)
        if (token.find(p) != std::string_view::npos) return true;
    return false;
}

// An element's class and id tokens, read once for all the tests on it.
using Tokens = std::vector<std::string>;

bool any_token(const GumboNode* n, auto&& pred) {
    for (const auto& t : class_and_id_tokens(n))
        if (pred(t)) return true;
    return false;
}

// "comment-123" and "li-comment-123": the ids WordPress gives a comment's element (its own
// walker and the callbacks of themes), whatever its class.
bool is_comment_id(std::string_view id) {
    if (id.starts_with("li-")) id.remove_prefix(3);
    if (!id.starts_with("comment-") || id.size() == 8) return false;
    for (char c : id.substr(8))
        if (c < '0' || c > '9') return false;
    return true;
}

// Pingbacks and trackbacks (WordPress's li.pingback, li.trackback) sit in the comment list but
// are links from other sites, not readers' words: they are left out, and out of the body.
bool is_ping(const Tokens& tokens) {
    return std::any_of(tokens.begin(), tokens.end(), [](const std::string& t) { return t == "pingback" || t == "trackback"; });
}

// A class or id token as sites spell it one way or another: "comment_content",
// "commentContent" and "comment-content" alike ("commentcontent").
std::string squeezed(std::string_view token) {
    std::string out;
    out.reserve(token.size());
    for (char c : token) {
        if (c == '-' || c == '_') continue;
        out += text::ascii_lower(c);
    }
    return out;
}

bool is_comment_item(const GumboNode* n) {
    const bool list_item = is(n, GUMBO_TAG_LI) || is(n, GUMBO_TAG_ARTICLE);
    switch (tag(n)) {
        case GUMBO_TAG_LI: case GUMBO_TAG_ARTICLE: case GUMBO_TAG_DIV: case GUMBO_TAG_SECTION:
            break;
        default:
            return false;
    }
    if (is_comment_id(attr(n, "id"))) return true;
    for (const auto& t : class_tokens(n)) {
        const std::string q = squeezed(t);
        if (q == "comment" || q == "commentaire" || q == "commentitem" || q == "commentcard" ||
            q == "commententry" || q == "commentbox" || q.ends_with("commentcard") || q.ends_with("commentitem") ||
            q.ends_with("commententry") || q.ends_with("commentanswer"))
            return true;
        // A list item named after its comment engine: li.fig-comment, article.c-comment.
        if (list_item && (t.ends_with("-comment") || t.ends_with("_comment")) &&
            !contains_any(t, {"no-", "add-", "leave-", "new-", "write-", "post-", "reply"}))
            return true;
    }
    for (const char* a : {"typeof", "itemtype"}) {
        const std::string_view v = attr(n, a);
        if (v.find("Comment") != std::string_view::npos && v.find("Comments") == std::string_view::npos)
            return true;
    }
    return false;
}

// Asides and widgets list other articles' comments ("derniers commentaires"). Layout classes
// that merely mention a sidebar ("no-sidebars", "bdaia-sidebar-right") are not widgets.
// Menus and toolbars are not threads either (Le Point's account menu has an li.comment, "Mes
// commentaires").
bool is_widget(const GumboNode* n, const Tokens& tokens) {
    if (is(n, GUMBO_TAG_ASIDE) || is(n, GUMBO_TAG_NAV)) return true;
    return std::any_of(tokens.begin(), tokens.end(), [](const std::string& t) {
        return t == "widget" || t == "sidebar" || t == "widget-area" || t.starts_with("widget_") ||
               t.starts_with("widget-") || t.ends_with("-widget") || t == "menu" || t == "toolbar" ||
               t == "navbar" || t == "navigation" || t.starts_with("submenu");
    });
}

// Lists of the latest comments of the whole site: never this page's thread.
bool is_recent_comments(const Tokens& tokens) {
    return std::any_of(tokens.begin(), tokens.end(), [](const std::string& t) {
        return contains_any(squeezed(t), {"recentcomments", "wbcomments", "lastcomments", "dernierscommentaires",
                                          "latestcomments", "topcomments"});
    });
}

// The page's own thread: its comment section (WordPress's #comments, .comments-area,
// .comment-list; SPIP's .comments). It stays the page's thread inside a widget or an aside:
// page builders (Elementor's .elementor-widget-post-comments) and some themes (an <aside>
// after the article) put it there.
bool is_thread_root(const Tokens& tokens) {
    return std::any_of(tokens.begin(), tokens.end(), [](const std::string& t) {
        const std::string q = squeezed(t);
        return q == "comments" || q == "commentaires" || q == "commentsarea" || q == "commentlist" ||
               q == "commentslist" || q == "commentsthread" || q == "commentthread";
    });
}

// Parts of a comment that are not its words.
bool is_chrome(const GumboNode* n) {
    if (is(n, GUMBO_TAG_FORM) || is(n, GUMBO_TAG_TIME) || is(n, GUMBO_TAG_FOOTER)) return true;
    if (any_token(n, [](const std::string& t) {
            return contains_any(t, {"reply", "repondre", "comment-meta", "comment-author",
                                    "comment-header", "comment-footer", "avatar", "vcard", "links",
                                    "action", "like", "vote", "alert", "signal", "report",
                                    "moderation", "comment-select", "edit-link", "says",
                                    "comment-date", "share", "metas", "infos", "submitted"}) ||
                   t == "date" || t == "meta";
        }))
        return true;
    if (is(n, GUMBO_TAG_A)) {
        const std::string label = plain_text(n);
        for (std::string_view chrome : {"Répondre", "Reply", "Signaler", "Alerter", "J'aime",
                                        "Répondre à ce message", "Signaler un abus"})
            if (label == chrome) return true;
    }
    return false;
}

int content_rank(const GumboNode* n) {
    const std::string_view itemprop = attr(n, "itemprop");
    if (itemprop == "text" || itemprop == "commentText" || itemprop == "reviewBody") return 3;
    int rank = 0;
    for (const auto& t : class_and_id_tokens(n)) {
        const std::string q = squeezed(t);
        if (ends_with_any(q, {"commentcontent", "commenttext", "commenttexte", "commentstory", "commentmessagetext",
                              "commentmsg", "commentmessage"}))
            rank = std::max(rank, 3);
        else if (q.ends_with("commentbody"))
            rank = std::max(rank, 2);
        else if (t == "content" || t == "text" || t == "texte" || t == "body" || t == "message")
            rank = std::max(rank, 1);
    }
    return rank;
}

bool is_title(const GumboNode* n) {
    return any_token(n, [](const std::string& t) {
        return t == "titre" || t == "title" || t == "comment-title" || t == "comment-subject" ||
               t == "subject";
    });
}

bool is_meta_line(const GumboNode* n) {
    return any_token(n, [](const std::string& t) {
        return t == "metas" || t == "meta" || t == "infos" || t == "submitted" || t == "byline" ||
               ends_with_any(t, {"comment-meta", "comment-infos", "comment-info", "comment-header",
                                 "comment-metadata", "comment-footer"});
    });
}

std::string trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\n')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\n')) s.remove_suffix(1);
    return std::string(s);
}

bool starts_with_word_ci(std::string_view s, std::string_view word) {
    return text::ascii_starts_with(s, word) && (s.size() == word.size() || s[word.size()] == ' ');
}

// "Par Bruno Gobin," -> "Bruno Gobin"; "Muriel - Le 22/01/2020" -> "Muriel"; "Jean dit :" -> "Jean".
std::string clean_author(std::string s) {
    s = trim(s);
    while (!s.empty() && (s.front() == ',' || s.front() == ':' || s.front() == ' ' || s.front() == '-'))
        s.erase(0, 1);
    // A link's address printed before the name ("http://twitter.com/parenthacks Asha Dornfest").
    while ((s.starts_with("http://") || s.starts_with("https://")) && s.find(' ') != std::string::npos)
        s = trim(std::string_view(s).substr(s.find(' ') + 1));
    for (std::string_view lead : {"posted by:", "posted by", "soumis par", "publié par", "écrit par"})
        if (s.size() >= lead.size() && squeezed(s.substr(0, lead.size())) == squeezed(lead))
            s = trim(std::string_view(s).substr(lead.size()));
    for (std::string_view lead : {"par", "by", "de"})
        if (starts_with_word_ci(s, lead)) s = trim(std::string_view(s).substr(lead.size()));
    for (std::string_view cut : {" - ", ", le ", ", Le ", " le ", " Le ", " | ", " said", " says", " wrote", " a dit",
                                 " dit :", " dit:", " a écrit", " a répondu"}) {
        const auto at = s.find(cut);
        if (at != std::string::npos && at > 0) s.resize(at);
    }
    for (std::string_view tail : {" dit", " said...", " said\u2026"})
        if (s.ends_with(tail)) s.resize(s.size() - tail.size());
    while (!s.empty() && (s.back() == ',' || s.back() == ':' || s.back() == ' ' || s.back() == '-'))
        s.pop_back();
    if (s.size() > 100) return {};
    return s;
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// "le mercredi 15 mai 2019 à 08h07" -> "le mercredi 15 mai 2019": the text up to the first
// year, which is what a date parser can read; "" when there is no year.
std::string date_part(std::string_view s) {
    for (std::size_t i = 0; i + 4 <= s.size(); ++i) {
        if ((i > 0 && is_digit(s[i - 1])) || !is_digit(s[i]) || !is_digit(s[i + 1]) ||
            !is_digit(s[i + 2]) || !is_digit(s[i + 3]))
            continue;
        if (i + 4 < s.size() && is_digit(s[i + 4])) continue;
        const int year = (s[i] - '0') * 1000 + (s[i + 1] - '0') * 100 + (s[i + 2] - '0') * 10 + (s[i + 3] - '0');
        if (year < 1990 || year > 2100) continue;
        std::string out = trim(s.substr(0, i + 4));
        while (!out.empty() && (out.front() == ',' || out.front() == '-' || out.front() == ' ' ||
                                out.front() == '|'))
            out.erase(0, 1);
        return out;
    }
    return {};
}

bool looks_iso_date(std::string_view s) {
    return s.size() >= 10 && is_digit(s[0]) && is_digit(s[1]) && is_digit(s[2]) && is_digit(s[3]) &&
           s[4] == '-' && is_digit(s[5]) && is_digit(s[6]) && s[7] == '-';
}

struct Fields {
    std::string text, author, date;
};

// The fields of one comment element; `nested(n)`: n is another comment, not to be read.
template <typename Nested>
Fields read_comment(const GumboNode* item, const Nested& nested) {
    Fields f;

    // Text: the best-ranked content element, first in document order at that rank.
    const GumboNode* content = nullptr;
    int best = 0;
    walk(item, [&](const GumboNode* n) {
        if (!is_element(n)) return Visit::SkipChildren;
        if (n != item && nested(n)) return Visit::SkipChildren;
        if (n != item) {
            const int rank = content_rank(n);
            if (rank > best) {
                best = rank;
                content = n;
            }
            if (rank == 3) return Visit::Stop;
        }
        return Visit::Continue;
    });
    auto skip = [&](const GumboNode* n) { return nested(n) || is_chrome(n) || is_title(n); };
    // A box that holds the comment form or an embedded Disqus thread, and no comment text of
    // its own, is the comment section ("Réagir à cet article" above an empty Disqus), not one.
    if (!content && find_first(item, [](const GumboNode* n) {
            return any_token(n, [](const std::string& t) {
                const std::string q = squeezed(t);
                return q == "disqusthread" || q == "respond" || q == "commentrespond" || q == "commentform";
            });
        }, nested))
        return f;
    if (content) {
        f.text = extract_text(content, [&](const GumboNode* n) { return nested(n) || is_chrome(n); });
        const GumboNode* title = find_first(item, is_title, [&](const GumboNode* n) {
            return nested(n) || n == content;
        });
        if (title) {
            const std::string t = plain_text(title);
            if (!t.empty() && !f.text.empty()) f.text = t + "\n\n" + f.text;
        }
    } else {
        f.text = extract_text(item, skip);
        const GumboNode* title = find_first(item, is_title, nested);
        if (title) {
            const std::string t = plain_text(title);
            if (!t.empty()) f.text = f.text.empty() ? t : t + "\n\n" + f.text;
        }
    }

    // Author. hReview's .item (what a review is about: la-bas.org's "En réponse à : <article>")
    // holds a .fn that is not the commenter's.
    auto nested_or_item = [&](const GumboNode* n) { return nested(n) || has_class(n, "item"); };
    const GumboNode* by = find_first(item, [](const GumboNode* n) { return has_class(n, "fn"); }, nested_or_item);
    if (!by) {
        const GumboNode* author = find_first(
            item, [](const GumboNode* n) { return attr(n, "itemprop") == "author"; }, nested);
        if (author) {
            const GumboNode* name = find_first(
                author, [](const GumboNode* n) { return attr(n, "itemprop") == "name"; }, nested);
            by = name ? name : author;
        }
    }
    if (!by) {
        by = find_first(item, [](const GumboNode* n) {
            return any_token(n, [](const std::string& t) {
                const std::string q = squeezed(t);
                return q == "commentauthor" || q == "author" || q == "auteur" || q == "user" || q == "pseudo" ||
                       q == "nickname" || q == "commenter" || q == "reviewer" ||
                       ends_with_any(q, {"authorname", "username", "postername", "commentuser", "commentauthorname"});
            });
        }, nested);
    }
    // WordPress's comment_author_link(): <a class="url" rel="… external nofollow">.
    if (!by)
        by = find_first(item, [](const GumboNode* n) {
            return is(n, GUMBO_TAG_A) && has_class(n, "url") && attr(n, "rel").find("external") != std::string_view::npos;
        }, nested);
    const GumboNode* meta = find_first(item, is_meta_line, nested);
    if (!by && meta) {
        by = find_first(meta, [](const GumboNode* n) {
            switch (tag(n)) {
                case GUMBO_TAG_B: case GUMBO_TAG_STRONG: case GUMBO_TAG_H2: case GUMBO_TAG_H3:
                case GUMBO_TAG_H4: case GUMBO_TAG_H5: case GUMBO_TAG_H6: case GUMBO_TAG_CITE:
                    return true;
                default:
                    return false;
            }
        }, nested);
    }
    std::string raw_author;
    if (by) {
        // The name inside an author block that also holds the date and a reply link
        // ("<cite>Martin Edwards</cite> <small>Aug 08, 2012</small>", "<strong>Milan</strong> on …").
        const GumboNode* name = find_first(by, [](const GumboNode* n) { return is(n, GUMBO_TAG_CITE); }, nested);
        if (!name) name = find_first(by, [](const GumboNode* n) { return is(n, GUMBO_TAG_STRONG) || is(n, GUMBO_TAG_B); }, nested);
        if (name && !plain_text(name).empty()) by = name;
        raw_author = extract_text(by, [&](const GumboNode* n) {
            return nested(n) || is(n, GUMBO_TAG_SMALL) || (n != by && is_chrome(n));
        });
        for (char& c : raw_author)
            if (c == '\n') c = ' ';
        f.author = clean_author(raw_author);
    } else if (meta) {
        // "Radiant Sophia said:", "Posted by: Lee Dilworth | October 09, 2012": a meta line that
        // says who wrote.
        std::string line = plain_text(meta);
        for (char& c : line)
            if (c == '\n') c = ' ';
        const std::string lower = text::ascii_lower(line);
        if (contains_any(lower, {" said", " says", " wrote", "posted by", " dit", "écrit", "publié par", "soumis par"})) {
            raw_author = line;
            f.author = clean_author(line);
        }
    }

    // Date.
    const GumboNode* when = find_first(item, [](const GumboNode* n) {
        if (is(n, GUMBO_TAG_TIME) && !attr(n, "datetime").empty()) return true;
        const std::string_view ip = attr(n, "itemprop");
        if ((ip == "datePublished" || ip == "dateCreated") &&
            (!attr(n, "content").empty() || !attr(n, "datetime").empty()))
            return true;
        // A title attribute holding the date: ISO anywhere, French or English text ("7 mai
        // 2020 à 14:05") on an element that says it is one (abbr.published, span.date).
        const std::string_view title = attr(n, "title");
        if (looks_iso_date(title)) return true;
        return !title.empty() && !date_part(title).empty() && (is(n, GUMBO_TAG_ABBR) || any_token(n, [](const std::string& t) {
                   const std::string q = squeezed(t);
                   return q.find("date") != std::string::npos || q == "published" || q.find("time") != std::string::npos;
               }));
    }, nested);
    if (when) {
        for (const char* a : {"datetime", "content", "title"}) {
            if (!attr(when, a).empty()) {
                f.date = trim(attr(when, a));
                break;
            }
        }
        if (!looks_iso_date(f.date)) f.date = date_part(f.date);
    }
    if (f.date.empty()) {
        const GumboNode* dated = find_first(item, [](const GumboNode* n) {
            return any_token(n, [](const std::string& t) {
                return t == "date" || t == "comment-date" || t == "comment-posted" || t == "posted" ||
                       t == "comment-time" || t == "published";
            });
        }, nested);
        if (dated) f.date = date_part(plain_text(dated));
    }
    if (f.date.empty() && meta) {
        // The meta line after the name: "Par Bruno Gobin, le mercredi 15 mai 2019 à 08h07",
        // "Muriel - Le 22/01/2020 à 12:01:03" (name and date in one <strong>).
        std::string line = plain_text(meta);
        const std::string& name = f.author.empty() ? raw_author : f.author;
        if (!name.empty()) {
            const auto at = line.find(name);
            if (at != std::string::npos) line.erase(0, at + name.size());
        }
        f.date = date_part(line);
    }
    return f;
}

}  // namespace

bool is_comment_section_token(const std::string& t) {
    if (t.find("no-comments") != std::string::npos || t.find("comments-count") != std::string::npos ||
        t.find("comment-count") != std::string::npos)
        return false;
    return t.find("comments") != std::string::npos || t.find("commentaires") != std::string::npos ||
           t == "comment-list" || t == "commentlist" || t == "respond" || t == "comment-respond" ||
           t == "comment-wrapper" || t == "disqus_thread" || t == "commentform" ||
           t == "comment-form" || t == "reactions" || t == "forum" || t == "comment-reply-title" ||
           t.ends_with("comment-form");
}

namespace {

// True when a list of replies stands between a comment element and an item nested in it
// (WordPress's ol/ul.children, a nested <ul> in SPIP, a div.replies): the item is then a reply.
// Otherwise the nested item is the comment's own wrapper (a theme's li#li-comment-N >
// article#comment-N.comment > section.comment-content.comment): the same comment.
bool reply_list_between(const GumboNode* outer, const GumboNode* inner) {
    for (const GumboNode* n = inner->parent; n && n != outer; n = n->parent) {
        if (is(n, GUMBO_TAG_OL) || is(n, GUMBO_TAG_UL)) return true;
        if (any_token(n, [](const std::string& t) {
                return t == "children" || t == "replies" || t == "comment-replies" || t == "reponses" ||
                       t.ends_with("-replies") || t.ends_with("-children");
            }))
            return true;
    }
    return false;
}

// WordPress's depth-N class (its own walker, and Disqus's static markup that copies it): the
// level of a comment in its thread, 1 at the top; 0 when the item says nothing.
int depth_class(const GumboNode* n) {
    int depth = 0;
    for (const auto& t : class_tokens(n)) {
        if (!t.starts_with("depth-") || t.size() > 9) continue;
        int d = 0;
        for (char c : std::string_view(t).substr(6)) {
            if (c < '0' || c > '9') {
                d = 0;
                break;
            }
            d = d * 10 + (c - '0');
        }
        depth = std::max(depth, d);
    }
    return depth;
}

// A comment marked as an answer by its class ("article_comment_answer"): it answers the
// comment before it when nothing encloses it.
bool is_answer(const GumboNode* n) {
    return any_token(n, [](const std::string& t) { return squeezed(t).ends_with("commentanswer"); });
}

// Drupal's div.indented: the replies to a comment, written right after it rather than in it.
bool is_sibling_reply_list(const Tokens& tokens) {
    return std::find(tokens.begin(), tokens.end(), "indented") != tokens.end();
}

// The element before n among its siblings, anchors (<a id="comment-12"></a>) passed over.
const GumboNode* previous_element(const GumboNode* n) {
    const GumboNode* parent = n->parent;
    if (!parent || !is_element(parent)) return nullptr;
    const GumboVector& siblings = parent->v.element.children;
    for (std::size_t i = n->index_within_parent; i-- > 0;) {
        const auto* s = static_cast<const GumboNode*>(siblings.data[i]);
        if (!is_element(s)) continue;
        if (is(s, GUMBO_TAG_A) && plain_text(s).empty()) continue;
        return s;
    }
    return nullptr;
}

// Blogger's classic thread: a definition list where each comment is a dt.comment-author
// ("Michael McBride said...") followed by its dd.comment-body and dd.comment-footer (the date).
bool is_blogger_comment(const GumboNode* n) {
    return is(n, GUMBO_TAG_DT) && has_class(n, "comment-author") && n->parent && is(n->parent, GUMBO_TAG_DL);
}

Fields read_blogger_comment(const GumboNode* dt, std::unordered_set<const GumboNode*>& excluded) {
    Fields f;
    f.author = clean_author(plain_text(dt));
    const GumboVector& siblings = dt->parent->v.element.children;
    for (std::size_t i = dt->index_within_parent + 1; i < siblings.length; ++i) {
        const auto* dd = static_cast<const GumboNode*>(siblings.data[i]);
        if (!is_element(dd)) continue;
        if (!is(dd, GUMBO_TAG_DD)) break;
        excluded.insert(dd);
        if (has_class(dd, "comment-body"))
            f.text = extract_text(dd, [](const GumboNode* n) { return is_chrome(n); });
        else if (has_class(dd, "comment-footer"))
            f.date = date_part(plain_text(dd));
    }
    return f;
}

}  // namespace

CommentExtraction extract_comments(const GumboNode* root) {
    CommentExtraction out;
    struct Item {
        const GumboNode* node;
        int parent;    // index of the enclosing item (or of the comment a sibling list answers), -1
        bool wrapper;  // nested in its parent with no list of replies between: the same comment
        int depth;     // its depth-N class, 0 when none
        bool answer;   // its class says it answers the comment before it
    };
    std::vector<Item> items;
    std::unordered_set<const GumboNode*> item_nodes;
    std::vector<int> open;  // items whose subtree is being walked
    // Lists of replies written after their comment (Drupal's div.indented): the comment they
    // answer, and how many items were open when the list began.
    struct Adopted {
        std::size_t open_items;
        int parent;
    };
    std::vector<Adopted> adopted;
    // Inside a widget or an aside, comments are the site's latest, unless a thread root of
    // the page stands between; inside a list of recent comments, always.
    std::size_t widgets = 0, recent = 0;
    std::vector<std::size_t> widgets_outside;  // `widgets` as it was outside each open thread root
    // What each element being walked opened, for post() to close.
    struct Opened {
        bool widget, recent, thread_root, reply_list;
    };
    std::vector<Opened> opened;
    walk(
        root,
        [&](const GumboNode* n) {
            if (!is_element(n)) return Visit::SkipChildren;
            const Tokens tokens = class_and_id_tokens(n);
            // Before any early return: post() closes what is opened here.
            Opened o{is_widget(n, tokens), is_recent_comments(tokens), is_thread_root(tokens), false};
            if (o.widget) ++widgets;
            if (o.recent) ++recent;
            if (o.thread_root) {
                widgets_outside.push_back(widgets);
                widgets = 0;
            }
            const bool in_thread = widgets == 0 && recent == 0 && !never_text(n);
            if (in_thread && is_sibling_reply_list(tokens)) {
                // The comment before the list: the element before it, or the outermost
                // comment inside that element (Drupal themes wrap one: div.arrow > div.comment).
                const GumboNode* before = previous_element(n);
                auto inside = [&](const GumboNode* x) {
                    for (; x; x = x->parent)
                        if (x == before) return true;
                    return false;
                };
                int answered = -2;
                if (before && !items.empty() && inside(items.back().node)) {
                    answered = static_cast<int>(items.size() - 1);
                    while (items[static_cast<std::size_t>(answered)].parent >= 0 &&
                           inside(items[static_cast<std::size_t>(items[static_cast<std::size_t>(answered)].parent)].node))
                        answered = items[static_cast<std::size_t>(answered)].parent;
                }
                adopted.push_back({open.size(), answered});
                o.reply_list = true;
            }
            opened.push_back(o);
            if (!in_thread) return never_text(n) ? Visit::SkipChildren : Visit::Continue;
            if (std::any_of(tokens.begin(), tokens.end(), [](const std::string& t) { return is_comment_section_token(t); }) &&
                !is(n, GUMBO_TAG_BODY) && !is(n, GUMBO_TAG_HTML))
                out.sections.insert(n);
            if (is_ping(tokens) && (is_comment_item(n) || is(n, GUMBO_TAG_LI))) {
                out.excluded.insert(n);
                ++out.pings;
                return Visit::SkipChildren;
            }
            if (is_comment_item(n) || is_blogger_comment(n)) {
                int parent = open.empty() ? -1 : open.back();
                bool wrapper = parent >= 0 && !reply_list_between(items[static_cast<std::size_t>(parent)].node, n);
                if (!adopted.empty() && adopted.back().open_items == open.size() && adopted.back().parent != -2) {
                    parent = adopted.back().parent;
                    wrapper = false;
                }
                items.push_back({n, parent, wrapper, depth_class(n), is_answer(n)});
                item_nodes.insert(n);
                open.push_back(static_cast<int>(items.size() - 1));
                out.excluded.insert(n);
            }
            return Visit::Continue;
        },
        [&](const GumboNode* n) {
            if (!is_element(n)) return;
            if (!open.empty() && items[static_cast<std::size_t>(open.back())].node == n) open.pop_back();
            const Opened o = opened.back();
            opened.pop_back();
            if (o.reply_list) adopted.pop_back();
            if (o.thread_root) {
                widgets = widgets_outside.back();
                widgets_outside.pop_back();
            }
            if (o.recent) --recent;
            if (o.widget) --widgets;
        });

    // Numbers in reading order. An item without text of its own is either the outer element
    // of a comment whose words sit in a nested wrapper (that wrapper stands for it, and its
    // replies answer the wrapper), or an empty comment (its replies go to its own parent).
    std::vector<int> number(items.size(), 0);
    std::vector<int> stands_for(items.size(), -1);  // an empty item's wrapper with the words
    int next = 1;
    std::array<int, 65> last_at_depth;  // the last comment numbered at each depth-N
    last_at_depth.fill(-1);
    int last_not_answer = -1;
    for (std::size_t i = 0; i < items.size(); ++i) {
        auto other_item = [&](const GumboNode* n) { return item_nodes.count(n) > 0; };
        Fields f = is_blogger_comment(items[i].node) ? read_blogger_comment(items[i].node, out.excluded)
                                                     : read_comment(items[i].node, other_item);
        if (f.text.empty()) continue;
        // Words in a wrapper, name and date around it: read those from the outermost element
        // of the comment, its wrappers included, its replies not.
        if (items[i].wrapper && (f.author.empty() || f.date.empty())) {
            std::size_t outer = i;
            while (items[outer].wrapper && number[static_cast<std::size_t>(items[outer].parent)] == 0)
                outer = static_cast<std::size_t>(items[outer].parent);
            if (outer != i) {
                auto other_comment = [&](const GumboNode* n) {
                    if (item_nodes.count(n) == 0) return false;
                    for (std::size_t w = i;; w = static_cast<std::size_t>(items[w].parent)) {
                        if (items[w].node == n) return false;  // this comment's own wrapper
                        if (w == outer) return true;
                    }
                };
                Fields whole = read_comment(items[outer].node, other_comment);
                if (f.author.empty()) f.author = std::move(whole.author);
                if (f.date.empty()) f.date = std::move(whole.date);
            }
        }
        // The comment this one answers: up through wrappers of itself, then the first
        // enclosing item that is a comment or has one standing for it.
        int parent = -1;
        bool self = items[i].wrapper;  // still climbing through this comment's own wrappers
        for (int p = items[i].parent; p >= 0; p = items[static_cast<std::size_t>(p)].parent) {
            const auto up = static_cast<std::size_t>(p);
            if (self) {
                if (number[up] > 0) {  // a wrapper inside a comment that has words: a reply after all
                    parent = p;
                    break;
                }
                self = items[up].wrapper;
                continue;
            }
            if (number[up] > 0) {
                parent = p;
                break;
            }
            if (stands_for[up] >= 0) {
                parent = stands_for[up];
                break;
            }
        }
        // Threads drawn flat say who answers whom by class only: a depth-N comment answers the
        // last comment of depth N-1 (Disqus's static markup); an "answer" the comment before it.
        const auto depth = static_cast<std::size_t>(std::min(items[i].depth, 64));
        if (depth >= 2 && (parent < 0 || items[static_cast<std::size_t>(parent)].depth >= items[i].depth) &&
            last_at_depth[depth - 1] >= 0)
            parent = last_at_depth[depth - 1];
        if (items[i].answer && parent < 0) parent = last_not_answer;
        documents::Comment c;
        c.number = next;
        number[i] = next++;
        if (depth > 0) last_at_depth[depth] = static_cast<int>(i);
        if (!items[i].answer) last_not_answer = static_cast<int>(i);
        // This comment now stands for the empty elements it is the wrapper of.
        for (std::size_t w = i; items[w].wrapper;) {
            const auto up = static_cast<std::size_t>(items[w].parent);
            if (number[up] > 0 || stands_for[up] >= 0) break;
            stands_for[up] = static_cast<int>(i);
            w = up;
        }
        if (parent >= 0) c.parent = number[static_cast<std::size_t>(parent)];
        c.author = std::move(f.author);
        c.date = std::move(f.date);
        c.text = std::move(f.text);
        c.mentions = find_mentions(c.text);
        out.thread.push_back(std::move(c));
    }
    return out;
}

}  // namespace veille::readers::html
