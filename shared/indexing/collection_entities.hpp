// The collection pass: what one document cannot decide about a name, the collection can.
//
// The matcher tags the names its lists know where the text supports them. A capitalised
// name no list knows ("Christine Panda", "Kati"), or a family name alone ("Valls" in an
// article that never says "Manuel"), is only recorded in its document (schema terms
// NameMention and NameEvidence). After every indexing run, this pass reads those records
// across the whole collection and decides, once per name:
//   - a family name alone is the person when exactly one person of the lists with that
//     family name is tagged somewhere in the collection;
//   - a first name alone ("Jean") is never an entity;
//   - a single word the collection mostly writes in lower case ("Gilets", "Intérieur") is not
//     a name; a lone word must be capitalised in at least two documents;
//   - its kind is what most of its documents say (a first name before it, "M.", "à", an
//     acronym in parentheses), else "autre"; its spelling, the commonest one.
// Then every document that writes the name is tagged alike, in its facet value only: not its
// terms, which would rewrite its positions (4 ms a document), nor its stored data, which would
// rewrite its text. The query side finds these documents through the decisions
// (entities/collection_names.hpp) and lists them with a hit's entities from the facet value.
// Documents tagged by an earlier run under a decision that changed are re-tagged.
// Everything it needs is in the index, so an incremental run that adds one file re-decides
// with the whole collection's knowledge without reading any other file; only documents whose
// tags change are rewritten. The decisions are kept in the index's metadata (what changed
// since the last run is what gets rewritten).
#pragma once

#include <cstddef>
#include <vector>

#include <xapian.h>

#include "entities/gazetteer.hpp"

namespace veille::indexing {

struct CollectionPassSummary {
    std::size_t names = 0;      // distinct unknown names seen
    std::size_t accepted = 0;   // of which are entities (family names included)
    std::size_t documents = 0;  // documents rewritten
};

// Runs the pass over `shards` (every database of the index, in shard order: the combined
// document ids interleave them as Xapian does). Each database is modified but not committed.
CollectionPassSummary run_collection_pass(const std::vector<Xapian::WritableDatabase*>& shards,
                                          const entities::EntityGazetteer& gazetteer);

}  // namespace veille::indexing
