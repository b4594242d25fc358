#include "output/messages.hpp"

#include <array>
#include <cstdlib>

#include "text/ascii.hpp"

namespace veille::output {

namespace {

struct Entry {
    Msg msg;
    std::string_view fr;
    std::string_view en;
};

// clang-format off
constexpr std::array<Entry, static_cast<std::size_t>(Msg::Count_)> kMessages{{
    {Msg::NoResults,        "Aucun r\u00E9sultat{}",                    "No results{}"},
    {Msg::ResultOne,        "{} r\u00E9sultat{}",                       "{} result{}"},
    {Msg::ResultMany,       "{} r\u00E9sultats{}",                      "{} results{}"},
    {Msg::ForQuery,         " pour {}",                                  " for {}"},
    {Msg::About,            "environ {}",                                "about {}"},
    {Msg::Between,          "entre {} et {}",                            "between {} and {}"},
    {Msg::UpTo,             "jusqu\u2019\u00E0 {}",                      "up to {}"},
    {Msg::StrictNone,       "Aucun r\u00E9sultat avec tous les mots{}", "No results with every word{}"},
    {Msg::StrictOne,        "{} r\u00E9sultat avec tous les mots{}",    "{} result with every word{}"},
    {Msg::StrictMany,       "{} r\u00E9sultats avec tous les mots{}",   "{} results with every word{}"},
    {Msg::PartialOne,       ", puis {} r\u00E9sultat partiel",          ", then {} partial result"},
    {Msg::PartialMany,      ", puis {} r\u00E9sultats partiels",        ", then {} partial results"},
    {Msg::Groups,           " ({} sans les reprises)",                   " ({} without reprints)"},
    {Msg::PageRange,        " ({} \u00E0 {})",                           " ({} to {})"},
    {Msg::DidYouMean,       "Vouliez-vous dire : {} ?",                  "Did you mean: {}?"},
    {Msg::Corrected,        "(aucun r\u00E9sultat pour {} : la recherche a \u00E9t\u00E9 corrig\u00E9e)",
                            "(no results for {}: the search was corrected)"},
    {Msg::Quoted,           "\u00AB {} \u00BB",                          "\u201C{}\u201D"},
    {Msg::KindArticle,      "article",                                   "article"},
    {Msg::KindComment,      "commentaire",                               "comment"},
    {Msg::ReplyTo,          "r\u00E9ponse \u00E0 #{}",                   "reply to #{}"},
    {Msg::Untitled,         "(sans titre)",                              "(untitled)"},
    {Msg::HitEntities,      "entit\u00E9s : ",                           "entities: "},
    {Msg::Score,            "score",                                     "score"},
    {Msg::Missing,          "sans : {}",                                 "missing: {}"},
    {Msg::DuplicateOne,     "+ 1 autre source{}",                        "+ 1 other source{}"},
    {Msg::DuplicateMany,    "+ {} autres sources{}",                     "+ {} other sources{}"},
    {Msg::FacetEntities,    "Entit\u00E9s",                              "Entities"},
    {Msg::FacetNone,        "(aucune)",                                  "(none)"},
    {Msg::FacetTypes,       "Types",                                     "Types"},
    {Msg::FacetArticles,    "articles",                                  "articles"},
    {Msg::FacetComments,    "commentaires",                              "comments"},
    {Msg::FacetDatesMonth,  "Dates (par mois)",                          "Dates (by month)"},
    {Msg::FacetDatesYear,   "Dates (par ann\u00E9e)",                    "Dates (by year)"},
    {Msg::FacetUndated,     "date inconnue",                             "unknown date"},
    {Msg::FacetMore,        "\u2026 {} de plus",                         "\u2026 {} more"},
    {Msg::FacetEntityPage,  "Entit\u00E9s {} \u00E0 {} sur {}",           "Entities {} to {} of {}"},
    {Msg::SummaryEntities,  "Entit\u00E9s : {}",                         "Entities: {}"},
    {Msg::SummaryArticle,   "{} article",                                "{} article"},
    {Msg::SummaryArticles,  "{} articles",                               "{} articles"},
    {Msg::SummaryComment,   "{} commentaire",                            "{} comment"},
    {Msg::SummaryComments,  "{} commentaires",                           "{} comments"},
    {Msg::SummaryDates,     "{} \u2192 {}",                              "{} \u2192 {}"},
    {Msg::SummaryOneDate,   "{}",                                        "{}"},
    {Msg::SummaryUndated,   "{} sans date",                              "{} undated"},
    {Msg::TableEntity,      "entit\u00E9",                               "entity"},
    {Msg::TableType,        "type",                                      "type"},
    {Msg::TableCount,       "documents",                                 "documents"},
    {Msg::ThreadComments,   "Commentaires ({})",                         "Comments ({})"},
    {Msg::ThreadNoComments, "Aucun commentaire.",                        "No comments."},
    {Msg::ThreadBy,         "par {}",                                    "by {}"},
    {Msg::ThreadMatched,    "\u25C0 r\u00E9sultat",                      "\u25C0 hit"},
    {Msg::ThreadDateInherited, "date de l\u2019article",                 "article\u2019s date"},
    {Msg::ThreadSource,     "source : {}",                               "source: {}"},
    {Msg::Banner,
     "Veille \u2014 {} documents dans {}.\n"
     "Tapez une recherche ; :aide pour l\u2019aide, Tab pour compl\u00E9ter, Ctrl-D pour quitter.",
     "Veille \u2014 {} documents in {}.\n"
     "Type a search; :help for help, Tab to complete, Ctrl-D to quit."},
    {Msg::PromptName,       "veille",                                    "veille"},
    {Msg::NothingYet,
     "Pas encore de recherche : tapez des mots, ou un filtre comme +entit\u00E9:Mali.",
     "No search yet: type some words, or a filter such as +entity:Mali."},
    {Msg::PageHint,
     "page {}/{} \u00B7 Entr\u00E9e : page suivante \u00B7 :show N : lire \u00B7 :aide",
     "page {}/{} \u00B7 Enter: next page \u00B7 :show N: read \u00B7 :help"},
    {Msg::FacetsHeader,     "Facettes de {} ({})",                       "Facets of {} ({})"},
    {Msg::DocumentOne,      "{}\u00A0document",                          "{}\u00A0document"},
    {Msg::DocumentMany,     "{}\u00A0documents",                         "{}\u00A0documents"},
    {Msg::LastPage,         "Derni\u00E8re page : il n\u2019y a pas d\u2019autre r\u00E9sultat.",
                            "Last page: there are no more results."},
    {Msg::FirstPage,        "Vous \u00EAtes d\u00E9j\u00E0 \u00E0 la premi\u00E8re page.",
                            "This is already the first page."},
    {Msg::NoSuchHit,        "Pas de r\u00E9sultat n\u00B0 {} (il y en a {}).",
                            "There is no hit {} (there are {})."},
    {Msg::UnknownCommand,   "Commande inconnue : {} (:aide pour la liste).",
                            "Unknown command: {} (:help for the list)."},
    {Msg::ShowUsage,        "Usage : :show N, o\u00F9 N est le num\u00E9ro d\u2019un r\u00E9sultat.",
                            "Usage: :show N, where N is the number of a hit."},
    {Msg::LikeUsage,        "Usage : :like N, o\u00F9 N est le num\u00E9ro d\u2019un r\u00E9sultat.",
                            "Usage: :like N, where N is the number of a hit."},
    {Msg::LikeOf,           "semblables \u00E0 \u00AB {} \u00BB",   "similar to \u201C{}\u201D"},
    {Msg::SortUsage,        "Usage : :sort date|date-asc|pertinence",    "Usage: :sort date|date-asc|relevance"},
    {Msg::FacetsUsage,      "Usage : :facets [entit\u00E9|date|type|plus]",
                            "Usage: :facets [entity|date|type|more]"},
    {Msg::FacetsMoreHint,   ":facets plus : les {} suivantes",           ":facets more: the next {}"},
    {Msg::FacetsLastPage,
     "Il n\u2019y a pas d\u2019autre entit\u00E9 (:facets revient aux premi\u00E8res).",
     "There are no more entities (:facets goes back to the first ones)."},
    {Msg::JsonUsage,        "Usage : :json [oui|non]",                   "Usage: :json [on|off]"},
    {Msg::SortedByRelevance, "Tri : par pertinence.",                    "Sorted by relevance."},
    {Msg::SortedByNewest,   "Tri : par date, les plus r\u00E9cents d\u2019abord.",
                            "Sorted by date, newest first."},
    {Msg::SortedByOldest,   "Tri : par date, les plus anciens d\u2019abord.",
                            "Sorted by date, oldest first."},
    {Msg::JsonOn,           "Sortie JSON activ\u00E9e.",                 "JSON output on."},
    {Msg::JsonOff,          "Sortie JSON d\u00E9sactiv\u00E9e.",         "JSON output off."},
    {Msg::FiltersCleared,   "Filtres effac\u00E9s.",                     "Filters cleared."},
    {Msg::FilterRemoved,    "Filtre retir\u00E9 : {}",                   "Filter removed: {}"},
    {Msg::NoSuchFilter,     "Aucun filtre actif ne correspond \u00E0 {}.",
                            "No active filter matches {}."},
    {Msg::FilterAlready,    "Filtre d\u00E9j\u00E0 actif : {}",          "Filter already active: {}"},
    {Msg::FilterReplaced,   "{} remplac\u00E9 par {}",                   "{} replaced by {}"},
    {Msg::BadDate,
     "\u00AB {} \u00BB n\u2019est pas une date (2025, 2025-11, 2025-11-06, 2024.., ..2025-06, "
     "2022-01-01..2023-06-30).",
     "\u201C{}\u201D is not a date (2025, 2025-11, 2025-11-06, 2024.., ..2025-06, "
     "2022-01-01..2023-06-30)."},
    {Msg::BadType,          "\u00AB {} \u00BB n\u2019est pas un type (article, commentaire).",
                            "\u201C{}\u201D is not a type (article, comment)."},
    {Msg::UnknownEntity,
     "\u00AB {} \u00BB : aucune entit\u00E9 de ce nom dans l\u2019index (Tab propose les noms connus).",
     "\u201C{}\u201D: no entity of that name in the index (Tab offers the known names)."},
    {Msg::EmptyValue,       "\u00AB {} \u00BB : il manque la valeur (par exemple +entit\u00E9:Mali).",
                            "\u201C{}\u201D: the value is missing (for example +entity:Mali)."},
    {Msg::NotRefinable,
     "\u00AB {} \u00BB ne s\u2019ajoute pas en filtre (entit\u00E9:, article.entit\u00E9:, type:, date:, "
     "apr\u00E8s:, avant:, titre: ou un mot).",
     "\u201C{}\u201D cannot be added as a filter (entity:, article.entity:, type:, date:, after:, "
     "before:, title: or a word)."},
    {Msg::Interrupted,      "(interrompu)",                              "(interrupted)"},
    {Msg::HistoryUnavailable, "Historique d\u00E9sactiv\u00E9 : {}",    "History disabled: {}"},
    {Msg::PagerFailed,      "Impossible de lancer le pager \u00AB {} \u00BB : affichage direct.",
                            "Could not start the pager \u201C{}\u201D: printing directly."},
    {Msg::ThreadMissing,    "L\u2019article {} n\u2019est plus dans l\u2019index.",
                            "Article {} is no longer in the index."},
    {Msg::Error,            "Erreur : {}",                               "Error: {}"},
    {Msg::Help,
     "Recherche interactive : tapez une recherche, puis affinez-la sans la retaper.\n"
     "\n"
     "  mots\u2026                      nouvelle recherche (les filtres actifs restent)\n"
     "                              OU, SAUF, -mot, \"phrase\", titre:, russ*, (\u2026)\n"
     "  +entit\u00E9:Russie             ajoute un filtre ; -entit\u00E9:France exclut\n"
     "  +article.entit\u00E9:Barkhane   commentaires sous les articles qui le nomment\n"
     "  +date:2024..  +apr\u00E8s:2023   restreint les dates (date:2025-11, ..2024-06)\n"
     "  +type:commentaire           seulement les commentaires (ou article)\n"
     "  +mot  -mot                  ajoute ou exclut un mot de la recherche en cours\n"
     "  Entr\u00E9e ou :n, :p            page suivante, page pr\u00E9c\u00E9dente\n"
     "  :show N                     l\u2019article du r\u00E9sultat N et tout son fil\n"
     "  :like N                     les articles et commentaires semblables au r\u00E9sultat N\n"
     "  :facets [entit\u00E9|date|type] les comptes (dates en histogramme)\n"
     "  :facets plus                les entit\u00E9s suivantes (--facet-limit par page)\n"
     "  :sort date|date-asc|pertinence   ordre des r\u00E9sultats\n"
     "  :json                       bascule la sortie JSON\n"
     "  :reset [filtre]             efface les filtres (ou un seul)\n"
     "  :aide, :quit                cette aide ; quitter (ou Ctrl-D)\n"
     "\n"
     "Tab compl\u00E8te les champs et les noms d\u2019entit\u00E9s (sans accents : entit\u00E9:eta).\n"
     "\u2191 et \u2193 parcourent l\u2019historique ; Ctrl-C abandonne la ligne ou un long affichage.",
     "Interactive search: type a search, then refine it without retyping.\n"
     "\n"
     "  words\u2026                     new search (active filters stay)\n"
     "                              OR, NOT, -word, \"phrase\", title:, russ*, (\u2026)\n"
     "  +entity:Russia              adds a filter; -entity:France excludes\n"
     "  +article.entity:Barkhane    comments under articles that name it\n"
     "  +date:2024..  +after:2023   narrows the dates (date:2025-11, ..2024-06)\n"
     "  +type:comment               only comments (or article)\n"
     "  +word  -word                adds or excludes a word of the current search\n"
     "  Enter or :n, :p             next page, previous page\n"
     "  :show N                     the article of hit N and its whole thread\n"
     "  :like N                     articles and comments similar to hit N\n"
     "  :facets [entity|date|type]  the counts (dates as a bar chart)\n"
     "  :facets more                the next entities (--facet-limit a page)\n"
     "  :sort date|date-asc|relevance   order of the results\n"
     "  :json                       toggles JSON output\n"
     "  :reset [filter]             clears the filters (or one)\n"
     "  :help, :quit                this help; quit (or Ctrl-D)\n"
     "\n"
     "Tab completes fields and entity names (accents optional: entity:eta).\n"
     "Up and Down walk the history; Ctrl-C abandons the line or a long listing."},
}};
// clang-format on

constexpr bool table_is_in_order() {
    for (std::size_t i = 0; i < kMessages.size(); ++i)
        if (static_cast<std::size_t>(kMessages[i].msg) != i) return false;
    return true;
}
static_assert(table_is_in_order(), "kMessages must list every Msg once, in enum order");

}  // namespace

std::optional<Lang> lang_by_name(std::string_view name) {
    for (std::string_view fr : {"fr", "francais", "fran\u00E7ais", "french"})
        if (name.size() == fr.size() && text::ascii_starts_with(name, fr)) return Lang::Fr;
    for (std::string_view en : {"en", "anglais", "english"})
        if (name.size() == en.size() && text::ascii_starts_with(name, en)) return Lang::En;
    return std::nullopt;
}

Lang lang_from_environment() {
    for (const char* var : {"LC_ALL", "LC_MESSAGES", "LANG"}) {
        const char* value = std::getenv(var);
        if (value == nullptr || *value == '\0') continue;
        return text::ascii_starts_with(value, "en") ? Lang::En : Lang::Fr;
    }
    return Lang::Fr;
}

std::string_view message(Lang lang, Msg msg) {
    const auto i = static_cast<std::size_t>(msg);
    if (i >= kMessages.size()) return {};
    return lang == Lang::En ? kMessages[i].en : kMessages[i].fr;
}

std::string fill(std::string_view pattern, std::initializer_list<std::string_view> args) {
    std::string out;
    out.reserve(pattern.size() + 32);
    auto arg = args.begin();
    for (std::size_t i = 0; i < pattern.size(); ++i) {
        if (pattern[i] == '{' && i + 1 < pattern.size() && pattern[i + 1] == '}') {
            if (arg != args.end()) out.append(*arg++);
            ++i;
        } else {
            out += pattern[i];
        }
    }
    return out;
}

std::string say(Lang lang, Msg msg, std::initializer_list<std::string_view> args) {
    return fill(message(lang, msg), args);
}

std::string_view entity_type_label(Lang lang, std::string_view type) {
    if (lang == Lang::Fr) return type;
    struct Pair {
        std::string_view fr, en;
    };
    static constexpr std::array<Pair, 17> kTypes{{
        {"personne", "person"},
        {"pays", "country"},
        {"ville", "city"},
        {"r\u00E9gion", "region"},
        {"d\u00E9partement", "d\u00E9partement"},
        {"lieu", "place"},
        {"parti", "party"},
        {"syndicat", "union"},
        {"entreprise", "company"},
        {"m\u00E9dia", "media"},
        {"institution", "institution"},
        {"organisation", "organisation"},
        {"groupe arm\u00E9", "armed group"},
        {"op\u00E9ration militaire", "military operation"},
        {"alliance", "alliance"},
        {"ville/r\u00E9gion", "city/region"},
        {"autre", "other"},
    }};
    for (const auto& p : kTypes)
        if (p.fr == type) return p.en;
    return type;
}

std::string group_digits(Lang lang, std::uint64_t n) {
    const std::string digits = std::to_string(n);
    const std::string_view sep = lang == Lang::En ? "," : "\u202F";  // French: narrow no-break space
    std::string out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i && (digits.size() - i) % 3 == 0) out += sep;
        out += digits[i];
    }
    return out;
}

}  // namespace veille::output
