// Calendar dates written the French way, and the ISO/numeric forms found beside them.
#pragma once

#include <compare>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace veille::dates {

// A calendar date as written, at the precision it was written: "novembre 2025" is
// {2025, 11, 0} and "2025" is {2025, 0, 0}. No time of day and no time zone: an article
// published at 00:30 Paris time belongs to that Paris day, whatever UTC says.
struct Date {
    int year = 0, month = 0, day = 0;  // month/day 0 when unknown (a year-only or month-only date)

    // "2025-11-06", "2025-11" or "2025": ISO 8601 at the date's own precision, so it sorts
    // and compares as text.
    std::string iso() const;

    auto operator<=>(const Date&) const = default;
};

// One date, the whole string (surrounding spaces ok), in any of these forms:
//   French:   "6 novembre 2025", "1er janvier 2024", "premier mai 2024", "jeudi 6 novembre 2025",
//             "6 nov. 2025", "6 nov 2025", "novembre 2025"
//   numeric:  "06/11/2025", "6-11-2025", "06.11.2025" (always DD/MM/YYYY, never M/D)
//   ISO:      "2025-11-06", "2025/11/06", "2025-11", "2025-11-06T14:32:00+01:00", "2025-11-06
//   14:32" year:     "2025"
// optionally led by "Publié le", "Mis à jour le", "Le", "Mis en ligne le", "Modifié le"... and
// followed by a time ("à 14h32", "14:32", "à 14 h 32 min"): "Mis à jour le 07/11/2025".
// Month and weekday names ignore case and accents ("Fevrier", "AOÛT", "déc.", "1ᵉʳ"); any
// Unicode space separates parts (NBSP and NNBSP included). Years 1583..2999 (whole Gregorian
// years: HIPE metadata goes back to 1798). nullopt for anything else, and for impossible dates
// ("31 février 2024", "29/02/2023", month 13). A weekday that contradicts the date is not
// checked: newsrooms get it wrong more often than the date itself.
std::optional<Date> parse_french_date(std::string_view text);

// A date found inside free text; [begin, end) are byte offsets into that text covering the
// date, its weekday ("jeudi 6 novembre 2025") and a time written right after it ("à 14h32",
// "T14:32:00+01:00"), but not a lead-in such as "Publié le".
struct FoundDate {
    Date date;
    std::size_t begin = 0, end = 0;
};

// The first date INSIDE free text (a line of an article), in the forms parse_french_date
// takes, years 1800..2100. A day or month date is preferred to a bare year: the first of
// those is returned, and a bare year ("en 2022, les autorités") only when the text has
// nothing more precise. Never a part of a larger token: "06 11 20 25 33", "2025-2026",
// "n°2025", "le 6 novembre" (no year) and "31 février 2024" (impossible, and then not
// reread as "février 2024") give nothing.
std::optional<FoundDate> find_date(std::string_view text);

}  // namespace veille::dates
