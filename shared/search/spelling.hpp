// "Vouliez-vous dire : Barkhane ?" — corrections drawn from the index's own vocabulary.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include <xapian.h>

namespace veille::search {

// The indexed word closest to `folded` (a folded query word) by Damerau-Levenshtein distance
// (1 for words of up to 4 letters, else 2), most frequent first among equals. No suggestion
// when `folded` itself is indexed and the candidate is not far more frequent (20x), so rare
// but correct words are left alone. The vocabulary is the index's folded, unprefixed terms:
// no spelling table to build or store. Only words sharing the first letter are considered,
// and never a stopword.
std::optional<std::string> suggest_spelling(const Xapian::Database& db, std::string_view folded);

// Edit distance with transpositions (optimal string alignment) over code points, stopping
// early once it exceeds `limit` (then returns limit + 1).
std::size_t edit_distance(std::string_view a, std::string_view b, std::size_t limit);

}  // namespace veille::search
