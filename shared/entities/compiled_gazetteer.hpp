// The gazetteer veille-index compiled for queries (EntityGazetteer::compiled(), stored in the
// index), read in place. Unpacking its 1,200 entities and 3,500 forms into EntityGazetteer's
// tables cost veille-query 4-6 ms at every start, most of it page faults on this VM; a query
// looks up a few names, each a binary search in the sorted text (or one scan of a section).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "analysis/french_analyzer.hpp"
#include "entities/entity_names.hpp"

namespace veille::entities {

class CompiledGazetteer final : public EntityNames {
public:
    // The text as EntityGazetteer::compiled() writes it: every line passes load_compiled()'s
    // checks, and the sections come in compiled()'s order (entities, forms, proper names,
    // then all names), the last two sorted. Anything else gives nullopt, and
    // EntityGazetteer::load_for_queries() decides, so both read the same names.
    // `text` is taken only when it reads (left as it was otherwise: 270 KB not copied).
    // `analyzer` folds the names looked up; it must outlive the gazetteer.
    static std::optional<CompiledGazetteer> read(std::string&& text, const analysis::FrenchAnalyzer& analyzer);

    std::optional<std::size_t> resolve(std::string_view name) const override;
    std::optional<std::size_t> resolve_proper_name(std::string_view name) const override;
    std::string key_of(std::string_view name) const override;
    std::string key(std::size_t entity) const override;
    std::vector<std::vector<std::string>> form_units(std::size_t entity) const override;
    std::size_t max_units() const override { return max_units_; }

    std::size_t entity_count() const { return entity_lines_.size(); }

private:
    // Cuts it into the records GazetteerLookup fetches one by one (gazetteer_lookup.hpp).
    friend std::optional<std::vector<std::pair<std::string, std::string>>> lookup_records(
        const CompiledGazetteer& gazetteer, std::size_t max_key_bytes);

    // Byte ranges of text_ (offsets: the object moves), each whole lines ending with '\n'.
    struct Section {
        std::size_t begin = 0;
        std::size_t end = 0;
    };

    explicit CompiledGazetteer(const analysis::FrenchAnalyzer& analyzer) : analyzer_(&analyzer) {}
    std::string_view key_view(std::size_t entity) const;
    std::string_view section(Section s) const { return std::string_view(text_).substr(s.begin, s.end - s.begin); }

    std::string text_;
    const analysis::FrenchAnalyzer* analyzer_;
    std::vector<std::uint32_t> entity_lines_;  // where each E line starts: entity i is line i
    Section forms_, proper_names_, all_names_;  // the F, P and J lines
    std::size_t max_units_ = 0;
};

}  // namespace veille::entities
