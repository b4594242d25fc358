#include "output/wrap.hpp"

#include <algorithm>

#include "text/utf8.hpp"

namespace veille::output {

std::string styled(std::string_view s, std::string_view style, bool colour) {
    if (!colour || s.empty()) return std::string(s);
    std::string out;
    out.reserve(s.size() + style.size() + sgr::kReset.size());
    out.append(style).append(s).append(sgr::kReset);
    return out;
}

std::string one_line(std::string_view s) {
    std::string out = text::strip_terminal_controls(s);
    for (char& c : out)
        if (c == '\n' || c == '\t') c = ' ';
    return out;
}

void MarkedText::append(std::string_view s, bool is_lit) {
    text.append(s);
    lit.insert(lit.end(), s.size(), is_lit);
}

MarkedText mark_line(std::string_view s, const std::vector<ByteRange>& ranges) {
    std::vector<ByteRange> sorted = ranges;
    std::sort(sorted.begin(), sorted.end());
    MarkedText out;
    auto append = [&](std::size_t b, std::size_t e, bool lit) {
        if (b < e) out.append(one_line(s.substr(b, e - b)), lit);
    };
    std::size_t pos = 0;
    for (auto [b, e] : sorted) {
        b = std::min(b, s.size());
        e = std::min(e, s.size());
        if (b < pos) b = pos;  // overlapping ranges: never print a byte twice
        if (e <= b) continue;
        append(pos, b, false);
        append(b, e, true);
        pos = e;
    }
    append(pos, s.size(), false);
    return out;
}

std::vector<WrappedLine> wrap_words(std::string_view t, std::size_t width, std::size_t first_width) {
    width = std::max<std::size_t>(width, 1);
    first_width = std::max<std::size_t>(first_width, 1);
    std::vector<WrappedLine> lines;
    WrappedLine line;
    std::size_t cols = 0;
    auto avail = [&] { return lines.empty() ? first_width : width; };
    auto flush = [&] {
        if (!line.empty()) lines.push_back(std::move(line));
        line.clear();
        cols = 0;
    };
    std::size_t i = 0;
    while (i < t.size()) {
        if (t[i] == ' ') {
            ++i;
            continue;
        }
        std::size_t end = t.find(' ', i);
        if (end == std::string_view::npos) end = t.size();
        const std::size_t w = text::display_width(t.substr(i, end - i));
        if (!line.empty() && cols + 1 + w <= avail()) {
            line.emplace_back(i, end);
            cols += 1 + w;
        } else if (w <= avail()) {
            flush();
            line.emplace_back(i, end);
            cols = w;
        } else {
            // Longer than a line: fill lines code point by code point.
            flush();
            std::size_t p = i;
            while (p < end) {
                std::size_t q = p, piece_cols = 0;
                while (q < end) {
                    std::size_t next = q;
                    text::decode_utf8(t, next);
                    const std::size_t cw = text::display_width(t.substr(q, next - q));
                    if (piece_cols > 0 && piece_cols + cw > avail()) break;
                    piece_cols += cw;
                    q = next;
                }
                line.emplace_back(p, q);
                cols = std::max<std::size_t>(piece_cols, 1);
                if (q < end) flush();
                p = q;
            }
        }
        i = end;
    }
    flush();
    return lines;
}

std::string render_line(const MarkedText& s, const WrappedLine& pieces, bool colour,
                        std::string_view style) {
    std::string out;
    for (std::size_t k = 0; k < pieces.size(); ++k) {
        if (k) out += ' ';
        auto [b, e] = pieces[k];
        e = std::min(e, s.text.size());
        while (b < e) {
            std::size_t run = b;
            while (run < e && s.lit[run] == s.lit[b]) ++run;
            const std::string_view piece = std::string_view(s.text).substr(b, run - b);
            if (s.lit[b] && colour)
                out.append(style).append(piece).append(sgr::kReset);
            else
                out.append(piece);
            b = run;
        }
    }
    return out;
}

void write_wrapped(std::ostream& out, const MarkedText& marked, std::size_t width,
                   std::string_view first_indent, std::string_view indent, bool colour,
                   std::string_view style) {
    if (marked.text.find_first_not_of(' ') == std::string::npos) return;
    auto avail = [&](std::string_view ind) {
        const std::size_t cols = text::display_width(ind);
        return std::max<std::size_t>(width > cols ? width - cols : 1, 10);
    };
    const auto lines = wrap_words(marked.text, avail(indent), avail(first_indent));
    for (std::size_t i = 0; i < lines.size(); ++i)
        out << (i == 0 ? first_indent : indent) << render_line(marked, lines[i], colour, style) << '\n';
}

void write_items(std::ostream& out, const std::vector<std::string>& items, std::size_t width,
                 std::string_view prefix, std::size_t prefix_cols) {
    std::string line(prefix);
    std::size_t cols = prefix_cols;
    bool empty = true;
    for (const auto& item : items) {
        const std::size_t w = text::display_width(item);
        if (!empty && cols + 3 + w > width) {
            out << line << '\n';
            line.assign(prefix_cols, ' ');
            cols = prefix_cols;
            empty = true;
        }
        if (!empty) {
            line += " \u00B7 ";
            cols += 3;
        }
        line += item;
        cols += w;
        empty = false;
    }
    if (!empty) out << line << '\n';
}

std::string fit_width(std::string_view s, std::size_t width) {
    if (text::display_width(s) <= width) return std::string(s);
    if (width == 0) return {};
    const std::string_view ellipsis = "\u2026";
    std::string out;
    std::size_t cols = 0, i = 0;
    while (i < s.size()) {
        std::size_t next = i;
        text::decode_utf8(s, next);
        const std::size_t cw = text::display_width(s.substr(i, next - i));
        if (cols + cw + 1 > width) break;
        out.append(s.substr(i, next - i));
        cols += cw;
        i = next;
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out.append(ellipsis);
}

std::string fit_width_start(std::string_view s, std::size_t width) {
    if (text::display_width(s) <= width) return std::string(s);
    if (width == 0) return {};
    // Code point starts, then keep the longest tail that fits after "…".
    std::vector<std::size_t> starts;
    for (std::size_t i = 0; i < s.size();) {
        starts.push_back(i);
        text::decode_utf8(s, i);
    }
    std::size_t cols = 0, from = s.size();
    for (auto it = starts.rbegin(); it != starts.rend(); ++it) {
        const std::size_t cw = text::display_width(s.substr(*it, from - *it));
        if (cols + cw + 1 > width) break;
        cols += cw;
        from = *it;
    }
    return "\u2026" + std::string(s.substr(from));
}

std::string pad_right(std::string_view s, std::size_t width) {
    std::string out(s);
    for (std::size_t w = text::display_width(s); w < width; ++w) out += ' ';
    return out;
}

}  // namespace veille::output
