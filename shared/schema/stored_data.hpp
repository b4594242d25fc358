// A document's stored data (Xapian's document data): what a hit needs to be displayed
// without re-reading its file. One line of JSON holds the display fields (keys in
// schema::data), then a newline, then the text as it is. The text is most of the bytes and
// only snippets and the thread view need it: kept out of the JSON, it is neither escaped when
// written nor lexed when a hit, a reprint's source or an explanation needs only the fields
// (measured: JSON lexing of the text was a fifth of a query's time at FreSaDa 4x).
// Reading is lenient, for documents written by older versions or by other tools: a missing
// or mistyped field reads as empty, never throws.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace veille::schema {

struct StoredData {
    nlohmann::json fields;  // an object, or `discarded` when the data is not ours
    std::string_view text;  // views into the raw data it was decoded from

    // Move-only: the text of data written before schema 5 views into `fields` itself, which a
    // copy would not carry along.
    StoredData() = default;
    StoredData(StoredData&&) = default;
    StoredData& operator=(StoredData&&) = default;
    StoredData(const StoredData&) = delete;
    StoredData& operator=(const StoredData&) = delete;
};

// `fields` must be an object; dumping never writes a raw newline (JSON escapes them), so the
// first newline of the data ends the fields. Invalid UTF-8 in a field becomes U+FFFD; the
// text is stored as given (readers have sanitised it).
std::string encode_stored_data(const nlohmann::json& fields, std::string_view text);

// The fields and text of `raw` (which must outlive the result's text). Data written before
// schema 5 (one JSON object, the text under "text") still reads; its text then views into
// `fields`.
StoredData decode_stored_data(std::string_view raw);
// Refused: the text would view into a string about to be destroyed. Keep the data in a
// variable, or read only the fields.
StoredData decode_stored_data(std::string&& raw) = delete;

// Only the fields (for a hit's source, an id, an explanation): the text is not even viewed.
nlohmann::json decode_stored_fields(std::string_view raw);

inline std::string stored_string(const nlohmann::json& j, const char* key) {
    auto it = j.find(key);
    return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

inline std::optional<int> stored_int(const nlohmann::json& j, const char* key) {
    auto it = j.find(key);
    if (it != j.end() && it->is_number_integer()) return it->get<int>();
    return std::nullopt;
}

}  // namespace veille::schema
