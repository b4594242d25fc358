#include "entities/compiled_gazetteer.hpp"

#include <algorithm>
#include <array>

#include "entities/gazetteer.hpp"

namespace veille::entities {

namespace {

// A line's tab-separated fields without allocating (thousands of lines are checked at each
// start); more than `Max` fields gives Max + 1.
template <std::size_t Max>
std::size_t fields(std::string_view line, std::array<std::string_view, Max>& out) {
    std::size_t n = 0;
    for (;;) {
        const auto tab = line.find('\t');
        if (n == Max) return Max + 1;
        out[n++] = line.substr(0, tab);
        if (tab == std::string_view::npos) return n;
        line.remove_prefix(tab + 1);
    }
}

constexpr auto number = read_compiled_number;  // as load_compiled() reads them

// The entity of the line "X\t<units>\t<entity>" whose units are `units`, in lines sorted by
// their units: a binary search over bytes, each probe backing up to the start of its line.
std::optional<std::size_t> find_sorted(std::string_view lines, std::string_view units) {
    std::size_t lo = 0, hi = lines.size();  // both at line starts
    while (lo < hi) {
        const std::size_t mid = lo + (hi - lo) / 2;
        const auto before = mid == lo ? std::string_view::npos : lines.rfind('\n', mid - 1);
        const std::size_t start = before == std::string_view::npos || before < lo ? lo : before + 1;
        const std::size_t end = lines.find('\n', start);
        const std::string_view line = lines.substr(start, end - start);
        const std::size_t first_tab = line.find('\t'), last_tab = line.rfind('\t');
        const std::string_view here = line.substr(first_tab + 1, last_tab - first_tab - 1);
        if (here == units) {
            std::size_t n = 0;
            number(line.substr(last_tab + 1), n);
            return n;
        }
        if (here < units) lo = end + 1;
        else hi = start;
    }
    return std::nullopt;
}

}  // namespace

std::optional<CompiledGazetteer> CompiledGazetteer::read(std::string&& text, const analysis::FrenchAnalyzer& analyzer) {
    const std::string_view all = text;
    const std::string_view header = EntityGazetteer::kCompiledHeader;
    if (all.substr(0, header.size()) != header) return std::nullopt;
    CompiledGazetteer g(analyzer);  // offsets first; the text once it has read
    // The sections in compiled()'s order; a line of an earlier kind after a later one, an
    // unsorted or repeated name, an empty line or a last line without '\n' is not its layout.
    enum Kind { E, F, P, J };
    int kind = E;
    std::string_view previous;  // the units of the section's last P or J line
    bool first_in_section = true;
    Section* sections[] = {nullptr, &g.forms_, &g.proper_names_, &g.all_names_};
    std::array<std::string_view, 7> cols;
    for (std::size_t at = header.size(); at < all.size();) {
        const std::size_t nl = all.find('\n', at);
        if (nl == std::string_view::npos) return std::nullopt;
        const std::string_view line = all.substr(at, nl - at);
        const std::size_t n_cols = fields(line, cols);
        const std::string_view tag = cols[0];
        const int line_kind = tag == "E" ? E : tag == "F" ? F : tag == "P" ? P : tag == "J" ? J : -1;
        if (line_kind < kind) return std::nullopt;
        if (line_kind > kind) {
            kind = line_kind;
            first_in_section = true;
            sections[kind]->begin = at;
        }
        std::size_t n = 0, m = 0;
        const std::size_t entities = g.entity_lines_.size();
        if (kind == E) {
            if (n_cols != 7 || !number(cols[4], n) || n > 2) return std::nullopt;
            g.entity_lines_.push_back(static_cast<std::uint32_t>(at));
        } else if (kind == F) {
            if (n_cols != 5 || !number(cols[1], n) || n >= entities || !number(cols[4], m) || m > 2 ||
                cols[2].empty())
                return std::nullopt;
            g.max_units_ = std::max<std::size_t>(g.max_units_, 1 + std::count(cols[2].begin(), cols[2].end(), ' '));
        } else {
            if (n_cols != 3 || !number(cols[2], n) || n >= entities) return std::nullopt;
            if (!first_in_section && !(previous < cols[1])) return std::nullopt;
            previous = cols[1];
            first_in_section = false;
        }
        if (kind != E) sections[kind]->end = nl + 1;
        at = nl + 1;
    }
    g.text_ = std::move(text);
    return g;
}

std::optional<std::size_t> CompiledGazetteer::resolve(std::string_view name) const {
    const std::string joined = key_of(name);
    // An entity by its key first (the first entity with that key), then by any form.
    for (std::size_t i = 0; i < entity_lines_.size(); ++i)
        if (key_view(i) == joined) return i;
    return find_sorted(section(all_names_), joined);
}

std::optional<std::size_t> CompiledGazetteer::resolve_proper_name(std::string_view name) const {
    return find_sorted(section(proper_names_), key_of(name));
}

std::string CompiledGazetteer::key_of(std::string_view name) const {
    return join_units(EntityGazetteer::units_with(*analyzer_, name));
}

std::string CompiledGazetteer::key(std::size_t entity) const { return std::string(key_view(entity)); }

std::string_view CompiledGazetteer::key_view(std::size_t entity) const {
    // E \t name \t type \t key \t evidence \t first name \t common word
    std::string_view line = std::string_view(text_).substr(entity_lines_.at(entity));
    line = line.substr(0, line.find('\n'));
    std::array<std::string_view, 7> cols;
    fields(line, cols);
    return cols[3];
}

std::vector<std::vector<std::string>> CompiledGazetteer::form_units(std::size_t entity) const {
    std::vector<std::vector<std::string>> out;
    std::string_view lines = section(forms_);
    std::array<std::string_view, 5> cols;
    std::size_t n = 0;
    while (!lines.empty()) {
        const auto nl = lines.find('\n');
        fields(lines.substr(0, nl), cols);  // F \t entity \t units \t flags \t contraction
        lines.remove_prefix(nl + 1);
        if (!number(cols[1], n) || n != entity || cols[3].find('p') != std::string_view::npos) continue;
        std::vector<std::string> units;
        std::string_view u = cols[2];
        for (std::size_t sp; (sp = u.find(' ')) != std::string_view::npos; u.remove_prefix(sp + 1))
            units.emplace_back(u.substr(0, sp));
        units.emplace_back(u);
        out.push_back(std::move(units));
    }
    return out;
}

}  // namespace veille::entities
