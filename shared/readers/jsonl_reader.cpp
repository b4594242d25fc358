#include "readers/jsonl_reader.hpp"

#include <nlohmann/json.hpp>

#include <unordered_map>
#include <unordered_set>

#include "documents/thread_order.hpp"
#include "readers/seed_text_reader.hpp"
#include "text/ascii.hpp"
#include "text/utf8.hpp"

namespace veille::readers {

namespace {

using documents::Article;
using documents::Comment;
using documents::Diagnostic;
using documents::Severity;
using nlohmann::json;

// Parse errors quote what they read: keep them to a line a terminal can show.
constexpr std::size_t kMaxReasonBytes = 160;

std::string clean(std::string_view s) {
    text::SanitizeReport ignored;
    return text::sanitize(s, ignored);
}

// Invalid UTF-8 -> U+FFFD, so that the JSON parser (which refuses it) reads the rest.
std::string repair_utf8(std::string_view line, std::size_t& invalid) {
    std::string out;
    out.reserve(line.size());
    std::size_t i = 0;
    while (i < line.size()) {
        const auto c = static_cast<unsigned char>(line[i]);
        if (c < 0x80) {
            out += static_cast<char>(c);
            ++i;
            continue;
        }
        const std::size_t start = i;
        const char32_t cp = text::decode_utf8(line, i);
        if (cp == text::kReplacementChar && i - start != 3) ++invalid;
        text::append_utf8(out, cp);
    }
    return out;
}

std::string shorten(std::string s) { return text::shorten(std::move(s), kMaxReasonBytes); }

// "[json.exception.parse_error.101] parse error at line 1, column 7: syntax error while
// parsing value - invalid literal; last read: '{"a":x'" -> "column 7: syntax error ...".
std::string parse_reason(const std::string& what) {
    std::string s = what;
    if (const auto close = s.find("] "); s.starts_with("[json.exception") && close != std::string::npos)
        s.erase(0, close + 2);
    if (const auto at = s.find("at line 1, "); at != std::string::npos) s.erase(0, at + 11);
    if (s.starts_with("parse error: ")) s.erase(0, 13);
    if (s.starts_with("number overflow parsing ")) s = "number too large: " + s.substr(24);
    return "invalid JSON (" + shorten(clean(s)) + ")";
}

enum class FieldStatus { Absent, Ok, WrongType };

// A string field; numbers are accepted where the export may write them (ids).
FieldStatus get_string(const json& j, const char* key, std::string& out, bool allow_number) {
    out.clear();
    const auto it = j.find(key);
    if (it == j.end() || it->is_null()) return FieldStatus::Absent;
    if (it->is_string()) {
        out = clean(it->get_ref<const std::string&>());
        return FieldStatus::Ok;
    }
    if (allow_number && it->is_number_integer()) {
        out = std::to_string(it->get<long long>());
        return FieldStatus::Ok;
    }
    if (allow_number && it->is_number_unsigned()) {
        out = std::to_string(it->get<unsigned long long>());
        return FieldStatus::Ok;
    }
    return FieldStatus::WrongType;
}

bool blank(std::string_view s) { return s.find_first_not_of(" \t\n\r") == std::string_view::npos; }

struct PendingComment {
    std::string id, article_id, parent_id;
    Comment comment;
    std::size_t line = 0;
};

}  // namespace

JsonlResult read_jsonl(std::string_view bytes, std::string_view path) {
    JsonlResult out;
    const std::string where(path);
    auto warn = [&](std::size_t line, std::string message) {
        out.diagnostics.push_back({Severity::Warning, where, line, std::move(message)});
    };
    if (bytes.starts_with("\xEF\xBB\xBF")) bytes.remove_prefix(3);

    std::unordered_map<std::string, std::size_t> article_at;  // key -> index in out.articles
    std::vector<PendingComment> comments;
    std::unordered_map<std::string, std::size_t> comment_line;  // comment id -> line
    std::size_t line_no = 0, start = 0;
    while (start < bytes.size()) {
        std::size_t end = bytes.find('\n', start);
        if (end == std::string_view::npos) end = bytes.size();
        std::string_view raw = bytes.substr(start, end - start);
        start = end + 1;
        ++line_no;
        if (raw.ends_with('\r')) raw.remove_suffix(1);
        if (blank(raw)) continue;

        std::size_t invalid = 0;
        const std::string line = repair_utf8(raw, invalid);
        json j;
        try {
            j = json::parse(line);
        } catch (const json::exception& e) {
            // parse_error, and out_of_range for a number too large for a double (found by fuzzing).
            warn(line_no, parse_reason(e.what()) + ": line skipped");
            continue;
        }
        if (!j.is_object()) {
            warn(line_no, "not a JSON object: line skipped");
            continue;
        }
        if (invalid > 0)
            warn(line_no, "invalid UTF-8: " + std::to_string(invalid) +
                              (invalid == 1 ? " sequence" : " sequences") + " replaced with U+FFFD");

        std::string id, type, value;
        if (get_string(j, "id", id, true) == FieldStatus::WrongType)
            warn(line_no, "field 'id' is neither a string nor an integer: ignored");
        if (get_string(j, "type", type, false) == FieldStatus::WrongType) {
            warn(line_no, "field 'type' is not a string: record skipped");
            continue;
        }
        type = text::ascii_lower(type);
        std::string article_id;
        const FieldStatus has_article = get_string(j, "article_id", article_id, true);
        if (type.empty()) type = has_article == FieldStatus::Absent ? "article" : "comment";
        if (type == "commentaire") type = "comment";
        if (type != "article" && type != "comment") {
            warn(line_no, "unknown type '" + shorten(type) + "' (expected article or comment): record skipped");
            continue;
        }
        // Text fields: a wrong type is reported and the field ignored.
        auto field = [&](const char* key) {
            std::string v;
            if (get_string(j, key, v, false) == FieldStatus::WrongType)
                warn(line_no, std::string("field '") + key + "' is not a string: ignored");
            return v;
        };
        std::string text = field("text");
        if (blank(text)) text = field("body");
        else if (j.contains("body")) field("body");  // still report a body of the wrong type

        if (type == "article") {
            Article a;
            a.title = field("title");
            a.body = std::move(text);
            a.meta.date = field("date");
            a.meta.url = field("url");
            a.meta.source = field("source");
            a.meta.author = field("author");
            a.first_line = line_no;
            if (blank(a.title) && blank(a.body)) {
                warn(line_no, "article without title or text: record skipped");
                continue;
            }
            std::string key = id;
            if (key.empty()) {
                key = "#" + std::to_string(out.articles.size() + 1);
                if (article_at.count(key)) key += "@" + std::to_string(line_no);
            }
            if (auto it = article_at.find(key); it != article_at.end()) {
                warn(line_no, "duplicate article id '" + shorten(key) + "' (first at line " +
                                  std::to_string(out.articles[it->second].first_line) + "): record skipped");
                continue;
            }
            a.key = key;
            a.record_id = id;
            article_at.emplace(key, out.articles.size());
            out.articles.push_back(std::move(a));
            ++out.records;
            continue;
        }

        // A comment.
        if (has_article == FieldStatus::WrongType || article_id.empty()) {
            warn(line_no, "comment without article_id: record skipped");
            continue;
        }
        if (blank(text)) {
            warn(line_no, "comment without text: record skipped");
            continue;
        }
        PendingComment pc;
        pc.id = std::move(id);
        pc.article_id = std::move(article_id);
        if (get_string(j, "parent_id", pc.parent_id, true) == FieldStatus::WrongType)
            warn(line_no, "field 'parent_id' is neither a string nor an integer: ignored");
        pc.comment.text = std::move(text);
        pc.comment.author = field("author");
        pc.comment.date = field("date");
        pc.line = line_no;
        if (!pc.id.empty()) {
            auto [it, fresh] = comment_line.emplace(pc.id, line_no);
            if (!fresh) {
                warn(line_no, "duplicate comment id '" + shorten(pc.id) + "' (first at line " +
                                  std::to_string(it->second) + "): record skipped");
                continue;
            }
        }
        comments.push_back(std::move(pc));
        ++out.records;
    }

    // Comments whose article never came: kept under a stand-in named by that id, which the
    // index joins to the article of that id from whatever file.
    std::unordered_map<std::string, std::size_t> orphans;  // article id -> comment count
    for (const auto& c : comments) {
        if (article_at.count(c.article_id) && !orphans.count(c.article_id)) continue;
        auto [it, fresh] = orphans.emplace(c.article_id, 0);
        ++it->second;
        if (fresh) {
            Article placeholder;
            placeholder.key = c.article_id;
            placeholder.first_line = c.line;
            placeholder.stands_in_for = documents::ArticleName{documents::ArticleName::By::RecordId, c.article_id};
            article_at.emplace(c.article_id, out.articles.size());
            out.articles.push_back(std::move(placeholder));
        }
    }
    for (std::size_t i = 0; i < out.articles.size(); ++i) {
        auto it = orphans.find(out.articles[i].key);
        if (it == orphans.end()) continue;
        warn(out.articles[i].first_line,
             "article '" + shorten(it->first) + "' is not in this file: its " + std::to_string(it->second) +
                 (it->second == 1 ? " comment joins" : " comments join") + " it when it is indexed from another file");
    }

    // Threads: group by article, then reading order (parents before their replies).
    std::vector<std::vector<std::size_t>> by_article(out.articles.size());
    for (std::size_t i = 0; i < comments.size(); ++i)
        by_article[article_at.at(comments[i].article_id)].push_back(i);
    for (std::size_t a = 0; a < out.articles.size(); ++a) {
        const auto& mine = by_article[a];
        if (mine.empty()) continue;
        std::unordered_map<std::string, std::size_t> index_of;  // comment id -> position in mine
        for (std::size_t k = 0; k < mine.size(); ++k)
            if (!comments[mine[k]].id.empty()) index_of.emplace(comments[mine[k]].id, k);
        std::vector<std::optional<std::size_t>> parent_of(mine.size());
        for (std::size_t k = 0; k < mine.size(); ++k) {
            const auto& c = comments[mine[k]];
            if (c.parent_id.empty()) continue;
            auto it = index_of.find(c.parent_id);
            if (it == index_of.end() || it->second == k) {
                warn(c.line, "parent comment '" + shorten(c.parent_id) +
                                 "' not found in this article: read as a top-level comment");
                continue;
            }
            parent_of[k] = it->second;
        }
        const documents::ThreadOrder order = documents::thread_order(parent_of);
        for (std::size_t k : order.cycle_broken)
            warn(comments[mine[k]].line, "replies form a cycle: comment read as a top-level comment");
        std::vector<int> number(mine.size(), 0);
        auto& thread = out.articles[a].comments;
        thread.reserve(mine.size());
        for (std::size_t k : order.order) {
            Comment c = std::move(comments[mine[k]].comment);
            c.number = static_cast<int>(thread.size() + 1);
            number[k] = c.number;
            if (order.parent[k]) c.parent = number[*order.parent[k]];
            c.mentions = find_mentions(c.text);
            thread.push_back(std::move(c));
        }
    }
    return out;
}

}  // namespace veille::readers
