// The facet column: what facets count (a document's reprint key, entities, kind and day),
// copied from Xapian's value slots into one file beside the tables, `veille-facets`, and
// read memory-mapped by document number.
//
// Why: an exact facet visits every match, and reading four values per match through Xapian's
// value streams costs 1-2 µs; here a match costs four array reads. Each slot's distinct
// values are numbered (1…n, 0 for none) and stored once; each document has one 32-bit
// number per slot.
//
// Never out of step with the database: the file names the database it was made from (its
// UUID, revision and last document number) and is only used when all three are the
// database's own; otherwise counting falls back to the value slots (search/value_counts),
// with the same results, until the next veille-index run writes it again. It is written to a
// temporary file, synced and renamed, so a reader never sees half a file, and a run killed
// between Xapian's commit and the rename leaves a column that is merely stale.
//
// Layout (little-endian, offsets 8-aligned): "veille-facets v3" (16 bytes), revision (u64),
// last docid (u32), slots (u32), UUID length (u32) and bytes, padding; per slot: slot number,
// distinct values (u32 each), offset of its numbers, offset and size of its dictionary (u64
// each); per slot the numbers (u32 × (last docid + 1)); per slot the dictionary: where each
// value ends (u32 × (distinct values + 1), the first 0), then the values' bytes end to end.
// Every slot's header goes on with distinct entities and padding (u32 each), offsets of its
// entity lists and of the entities' dictionary and that dictionary's size (u64 each), all 0
// but for the entity slot, whose values are combinations of entities. It has two more
// sections: where each value's list of entity numbers ends (u32 ×
// (distinct values + 1)) followed by those numbers (u32 each); then the entities'
// dictionary, laid out as the values'. Opening the file reads only its header: a value is
// found by its number when a query counted it (v1 walked every dictionary at open, some 100
// page faults, 2-3 ms, per start), and v2 split every combination a query counted into
// entities, strings hashed one by one (v3 adds the numbered lists).
#pragma once

#include <xapian.h>

#include <array>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "schema/schema.hpp"

namespace veille::schema {

inline constexpr const char* kFacetColumnFile = "veille-facets";
inline constexpr std::array<Xapian::valueno, 4> kFacetColumnSlots{kSlotDuplicate, kSlotEntities,
                                                                  kSlotKind, kSlotDate};

// Writes the column of the database in folder `db` unless the one there is current; true
// when it wrote one. Throws IndexError when it cannot write it.
bool write_facet_column(const std::filesystem::path& db);

class FacetColumn {
  public:
    // The column in folder `db` when it is current for `database` (one local database), else
    // nullptr: missing, stale, or not a column (a damaged file is ignored, never trusted).
    static std::shared_ptr<const FacetColumn> open(const std::filesystem::path& db,
                                                   const Xapian::Database& database);
    ~FacetColumn();
    FacetColumn(const FacetColumn&) = delete;
    FacetColumn& operator=(const FacetColumn&) = delete;

    // Whether it still describes `database` (a commit since makes it stale).
    bool current_for(const Xapian::Database& database) const;

    // The index of `slot` among the column's slots, or nullopt.
    std::optional<std::size_t> slot_index(Xapian::valueno slot) const;
    // The number of the value of a document in slot `index` (0: none, or beyond the column).
    // A damaged file may hold a number beyond distinct(index): callers check it (the numbers
    // are not checked when the file is opened, which would cost a pass over them all).
    std::uint32_t number(std::size_t index, Xapian::docid did) const {
        return did < documents_ ? numbers_[index][did] : 0;
    }
    // How many distinct values slot `index` holds: they are numbered 1 to distinct(index).
    std::uint32_t distinct(std::size_t index) const { return dictionaries_[index].distinct; }
    // Value number `n` of slot `index`; nullopt for 0, beyond distinct(), or a damaged file.
    std::optional<std::string_view> value(std::size_t index, std::uint32_t n) const;

    // The entity slot's values are combinations; its entities are numbered on their own.
    // How many distinct entities slot `index` holds (0: not the entity slot).
    std::uint32_t parts(std::size_t index) const { return lists_[index].parts.distinct; }
    // The entity numbers of value `n` (schema::entity_parts of it, in its order); empty for
    // 0, beyond distinct(), another slot or a damaged file. A damaged file may hold numbers
    // beyond parts(index): callers check them.
    std::span<const std::uint32_t> parts_of(std::size_t index, std::uint32_t n) const;
    // Entity number `p` of slot `index` ("type\x1ename"); nullopt as value() gives it.
    std::optional<std::string_view> part(std::size_t index, std::uint32_t p) const;

  private:
    FacetColumn() = default;

    void* map_ = nullptr;
    std::size_t size_ = 0;
    std::string uuid_;
    std::uint64_t revision_ = 0;
    Xapian::docid last_docid_ = 0;
    std::size_t documents_ = 0;  // last docid + 1
    std::vector<Xapian::valueno> slots_;
    std::vector<const std::uint32_t*> numbers_;
    struct Dictionary {
        const std::uint32_t* ends = nullptr;  // distinct + 1 of them
        const char* values = nullptr;
        std::uint32_t distinct = 0;
        std::size_t bytes = 0;  // of `values`
        // The one at `at` in the file (checked to lie within it).
        static Dictionary at(const char* base, std::uint64_t at, std::uint64_t bytes, std::uint32_t distinct);
        std::optional<std::string_view> operator[](std::uint32_t n) const;
    };
    struct Lists {  // the entity slot's: the parts of each value, by number
        const std::uint32_t* ends = nullptr;  // distinct values + 1 of them
        const std::uint32_t* numbers = nullptr;
        std::size_t count = 0;  // of `numbers`
        Dictionary parts;
    };
    std::vector<Dictionary> dictionaries_;
    std::vector<Lists> lists_;
};

}  // namespace veille::schema
