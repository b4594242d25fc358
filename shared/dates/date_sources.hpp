// Where an article's date comes from: its metadata, else its path, else a date line near
// the top of its body. Never the file's modification time, which dates the copy, not the
// article.
#pragma once

#include <optional>
#include <string_view>

#include "dates/french_date.hpp"

namespace veille::dates {

// In the order resolve_article_date tries them; Unknown when none gave a date.
enum class DateSource { Metadata, Path, Text, Unknown };

// "metadata", "path", "text", "unknown": the name shown to users and stored in the index.
const char* source_name(DateSource source);

struct ArticleDate {
    std::optional<Date> date;
    DateSource source = DateSource::Unknown;
};

// The first of these that gives a date:
// 1. metadata_date: the front-matter or structured value, parsed by parse_french_date
//    ("2025-11-06T14:32:00+01:00", "6 novembre 2025"); empty or unparsable ("NA",
//    "0000-00-00") falls through.
// 2. path: "…/2025/11/06/slug.txt", "…/2025-11-06-slug.txt", "…/20251106_slug.html",
//    "…/GDL-1804-07-17-15.tsv", "…/2025/11/slug" (year and month only). The deepest
//    match wins; a lone year folder ("…/2024/slug.txt") or a year inside a name
//    ("hipe2022-historical-news-fr/") is not a date. Years 1583..2999, but 1800..2100 for
//    8 digits in a row, which are as often an identifier.
// 3. body: a date line among the first 15 non-blank lines and 2000 bytes, that is a line
//    which is the date ("06/11/2025 à 14h32"), starts with a lead-in or byline followed by a
//    day or month date ("Publié le jeudi 6 novembre 2025 à 14h32", "Le 6 novembre 2025,",
//    "Paris, le 22 octobre 1868.", "Par Jean Dupont - 6 novembre 2025", "Par La Rédaction,
//    mars 2017 …"), starts with a day date, or is short (< 80 bytes) and holds a day date
//    ("Posted by Ville de Béziers on mardi 22 septembre 2015"). An update line ("Mis à jour
//    le …") is used only when no other date line is found. A date inside a sentence ("en 2022,
//    les autorités…", "2022 personnes…") is never the article's date.
ArticleDate resolve_article_date(std::string_view metadata_date, std::string_view path,
                                 std::string_view body);

}  // namespace veille::dates
