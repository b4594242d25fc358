// A thin, safe layer over the gumbo HTML5 parse tree: ownership, attribute and class
// look-ups, iterative walks (never recursive: a page may nest thousands of levels) and text
// extraction that turns block elements and <br> into breaks so words never glue together.
#pragma once

#include <gumbo.h>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace veille::readers::html {

// Nesting deeper than this is flattened before parsing: gumbo checks the stack of open
// elements at most start tags, so a 30,000-level page costs seconds and a 200,000-level one
// minutes. Real pages stay under 100 levels.
inline constexpr std::size_t kMaxDepth = 400;

// A parsed page. Owns the (possibly flattened) UTF-8 text and gumbo's tree, which points into it.
class Document {
public:
    explicit Document(std::string_view utf8);
    ~Document();
    Document(const Document&) = delete;
    Document& operator=(const Document&) = delete;

    const GumboNode* root() const { return output_ ? output_->root : nullptr; }
    // Start and end tags dropped because they nested deeper than kMaxDepth (their text is kept).
    std::size_t flattened_tags() const { return flattened_; }

private:
    std::string buffer_;
    GumboOutput* output_ = nullptr;
    std::size_t flattened_ = 0;
};

// `utf8` with the start and end tags that would nest deeper than `max_depth` replaced by a
// space; the text between them stays. A tokenizer-level scan (comments, raw-text elements
// such as <script>, quoted attributes, void elements and the end tags HTML lets pages omit
// for <p>, <li>, <td>... are understood), linear in the size of the input. `dropped` counts
// the tags removed; the input comes back unchanged when none was.
std::string flatten_deep_nesting(std::string_view utf8, std::size_t max_depth, std::size_t& dropped);

inline bool is_element(const GumboNode* n) {
    return n && (n->type == GUMBO_NODE_ELEMENT || n->type == GUMBO_NODE_TEMPLATE);
}
inline GumboTag tag(const GumboNode* n) { return is_element(n) ? n->v.element.tag : GUMBO_TAG_UNKNOWN; }
inline bool is(const GumboNode* n, GumboTag t) { return tag(n) == t; }

// The value of an attribute, or an empty view when absent.
std::string_view attr(const GumboNode* n, const char* name);
bool has_attr(const GumboNode* n, const char* name);

// True when the class attribute holds exactly this token ("comment" in "comment even").
bool has_class(const GumboNode* n, std::string_view token);

// The class and id tokens of an element, lower-cased ("comment-list", "respond").
std::vector<std::string> class_and_id_tokens(const GumboNode* n);

// The class tokens alone, lower-cased.
std::vector<std::string> class_tokens(const GumboNode* n);

// Children of an element or of the document node (empty for text nodes).
const GumboVector* children(const GumboNode* n);

enum class Visit { Continue, SkipChildren, Stop };

// Pre-order walk of `root` and everything below it, without recursion. `pre(node)` decides
// whether to go into the node's children; `post(node)` (optional) runs when its subtree is done.
template <class Pre, class Post>
void walk(const GumboNode* root, Pre&& pre, Post&& post);
template <class Pre>
void walk(const GumboNode* root, Pre&& pre) {
    walk(root, pre, [](const GumboNode*) {});
}

// The first element in `root`'s subtree (root included) for which `match` is true, in
// document order, or nullptr. Subtrees for which `prune` is true are not searched.
template <class Match, class Prune>
const GumboNode* find_first(const GumboNode* root, Match&& match, Prune&& prune);

// How an element's text is laid out.
enum class Layout {
    Inline,     // part of the running text
    LineBreak,  // <br>, <li>, <tr>, <dt>, <dd>: a new line
    Block,      // <p>, <div>, headings...: a paragraph of its own
    Cell,       // <td>, <th>: a space between cells
};
Layout layout_of(const GumboNode* n);

// True for elements whose content is never text a reader sees: <script>, <style>,
// <noscript>, <template>, <svg>, form controls, <iframe>..., and elements hidden with the
// hidden attribute, aria-hidden="true" or style="display:none".
bool never_text(const GumboNode* n);

// Accumulates text as a browser lays it out, for indexing: runs of white space (NBSP
// included) become one space, block boundaries a blank line, <br> a newline; lines are
// trimmed and empty paragraphs dropped.
class TextBuilder {
public:
    void text(std::string_view s);
    void line_break() { request(1); }
    void paragraph_break() { request(2); }
    void space() { pending_space_ = true; }
    std::string finish();
    std::size_t size() const { return out_.size(); }

private:
    void request(int level) {
        if (level > pending_break_) pending_break_ = level;
    }
    std::string out_;
    bool pending_space_ = false;
    int pending_break_ = 0;
};

// The visible text of `root`'s subtree. `skip(node)` returning true leaves out an element
// and everything in it (never_text() elements are always left out).
template <class Skip>
std::string extract_text(const GumboNode* root, Skip&& skip);
inline std::string extract_text(const GumboNode* root) {
    return extract_text(root, [](const GumboNode*) { return false; });
}

// Just the text nodes of a subtree, spaces collapsed, nothing skipped: <title>, <time>.
std::string plain_text(const GumboNode* root);

// ---- templates ---------------------------------------------------------------------------

template <class Pre, class Post>
void walk(const GumboNode* root, Pre&& pre, Post&& post) {
    if (!root) return;
    const GumboNode* node = root;
    while (true) {
        const Visit v = pre(node);
        if (v == Visit::Stop) return;
        const GumboVector* kids = children(node);
        if (v == Visit::Continue && kids && kids->length > 0) {
            node = static_cast<const GumboNode*>(kids->data[0]);
            continue;
        }
        // Done with node: climb until a next sibling exists.
        while (true) {
            post(node);
            if (node == root) return;
            const GumboNode* parent = node->parent;
            const GumboVector* siblings = children(parent);
            const std::size_t next = node->index_within_parent + 1;
            if (siblings && next < siblings->length) {
                node = static_cast<const GumboNode*>(siblings->data[next]);
                break;
            }
            node = parent;
            if (!node) return;
        }
    }
}

template <class Match, class Prune>
const GumboNode* find_first(const GumboNode* root, Match&& match, Prune&& prune) {
    const GumboNode* found = nullptr;
    walk(root, [&](const GumboNode* n) {
        if (!is_element(n)) return Visit::SkipChildren;
        if (n != root && prune(n)) return Visit::SkipChildren;
        if (match(n)) {
            found = n;
            return Visit::Stop;
        }
        return Visit::Continue;
    });
    return found;
}

template <class Skip>
std::string extract_text(const GumboNode* root, Skip&& skip) {
    TextBuilder out;
    walk(
        root,
        [&](const GumboNode* n) {
            if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_WHITESPACE ||
                n->type == GUMBO_NODE_CDATA) {
                out.text(n->v.text.text);
                return Visit::SkipChildren;
            }
            if (!is_element(n)) return Visit::SkipChildren;
            if (never_text(n) || (n != root && skip(n))) {
                // A skipped block still separates the words around it.
                if (layout_of(n) != Layout::Inline) out.space();
                return Visit::SkipChildren;
            }
            switch (layout_of(n)) {
                case Layout::Block: out.paragraph_break(); break;
                case Layout::LineBreak: out.line_break(); break;
                case Layout::Cell: out.space(); break;
                case Layout::Inline: break;
            }
            return Visit::Continue;
        },
        [&](const GumboNode* n) {
            switch (layout_of(n)) {
                case Layout::Block: out.paragraph_break(); break;
                case Layout::LineBreak:
                    if (!is(n, GUMBO_TAG_BR)) out.line_break();
                    break;
                case Layout::Cell: out.space(); break;
                case Layout::Inline: break;
            }
        });
    return out.finish();
}

}  // namespace veille::readers::html
