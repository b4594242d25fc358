// Page furniture: the lines one source repeats under many of its articles ("LIRE AUSSI",
// "MOTS-CLÉS :", "Figaro Live" promos, "Posted On 05 avr 2013 , By La rédaction",
// "Photo Credit: …", share and subscribe lines, a cartoonist's signature). They are learnt
// from the collection itself, never from a list, and removed from a body before it is
// analysed, so they are neither entities, nor snippet text, nor counted for ranking.
//
// The rule: a line is furniture of a group (a source: a site name or a folder, the caller
// decides) when its shape was seen in at least max(kMinDocuments, kMinDocumentsPerMille ‰ of
// the group's documents) documents of that group. Only short lines are candidates (at most
// kMaxLineBytes bytes and kMaxLineWords words): longer lines are content, however often they
// repeat.
//
// A line's shape is what stays the same when a source repeats it with another date or
// number: case-folded, accents and ligatures removed (é -> e, œ -> oe), every run of digits
// replaced by one "0", French and English month names and abbreviations (janv, févr, avr,
// mai, juil, sept, déc, jan, feb, apr, may, aug…) by "<mois>", weekday names (lundi, Monday…)
// by "<jour>", every run of punctuation, symbols and white space by one space, trimmed. So
// "Posted On 05 avr 2013 , By La rédaction" and "Posted On 12 mai 2014, By La rédaction"
// both have the shape "posted on 0 <mois> 0 by la redaction". Lines whose shape is empty
// (blank lines, rules of dashes) are never furniture.
//
// Memory: only 64-bit hashes of (group, shape) are kept, never text: an 8-byte slot for
// every distinct shape, 12 more for a shape seen in several documents, in tables kept at
// most 4/5 full. Measured: 200,000 articles
// of 30 short lines, all different (6 million shapes), take 64 MiB, 99 MiB of peak resident
// memory while the table doubles. Two shapes of a group whose hashes collide are counted
// together: with 64 bits, unlikely enough to ignore.
//
// Thread-safety: observe(), merge() and assignment are not thread-safe; the const methods
// (is_furniture, clean, serialize, ...) are, as long as no thread modifies the detector. To
// learn in parallel, give each worker its own detector and merge them.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace veille::documents {

// A body with its furniture removed, and how many lines went.
struct CleanedBody {
    std::string text;
    std::size_t removed = 0;
};

// The shape of a line (see above), whatever its length: "" for a line without letters or
// digits. Exposed for tests and diagnostics; the detector hashes it.
std::string line_shape(std::string_view line);

class FurnitureDetector {
public:
    // Only short lines are candidates: furniture is a label, a byline, a promo, not a
    // paragraph. A sentence repeated word for word in many articles of a source (a quoted
    // statement, a recurring context paragraph) is content and must stay searchable. The
    // limits are measured on the line without its surrounding white space (bytes) and on its
    // shape (words: "Posted On 05 avr 2013 , By La rédaction" has 8).
    static constexpr std::size_t kMaxLineBytes = 160;
    static constexpr std::size_t kMaxLineWords = 20;

    // A shape is furniture of a group once it was seen in this many documents of the group:
    // - never fewer than kMinDocuments, so that a source of a few articles, or a subject
    //   covered in four articles under the same subheading ("Le contexte", "Bamako, 5 mai"),
    //   keeps its lines;
    // - and at least kMinDocumentsPerMille per thousand (0.2%) of the group's documents, so
    //   that in a large source a line that a handful of articles share by chance (a
    //   subheading, a recurring place name line) is not taken for the site's chrome, while
    //   real furniture, under hundreds or thousands of its articles, still is.
    static constexpr std::uint64_t kMinDocuments = 5;
    static constexpr std::uint64_t kMinDocumentsPerMille = 2;

    // Counts one document of `group`: each distinct candidate shape of `body` once, and the
    // document itself. Lines are separated by '\n' (a trailing '\r' is white space).
    void observe(std::string_view group, std::string_view body);

    // Adds everything `other` observed, as if this detector had observed its documents too.
    void merge(const FurnitureDetector& other);

    // True when `line` (one line, with or without its '\n') is furniture of `group`. An
    // unknown group has no furniture.
    bool is_furniture(std::string_view group, std::string_view line) const;

    // `body` without its furniture lines: each is removed whole, with its '\n'; every other
    // byte is kept as it is (blank lines around a removed line stay). A furniture line that
    // `keep` accepts stays: the indexer keeps a line that is only a known name, such as a tag
    // line "Benoît Hamon" under the articles about him.
    CleanedBody clean(std::string_view group, std::string_view body,
                      const std::function<bool(std::string_view line)>& keep = {}) const;

    // Documents observed for `group` (0 for an unknown group), and how many of them a shape
    // needs to be furniture there.
    std::uint64_t documents(std::string_view group) const;
    std::uint64_t threshold(std::string_view group) const;

    // True when no document was ever observed.
    bool empty() const { return groups_.empty(); }

    // Bytes held by the hash tables (what grows with the collection).
    std::size_t memory_usage() const;

    // A compact binary form for incremental indexing: a magic and version header, the groups
    // with their document counts, the sorted hashes delta-encoded, a checksum. The same
    // observations give the same bytes, whatever their order or how workers were merged.
    std::string serialize() const;

    // The detector serialize() wrote. A blob that is not one (truncated, corrupt, another
    // version, anything else) gives an empty detector; never throws.
    static FurnitureDetector parse(std::string_view blob) noexcept;

private:
    // Open addressing, linear probing, on 64-bit keys (0 marks an empty slot): a set, or with
    // `counted` a map to a 32-bit count (saturating).
    class KeyTable {
    public:
        explicit KeyTable(bool counted) : counted_(counted) {}
        // The key's slot, or npos.
        std::size_t find(std::uint64_t key) const;
        // The key's slot, inserted (count 0) when absent; second is true when inserted.
        std::pair<std::size_t, bool> insert(std::uint64_t key);
        void reserve(std::size_t keys);
        std::uint32_t count(std::size_t slot) const { return counts_[slot]; }
        void add(std::size_t slot, std::uint64_t n);
        std::size_t size() const { return size_; }
        std::size_t memory_usage() const;
        // Every key present, sorted.
        std::vector<std::uint64_t> sorted_keys() const;

        static constexpr std::size_t npos = static_cast<std::size_t>(-1);

    private:
        void grow(std::size_t capacity);

        bool counted_;
        std::size_t size_ = 0;
        std::vector<std::uint64_t> keys_;
        std::vector<std::uint32_t> counts_;
    };

    struct Group {
        std::uint64_t seed = 0;       // hash of the group's name, mixed into its keys
        std::uint64_t documents = 0;
    };
    struct NameHash {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
    };

    Group& group_for(std::string_view name);
    const Group* find_group(std::string_view name) const;
    // Adds n documents to a key's count.
    void add_key(std::uint64_t key, std::uint64_t n);
    // Documents a key was seen in (0 when never).
    std::uint64_t key_count(std::uint64_t key) const;
    bool is_furniture(const Group& group, std::string_view line, std::string& shape) const;

    std::unordered_map<std::string, Group, NameHash, std::equal_to<>> groups_;
    // Every (group, shape) key seen, and for those seen in two documents or more, their
    // count: most shapes are content seen once, and a set costs 8 bytes a key where a map
    // costs 12.
    KeyTable seen_{false};
    KeyTable repeated_{true};
};

}  // namespace veille::documents
