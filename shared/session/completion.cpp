#include "session/completion.hpp"

#include <algorithm>
#include <array>
#include <optional>

#include "output/wrap.hpp"
#include "schema/schema.hpp"
#include "session/command.hpp"
#include "session/session.hpp"
#include "text/utf8.hpp"

namespace veille::session {

using output::Lang;
using schema::Field;

namespace {

bool opens(char32_t c) { return c == U'"' || c == U'\u201C' || c == U'\u00AB' || c == U'\u201E'; }
bool closes_quote(char32_t c) { return c == U'"' || c == U'\u201D' || c == U'\u00BB' || c == U'\u201C'; }

// Where the token under the cursor starts: after the last space outside quotes.
std::size_t token_start(std::string_view line, std::size_t cursor) {
    std::size_t start = 0, i = 0;
    bool quoted = false;
    while (i < cursor && i < line.size()) {
        const char32_t c = text::decode_utf8(line, i);
        if (quoted) {
            if (closes_quote(c)) quoted = false;
        } else if (c == U' ' || c == U'\t') {
            start = i;
        } else if (opens(c)) {
            quoted = true;
        }
    }
    return start;
}

// Folded, without quotes: for comparing what was typed with a candidate.
std::string bare(std::string_view s) {
    std::string out;
    std::size_t i = 0;
    while (i < s.size()) {
        const std::size_t start = i;
        const char32_t c = text::decode_utf8(s, i);
        if (opens(c) || closes_quote(c)) continue;
        out.append(s.substr(start, i - start));
    }
    return fold(out);
}

bool starts_with(std::string_view s, std::string_view prefix) {
    return s.size() >= prefix.size() && s.compare(0, prefix.size(), prefix) == 0;
}

std::string quoted_if_needed(std::string_view name) {
    bool plain = !name.empty();
    for (char c : name)
        if (c == ' ' || c == '(' || c == ')' || c == '"' || c == ':') plain = false;
    if (plain) return std::string(name);
    std::string out = "\"";
    for (char c : name)
        if (c != '"') out += c;
    return out + "\"";
}

constexpr std::array<Field, 7> kCompletedFields{Field::Entity, Field::ArticleEntity, Field::Kind, Field::Date,
                                                Field::After,  Field::Before,        Field::Title};

void add_matching(std::vector<Candidate>& out, std::string_view prefix, std::string_view typed,
                  std::initializer_list<std::string_view> names) {
    const std::string want = fold(typed);
    for (auto name : names)
        if (starts_with(fold(name), want)) out.push_back({std::string(prefix) + std::string(name), std::string(name)});
}

Completion complete_command(std::string_view line, std::size_t cursor, std::size_t from, const CompletionSource& source,
                            Lang lang) {
    Completion c;
    c.from = from;
    const std::string_view word = line.substr(from, cursor - from);
    const bool en = lang == Lang::En;
    if (from == line.find(':')) {
        const std::string want = fold(word);
        const std::vector<std::string_view> names =
            en ? std::vector<std::string_view>{":n", ":p", ":show", ":like", ":facets", ":sort", ":json", ":reset", ":help", ":quit"}
               : std::vector<std::string_view>{":n", ":p", ":show", ":voir", ":like", ":facets", ":sort", ":tri", ":json",
                                               ":reset", ":aide", ":help", ":quit", ":quitter"};
        for (auto n : names)
            if (starts_with(fold(n), want)) c.candidates.push_back({std::string(n), std::string(n)});
        return c;
    }
    // An argument: the command is the first token.
    const std::size_t name_end = line.find(' ', line.find(':'));
    const std::string name = fold(line.substr(line.find(':') + 1, name_end - line.find(':') - 1));
    if (name == "sort" || name == "tri" || name == "trier")
        add_matching(c.candidates, "", word, {"date", "date-asc", en ? "relevance" : "pertinence"});
    else if (name == "facets" || name == "facettes" || name == "f")
        add_matching(c.candidates, "", word, {en ? "entity" : "entit\u00E9", "date", "type", en ? "more" : "plus"});
    else if (name == "json")
        add_matching(c.candidates, "", word, {en ? "on" : "oui", en ? "off" : "non"});
    else if ((name == "reset" || name == "effacer") && source.filters) {
        const std::string want = bare(word);
        for (const auto& f : source.filters())
            if (starts_with(bare(f), want)) c.candidates.push_back({f, f});
    }
    return c;
}

}  // namespace

Completion complete(std::string_view line, std::size_t cursor, const CompletionSource& source, Lang lang) {
    cursor = std::min(cursor, line.size());
    const std::size_t from = token_start(line, cursor);
    const std::size_t first = line.find_first_not_of(" \t");
    if (first != std::string_view::npos && line[first] == ':') return complete_command(line, cursor, from, source, lang);

    Completion c;
    c.from = from;
    std::string_view word = line.substr(from, cursor - from);

    // A name typed without quotes runs over its spaces: "entité:burkina fa" completes to
    // entité:"Burkina Faso" when the words before the cursor continue an entity field.
    if (source.entities && !word.empty() && word.find_first_of(":\"+-(") == std::string_view::npos) {
        std::string words(word);
        std::size_t end = from;
        for (int back = 0; back < 6; ++back) {
            while (end > 0 && (line[end - 1] == ' ' || line[end - 1] == '\t')) --end;
            if (end == 0) break;
            const std::size_t start = token_start(line, end);
            std::string_view token = line.substr(start, end - start);
            std::size_t sign = 0;
            while (sign < token.size() && (token[sign] == '+' || token[sign] == '-' || token[sign] == '(')) ++sign;
            const std::string_view body = token.substr(sign);
            const auto colon = body.find(':');
            if (colon == std::string_view::npos) {
                if (body.find_first_of("\"") != std::string_view::npos) break;
                words = std::string(body) + " " + words;  // one more word of the name
                end = start;
                continue;
            }
            const auto field = schema::field_by_name(body.substr(0, colon));
            const std::string_view value = body.substr(colon + 1);
            if (!field || (*field != Field::Entity && *field != Field::ArticleEntity) || value.empty() ||
                value.find('"') != std::string_view::npos)
                break;
            const std::string head(token.substr(0, sign + colon + 1));
            for (const auto& e : source.entities(std::string(value) + " " + words))
                c.candidates.push_back({head + quoted_if_needed(e.name), e.name + " (" + std::to_string(e.count) + ")"});
            if (!c.candidates.empty()) {
                c.from = start;
                return c;
            }
            break;
        }
    }
    // What stays in front: a sign, opening parentheses.
    std::size_t lead = 0;
    while (lead < word.size() && (word[lead] == '+' || word[lead] == '-' || word[lead] == '(')) ++lead;
    const std::string prefix(word.substr(0, lead));
    const std::string_view rest = word.substr(lead);

    const auto colon = rest.find(':');
    if (colon == std::string_view::npos) {
        // A field name. Typed in either language, offered in the user's.
        const std::string want = fold(rest);
        for (Field f : kCompletedFields) {
            const std::string mine(field_name(f, lang));
            const std::string other(field_name(f, lang == Lang::En ? Lang::Fr : Lang::En));
            if (starts_with(fold(mine), want) || starts_with(fold(other), want))
                c.candidates.push_back({prefix + mine + ":", mine + ":"});
        }
        return c;
    }
    const auto field = schema::field_by_name(rest.substr(0, colon));
    if (!field) return c;
    const std::string head = prefix + std::string(rest.substr(0, colon + 1));  // as typed
    const std::string_view value = rest.substr(colon + 1);
    switch (*field) {
        case Field::Entity:
        case Field::ArticleEntity:
            if (source.entities)
                for (const auto& e : source.entities(unquote(value)))
                    c.candidates.push_back({head + quoted_if_needed(e.name), e.name + " (" + std::to_string(e.count) + ")"});
            break;
        case Field::Kind:
            add_matching(c.candidates, head, value, {"article", lang == Lang::En ? "comment" : "commentaire"});
            break;
        case Field::Date:
        case Field::After:
        case Field::Before:
            if (source.years)
                for (const auto& y : source.years())
                    if (starts_with(y, value)) c.candidates.push_back({head + y, y});
            break;
        default:
            break;
    }
    return c;
}

Edit apply_completion(std::string_view line, std::size_t cursor, const Completion& c) {
    cursor = std::min(cursor, line.size());
    Edit edit{std::string(line), cursor, false, false};
    if (c.candidates.empty() || c.from > cursor) return edit;
    const std::string_view typed = line.substr(c.from, cursor - c.from);
    auto replace = [&](const std::string& with, bool space) {
        std::string out(line.substr(0, c.from));
        out += with;
        const bool need_space = space && (cursor == line.size() || line[cursor] != ' ');
        if (need_space) out += ' ';
        edit.cursor = out.size() + (space && !need_space ? 1 : 0);
        out += line.substr(cursor);
        edit.line = std::move(out);
        edit.changed = edit.line != line;
    };
    if (c.candidates.size() == 1) {
        const std::string& only = c.candidates.front().replacement;
        replace(only, only.empty() || only.back() != ':');
        return edit;
    }
    // Longest common beginning of the names without their quotes ("État islamique" needs
    // them, États-Unis not), cut back to a whole code point; the quote goes back in where
    // the candidates open one.
    auto unquoted = [](const std::string& r) {
        std::string out;
        for (char ch : r)
            if (ch != '"') out += ch;
        return out;
    };
    std::string common = unquoted(c.candidates.front().replacement);
    for (const auto& cand : c.candidates) {
        const std::string r = unquoted(cand.replacement);
        std::size_t n = 0;
        while (n < common.size() && n < r.size() && common[n] == r[n]) ++n;
        common.resize(n);
    }
    std::size_t last = common.size();
    while (last > 0 && (static_cast<unsigned char>(common[last - 1]) & 0xC0) == 0x80) --last;
    if (last > 0) {
        const auto lead = static_cast<unsigned char>(common[last - 1]);
        const std::size_t expected = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
        if (common.size() - (last - 1) < expected) common.resize(last - 1);
    }
    for (const auto& cand : c.candidates) {
        const auto quote = cand.replacement.find('"');
        if (quote != std::string::npos && quote < common.size()) {
            common.insert(quote, "\"");
            break;
        }
    }
    const std::string said = bare(typed), offered = bare(common);
    if (offered.size() > said.size() && starts_with(offered, said)) {
        replace(common, false);
        return edit;
    }
    edit.show_list = true;
    return edit;
}

std::vector<std::string> columns(const std::vector<std::string>& labels, std::size_t width) {
    std::size_t widest = 0;
    for (const auto& l : labels) widest = std::max(widest, text::display_width(l));
    const std::size_t col = widest + 2;
    const std::size_t per_line = std::max<std::size_t>(1, (width + 2) / std::max<std::size_t>(col, 1));
    std::vector<std::string> out;
    std::string line;
    for (std::size_t i = 0; i < labels.size(); ++i) {
        const bool last_in_line = (i + 1) % per_line == 0 || i + 1 == labels.size();
        line += last_in_line ? labels[i] : output::pad_right(labels[i], col);
        if (last_in_line) {
            out.push_back(per_line == 1 ? output::fit_width(line, width) : line);
            line.clear();
        }
    }
    return out;
}

}  // namespace veille::session
