// The index schema: the ONE table of term prefixes, value slots and field names.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <xapian.h>

namespace veille::schema {

// Bumped whenever what is written to the index changes meaning; stored in the index metadata
// so an old index is rebuilt rather than misread.
inline constexpr int kSchemaVersion = 9;

enum class Term {
    Folded,         // "" + folded word, positional: body and title text, stopwords included
    Exact,          // case-folded word with accents, only where it differs from the folded one
    Stem,           // Snowball stem of the accented word, folded
    TitleFolded,    // title words, for the title:/titre: field
    TitleStem,
    UniqueId,       // document id (article "a1b2…", comment "a1b2…-c3"): replace/delete by id
    Kind,           // "article" | "comment"
    File,           // hash of the source file path: every document of one file, for re-indexing
    Article,        // a comment's article id (and an article's own id)
    Entity,         // folded canonical name of an entity the document names ("etat islamique")
    ArticleEntity,  // on a comment: an entity its article names
    Duplicate,      // near-duplicate key (as in kSlotDuplicate): the reprints of one text
    NameMention,    // a capitalised name no list knows: folded key, '\x1e', spelling ("kati\x1eKati")
    NameEvidence,   // what the document says of that name's kind: type, '\x1e', key ("lieu\x1ekati")
    Link,           // on an article: a name other files give it (documents::link_key, "url:x.fr/mali")
    LinkedTo,       // on a comment of a stand-in article: the link_key its file names its article by
};

enum class TermKind { Text, Boolean };

struct TermSpec {
    Term term;
    std::string_view prefix;
    TermKind kind;
    std::string_view doc;
};

// clang-format off
inline constexpr std::array<TermSpec, 16> kTerms{{
    {Term::Folded,        "",    TermKind::Text,    "folded word, with positions (phrases)"},
    {Term::Exact,         "XE",  TermKind::Text,    "accented exact form, ranks exact spellings first"},
    {Term::Stem,          "Z",   TermKind::Text,    "stem of the accented word, folded"},
    {Term::TitleFolded,   "S",   TermKind::Text,    "folded title word"},
    {Term::TitleStem,     "ZS",  TermKind::Text,    "stem of a title word"},
    {Term::UniqueId,      "Q",   TermKind::Boolean, "document id"},
    {Term::Kind,          "K",   TermKind::Boolean, "article | comment"},
    {Term::File,          "XF",  TermKind::Boolean, "hash of the source path"},
    {Term::Article,       "XA",  TermKind::Boolean, "id of the article a document belongs to"},
    {Term::Entity,        "XN",  TermKind::Boolean, "entity named by the document (folded canonical name)"},
    {Term::ArticleEntity, "XNA", TermKind::Boolean, "entity named by a comment's article"},
    {Term::Duplicate,     "XD",  TermKind::Boolean, "near-duplicate key: finds the other sources of a reprint"},
    {Term::NameMention,   "XNM", TermKind::Boolean, "unknown capitalised name: key \\x1e spelling (collection pass)"},
    {Term::NameEvidence,  "XNE", TermKind::Boolean, "kind evidence for a name: type \\x1e key (collection pass)"},
    {Term::Link,          "XL",  TermKind::Boolean, "a name of the article for other files: its address or record id (documents::link_key)"},
    {Term::LinkedTo,      "XLC", TermKind::Boolean, "comment kept apart from its article: the link key of that article"},
}};
// clang-format on

// The fields of the query language, with every spelling a user may type (French and
// English, with and without accents; matched case-insensitively).
enum class Field { Title, Kind, Entity, ArticleEntity, Date, After, Before, Id };

struct FieldSpec {
    Field field;
    std::string_view names;  // '|'-separated
    std::string_view doc;
};

// clang-format off
inline constexpr std::array<FieldSpec, 8> kFields{{
    {Field::Title,         "titre|title",                                 "words of the title"},
    {Field::Kind,          "type|kind",                                   "article | commentaire (comment)"},
    {Field::Entity,        "entité|entite|entity|entités|entites",        "an entity the document names"},
    {Field::ArticleEntity, "article.entité|article.entite|article.entity", "an entity the comment's article names"},
    {Field::Date,          "date",                                        "2025, 2025-11, 2025-11-06, 2022-01-01..2023-06-30, 2024.."},
    {Field::After,         "après|apres|after|since|depuis",              "on or after this date"},
    {Field::Before,        "avant|before|until",                          "strictly before this date"},
    {Field::Id,            "id",                                          "a document id"},
}};
// clang-format on

constexpr const TermSpec& spec(Term term) {
    for (const auto& s : kTerms)
        if (s.term == term) return s;
    return kTerms[0];  // unreachable: every Term is in the table
}

constexpr std::string_view prefix(Term term) { return spec(term).prefix; }

inline std::string term(Term t, std::string_view value) {
    std::string out(prefix(t));
    out += value;
    return out;
}

// The Term::Link or Term::LinkedTo term of a documents::link_key: the key itself, or, when it
// would pass Xapian's term length limit (a long address), its start and a hash of the whole.
std::string link_term(Term t, std::string_view link_key);

// The query field a user typed (any spelling in kFields, any case).
std::optional<Field> field_by_name(std::string_view name);

// Value slots, each with its encoding.
enum Slot : Xapian::valueno {
    kSlotDate = 0,      // "YYYYMMDD", month/day 00 when unknown (sorts as a string); absent
                        // when the date is unknown
    kSlotKind = 1,      // "article" | "comment"
    kSlotArticle = 2,   // article id: collapse key for "one hit per article"
    kSlotDuplicate = 4, // articles only: schema::short_key of the minimum hash of the body's 4-word
                        // shingles (MinHash): two articles share it with a probability equal to
                        // their resemblance, so reprints of one dispatch collapse into one hit.
                        // A body under 40 content words has "=" + short_key of all its words
                        // instead: it collapses only with an identical one.
    kSlotDateOrder = 5, // "1" + kSlotDate + document id when dated, "0" + id when not: sorted
                        // on, it lists the newest first and the undated last, and orders
                        // documents of one day by id, the same in one database or in shards
                        // (Xapian would break ties by document number, which shards change)
    kSlotReprintSource = 6,  // articles with a kSlotDuplicate only: what names the article when
                        // it is listed as another source of a reprint ("+ 2 autres sources :
                        // …"), its source, else its path. Read instead of the stored data,
                        // which holds the whole text (a page at 4x lists some 30 reprints).
    kSlotEntities = 3,  // the document's entities, sorted: "type\x1ename" joined by "\x1f"
                        // (one value per document, so Xapian's ValueCountMatchSpy, which remote
                        // shards support, counts combinations that the facet code splits)
};

inline constexpr char kEntityTypeSeparator = '\x1e';
inline constexpr char kEntitySeparator = '\x1f';

// One entry of a kSlotEntities value, "type\x1ename"; the value of a set of entries (sorted,
// each once); and the (type, name) entries of a value, in its order.
std::string entity_entry(std::string_view type, std::string_view name);
std::string entity_value(std::vector<std::string> entries);
std::vector<std::pair<std::string, std::string>> entity_entries(std::string_view value);
// The entries of a kSlotEntities value as they are written ("type\x1ename"), in its order:
// what the entity facet counts, one document once for each.
std::vector<std::string_view> entity_parts(std::string_view value);

// The kSlotDateOrder value of a document (date: its kSlotDate value, "" when undated).
inline std::string date_order(std::string_view date, std::string_view id) {
    return (date.empty() ? std::string("0") : "1" + std::string(date)) + std::string(id);
}

// How a reprint's other source is named (kSlotReprintSource).
inline std::string reprint_source(std::string_view source, std::string_view path) {
    return std::string(source.empty() ? path : source);
}

// Keys of the JSON fields stored in each document's data (see stored_data.hpp): what a hit
// needs to be displayed without re-reading its file.
namespace data {
inline constexpr const char* kKind = "kind";
inline constexpr const char* kId = "id";
inline constexpr const char* kTitle = "title";
inline constexpr const char* kArticleId = "article_id";
inline constexpr const char* kArticleTitle = "article_title";
inline constexpr const char* kParentId = "parent_id";
inline constexpr const char* kCommentNumber = "comment_number";
inline constexpr const char* kParentNumber = "parent_number";
inline constexpr const char* kPath = "path";
inline constexpr const char* kDate = "date";
inline constexpr const char* kDateInherited = "date_inherited";  // a comment dated by its article
inline constexpr const char* kUrl = "url";
inline constexpr const char* kSource = "source";
inline constexpr const char* kAuthor = "author";
inline constexpr const char* kMentions = "mentions";
inline constexpr const char* kText = "text";  // a field only before schema 5
inline constexpr const char* kEntities = "entities";        // [{"name","type","count"}]
inline constexpr const char* kDateSource = "date_source";   // metadata | path | text | article
inline constexpr const char* kLinks = "links";              // an article's Term::Link keys
inline constexpr const char* kLinkedTo = "linked_to";       // a stand-in's comment: its Term::LinkedTo key
}  // namespace data

// Index metadata keys (Xapian user metadata).
namespace meta {
// The longest key this index writes: glass's B-tree keys hold 255 bytes, its metadata marker
// included; a margin below that.
inline constexpr std::size_t kMaxKeyBytes = 240;
inline constexpr std::string_view kSchemaVersion = "veille:schema";
inline constexpr std::string_view kFilePrefix = "veille:file:";  // + path hash -> FileRecord JSON
inline constexpr std::string_view kHashPrefix = "veille:hash:";  // + content hash + ":" + path hash -> path
                                                                   // (finds a renamed file's documents)
// + path hash -> {"offset","records","prefix"} JSON: a web archive (warc) read up to `offset`
// (just past its last complete record; `records` before it), and readers::warc_prefix_hash of
// the bytes before it. A run over the grown archive resumes there when the prefix is the same.
// Written in the same transaction as the documents of the records before `offset`.
inline constexpr std::string_view kArchivePrefix = "veille:archive:";
inline constexpr std::string_view kUserEntities = "veille:entities:user";  // user gazetteers (TSV)
inline constexpr std::string_view kGazetteerHash = "veille:entities:hash";  // re-analyse on change
inline constexpr std::string_view kGazetteerCompiled = "veille:entities:compiled";  // what queries load
// + a record's key -> the compiled gazetteer cut into records, fetched one by one by queries
// (entities/gazetteer_lookup.hpp). None when a name is too long for a key.
inline constexpr std::string_view kGazetteerLookupPrefix = "veille:entities:lookup:";
inline constexpr std::string_view kFurniture = "veille:furniture";  // page furniture counts (documents/furniture.hpp)
inline constexpr std::string_view kCollectionEntities = "veille:entities:collection";  // the pass's decisions
inline constexpr std::string_view kCollectionPassPending = "veille:entities:pass-pending";  // documents changed since
}  // namespace meta

// Stable 64-bit FNV-1a hash as 16 hex digits: document ids and path keys. Stable across
// builds and machines (std::hash is not), so ids can be cited.
std::string hash_hex(std::string_view bytes);
// The same hash as a number (FNV-1a, 64 bits, with an offset basis that lacks the standard
// one's last digit: kept, since ids derive from it): hash_hex is its 16 hex digits.
std::uint64_t hash64(std::string_view bytes);
// A 64-bit key in 11 printable characters ([0-9a-zA-Z_-], 6 bits each but the first, which
// holds 4 and is a digit or a-f): values read for every
// match (kSlotDuplicate) stay within std::string's inline buffer (15 bytes), so reading one
// allocates nothing.
std::string short_key(std::uint64_t key);

}  // namespace veille::schema
