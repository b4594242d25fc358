// Terminal output. Everything that came from a document is passed through
// text::strip_terminal_controls before it is written, piece by piece, so highlight offsets
// stay right and a document's own escape sequences never reach the terminal. Without
// colour the output is plain text: no escape byte at all, fit for pipes and files.
#include "output/terminal_renderer.hpp"

#include <cstdio>

#include <sys/ioctl.h>
#include <unistd.h>

#include <algorithm>
#include <charconv>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "output/hit_notes.hpp"
#include "output/result_counts.hpp"
#include "output/wrap.hpp"
#include "text/utf8.hpp"

namespace veille::output {

namespace {

constexpr std::string_view kEllipsis = "\u2026";
constexpr std::string_view kIndent = "   ";

constexpr std::size_t kDefaultWidth = 100;
constexpr std::size_t kMinWidth = 40;
constexpr std::size_t kMaxWidth = 200;

std::string format_score(double score) {
    char buf[64];
    const auto res = std::to_chars(buf, buf + sizeof buf, score, std::chars_format::fixed, 2);
    return res.ec == std::errc() ? std::string(buf, res.ptr) : std::string("?");
}

// "12 résultats pour « securite »", "environ 1 200 résultats…", "Aucun résultat pour « … »",
// then the page shown: " (11 à 20)".
std::string header_line(const search::SearchResults& results, Lang lang) {
    // Nothing matched as typed and the hits are the corrected query's: name that one.
    const std::string& shown = results.corrected && !results.suggestion.empty() ? results.suggestion : results.query;
    std::string line = results_line(results, lang, say(lang, Msg::Quoted, {one_line(shown)}));
    if (results.total == 0 && results.partial_total == 0 && results.hits.empty()) return line;
    if (results.offset > 0 && !results.hits.empty()) {
        line += say(lang, Msg::PageRange,
                    {std::to_string(results.offset + 1),
                     std::to_string(results.offset + results.hits.size())});
    }
    return line;
}

// "[article]", "[commentaire #3]", "[commentaire #3, réponse à #6]".
std::string kind_label(const search::Hit& hit, Lang lang) {
    if (hit.kind == documents::Kind::Article) return "[" + std::string(message(lang, Msg::KindArticle)) + "]";
    std::string label = "[" + std::string(message(lang, Msg::KindComment));
    if (hit.comment_number) label += " #" + std::to_string(*hit.comment_number);
    if (hit.parent_number) {
        label += hit.comment_number ? ", " : " ";
        label += say(lang, Msg::ReplyTo, {std::to_string(*hit.parent_number)});
    }
    return label + "]";
}

// The snippet, "…" where it was cut, wrapped on spaces to `width` columns (indent included).
void write_snippet(std::ostream& out, const snippets::Snippet& snippet, const TerminalStyle& style) {
    const MarkedText cleaned = mark_line(snippet.text, snippet.highlights);
    if (cleaned.text.find_first_not_of(' ') == std::string::npos) return;
    MarkedText s;
    if (snippet.starts_mid_text) s.append(std::string(kEllipsis) + " ", false);
    s.text += cleaned.text;
    s.lit.insert(s.lit.end(), cleaned.lit.begin(), cleaned.lit.end());
    if (snippet.ends_mid_text) s.append(" " + std::string(kEllipsis), false);
    write_wrapped(out, s, style.width, kIndent, kIndent, style.colour);
}

void write_hit(std::ostream& out, const search::Hit& hit, const TerminalStyle& style) {
    const Lang lang = style.lang;
    const std::string title = one_line(hit.title);
    // The title line: number and kind, the title in bold, the date. One line: a title too
    // long for the terminal is cut ("…"), never the date (the whole title is in :show); on
    // a terminal too narrow for both, the date goes to the next line.
    const std::string head = std::to_string(hit.rank) + ". " + kind_label(hit, lang) + " ";
    const std::string date = hit.date.empty() ? std::string() : one_line(hit.date);
    const std::size_t head_cols = text::display_width(head);
    const std::size_t date_cols = date.empty() ? 0 : 3 + text::display_width(date);
    const bool date_on_title = head_cols + date_cols + 10 <= style.width;
    const std::size_t room = style.width > head_cols + (date_on_title ? date_cols : 0)
                                 ? style.width - head_cols - (date_on_title ? date_cols : 0)
                                 : 1;
    out << head
        << styled(fit_width(title.empty() ? std::string(message(lang, Msg::Untitled)) : title, std::max<std::size_t>(room, 1)),
                  sgr::kBold, style.colour);
    if (!date.empty() && date_on_title) out << " \u2014 " << date;
    out << '\n';

    // The file and the score (and the date when the title line had no room for it); a path
    // too long for the line loses its beginning.
    std::string tail = std::string(message(lang, Msg::Score)) + " " + format_score(hit.score);
    if (!date.empty() && !date_on_title) tail = date + "  " + tail;
    std::string meta = one_line(hit.path);
    const std::size_t tail_cols = text::display_width(tail);
    const std::size_t room_for_path = style.width > kIndent.size() + tail_cols + 2 + 10
                                          ? style.width - kIndent.size() - tail_cols - 2
                                          : 10;
    meta = fit_width_start(meta, room_for_path);
    meta += meta.empty() ? "" : "  ";
    meta += tail;
    out << kIndent << styled(meta, sgr::kDim, style.colour) << '\n';

    if (auto missing = missing_note(lang, hit))
        out << kIndent << styled(*missing, sgr::kWarning, style.colour) << '\n';

    // Reprints of the same text collapsed into this hit, and a few of their sources.
    if (auto reprints = duplicates_note(lang, hit))
        out << kIndent << styled(fit_width(*reprints, style.width - kIndent.size()), sgr::kDim, style.colour) << '\n';

    if (!hit.entities.empty()) {
        std::string entities(message(lang, Msg::HitEntities));
        for (std::size_t i = 0; i < hit.entities.size() && i < 6; ++i) {
            if (i) entities += ", ";
            entities += one_line(hit.entities[i].name);
        }
        if (hit.entities.size() > 6) entities += ", \u2026";
        out << kIndent << styled(fit_width(entities, style.width - kIndent.size()), sgr::kDim, style.colour)
            << '\n';
    }

    // --explain: one row per matched term, heaviest first.
    for (const auto& e : hit.explain) {
        char weight[32];
        std::snprintf(weight, sizeof weight, "%.3f", e.weight);
        std::string row = std::string(weight) + "  " + one_line(e.term) + "  " + e.field + ", " + e.match;
        if (!e.word.empty()) row += "  \u2190 " + one_line(e.word);
        out << kIndent << styled(fit_width(row, style.width - kIndent.size()), sgr::kDim, style.colour) << '\n';
    }

    write_snippet(out, hit.snippet, style);
}

// A row of the date chart: label, bar proportional to the largest bucket, count.
void write_bar(std::ostream& out, const std::string& label, std::uint64_t count, std::uint64_t max,
               std::size_t bar_width, const TerminalStyle& style) {
    std::size_t len = max ? static_cast<std::size_t>((count * bar_width + max - 1) / max) : 0;
    std::string bar;
    for (std::size_t i = 0; i < len; ++i) bar += "\u2588";
    out << kIndent << pad_right(label, 14) << styled(bar, sgr::kHighlight, style.colour) << ' '
        << group_digits(style.lang, count) << '\n';
}

std::string kind_bucket_label(const std::string& bucket, Lang lang) {
    return std::string(message(lang, bucket == "comment" ? Msg::FacetComments : Msg::FacetArticles));
}

void write_kinds(std::ostream& out, const search::Facets& facets, const TerminalStyle& style) {
    out << '\n' << styled(message(style.lang, Msg::FacetTypes), sgr::kBold, style.colour) << '\n';
    if (facets.kinds.empty()) out << kIndent << message(style.lang, Msg::FacetNone) << '\n';
    for (const auto& k : facets.kinds)
        out << kIndent << kind_bucket_label(k.bucket, style.lang) << ' ' << group_digits(style.lang, k.count)
            << '\n';
}

void write_dates(std::ostream& out, const search::Facets& facets, const TerminalStyle& style) {
    const Lang lang = style.lang;
    out << '\n'
        << styled(message(lang, facets.date_granularity == "month" ? Msg::FacetDatesMonth : Msg::FacetDatesYear),
                  sgr::kBold, style.colour)
        << '\n';
    std::uint64_t max = facets.undated;
    for (const auto& b : facets.dates) max = std::max(max, b.count);
    const std::size_t bar_width = style.width > 40 ? std::min<std::size_t>(50, style.width - 30) : 10;
    if (facets.dates.empty() && !facets.undated) out << kIndent << message(lang, Msg::FacetNone) << '\n';
    for (const auto& b : facets.dates) write_bar(out, b.bucket, b.count, max, bar_width, style);
    if (facets.undated)
        write_bar(out, std::string(message(lang, Msg::FacetUndated)), facets.undated, max, bar_width, style);
}

// How many entities were counted: the listed ones are a slice of them (--facet-limit, a
// page of :facets); a hand-built Facets may leave entities_total at 0.
std::uint64_t entities_counted(const search::Facets& facets) {
    return std::max<std::uint64_t>(facets.entities_total, facets.entities_first + facets.entities.size());
}

// "… 57 de plus": the entities counted after the first `listed` of facets.entities.
std::uint64_t entities_after(const search::Facets& facets, std::size_t listed) {
    return entities_counted(facets) - facets.entities_first - listed;
}

void write_more(std::ostream& out, std::uint64_t more, const TerminalStyle& style) {
    if (more == 0) return;
    out << kIndent << styled(say(style.lang, Msg::FacetMore, {group_digits(style.lang, more)}), sgr::kDim, style.colour)
        << '\n';
}

}  // namespace

void render_facets(std::ostream& out, const search::Facets& facets, const TerminalStyle& style) {
    if (!facets.computed) return;
    const Lang lang = style.lang;
    out << '\n' << styled(message(lang, Msg::FacetEntities), sgr::kBold, style.colour) << '\n';
    if (facets.entities.empty()) out << kIndent << message(lang, Msg::FacetNone) << '\n';
    // Grouped by type, in order of each type's first (most frequent) entity.
    std::vector<std::string> types;
    for (const auto& e : facets.entities)
        if (std::find(types.begin(), types.end(), e.type) == types.end()) types.push_back(e.type);
    constexpr std::size_t kLabelCols = 20;
    for (const auto& type : types) {
        std::vector<std::string> items;
        for (const auto& e : facets.entities)
            if (e.type == type) items.push_back(one_line(e.name) + " " + group_digits(lang, e.count));
        const std::string label =
            pad_right(fit_width(one_line(entity_type_label(lang, type)), kLabelCols - 1), kLabelCols);
        write_items(out, items, style.width, std::string(kIndent) + styled(label, sgr::kDim, style.colour),
                    kIndent.size() + kLabelCols);
    }
    write_more(out, entities_after(facets, facets.entities.size()), style);
    write_kinds(out, facets, style);
    write_dates(out, facets, style);
}

void render_facet_summary(std::ostream& out, const search::Facets& facets, const TerminalStyle& style) {
    if (!facets.computed) return;
    const Lang lang = style.lang;
    const std::string_view sep = " \u2502 ";

    // Articles vs comments, then the date span: always shown; entities take what is left.
    std::uint64_t articles = 0, comments = 0;
    for (const auto& k : facets.kinds) (k.bucket == "comment" ? comments : articles) += k.count;
    // "6 articles, 38 commentaires"; a kind with no match is left out (a collection of
    // articles only says so once, not on every line).
    const std::string article_count =
        say(lang, articles == 1 ? Msg::SummaryArticle : Msg::SummaryArticles, {group_digits(lang, articles)});
    const std::string comment_count =
        say(lang, comments == 1 ? Msg::SummaryComment : Msg::SummaryComments, {group_digits(lang, comments)});
    std::string kinds = comments == 0 ? article_count
                        : articles == 0 ? comment_count
                                        : article_count + ", " + comment_count;
    std::string dates;
    if (!facets.dates.empty()) {
        dates = facets.dates.size() == 1
                    ? say(lang, Msg::SummaryOneDate, {facets.dates.front().bucket})
                    : say(lang, Msg::SummaryDates, {facets.dates.front().bucket, facets.dates.back().bucket});
    }
    if (facets.undated) {
        const std::string undated = say(lang, Msg::SummaryUndated, {group_digits(lang, facets.undated)});
        dates += dates.empty() ? undated : " (" + undated + ")";
    }
    std::string tail = std::string(sep) + kinds;
    if (!dates.empty()) tail += std::string(sep) + dates;

    const std::size_t tail_cols = text::display_width(tail);
    std::string entities;
    std::size_t shown = 0;
    // When some entities are left out (they did not fit, or were not listed: --facet-limit),
    // the list ends with " · …": room is kept for it.
    for (const auto& e : facets.entities) {
        std::string item = one_line(e.name) + " " + group_digits(lang, e.count);
        std::string candidate = entities.empty() ? item : entities + " \u00B7 " + item;
        const std::string line = say(lang, Msg::SummaryEntities, {candidate});
        const bool more = entities_after(facets, shown + 1) > 0;
        if (text::display_width(line) + tail_cols + (more ? 4 : 0) > style.width) break;
        entities = std::move(candidate);
        ++shown;
    }
    std::string line;
    if (shown > 0) {
        // " · … 57 de plus" when that fits too: an entity is worth more than the count.
        if (const std::uint64_t more = entities_after(facets, shown)) {
            const std::string counted = entities + " \u00B7 " + say(lang, Msg::FacetMore, {group_digits(lang, more)});
            const bool fits = text::display_width(say(lang, Msg::SummaryEntities, {counted})) + tail_cols <= style.width;
            entities = fits ? counted : entities + " \u00B7 \u2026";
        }
        line = say(lang, Msg::SummaryEntities, {entities}) + tail;
    } else if (facets.entities.empty()) {
        line = tail.substr(sep.size());
    } else {
        line = fit_width(tail.substr(sep.size()), style.width);
    }
    out << styled(fit_width(line, style.width), sgr::kDim, style.colour) << '\n';
}

void render_facet_table(std::ostream& out, const search::Facets& facets, FacetTable table,
                        const TerminalStyle& style) {
    if (!facets.computed) return;
    const Lang lang = style.lang;
    switch (table) {
        case FacetTable::Kinds:
            write_kinds(out, facets, style);
            return;
        case FacetTable::Dates:
            write_dates(out, facets, style);
            return;
        case FacetTable::Entities:
            break;
    }
    // "Entités (57)" when every one is listed, else which ones: "Entités 21 à 40 sur 57".
    const std::uint64_t counted = entities_counted(facets);
    const std::string title =
        facets.entities.empty() || facets.entities.size() == counted
            ? std::string(message(lang, Msg::FacetEntities)) + " (" + group_digits(lang, counted) + ")"
            : say(lang, Msg::FacetEntityPage,
                  {group_digits(lang, facets.entities_first + 1),
                   group_digits(lang, facets.entities_first + facets.entities.size()), group_digits(lang, counted)});
    out << '\n' << styled(title, sgr::kBold, style.colour) << '\n';
    if (facets.entities.empty()) {
        out << kIndent << message(lang, Msg::FacetNone) << '\n';
        return;
    }
    // Columns: name, type, count (right-aligned); the name column as wide as the widest name
    // that leaves room for the others, longer names cut with "…".
    std::size_t count_cols = 0, type_cols = 0, name_cols = 0;
    for (const auto& e : facets.entities) {
        count_cols = std::max(count_cols, text::display_width(group_digits(lang, e.count)));
        type_cols = std::max(type_cols, text::display_width(entity_type_label(lang, e.type)));
        name_cols = std::max(name_cols, text::display_width(one_line(e.name)));
    }
    const std::size_t fixed = kIndent.size() + 2 + type_cols + 2 + count_cols;
    name_cols = std::min(name_cols, style.width > fixed + 10 ? style.width - fixed : 10);
    for (const auto& e : facets.entities) {
        const std::string count = group_digits(lang, e.count);
        out << kIndent << pad_right(fit_width(one_line(e.name), name_cols), name_cols) << "  "
            << styled(pad_right(entity_type_label(lang, e.type), type_cols), sgr::kDim, style.colour) << "  "
            << std::string(count_cols - text::display_width(count), ' ') << count << '\n';
    }
    write_more(out, entities_after(facets, facets.entities.size()), style);
}

TerminalStyle detect_terminal_style(int fd) {
    TerminalStyle style;
    const bool tty = ::isatty(fd) == 1;
    const char* no_colour = std::getenv("NO_COLOR");
    const char* term = std::getenv("TERM");
    style.colour = tty && (no_colour == nullptr || *no_colour == '\0') &&
                   (term == nullptr || std::string_view(term) != "dumb");
    style.width = kDefaultWidth;
    winsize ws{};
    if (tty && ::ioctl(fd, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0) style.width = ws.ws_col;
    style.width = std::clamp(style.width, kMinWidth, kMaxWidth);
    style.lang = lang_from_environment();
    return style;
}

void render_hits(std::ostream& out, const search::SearchResults& results, const TerminalStyle& style) {
    MarkedText header;
    header.append(header_line(results, style.lang), true);
    write_wrapped(out, header, std::max(style.width, kMinWidth), "", kIndent, style.colour, sgr::kBold);
    if (!results.suggestion.empty()) {
        MarkedText s;
        const std::string quoted_typed = say(style.lang, Msg::Quoted, {one_line(results.query)});
        const std::string quoted_fix = say(style.lang, Msg::Quoted, {one_line(results.suggestion)});
        s.append(results.corrected ? say(style.lang, Msg::Corrected, {quoted_typed})
                                   : say(style.lang, Msg::DidYouMean, {quoted_fix}),
                 true);
        write_wrapped(out, s, std::max(style.width, kMinWidth), "", "  ", style.colour, sgr::kWarning);
    }
    for (const auto& warning : results.warnings) {
        MarkedText w;
        w.append("! " + one_line(warning), true);
        write_wrapped(out, w, std::max(style.width, kMinWidth), "", "  ", style.colour, sgr::kWarning);
    }
    for (const auto& hit : results.hits) {
        out << '\n';
        write_hit(out, hit, style);
    }
}

void render_text(std::ostream& out, const search::SearchResults& results,
                 const TerminalStyle& style) {
    render_hits(out, results, style);
    render_facets(out, results.facets, style);
}

}  // namespace veille::output
