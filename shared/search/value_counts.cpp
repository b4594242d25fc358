#include "search/value_counts.hpp"

#include <algorithm>
#include <optional>
#include <stdexcept>
#include <unordered_map>

#include "schema/schema.hpp"

namespace veille::search {

namespace {

// One pass, every slot: per match one value read and one hash lookup per slot. Most values
// are already in the table (a handful of kinds, a few thousand days and entity
// combinations), so a match allocates nothing beyond what get_value returns.
class MultiSlotSpy : public Xapian::MatchSpy {
public:
    explicit MultiSlotSpy(const std::vector<Xapian::valueno>& slots) : slots_(slots), tables_(slots.size()) {}

    void operator()(const Xapian::Document& doc, double) override {
        ++documents_;
        for (std::size_t i = 0; i < slots_.size(); ++i) {
            std::string value = doc.get_value(slots_[i]);
            if (value.empty()) continue;
            auto& table = tables_[i];
            if (auto it = table.find(value); it != table.end())
                ++it->second;
            else
                table.emplace(std::move(value), 1);
        }
    }

    ValueCounts counts(std::size_t i) const {
        ValueCounts out;
        out.documents = documents_;
        out.values.assign(tables_[i].begin(), tables_[i].end());
        return out;
    }

private:
    std::vector<Xapian::valueno> slots_;
    std::vector<std::unordered_map<std::string, Xapian::doccount>> tables_;
    Xapian::doccount documents_ = 0;
};

// The same counts read from the facet column: per match, one number per slot, counted in an
// array as long as the slot's distinct values. A slot only tallied (reprint keys: as many
// distinct values as documents) is marked in a bit set instead, 32 times smaller: a one-shot
// query zeroes and faults in that memory at every start.
class ColumnSpy : public Xapian::MatchSpy {
public:
    ColumnSpy(const schema::FacetColumn& column, std::vector<std::size_t> indexes, const std::vector<bool>& tally_only)
        : column_(column), indexes_(std::move(indexes)), tallies_(indexes_.size()) {
        for (std::size_t i = 0; i < indexes_.size(); ++i) {
            const std::size_t numbers = std::size_t(column.distinct(indexes_[i])) + 1;
            limits_.push_back(numbers);
            counts_.emplace_back(tally_only[i] ? 0 : numbers, 0);
            seen_.emplace_back(tally_only[i] ? (numbers + 63) / 64 : 0, 0);
        }
    }

    void operator()(const Xapian::Document& doc, double) override {
        ++documents_;
        const Xapian::docid did = doc.get_docid();
        for (std::size_t i = 0; i < indexes_.size(); ++i) {
            const std::uint32_t n = column_.number(indexes_[i], did);
            if (n >= limits_[i]) continue;  // beyond: a damaged file, not counted
            if (!seen_[i].empty()) {
                if (n == 0) continue;
                ++tallies_[i].with_value;
                std::uint64_t& word = seen_[i][n / 64];
                const std::uint64_t bit = std::uint64_t(1) << (n % 64);
                if (!(word & bit)) {
                    word |= bit;
                    ++tallies_[i].distinct;
                }
            } else {
                ++counts_[i][n];
            }
        }
    }

    bool tallied_only(std::size_t i) const { return !seen_[i].empty(); }

    ValueTally tally(std::size_t i) const {
        ValueTally out = tallies_[i];
        out.documents = documents_;
        if (tallied_only(i)) return out;
        for (std::size_t n = 1; n < counts_[i].size(); ++n) {
            out.with_value += counts_[i][n];
            out.distinct += counts_[i][n] > 0;
        }
        return out;
    }

    ValueCounts counts(std::size_t i) const {
        ValueCounts out;
        out.documents = documents_;
        for (std::size_t n = 1; n < counts_[i].size(); ++n) {
            if (!counts_[i][n]) continue;
            // A value a damaged file cannot give is left out, as a damaged number is.
            if (auto value = column_.value(indexes_[i], static_cast<std::uint32_t>(n)))
                out.values.emplace_back(std::string(*value), counts_[i][n]);
        }
        return out;
    }

    // Slot i's entities, when the column numbers them (else nullopt): each combination
    // counted adds its count to the entities it lists.
    std::optional<ValueCounts> part_counts(std::size_t i) const {
        const std::size_t index = indexes_[i];
        const std::uint32_t parts = column_.parts(index);
        if (parts == 0) return std::nullopt;
        std::vector<Xapian::doccount> per_part(std::size_t(parts) + 1, 0);
        for (std::size_t n = 1; n < counts_[i].size(); ++n) {
            if (!counts_[i][n]) continue;
            for (const std::uint32_t p : column_.parts_of(index, static_cast<std::uint32_t>(n)))
                if (p <= parts) per_part[p] += counts_[i][n];  // beyond: a damaged file, not counted
        }
        ValueCounts out;
        out.documents = documents_;
        for (std::uint32_t p = 1; p <= parts; ++p) {
            if (!per_part[p]) continue;
            if (auto part = column_.part(index, p)) out.values.emplace_back(std::string(*part), per_part[p]);
        }
        return out;
    }

private:
    const schema::FacetColumn& column_;
    std::vector<std::size_t> indexes_;  // in the column, for each slot counted
    std::vector<std::size_t> limits_;   // distinct values + 1, for each slot
    std::vector<std::vector<Xapian::doccount>> counts_;  // empty for a slot only tallied
    std::vector<std::vector<std::uint64_t>> seen_;       // the values seen: a slot only tallied
    std::vector<ValueTally> tallies_;                     // with_value and distinct of those
    Xapian::doccount documents_ = 0;
};

}  // namespace

struct SlotCounter::Impl {
    std::vector<Xapian::valueno> slots;
    std::unique_ptr<ColumnSpy> column;                       // a local database's facet column
    std::unique_ptr<MultiSlotSpy> local;                     // local databases
    std::vector<std::unique_ptr<Xapian::ValueCountMatchSpy>> remote;  // one per slot
    std::vector<bool> tallied;  // for each slot: only tally() is asked of it

    std::size_t index_of(Xapian::valueno slot) const {
        auto it = std::find(slots.begin(), slots.end(), slot);
        if (it == slots.end()) throw std::logic_error("slot not counted: " + std::to_string(slot));
        return static_cast<std::size_t>(it - slots.begin());
    }

    // Slot i's counts from whichever spy counted it (not a slot the column only tallied).
    ValueCounts counts_at(std::size_t i) const {
        if (column) return column->counts(i);
        if (local) return local->counts(i);
        const auto& spy = *remote[i];
        ValueCounts out;
        out.documents = spy.get_total();
        for (auto it = spy.values_begin(); it != spy.values_end(); ++it) out.values.emplace_back(*it, it.get_termfreq());
        return out;
    }
};

SlotCounter::SlotCounter(std::vector<Xapian::valueno> slots, bool remote, const schema::FacetColumn* column,
                         const std::vector<Xapian::valueno>& tallied)
    : impl_(std::make_unique<Impl>()) {
    impl_->slots = std::move(slots);
    std::vector<std::size_t> in_column;
    for (auto slot : impl_->slots) {
        if (auto index = column && !remote ? column->slot_index(slot) : std::nullopt) in_column.push_back(*index);
        impl_->tallied.push_back(std::find(tallied.begin(), tallied.end(), slot) != tallied.end());
    }
    if (!impl_->slots.empty() && in_column.size() == impl_->slots.size()) {
        impl_->column = std::make_unique<ColumnSpy>(*column, std::move(in_column), impl_->tallied);
    } else if (remote) {
        for (auto slot : impl_->slots) impl_->remote.push_back(std::make_unique<Xapian::ValueCountMatchSpy>(slot));
    } else {
        impl_->local = std::make_unique<MultiSlotSpy>(impl_->slots);
    }
}

SlotCounter::~SlotCounter() = default;

void SlotCounter::attach(Xapian::Enquire& enquire) {
    if (impl_->slots.empty()) return;
    if (impl_->column) enquire.add_matchspy(impl_->column.get());
    if (impl_->local) enquire.add_matchspy(impl_->local.get());
    for (auto& spy : impl_->remote) enquire.add_matchspy(spy.get());
}

ValueCounts SlotCounter::counts(Xapian::valueno slot) const {
    const std::size_t i = impl_->index_of(slot);
    if (impl_->tallied[i]) throw std::logic_error("slot only tallied, not counted: " + std::to_string(slot));
    return impl_->counts_at(i);
}

ValueTally SlotCounter::tally(Xapian::valueno slot) const {
    const std::size_t i = impl_->index_of(slot);
    if (impl_->column) return impl_->column->tally(i);
    const ValueCounts values = impl_->counts_at(i);
    ValueTally out;
    out.documents = values.documents;
    out.distinct = static_cast<Xapian::doccount>(values.values.size());
    for (const auto& [value, n] : values.values) out.with_value += n;
    return out;
}

ValueCounts SlotCounter::entity_counts() const {
    if (impl_->column)
        if (auto parts = impl_->column->part_counts(impl_->index_of(schema::kSlotEntities))) return std::move(*parts);
    // The combinations split through views into them: no string per entity and combination.
    const ValueCounts combos = counts(schema::kSlotEntities);
    std::unordered_map<std::string_view, Xapian::doccount> per_part;
    for (const auto& [value, n] : combos.values)
        for (const auto part : schema::entity_parts(value)) per_part[part] += n;
    ValueCounts out;
    out.documents = combos.documents;
    out.values.reserve(per_part.size());
    for (const auto& [part, n] : per_part) out.values.emplace_back(std::string(part), n);
    return out;
}

}  // namespace veille::search
