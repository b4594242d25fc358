// The seed reader works line by line: front matter, title, body up to the comment-section
// header, then a small state machine over the thread. Site chrome ("9 réflexions au sujet
// de …", "Répondre", "Laisser un commentaire", the "1." numbering and the "•" bullets) only
// gives the structure and never reaches the indexed text.
#include "readers/seed_text_reader.hpp"

#include <unicode/uchar.h>

#include <array>
#include <regex>
#include <string>
#include <unordered_set>

#include "readers/front_matter.hpp"
#include "text/utf8.hpp"

namespace veille::readers {

namespace {

using documents::Article;
using documents::Comment;
using documents::Diagnostic;
using documents::Severity;

// A first line longer than this is a paragraph, not a title.
constexpr std::size_t kMaxTitleBytes = 300;

// Horizontal spaces a copied web page puts around text: ASCII, NO-BREAK SPACE, FIGURE SPACE,
// THIN SPACE, NARROW NO-BREAK SPACE (the French space before « ; : ! ? »).
constexpr std::array<std::string_view, 6> kSpaces = {
    " ", "\t", "\xC2\xA0", "\xE2\x80\x87", "\xE2\x80\x89", "\xE2\x80\xAF"};

std::string_view trim_left(std::string_view s) {
    for (bool again = true; again;) {
        again = false;
        for (const auto sp : kSpaces) {
            if (s.starts_with(sp)) {
                s.remove_prefix(sp.size());
                again = true;
            }
        }
    }
    return s;
}

std::string_view trim_right(std::string_view s) {
    for (bool again = true; again;) {
        again = false;
        for (const auto sp : kSpaces) {
            if (s.ends_with(sp)) {
                s.remove_suffix(sp.size());
                again = true;
            }
        }
    }
    return s;
}

std::string_view trim(std::string_view s) { return trim_right(trim_left(s)); }

struct Line {
    std::string_view trimmed;  // without surrounding spaces
    std::size_t indent = 0;    // leading ASCII spaces and tabs: nesting depth in a thread
    std::size_t number = 0;    // 1-based line of the file
};

std::vector<Line> split_lines(std::string_view text, std::size_t first_number) {
    std::vector<Line> lines;
    std::size_t pos = 0;
    while (pos <= text.size()) {
        auto end = text.find('\n', pos);
        if (end == std::string_view::npos) end = text.size();
        const std::string_view line = text.substr(pos, end - pos);
        const auto indent = line.find_first_not_of(" \t");
        lines.push_back({trim(line), indent == std::string_view::npos ? line.size() : indent,
                         first_number + lines.size()});
        pos = end + 1;
    }
    return lines;
}

// "---", "=====", "***": a rule drawn in plain text, never a title.
bool is_rule(std::string_view t) {
    return !t.empty() && t.find_first_not_of("-=*_~") == std::string_view::npos;
}

bool is_one_of(std::string_view s, std::initializer_list<std::string_view> options) {
    for (const auto o : options) {
        if (s == o) return true;
    }
    return false;
}

// "Répondre" ends each comment of a WordPress thread.
bool is_reply_link(std::string_view t) {
    return is_one_of(t, {"Répondre", "Répondre ↓", "Reply", "Reply ↓"});
}

// The comment form after the thread: the end of what was written by people.
bool is_thread_end(std::string_view t) {
    return is_one_of(t, {"Laisser un commentaire", "Laisser une réponse",
                         "Laisser un commentaire Annuler la réponse",
                         "Laisser une réponse Annuler la réponse", "Annuler la réponse",
                         "Leave a Reply", "Leave a comment", "Leave a Reply Cancel reply"});
}

bool starts_with_quote(std::string_view s) {
    for (const std::string_view q : {"“", "\"", "«", "‘", "'", "„", "‹"}) {
        if (s.starts_with(q)) return true;
    }
    return false;
}

// "9 réflexions au sujet de “Titre”", "Une réflexion au sujet de "Titre"", "12 commentaires",
// "3 commentaires sur « Titre »". A count followed by a topic must quote it, so that a body
// sentence such as "Un commentaire sur la loi a suffi" is not taken for the header.
bool is_thread_header(std::string_view t) {
    if (t.empty() || t.size() > 600) return false;
    if (t.find("flexion") == std::string_view::npos && t.find("omment") == std::string_view::npos &&
        t.find("ponse") == std::string_view::npos && t.find("thought") == std::string_view::npos)
        return false;
    std::string line(t);
    for (const std::string_view sp : {"\xC2\xA0", "\xE2\x80\xAF"}) {
        for (auto p = line.find(sp); p != std::string::npos; p = line.find(sp, p))
            line.replace(p, sp.size(), " ");
    }
    static const std::regex header(
        "^(\\d+|[Uu]ne?|[Aa]ucune?) +"
        "(réflexions?|commentaires?|réponses?|thoughts?|responses?|comments?)"
        "( +(au sujet de|à propos de|sur|on|to) +(.+))?$");
    std::smatch m;
    if (!std::regex_match(line, m, header)) return false;
    return !m[5].matched || starts_with_quote(m[5].str());
}

// "  1. @Obélix" -> the text after the number ("@Obélix"); nullopt when not numbered.
std::optional<std::string_view> numbered_text(std::string_view t, int& number) {
    std::size_t i = 0;
    number = 0;
    while (i < t.size() && i < 6 && t[i] >= '0' && t[i] <= '9')
        number = number * 10 + (t[i++] - '0');
    if (i == 0 || i >= t.size() || t[i] != '.') return std::nullopt;
    const std::string_view after = t.substr(i + 1);
    if (!after.empty() && after.front() != ' ' && after.front() != '\t' &&
        !after.starts_with("\xC2\xA0"))
        return std::nullopt;  // "3.5 millions", "1.er"
    return trim(after);
}

// "•  »…La terre du Mali…" -> "…La terre du Mali…": the bullet WordPress puts before a
// nested reply, the spaces after it and the stray "»" of its quote styling are chrome.
std::optional<std::string_view> bullet_text(std::string_view t) {
    static constexpr std::string_view bullet = "•";
    if (!t.starts_with(bullet)) return std::nullopt;
    std::string_view rest = trim_left(t.substr(bullet.size()));
    if (rest.starts_with("»")) rest = trim_left(rest.substr(std::string_view("»").size()));
    return rest;
}

bool is_word_char(char32_t c) {
    return c == '_' || u_isalnum(static_cast<UChar32>(c)) ||
           u_charType(static_cast<UChar32>(c)) == U_NON_SPACING_MARK;
}

// Joins lines as the document model wants text: lines of a paragraph with "\n", paragraphs
// with one blank line, no blank lines at either end.
class TextBuilder {
  public:
    void add(std::string_view trimmed_line) {
        if (trimmed_line.empty()) {
            pending_break_ = !text_.empty();
            return;
        }
        if (!text_.empty()) text_ += pending_break_ ? "\n\n" : "\n";
        pending_break_ = false;
        text_ += trimmed_line;
    }
    std::string take() { return std::move(text_); }

  private:
    std::string text_;
    bool pending_break_ = false;
};

// Reads the thread that follows the header line; stops at the comment form.
class ThreadParser {
  public:
    ThreadParser(std::string_view path, std::vector<Diagnostic>& diagnostics)
        : path_(path), diagnostics_(diagnostics) {}

    void parse(const std::vector<Line>& lines, std::size_t from, documents::CommentThread& out) {
        for (std::size_t k = from; k < lines.size(); ++k) {
            const Line& line = lines[k];
            const std::string_view t = line.trimmed;
            if (is_thread_end(t)) break;
            if (is_reply_link(t)) {
                closed_ = true;
                continue;
            }
            int number = 0;
            if (const auto rest = numbered_text(t, number);
                rest && (!open_ || closed_ ||
                         (number == last_top_number_ + 1 && line.indent <= top_indent_))) {
                finish(out);
                parents_.clear();
                start(line, *rest, std::nullopt);
                parents_.push_back({line.indent, number_});
                last_top_number_ = number;
                top_indent_ = line.indent;
                continue;
            }
            if (const auto rest = bullet_text(t); rest && open_ && closed_) {
                finish(out);
                while (!parents_.empty() && parents_.back().indent >= line.indent)
                    parents_.pop_back();
                std::optional<int> parent;
                if (!parents_.empty()) parent = parents_.back().number;
                start(line, *rest, parent);
                parents_.push_back({line.indent, number_});
                continue;
            }
            if (open_) {
                text_.add(t);
            } else if (!t.empty() && !warned_stray_) {
                warned_stray_ = true;
                diagnostics_.push_back({Severity::Warning, std::string(path_), line.number,
                                        "text before the first numbered comment ignored"});
            }
        }
        finish(out);
    }

  private:
    struct Parent {
        std::size_t indent;
        int number;
    };

    void start(const Line& line, std::string_view first_text, std::optional<int> parent) {
        open_ = true;
        closed_ = false;
        current_ = Comment{};
        current_.number = ++number_;
        current_.parent = parent;
        current_line_ = line.number;
        text_.add(first_text);
    }

    void finish(documents::CommentThread& out) {
        if (!open_) return;
        current_.text = text_.take();
        current_.mentions = find_mentions(current_.text);
        if (current_.text.empty()) {
            diagnostics_.push_back({Severity::Warning, std::string(path_), current_line_,
                                    "comment " + std::to_string(current_.number) + " has no text"});
        }
        out.push_back(std::move(current_));
        open_ = false;
    }

    std::string_view path_;
    std::vector<Diagnostic>& diagnostics_;
    std::vector<Parent> parents_;  // the comments a deeper bullet can reply to
    Comment current_;
    TextBuilder text_;
    std::size_t current_line_ = 0;
    int number_ = 0;           // position of the last comment in reading order
    int last_top_number_ = 0;  // the page's own "N." of the last top-level comment
    std::size_t top_indent_ = 0;
    bool open_ = false;    // a comment is being read
    bool closed_ = false;  // ... and its "Répondre" line was seen
    bool warned_stray_ = false;
};

// The header of the comment section, if the lines from `from` have one: a header line
// followed by a numbered comment, the comment form, or nothing.
std::optional<std::size_t> find_thread_header(const std::vector<Line>& lines, std::size_t from) {
    for (std::size_t k = from; k < lines.size(); ++k) {
        if (!is_thread_header(lines[k].trimmed)) continue;
        std::size_t next = k + 1;
        while (next < lines.size() && lines[next].trimmed.empty()) ++next;
        int number = 0;
        if (next == lines.size() || is_thread_end(lines[next].trimmed) ||
            numbered_text(lines[next].trimmed, number))
            return k;
    }
    return std::nullopt;
}

}  // namespace

// "@Obélix", "@BLOB": the names a comment addresses, in order, each once. An '@' inside a
// word (an e-mail address) is not a mention; '-', '.' and '_' join two parts of one name
// ("@Jean-Pierre") but a trailing one is punctuation ("@Obélix.").
std::vector<std::string> find_mentions(std::string_view s) {
    std::vector<std::string> mentions;
    std::unordered_set<std::string> seen;  // a comment of 100,000 mentions stays linear
    bool after_word = false;
    std::size_t i = 0;
    while (i < s.size()) {
        const char32_t c = text::decode_utf8(s, i);
        if (c != '@' || after_word) {
            after_word = is_word_char(c);
            continue;
        }
        const std::size_t start = i;
        std::size_t end = i;
        bool last_was_word = false;
        for (std::size_t j = i; j < s.size();) {
            const char32_t d = text::decode_utf8(s, j);
            if (is_word_char(d)) {
                end = j;
                last_was_word = true;
            } else if (last_was_word && (d == '-' || d == '.')) {
                last_was_word = false;
            } else {
                break;
            }
        }
        if (end > start) {
            std::string name(s.substr(start, end - start));
            if (seen.insert(name).second) mentions.push_back(std::move(name));
        }
        i = end > start ? end : start;
        after_word = end > start;
    }
    return mentions;
}

SeedTextResult read_seed_text(std::string_view text, std::string_view path) {
    SeedTextResult result;
    Article& article = result.article;
    const FrontMatter fm = parse_front_matter(text, path, result.diagnostics);
    const auto field = [&fm](const char* key) {
        const auto it = fm.fields.find(key);
        return it == fm.fields.end() ? std::string() : it->second;
    };
    article.title = field("title");
    article.meta.date = field("date");
    article.meta.url = field("url");
    article.meta.source = field("source");
    article.meta.author = field("author");

    const std::vector<Line> lines = split_lines(fm.rest, fm.lines_consumed + 1);
    std::size_t body_start = 0;
    if (article.title.empty()) {
        // Without a title in the front matter, the first non-blank line is the title.
        while (body_start < lines.size() &&
               (lines[body_start].trimmed.empty() || is_rule(lines[body_start].trimmed)))
            ++body_start;
        if (body_start < lines.size()) {
            const Line& first = lines[body_start];
            // A first line that long is a paragraph: the article simply has no title (many
            // exports, FreSaDa among them, keep titles elsewhere). Not worth a warning.
            if (first.trimmed.size() <= kMaxTitleBytes) {
                article.title = first.trimmed;
                ++body_start;
            }
        }
    }

    const auto header = find_thread_header(lines, body_start);
    std::size_t body_end = header.value_or(lines.size());
    if (!header) {
        // A page copied without comments may still end with the comment form.
        while (body_end > body_start &&
               (lines[body_end - 1].trimmed.empty() || is_thread_end(lines[body_end - 1].trimmed)))
            --body_end;
    }
    TextBuilder body;
    for (std::size_t k = body_start; k < body_end; ++k) body.add(lines[k].trimmed);
    article.body = body.take();

    if (header) ThreadParser(path, result.diagnostics).parse(lines, *header + 1, article.comments);
    return result;
}

}  // namespace veille::readers
