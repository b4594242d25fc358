// The index schema: the ONE table of term prefixes, value slots and field names.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>

#include <xapian.h>

namespace veille::schema {

// Bumped whenever what is written to the index changes meaning; stored in the index metadata
// so an old index is rebuilt rather than misread.
inline constexpr int kSchemaVersion = 1;

enum class Term {
    Folded,       // "" + folded word, positional: body and title text, stopwords included
    Exact,        // case-folded word with accents, only where it differs from the folded one
    Stem,         // Snowball stem of the folded word
    TitleFolded,  // title words, for the title:/titre: field
    TitleStem,
    UniqueId,     // document id (article "a1b2…", comment "a1b2…-c3"): replace/delete by id
    Kind,         // "article" | "comment"
    File,         // hash of the source file path: every document of one file, for re-indexing
    Article,      // a comment's article id (and an article's own id)
};

enum class FieldKind { Text, Boolean, Internal };

struct TermSpec {
    Term term;
    std::string_view prefix;
    FieldKind kind;
    std::string_view field_fr;  // query-language field name, empty when not user-facing
    std::string_view field_en;
    std::string_view doc;
};

// clang-format off
inline constexpr std::array<TermSpec, 9> kTerms{{
    {Term::Folded,      "",    FieldKind::Text,     "",      "",      "folded word, with positions (phrases)"},
    {Term::Exact,       "XE",  FieldKind::Text,     "",      "",      "accented exact form, ranks exact spellings first"},
    {Term::Stem,        "Z",   FieldKind::Text,     "",      "",      "stem of the folded word"},
    {Term::TitleFolded, "S",   FieldKind::Text,     "titre", "title", "folded title word"},
    {Term::TitleStem,   "ZS",  FieldKind::Text,     "",      "",      "stem of a title word"},
    {Term::UniqueId,    "Q",   FieldKind::Internal, "id",    "id",    "document id"},
    {Term::Kind,        "K",   FieldKind::Boolean,  "type",  "type",  "article | comment"},
    {Term::File,        "XF",  FieldKind::Internal, "",      "",      "hash of the source path"},
    {Term::Article,     "XA",  FieldKind::Boolean,  "",      "",      "id of the article a document belongs to"},
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

// The user-facing field name (French or English, any case) -> the term it searches.
std::optional<Term> field_by_name(std::string_view name);

// Value slots, each with its encoding.
enum Slot : Xapian::valueno {
    kSlotDate = 0,     // "YYYYMMDD" (sorts as a string); absent when the date is unknown
    kSlotKind = 1,     // "article" | "comment"
    kSlotArticle = 2,  // article id: collapse key for "one hit per article"
};

// Keys of the JSON object stored as each document's data: what a hit needs to be displayed
// without re-reading its file.
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
inline constexpr const char* kText = "text";
}  // namespace data

// Index metadata keys (Xapian user metadata).
namespace meta {
inline constexpr std::string_view kSchemaVersion = "veille:schema";
inline constexpr std::string_view kFilePrefix = "veille:file:";  // + path hash -> FileRecord JSON
}  // namespace meta

// Stable 64-bit FNV-1a hash as 16 hex digits: document ids and path keys. Stable across
// builds and machines (std::hash is not), so ids can be cited.
std::string hash_hex(std::string_view bytes);

}  // namespace veille::schema
