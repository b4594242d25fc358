#include "output/thread_renderer.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "output/wrap.hpp"
#include "text/utf8.hpp"

namespace veille::output {

namespace {

constexpr std::size_t kStep = 4;            // columns of indent per reply level
constexpr std::size_t kMinTextCols = 30;    // deep replies stop indenting before this

// `text` (several lines, paragraphs separated by blank lines) wrapped under `indent`, each
// highlight range lit. Blank lines collapse to one; leading and trailing ones go.
void write_text(std::ostream& out, std::string_view text, const std::vector<ByteRange>& ranges,
                const std::string& indent, const TerminalStyle& style) {
    bool pending_blank = false, wrote = false;
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        const std::string_view line = text.substr(start, end - start);
        std::vector<ByteRange> local;
        for (auto [b, e] : ranges)
            if (e > start && b < end) local.emplace_back(std::max(b, start) - start, std::min(e, end) - start);
        const MarkedText marked = mark_line(line, local);
        if (marked.text.find_first_not_of(' ') == std::string::npos) {
            pending_blank = wrote;
        } else {
            if (pending_blank) out << '\n';
            pending_blank = false;
            write_wrapped(out, marked, style.width, indent, indent, style.colour);
            wrote = true;
        }
        if (end == text.size()) break;
        start = end + 1;
    }
}

std::vector<ByteRange> ranges_in(std::string_view text, const snippets::SnippetBuilder* highlighter) {
    return highlighter ? highlighter->highlight_all(text) : std::vector<ByteRange>{};
}

struct Tree {
    std::map<int, std::vector<std::size_t>> children;  // parent number -> comment indexes
    std::vector<std::size_t> roots;
};

// Replies under their parent; a reply whose parent is not in the thread is shown at the top
// level, so no comment is ever lost.
Tree tree_of(const std::vector<search::StoredDocument>& comments) {
    std::set<int> numbers;
    for (const auto& c : comments)
        if (c.comment_number) numbers.insert(*c.comment_number);
    Tree tree;
    for (std::size_t i = 0; i < comments.size(); ++i) {
        const auto& c = comments[i];
        const bool nested = c.parent_number && numbers.count(*c.parent_number) &&
                            c.comment_number && *c.parent_number < *c.comment_number;
        if (nested)
            tree.children[*c.parent_number].push_back(i);
        else
            tree.roots.push_back(i);
    }
    return tree;
}

void write_comment(std::ostream& out, const std::vector<search::StoredDocument>& comments, const Tree& tree,
                   std::size_t index, std::size_t depth, const snippets::SnippetBuilder* highlighter,
                   std::optional<int> focus, const TerminalStyle& style) {
    const auto& c = comments[index];
    const Lang lang = style.lang;
    const std::size_t max_depth = style.width > kMinTextCols + kStep ? (style.width - kMinTextCols) / kStep : 0;
    const std::size_t shown_depth = std::min(depth, max_depth);
    const std::string indent(shown_depth * kStep, ' ');

    std::string header = c.comment_number ? "#" + std::to_string(*c.comment_number) : "#?";
    std::string line = indent + styled(header, sgr::kBold, style.colour);
    // Deeper than the indent can show: say whom it answers.
    if (depth > shown_depth && c.parent_number) {
        const std::string reply = " (" + say(lang, Msg::ReplyTo, {std::to_string(*c.parent_number)}) + ")";
        line += reply;
    }
    if (!c.author.empty()) {
        const std::string author = " " + one_line(c.author);
        line += author;
    }
    if (!c.date.empty() && !c.date_inherited) {
        const std::string date = " \u2014 " + one_line(c.date);
        line += styled(date, sgr::kDim, style.colour);
    }
    if (focus && c.comment_number && *focus == *c.comment_number) {
        const std::string mark = "  " + std::string(message(lang, Msg::ThreadMatched));
        line += styled(mark, sgr::kHighlight, style.colour);
    }
    out << line << '\n';
    write_text(out, c.text, ranges_in(c.text, highlighter), indent + "   ", style);

    if (!c.comment_number) return;
    auto it = tree.children.find(*c.comment_number);
    if (it == tree.children.end()) return;
    for (std::size_t child : it->second) {
        out << '\n';
        write_comment(out, comments, tree, child, depth + 1, highlighter, focus, style);
    }
}

}  // namespace

void render_thread(std::ostream& out, const search::Thread& thread, const snippets::SnippetBuilder* highlighter,
                   std::optional<int> focus, const TerminalStyle& style) {
    const Lang lang = style.lang;
    const auto& a = thread.article;

    // Title in bold, lit where it matches.
    const std::string title = a.title.empty() ? std::string(message(lang, Msg::Untitled)) : a.title;
    const MarkedText heading = mark_line(title, ranges_in(title, highlighter));
    for (const auto& l : wrap_words(heading.text, style.width, style.width)) {
        std::string rendered = render_line(heading, l, style.colour);
        if (style.colour) {
            // Back to bold after each highlighted run.
            for (auto at = rendered.find(sgr::kReset); at != std::string::npos;
                 at = rendered.find(sgr::kReset, at + sgr::kReset.size() + sgr::kBold.size()))
                rendered.insert(at + sgr::kReset.size(), sgr::kBold);
            rendered = std::string(sgr::kBold) + rendered + std::string(sgr::kReset);
        }
        out << rendered << '\n';
    }

    // Date · source · author, then the address and the file.
    std::vector<std::string> meta;
    if (!a.date.empty()) meta.push_back(one_line(a.date));
    if (!a.source.empty()) meta.push_back(one_line(a.source));
    if (!a.author.empty()) meta.push_back(say(lang, Msg::ThreadBy, {one_line(a.author)}));
    std::string meta_line;
    for (const auto& m : meta) meta_line += (meta_line.empty() ? "" : " \u00B7 ") + m;
    if (!meta_line.empty()) out << styled(fit_width(meta_line, style.width), sgr::kDim, style.colour) << '\n';
    if (!a.url.empty()) out << styled(fit_width(one_line(a.url), style.width), sgr::kDim, style.colour) << '\n';
    if (!a.path.empty()) out << styled(fit_width_start(one_line(a.path), style.width), sgr::kDim, style.colour) << '\n';

    if (!a.entities.empty()) {
        std::vector<std::string> items;
        for (const auto& e : a.entities) items.push_back(one_line(e.name) + " " + std::to_string(e.count));
        const std::string label(message(lang, Msg::HitEntities));
        write_items(out, items, style.width, styled(label, sgr::kDim, style.colour), text::display_width(label));
    }

    out << '\n';
    write_text(out, a.text, ranges_in(a.text, highlighter), "", style);

    out << '\n';
    if (thread.comments.empty()) {
        out << styled(message(lang, Msg::ThreadNoComments), sgr::kDim, style.colour) << '\n';
        return;
    }
    out << styled(say(lang, Msg::ThreadComments, {std::to_string(thread.comments.size())}), sgr::kBold,
                  style.colour)
        << '\n';
    const Tree tree = tree_of(thread.comments);
    for (std::size_t root : tree.roots) {
        out << '\n';
        write_comment(out, thread.comments, tree, root, 0, highlighter, focus, style);
    }
}

}  // namespace veille::output
