// Terminal output. Everything that came from a document is passed through
// text::strip_terminal_controls before it is written, piece by piece, so highlight offsets
// stay right and a document's own escape sequences never reach the terminal. Without
// colour the output is plain text: no escape byte at all, fit for pipes and files.
#include "output/terminal_renderer.hpp"

#include <sys/ioctl.h>
#include <unistd.h>

#include <algorithm>
#include <charconv>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "text/utf8.hpp"

namespace veille::output {

namespace {

constexpr std::string_view kReset = "\x1b[0m";
constexpr std::string_view kBold = "\x1b[1m";
constexpr std::string_view kDim = "\x1b[2m";
constexpr std::string_view kHighlight = "\x1b[1;33m";  // bold yellow
constexpr std::string_view kWarning = "\x1b[33m";
constexpr std::string_view kEllipsis = "\u2026";
constexpr std::string_view kIndent = "   ";

constexpr std::size_t kDefaultWidth = 100;
constexpr std::size_t kMinWidth = 40;
constexpr std::size_t kMaxWidth = 200;

// Document text made safe for one line: controls and escapes removed, line breaks and tabs
// turned into spaces (a title must not start a new line of output).
std::string one_line(std::string_view s) {
    std::string out = text::strip_terminal_controls(s);
    for (char& c : out)
        if (c == '\n' || c == '\t') c = ' ';
    return out;
}

// `s` wrapped in an SGR sequence when colour is on, as it is otherwise.
std::string styled(std::string_view s, std::string_view sgr, bool colour) {
    if (!colour || s.empty()) return std::string(s);
    std::string out;
    out.reserve(s.size() + sgr.size() + kReset.size());
    out.append(sgr).append(s).append(kReset);
    return out;
}

std::string format_score(double score) {
    char buf[64];
    const auto res = std::to_chars(buf, buf + sizeof buf, score, std::chars_format::fixed, 2);
    return res.ec == std::errc() ? std::string(buf, res.ptr) : std::string("?");
}

// "12 résultats pour « securite »", "environ 1 200 résultats…", "Aucun résultat pour « … »".
std::string header_line(const search::SearchResults& results) {
    const std::string query = "\u00AB " + one_line(results.query) + " \u00BB";
    if (results.total == 0 && results.hits.empty()) return "Aucun r\u00E9sultat pour " + query;
    std::string line;
    if (!results.total_is_exact) line += "environ ";
    line += std::to_string(results.total);
    line += results.total == 1 ? " r\u00E9sultat" : " r\u00E9sultats";
    line += " pour " + query;
    if (results.offset > 0 && !results.hits.empty()) {
        line += " (" + std::to_string(results.offset + 1) + " \u00E0 " +
                std::to_string(results.offset + results.hits.size()) + ")";
    }
    return line;
}

// "[article]", "[commentaire #3]", "[commentaire #3, réponse à #6]".
std::string kind_label(const search::Hit& hit) {
    if (hit.kind == documents::Kind::Article) return "[article]";
    std::string label = "[commentaire";
    if (hit.comment_number) label += " #" + std::to_string(*hit.comment_number);
    if (hit.parent_number) {
        label += hit.comment_number ? ", " : " ";
        label += "r\u00E9ponse \u00E0 #" + std::to_string(*hit.parent_number);
    }
    return label + "]";
}

// A snippet made safe to print: the text cleaned piece by piece (between highlight edges)
// with one flag per byte saying whether it is highlighted.
struct CleanSnippet {
    std::string text;
    std::vector<bool> lit;
};

CleanSnippet clean_snippet(const snippets::Snippet& snippet) {
    CleanSnippet out;
    const std::string_view s = snippet.text;
    auto append = [&](std::size_t b, std::size_t e, bool lit) {
        if (b >= e) return;
        const std::string piece = one_line(s.substr(b, e - b));
        out.text += piece;
        out.lit.insert(out.lit.end(), piece.size(), lit);
    };
    std::size_t pos = 0;
    for (auto [b, e] : snippet.highlights) {
        b = std::min(b, s.size());
        e = std::min(e, s.size());
        if (b < pos) b = pos;  // overlapping or unsorted ranges: never print a byte twice
        if (e <= b) continue;
        append(pos, b, false);
        append(b, e, true);
        pos = e;
    }
    append(pos, s.size(), false);
    return out;
}

// Writes [b, e) of the cleaned snippet, each highlighted run wrapped in colour.
void write_styled(std::string& line, const CleanSnippet& s, std::size_t b, std::size_t e,
                  bool colour) {
    while (b < e) {
        std::size_t run = b;
        while (run < e && s.lit[run] == s.lit[b]) ++run;
        const std::string_view piece = std::string_view(s.text).substr(b, run - b);
        if (s.lit[b] && colour)
            line.append(kHighlight).append(piece).append(kReset);
        else
            line.append(piece);
        b = run;
    }
}

// The snippet, "…" where it was cut, wrapped on spaces to `width` columns (indent included).
// A word wider than a line is broken between code points.
void write_snippet(std::ostream& out, const snippets::Snippet& snippet,
                   const TerminalStyle& style) {
    CleanSnippet s = clean_snippet(snippet);
    if (s.text.find_first_not_of(' ') == std::string::npos) return;
    if (snippet.starts_mid_text) {
        s.text.insert(0, std::string(kEllipsis) + " ");
        s.lit.insert(s.lit.begin(), kEllipsis.size() + 1, false);
    }
    if (snippet.ends_mid_text) {
        s.text.append(" ").append(kEllipsis);
        s.lit.insert(s.lit.end(), kEllipsis.size() + 1, false);
    }

    const std::size_t indent_cols = kIndent.size();
    const std::size_t avail =
        std::max<std::size_t>(style.width > indent_cols ? style.width - indent_cols : 1, 10);
    std::string line;
    std::size_t cols = 0;
    auto flush = [&] {
        if (!line.empty()) out << kIndent << line << '\n';
        line.clear();
        cols = 0;
    };

    const std::string_view t = s.text;
    std::size_t i = 0;
    while (i < t.size()) {
        if (t[i] == ' ') {
            ++i;
            continue;
        }
        std::size_t end = t.find(' ', i);
        if (end == std::string_view::npos) end = t.size();
        const std::size_t w = text::display_width(t.substr(i, end - i));
        if (cols > 0 && cols + 1 + w <= avail) {
            line += ' ';
            write_styled(line, s, i, end, style.colour);
            cols += 1 + w;
        } else if (w <= avail) {
            flush();
            write_styled(line, s, i, end, style.colour);
            cols = w;
        } else {
            // Longer than a line (a URL, a run of CJK): fill lines code point by code point.
            flush();
            std::size_t p = i;
            while (p < end) {
                std::size_t q = p, piece_cols = 0;
                while (q < end) {
                    std::size_t next = q;
                    text::decode_utf8(t, next);
                    const std::size_t cw = text::display_width(t.substr(q, next - q));
                    if (piece_cols > 0 && piece_cols + cw > avail) break;
                    piece_cols += cw;
                    q = next;
                }
                write_styled(line, s, p, q, style.colour);
                cols = std::max<std::size_t>(piece_cols, 1);
                if (q < end) flush();
                p = q;
            }
        }
        i = end;
    }
    flush();
}

void write_hit(std::ostream& out, const search::Hit& hit, const TerminalStyle& style) {
    const std::string title = one_line(hit.title);
    out << hit.rank << ". " << kind_label(hit) << ' '
        << styled(title.empty() ? std::string("(sans titre)") : title, kBold, style.colour);
    if (!hit.date.empty()) out << " \u2014 " << one_line(hit.date);
    out << '\n';

    std::string meta = one_line(hit.path);
    meta += meta.empty() ? "" : "  ";
    meta += "score " + format_score(hit.score);
    out << kIndent << styled(meta, kDim, style.colour) << '\n';

    if (!hit.entities.empty()) {
        std::string line = "entités : ";
        for (std::size_t i = 0; i < hit.entities.size() && i < 6; ++i) {
            if (i) line += ", ";
            line += one_line(hit.entities[i].name);
        }
        if (hit.entities.size() > 6) line += ", …";
        out << kIndent << styled(line, kDim, style.colour) << '\n';
    }

    write_snippet(out, hit.snippet, style);
}

std::string thousands(std::uint64_t n) {
    std::string digits = std::to_string(n), out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i && (digits.size() - i) % 3 == 0) out += "\u202F";  // French thin space
        out += digits[i];
    }
    return out;
}

// A row of the date chart: label, bar proportional to the largest bucket, count.
void write_bar(std::ostream& out, const std::string& label, std::uint64_t count, std::uint64_t max,
               std::size_t bar_width, const TerminalStyle& style) {
    std::size_t len = max ? static_cast<std::size_t>((count * bar_width + max - 1) / max) : 0;
    std::string bar;
    for (std::size_t i = 0; i < len; ++i) bar += "\u2588";
    std::string padded = label;
    while (text::display_width(padded) < 14) padded += ' ';
    out << kIndent << padded << styled(bar, kHighlight, style.colour) << ' ' << thousands(count) << '\n';
}

}  // namespace

void render_facets(std::ostream& out, const search::Facets& facets, const TerminalStyle& style) {
    if (!facets.computed) return;
    out << '\n' << styled("Entités", kBold, style.colour) << '\n';
    if (facets.entities.empty()) out << kIndent << "(aucune)\n";
    // Grouped by type, in order of each type's first (most frequent) entity.
    std::vector<std::string> types;
    for (const auto& e : facets.entities)
        if (std::find(types.begin(), types.end(), e.type) == types.end()) types.push_back(e.type);
    for (const auto& type : types) {
        std::string line;
        for (const auto& e : facets.entities) {
            if (e.type != type) continue;
            if (!line.empty()) line += " · ";
            line += one_line(e.name) + " " + thousands(e.count);
        }
        std::string label = one_line(type);
        while (text::display_width(label) < 20) label += ' ';
        out << kIndent << styled(label, kDim, style.colour) << line << '\n';
    }

    out << '\n' << styled("Types", kBold, style.colour) << '\n';
    for (const auto& k : facets.kinds)
        out << kIndent << (k.bucket == "comment" ? "commentaires" : "articles") << ' ' << thousands(k.count) << '\n';

    out << '\n'
        << styled(facets.date_granularity == "month" ? "Dates (par mois)" : "Dates (par année)", kBold,
                  style.colour)
        << '\n';
    std::uint64_t max = facets.undated;
    for (const auto& b : facets.dates) max = std::max(max, b.count);
    const std::size_t bar_width = style.width > 40 ? std::min<std::size_t>(50, style.width - 30) : 10;
    for (const auto& b : facets.dates) write_bar(out, b.bucket, b.count, max, bar_width, style);
    if (facets.undated) write_bar(out, "date inconnue", facets.undated, max, bar_width, style);
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
    return style;
}

void render_text(std::ostream& out, const search::SearchResults& results,
                 const TerminalStyle& style) {
    out << styled(header_line(results), kBold, style.colour) << '\n';
    for (const auto& warning : results.warnings)
        out << styled("! " + one_line(warning), kWarning, style.colour) << '\n';
    for (const auto& hit : results.hits) {
        out << '\n';
        write_hit(out, hit, style);
    }
    render_facets(out, results.facets, style);
}

}  // namespace veille::output
