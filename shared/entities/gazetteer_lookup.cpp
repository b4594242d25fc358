#include "entities/gazetteer_lookup.hpp"

#include "entities/gazetteer.hpp"
#include "text/fields.hpp"

namespace veille::entities {

namespace {

constexpr std::string_view kLayout = "1";  // the head's first field: this file's layout
constexpr std::string_view kHead = "head";

std::string proper_name_key(std::string_view units) { return "p\t" + std::string(units); }
std::string name_key(std::string_view units) { return "n\t" + std::string(units); }
std::string entity_key_key(std::string_view key) { return "k\t" + std::string(key); }
std::string entity_record_key(std::size_t entity) { return "e\t" + std::to_string(entity); }

// Calls `each` with every line of `lines` (whole lines, each ending with '\n').
template <typename Each>
void for_each_line(std::string_view lines, Each&& each) {
    while (!lines.empty()) {
        const auto nl = lines.find('\n');
        each(lines.substr(0, nl));
        lines.remove_prefix(nl == std::string_view::npos ? lines.size() : nl + 1);
    }
}

}  // namespace

std::optional<LookupRecords> lookup_records(const CompiledGazetteer& gazetteer, std::size_t max_key_bytes) {
    // CompiledGazetteer::read() checked every line: the fields are there and the numbers read.
    LookupRecords out;
    const std::size_t entities = gazetteer.entity_count();
    out.emplace_back(std::string(kHead),
                     std::string(kLayout) + '\t' + std::to_string(gazetteer.max_units()) + '\t' + std::to_string(entities));

    std::vector<std::string> entity_records(entities);
    std::unordered_map<std::string_view, std::size_t> first_with_key;
    for (std::size_t i = 0; i < entities; ++i) {
        const std::string_view key = gazetteer.key_view(i);
        entity_records[i] = std::string(key);
        first_with_key.emplace(key, i);  // the first entity with a key keeps it, as resolve() reads
    }
    for_each_line(gazetteer.section(gazetteer.forms_), [&](std::string_view line) {
        const auto cols = text::split(line, '\t');  // F \t entity \t units \t flags \t contraction
        std::size_t entity = 0;
        read_compiled_number(cols[1], entity);
        if (cols[3].find('p') != std::string_view::npos) return;  // "russo-" never stands alone
        entity_records[entity] += '\n';
        entity_records[entity] += cols[2];
    });
    for (std::size_t i = 0; i < entities; ++i) out.emplace_back(entity_record_key(i), std::move(entity_records[i]));
    for (const auto& [key, entity] : first_with_key) out.emplace_back(entity_key_key(key), std::to_string(entity));

    const auto names = [&](CompiledGazetteer::Section section, std::string (*record_key)(std::string_view)) {
        for_each_line(gazetteer.section(section), [&](std::string_view line) {
            const auto cols = text::split(line, '\t');  // P|J \t units \t entity
            out.emplace_back(record_key(cols[1]), std::string(cols[2]));
        });
    };
    names(gazetteer.proper_names_, proper_name_key);
    names(gazetteer.all_names_, name_key);

    for (const auto& [key, value] : out)
        if (key.size() > max_key_bytes) return std::nullopt;
    return out;
}

std::optional<GazetteerLookup> GazetteerLookup::open(Fetch fetch, const analysis::FrenchAnalyzer& analyzer) {
    GazetteerLookup lookup(std::move(fetch), analyzer);
    const auto head = text::split(lookup.record(std::string(kHead)), '\t');
    if (head.size() != 3 || head[0] != kLayout || !read_compiled_number(head[1], lookup.max_units_) ||
        !read_compiled_number(head[2], lookup.entities_))
        return std::nullopt;
    return lookup;
}

const std::string& GazetteerLookup::record(const std::string& key) const {
    auto found = fetched_.find(key);
    if (found == fetched_.end()) found = fetched_.emplace(key, fetch_(key)).first;
    return found->second;
}

std::optional<std::size_t> GazetteerLookup::entity_under(const std::string& key) const {
    std::size_t entity = 0;
    if (!read_compiled_number(record(key), entity) || entity >= entities_) return std::nullopt;
    return entity;
}

std::optional<std::size_t> GazetteerLookup::resolve(std::string_view name) const {
    const std::string joined = key_of(name);
    // An entity by its key first (the first entity with that key), then by any form.
    if (auto entity = entity_under(entity_key_key(joined))) return entity;
    return entity_under(name_key(joined));
}

std::optional<std::size_t> GazetteerLookup::resolve_proper_name(std::string_view name) const {
    return entity_under(proper_name_key(key_of(name)));
}

std::string GazetteerLookup::key_of(std::string_view name) const {
    return join_units(EntityGazetteer::units_with(*analyzer_, name));
}

std::string GazetteerLookup::key(std::size_t entity) const {
    const std::string& r = record(entity_record_key(entity));
    return r.substr(0, r.find('\n'));
}

std::vector<std::vector<std::string>> GazetteerLookup::form_units(std::size_t entity) const {
    std::vector<std::vector<std::string>> out;
    std::string_view forms = record(entity_record_key(entity));
    const auto nl = forms.find('\n');
    forms.remove_prefix(nl == std::string_view::npos ? forms.size() : nl + 1);  // past the key
    for_each_line(forms, [&](std::string_view units) {
        std::vector<std::string> one;
        for (const auto unit : text::split(units, ' ')) one.emplace_back(unit);
        out.push_back(std::move(one));
    });
    return out;
}

}  // namespace veille::entities
