#include "session/command.hpp"

#include <array>
#include <charconv>

#include "text/utf8.hpp"

namespace veille::session {

namespace {

bool is_space(char32_t c) {
    return c == U' ' || c == U'\t' || c == U'\n' || c == U'\r' || c == U'\u00A0' || c == U'\u202F' ||
           c == U'\u2009';
}

// The closing quotes an opening quote accepts (the query language's rules); 0 when `c`
// opens nothing.
bool opens(char32_t c) { return c == U'"' || c == U'\u201C' || c == U'\u00AB' || c == U'\u201E'; }
bool closes(char32_t open, char32_t c) {
    switch (open) {
        case U'"': return c == U'"' || c == U'\u201D';
        case U'\u201C': return c == U'\u201D' || c == U'"';
        case U'\u00AB': return c == U'\u00BB';
        case U'\u201E': return c == U'\u201C' || c == U'\u201D' || c == U'"';
        default: return false;
    }
}

std::string_view trim(std::string_view s) {
    while (!s.empty()) {
        std::size_t i = 0;
        if (!is_space(text::decode_utf8(s, i))) break;
        s.remove_prefix(i);
    }
    while (!s.empty()) {
        // Trailing spaces are ASCII or 2-3 byte no-break spaces: test the last code point.
        std::size_t start = s.size() - 1;
        while (start > 0 && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80) --start;
        std::size_t i = start;
        if (!is_space(text::decode_utf8(s, i))) break;
        s.remove_suffix(s.size() - start);
    }
    return s;
}

struct Name {
    std::string_view name;
    CommandKind kind;
};

// clang-format off
constexpr std::array<Name, 39> kCommands{{
    {"n", CommandKind::Next}, {"next", CommandKind::Next}, {"suivant", CommandKind::Next},
    {"suiv", CommandKind::Next}, {"suivante", CommandKind::Next},
    {"p", CommandKind::Previous}, {"prev", CommandKind::Previous}, {"previous", CommandKind::Previous},
    {"precedent", CommandKind::Previous}, {"precedente", CommandKind::Previous}, {"prec", CommandKind::Previous},
    {"show", CommandKind::Show}, {"voir", CommandKind::Show}, {"lire", CommandKind::Show},
    {"ouvrir", CommandKind::Show}, {"open", CommandKind::Show}, {"afficher", CommandKind::Show},
    {"like", CommandKind::Like}, {"similar", CommandKind::Like}, {"semblables", CommandKind::Like},
    {"proches", CommandKind::Like},
    {"facets", CommandKind::Facets}, {"facet", CommandKind::Facets}, {"facettes", CommandKind::Facets},
    {"facette", CommandKind::Facets}, {"f", CommandKind::Facets},
    {"sort", CommandKind::Sort}, {"tri", CommandKind::Sort}, {"trier", CommandKind::Sort},
    {"json", CommandKind::Json},
    {"reset", CommandKind::Reset}, {"effacer", CommandKind::Reset},
    {"help", CommandKind::Help}, {"aide", CommandKind::Help}, {"h", CommandKind::Help}, {"?", CommandKind::Help},
    {"quit", CommandKind::Quit}, {"q", CommandKind::Quit}, {"quitter", CommandKind::Quit},
}};
// clang-format on

bool one_of(std::string_view folded, std::initializer_list<std::string_view> names) {
    for (auto n : names)
        if (folded == n) return true;
    return false;
}

Command parse_colon_command(std::string_view line) {
    Command cmd;
    std::string_view body = line.substr(1);
    std::size_t space = 0;
    while (space < body.size() && body[space] != ' ' && body[space] != '\t') ++space;
    const std::string name = fold(body.substr(0, space));
    const std::string_view arg = trim(body.substr(space));
    const std::string farg = fold(arg);

    std::optional<CommandKind> kind;
    for (const auto& c : kCommands)
        if (c.name == name) kind = c.kind;
    if (!kind && one_of(name, {"exit", "sortir"})) kind = CommandKind::Quit;
    if (!kind) {
        cmd.kind = CommandKind::Unknown;
        cmd.text = std::string(trim(line.substr(0, space + 1)));
        return cmd;
    }
    cmd.kind = *kind;
    auto usage = [&](output::Msg msg) {
        cmd.kind = CommandKind::Usage;
        cmd.usage = msg;
    };
    switch (*kind) {
        case CommandKind::Show:
        case CommandKind::Like: {
            std::string_view digits = arg;
            if (!digits.empty() && digits.front() == '#') digits.remove_prefix(1);
            int n = 0;
            const auto res = std::from_chars(digits.data(), digits.data() + digits.size(), n);
            if (digits.empty() || res.ec != std::errc() || res.ptr != digits.data() + digits.size() || n < 1)
                usage(*kind == CommandKind::Show ? output::Msg::ShowUsage : output::Msg::LikeUsage);
            else
                cmd.number = n;
            break;
        }
        case CommandKind::Facets:
            if (farg.empty()) cmd.facets = FacetChoice::All;
            else if (one_of(farg, {"entite", "entites", "entity", "entities", "e"})) cmd.facets = FacetChoice::Entities;
            else if (one_of(farg, {"date", "dates", "d"})) cmd.facets = FacetChoice::Dates;
            else if (one_of(farg, {"type", "types", "kind", "kinds", "t"})) cmd.facets = FacetChoice::Kinds;
            else if (one_of(farg, {"plus", "more", "suite", "suivantes", "next", "+"}))
                cmd.facets = FacetChoice::MoreEntities;
            else usage(output::Msg::FacetsUsage);
            break;
        case CommandKind::Sort:
            if (one_of(farg, {"date", "recent", "recents", "newest", "date-desc"})) cmd.sort = search::SortOrder::DateNewest;
            else if (one_of(farg, {"date-asc", "ancien", "anciens", "oldest", "asc"})) cmd.sort = search::SortOrder::DateOldest;
            else if (one_of(farg, {"pertinence", "relevance", "score"})) cmd.sort = search::SortOrder::Relevance;
            else usage(output::Msg::SortUsage);
            break;
        case CommandKind::Json:
            if (farg.empty()) cmd.json = std::nullopt;
            else if (one_of(farg, {"oui", "on", "yes", "1"})) cmd.json = true;
            else if (one_of(farg, {"non", "off", "no", "0"})) cmd.json = false;
            else usage(output::Msg::JsonUsage);
            break;
        case CommandKind::Reset:
            cmd.text = std::string(arg);
            break;
        default:
            break;
    }
    return cmd;
}

}  // namespace

std::string fold(std::string_view s) {
    // U+00C0..U+00FF without their accents (× and ÷ kept as they are).
    static constexpr std::array<const char*, 64> kLatin1{
        "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
        "d", "n", "o", "o", "o", "o", "o", "\u00D7", "o", "u", "u", "u", "u", "y", "th", "ss",
        "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
        "d", "n", "o", "o", "o", "o", "o", "\u00F7", "o", "u", "u", "u", "u", "y", "th", "y"};
    std::string out;
    out.reserve(s.size());
    std::size_t i = 0;
    while (i < s.size()) {
        const std::size_t start = i;
        const char32_t c = text::decode_utf8(s, i);
        if (c >= U'A' && c <= U'Z') out += static_cast<char>(c - U'A' + U'a');
        else if (c >= 0xC0 && c <= 0xFF) out += kLatin1[c - 0xC0];
        else if (c == U'\u0152' || c == U'\u0153') out += "oe";
        else if (c == U'\u0178') out += "y";
        else if (c == U'\u2019') out += "'";
        else out.append(s.substr(start, i - start));
    }
    return out;
}

std::vector<std::string> split_tokens(std::string_view line) {
    std::vector<std::string> tokens;
    std::string current;
    char32_t open = 0;
    std::size_t i = 0;
    while (i < line.size()) {
        const std::size_t start = i;
        const char32_t c = text::decode_utf8(line, i);
        const std::string_view bytes = line.substr(start, i - start);
        if (open) {
            current.append(bytes);
            if (closes(open, c)) open = 0;
        } else if (is_space(c)) {
            if (!current.empty()) tokens.push_back(std::move(current));
            current.clear();
        } else {
            if (opens(c)) open = c;
            current.append(bytes);
        }
    }
    if (!current.empty()) tokens.push_back(std::move(current));
    return tokens;
}

std::string unquote(std::string_view value, bool* was_quoted) {
    if (was_quoted) *was_quoted = false;
    std::size_t i = 0;
    if (value.empty()) return {};
    const char32_t first = text::decode_utf8(value, i);
    if (!opens(first)) return std::string(value);
    if (was_quoted) *was_quoted = true;
    std::string_view inner = value.substr(i);
    // Drop the closing quote when there is one.
    for (std::size_t back = 1; back <= 3 && back <= inner.size(); ++back) {
        std::size_t j = inner.size() - back;
        if ((static_cast<unsigned char>(inner[j]) & 0xC0) == 0x80) continue;
        std::size_t k = j;
        if (closes(first, text::decode_utf8(inner, k)) && k == inner.size()) inner = inner.substr(0, j);
        break;
    }
    return std::string(trim(inner));
}

std::optional<Refinement> parse_refinement(std::string_view token) {
    if (token.size() < 2 || (token[0] != '+' && token[0] != '-')) return std::nullopt;
    if (token[1] == '+' || token[1] == '-' || token[1] == ' ') return std::nullopt;
    Refinement r;
    r.exclude = token[0] == '-';
    r.typed = std::string(token);
    std::string_view rest = token.substr(1);
    std::size_t first_end = 0;
    if (!opens(text::decode_utf8(rest, first_end))) {
        const auto colon = rest.find(':');
        if (colon != std::string_view::npos && colon > 0) {
            if (auto field = schema::field_by_name(rest.substr(0, colon))) {
                r.field = field;
                r.field_typed = std::string(rest.substr(0, colon));
                rest.remove_prefix(colon + 1);
            }
        }
    }
    r.value = unquote(rest, &r.quoted);
    return r;
}

Command parse_command(std::string_view raw) {
    const std::string_view line = trim(raw);
    Command cmd;
    if (line.empty()) return cmd;
    if (line.front() == ':') return parse_colon_command(line);

    const auto tokens = split_tokens(line);
    std::vector<Refinement> refinements;
    for (const auto& t : tokens) {
        auto r = parse_refinement(t);
        if (!r) break;
        refinements.push_back(std::move(*r));
    }
    if (!tokens.empty() && refinements.size() == tokens.size()) {
        cmd.kind = CommandKind::Refine;
        cmd.refinements = std::move(refinements);
        return cmd;
    }
    cmd.kind = CommandKind::Search;
    cmd.text = std::string(line);
    return cmd;
}

}  // namespace veille::session
