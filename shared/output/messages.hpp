// Every fixed string a person reads, in French (the default) and English: the renderers'
// labels, the interactive prompt's answers and its help. One table, so a message is never
// translated in one place and forgotten in another.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

namespace veille::output {

enum class Lang { Fr, En };

// "fr"/"français"/"french" or "en"/"anglais"/"english" (any case); nullopt otherwise.
std::optional<Lang> lang_by_name(std::string_view name);

// The language of the user's locale: LC_ALL, else LC_MESSAGES, else LANG (the first one set
// and non-empty, as setlocale reads them); English when it starts with "en", else French.
Lang lang_from_environment();

enum class Msg {
    // Search results (terminal renderer).
    NoResults,        // {for_query}
    ResultOne,        // {count} {for_query}
    ResultMany,       // {count} {for_query}
    ForQuery,         // {query}: " pour « … »", after a count ("" in the HTML report's line)
    About,            // {count}: an estimate whose bounds are within 10 % of each other
    Between,          // {low} {high}: an estimate, as the bounds Xapian is sure of
    UpTo,             // {high}: an estimate with no lower bound
    StrictNone,       // {for_query}: no document has every word, partial ones follow
    StrictOne,        // {count} {for_query}
    StrictMany,       // {count} {for_query}
    PartialOne,       // {count}: after Strict*, the partial matches
    PartialMany,      // {count}
    Groups,           // {count}: the matches once reprints are grouped
    PageRange,        // {first} {last}
    DidYouMean,       // {query}
    Corrected,        // {typed}: the hits shown are the suggestion's
    Quoted,           // {text}: « text » / “text”
    KindArticle,
    KindComment,
    ReplyTo,          // {number}
    Untitled,
    HitEntities,      // label before a hit's entities
    Score,
    Missing,          // {words}: a partial hit lacks these query words
    DuplicateOne,     // {sources}: one reprint collapsed into the hit
    DuplicateMany,    // {count} {sources}
    // Facets.
    FacetEntities,
    FacetNone,
    FacetTypes,
    FacetArticles,
    FacetComments,
    FacetDatesMonth,
    FacetDatesYear,
    FacetUndated,
    FacetMore,        // {count}: entities counted but not listed ("… 57 de plus")
    FacetEntityPage,  // {first} {last} {total}: the entity table shows a page of them
    SummaryEntities,  // {list}
    SummaryArticle,   // {count}
    SummaryArticles,  // {count}
    SummaryComment,   // {count}
    SummaryComments,  // {count}
    SummaryDates,     // {first} {last}
    SummaryOneDate,   // {bucket}
    SummaryUndated,   // {count}
    TableEntity,
    TableType,
    TableCount,
    // The thread view (:show).
    ThreadComments,   // {count}
    ThreadNoComments,
    ThreadBy,         // {author}
    ThreadMatched,    // marks the comment that was the hit
    ThreadDateInherited,
    ThreadSource,     // {source}
    // The interactive session.
    Banner,           // {documents} {index}
    PromptName,
    NothingYet,
    PageHint,         // {page} {pages}
    FacetsHeader,     // {query} {documents}
    DocumentOne,      // {count}
    DocumentMany,     // {count}
    LastPage,
    FirstPage,
    NoSuchHit,        // {rank} {total}
    UnknownCommand,   // {command}
    ShowUsage,
    LikeUsage,
    LikeOf,           // {title}: what a :like search lists
    SortUsage,
    FacetsUsage,
    FacetsMoreHint,   // {count}: what :facets plus will list
    FacetsLastPage,   // :facets plus after the last entity
    JsonUsage,
    SortedByRelevance,
    SortedByNewest,
    SortedByOldest,
    JsonOn,
    JsonOff,
    FiltersCleared,
    FilterRemoved,    // {filter}
    NoSuchFilter,     // {filter}
    FilterAlready,    // {filter}
    FilterReplaced,   // {old} {new}
    BadDate,          // {value}
    BadType,          // {value}
    UnknownEntity,    // {value}
    EmptyValue,       // {field}
    NotRefinable,     // {field}
    Interrupted,
    HistoryUnavailable,  // {reason}
    PagerFailed,      // {command}
    ThreadMissing,    // {id}
    Error,            // {message}
    Help,
    Count_  // not a message: the size of the table
};

// The message in that language, with its "{}" placeholders unfilled.
std::string_view message(Lang lang, Msg msg);

// Replaces each "{}" in `pattern`, left to right, by the next argument; extra "{}" stay empty.
std::string fill(std::string_view pattern, std::initializer_list<std::string_view> args);

// message() then fill().
std::string say(Lang lang, Msg msg, std::initializer_list<std::string_view> args = {});

// An entity type as the gazetteer spells it ("groupe armé"), in that language.
std::string_view entity_type_label(Lang lang, std::string_view type);

// A count with the language's digit grouping: "12 345" (narrow no-break space) / "12,345".
std::string group_digits(Lang lang, std::uint64_t n);

}  // namespace veille::output
