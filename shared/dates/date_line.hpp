// Private to dates/: what surrounds a date on a line, so date_sources can tell a date line
// ("Publié le 6 novembre 2025", "Par Jean Dupont - 6 novembre 2025") from a date in a
// sentence ("en 2022, les autorités…"). Lives beside french_date.cpp because it reuses that
// file's tokenizer and word folding, so "Publié", "PUBLIE" and "publié" are one lead-in.
#pragma once

#include <string_view>

#include "dates/french_date.hpp"

namespace veille::dates::detail {

// What the text before a date on a line is.
enum class Prefix {
    Empty,        // nothing but spaces and punctuation: the line starts with the date
    Publication,  // "Publié le", "Publiée le", "Mis en ligne le", "Posted on"
    Update,       // "Mis à jour le", "Mise à jour du", "Modifié le", "Actualisé le"
    LeadIn,  // "Le", or a short dateline ending in a lead-in: "Paris, le", "Le Monde - Publié le"
    Byline,  // "Par Jean Dupont -", "Par La Rédaction,": a short "Par"/"By" phrase
    Other,   // anything else: the date is inside a sentence
};

Prefix classify_prefix(std::string_view text_before_date);

// True when the text holds no letter or digit (only spaces and punctuation).
bool is_blank(std::string_view text);

// True when the date exists in the Gregorian calendar (day 0 = month-only, month 0 =
// year-only) and its year is in [min_year, max_year].
bool is_valid(const Date& date, int min_year, int max_year);

}  // namespace veille::dates::detail
