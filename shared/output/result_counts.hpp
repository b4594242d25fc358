// How many matched, said one way by every renderer (the terminal's header, the prompt, the
// HTML report; JSON carries the same figures as numbers). A total counts documents, as the
// facets do; reprints grouped are a second figure; an estimate says it is one and stays
// inside the bounds Xapian is sure of.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "output/messages.hpp"
#include "search/hit.hpp"

namespace veille::output {

// A number of matches as a reader is shown it.
struct ShownCount {
    enum class Form { Exact, About, Between, UpTo };
    Form form = Form::Exact;
    std::uint64_t value = 0;  // Exact, About
    std::uint64_t low = 0;    // Between
    std::uint64_t high = 0;   // Between, UpTo
};

// Exact when the bounds meet. Otherwise "about N" when the upper bound is within 10 % of the
// lower one: N (the estimate, rounded to two or three significant digits when that stays
// within the bounds) is then within 10 % of the true count. Otherwise the bounds, rounded
// outwards to two significant digits ("up to" when nothing bounds it from below).
ShownCount shown_count(std::uint64_t estimate, std::uint64_t min, std::uint64_t max);

// "1 245", "environ 12 000", "entre 9 800 et 14 000", "jusqu'à 3 000".
std::string say_count(Lang lang, const ShownCount& count);

// The header of a page of results: "1 245 résultats pour « macron » (1 186 sans les
// reprises)", "1 résultat avec tous les mots pour « … », puis 8 résultats partiels",
// "Aucun résultat pour « … »". An empty quoted_query leaves out "pour « … »".
std::string results_line(const search::SearchResults& results, Lang lang, std::string_view quoted_query);

}  // namespace veille::output
