// Counting the values of some slots over every document a match looks at: the raw material
// of the facets (entities, kinds, dates) and of the exact total once reprints are collapsed.
#pragma once

#include <xapian.h>

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "schema/facet_column.hpp"

namespace veille::search {

// What grouping reprints needs of a slot: documents looked at, those with a value, and how
// many distinct values they had.
struct ValueTally {
    Xapian::doccount documents = 0;
    Xapian::doccount with_value = 0;
    Xapian::doccount distinct = 0;
};

struct ValueCounts {
    Xapian::doccount documents = 0;  // documents looked at, with or without a value
    std::vector<std::pair<std::string, Xapian::doccount>> values;  // non-empty values, unsorted
};

// Attach to an Enquire before get_mset, read the counts after. On local databases one match
// spy reads every slot and counts in a hash table per slot; Xapian's ValueCountMatchSpy keeps
// a std::map of strings per slot, and at FreSaDa 4x its string comparisons and tree walks were
// the largest cost of a query with facets. xapian-tcpsrv runs only the match spies it knows:
// over remote shards the counter uses Xapian's, one per slot, with the same results. When
// the index has a current facet column (schema/facet_column.hpp) holding every slot asked
// for, a match costs a few array reads and no value is read from Xapian at all.
class SlotCounter {
public:
    // `tallied`: slots among `slots` of which only tally() is asked (counts() refuses them),
    // which the facet column then marks in a bit set rather than counting value by value.
    SlotCounter(std::vector<Xapian::valueno> slots, bool remote, const schema::FacetColumn* column = nullptr,
                const std::vector<Xapian::valueno>& tallied = {});
    ~SlotCounter();
    SlotCounter(const SlotCounter&) = delete;
    SlotCounter& operator=(const SlotCounter&) = delete;

    void attach(Xapian::Enquire& enquire);
    // The counts of one of the constructor's slots.
    ValueCounts counts(Xapian::valueno slot) const;
    // The tally of one of the constructor's slots, without a string per value.
    ValueTally tally(Xapian::valueno slot) const;
    // The counts of each entity of schema::kSlotEntities (schema::entity_parts of each
    // combination): a document counts once for each entity it names. From the facet column,
    // a few additions per combination matched; otherwise the combinations are split here.
    ValueCounts entity_counts() const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace veille::search
