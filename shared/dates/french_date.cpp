// French date parsing. A hand-written tokenizer turns text into numbers, folded words and
// punctuation marks, each with its byte range, without allocating (a word folds into a fixed
// buffer); each date form is then a short rule over those tokens. This runs on every line of
// every document, so ICU is asked about a code point's class and folding once (a table
// covers all the Latin letters of French) and only beyond that table on each call:
// White_Space (so NBSP and NNBSP separate like spaces) and NFKD + case folding (so "AOÛT",
// "Fevrier", "déc." and the typographic "1ᵉʳ" reach the name tables as "aout", "fevrier",
// "dec", "1er").
#include "dates/french_date.hpp"

#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/utf16.h>

#include <array>
#include <cstdint>
#include <cstdio>

#include "dates/date_line.hpp"
#include "text/utf8.hpp"

namespace veille::dates {

namespace {

struct YearRange {
    int min, max;
};
// A whole string that is a date leaves no doubt about a 4-digit year, so parsing accepts
// archive dates (HIPE metadata starts in 1798) from 1583, the first whole Gregorian year:
// before it the leap-year rule below would not be the one the writer used.
constexpr YearRange kParseYears{1583, 2999};
// Inside free text a 4-digit number is a year only in the range news writes about.
constexpr YearRange kFindYears{1800, 2100};

// The Gregorian rule, written out rather than asked of icu::GregorianCalendar: it gives the
// same answers for every year we accept, but a Calendar is a heap object with a time zone,
// and this check runs for every candidate date of every document.
constexpr bool is_leap(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

constexpr int days_in_month(int year, int month) {
    constexpr std::array<int, 12> kDays{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return month == 2 && is_leap(year) ? 29 : kDays[static_cast<std::size_t>(month - 1)];
}

bool valid(const Date& d, YearRange years) { return detail::is_valid(d, years.min, years.max); }

// ---------------------------------------------------------------------------------------
// Names

struct MonthName {
    std::string_view word;
    std::uint8_t month;
    bool abbreviated;  // may be followed by a period: "nov. 2025"
};

// Full names, the abbreviations of the Imprimerie nationale ("janv.", "févr.", "juill."),
// and the short forms French sites print without a period ("23 fév 2014", "28 mar 2013").
// clang-format off
constexpr MonthName kMonths[] = {
    {"janvier", 1, false},   {"janv", 1, true},  {"jan", 1, true},
    {"fevrier", 2, false},   {"fevr", 2, true},  {"fev", 2, true},
    {"mars", 3, false},      {"mar", 3, true},
    {"avril", 4, false},     {"avr", 4, true},
    {"mai", 5, false},
    {"juin", 6, false},
    {"juillet", 7, false},   {"juill", 7, true}, {"juil", 7, true},
    {"aout", 8, false},
    {"septembre", 9, false}, {"sept", 9, true},  {"sep", 9, true},
    {"octobre", 10, false},  {"oct", 10, true},
    {"novembre", 11, false}, {"nov", 11, true},
    {"decembre", 12, false}, {"dec", 12, true},
};
// clang-format on

// Only the full names: "mar." or "jeu." are as often a month or a word ("jeu", game).
constexpr std::string_view kWeekdays[] = {"lundi",    "mardi",  "mercredi", "jeudi",
                                          "vendredi", "samedi", "dimanche"};

// ---------------------------------------------------------------------------------------
// Tokens

enum class Kind : std::uint8_t { End, Number, Word, Punct };

struct Token {
    Kind kind = Kind::End;
    std::size_t begin = 0, end = 0;  // byte range in the text
    int value = 0;                   // Number: its value (only the first 9 digits count)
    int digits = 0;                  // Number: how many digits were written ("06" has 2)
    char32_t mark = 0;               // Punct: the code point
    // Word: folded to lowercase ASCII without accents; a letter that has no such form is
    // kept as '?', and a word too long for the buffer is left empty. No name we look for
    // is longer than "septembre", so neither can match by accident.
    std::array<char, 15> letters{};
    std::uint8_t length = 0;
    // Word: what the tables above make of it, looked up once when the word is read.
    const MonthName* month = nullptr;
    bool weekday = false;

    std::string_view word() const { return {letters.data(), length}; }
    bool is(char32_t c) const { return kind == Kind::Punct && mark == c; }
    bool is_word(std::string_view w) const { return kind == Kind::Word && word() == w; }
    bool is_number(int max_digits) const { return kind == Kind::Number && digits <= max_digits; }
};

bool adjacent(const Token& a, const Token& b) { return a.end == b.begin; }

void name_word(Token& t) {
    const std::string_view w = t.word();
    if (w.size() < 3) return;
    for (const MonthName& m : kMonths) {
        if (m.word[0] == w[0] && m.word == w) {
            t.month = &m;
            return;
        }
    }
    for (std::string_view d : kWeekdays) {
        if (d[0] == w[0] && d == w) {
            t.weekday = true;
            return;
        }
    }
}

bool is_ascii_digit(char32_t c) { return c >= '0' && c <= '9'; }
bool is_ascii_letter(char32_t c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }

// What the tokenizer needs to know about a code point.
struct CodePoint {
    enum Class : std::uint8_t { Other, Space, Letter } kind = Other;
    std::uint8_t length = 0;       // Letter: how many folded characters
    std::array<char, 5> folded{};  // Letter: lowercase ASCII, accents dropped, '?' if none
};

const UNormalizer2* nfkd() {
    static const UNormalizer2* const instance = [] {
        UErrorCode error = U_ZERO_ERROR;
        const UNormalizer2* n = unorm2_getNFKDInstance(&error);
        return U_SUCCESS(error) ? n : nullptr;
    }();
    return instance;
}

void push_folded(CodePoint& cp, UChar32 c) {
    if (u_getCombiningClass(c) != 0 || u_charType(c) == U_NON_SPACING_MARK) return;  // an accent
    const UChar32 f = u_foldCase(c, U_FOLD_CASE_DEFAULT);
    if (cp.length < cp.folded.size()) {
        cp.folded[cp.length++] =
            is_ascii_letter(static_cast<char32_t>(f)) ? static_cast<char>(f) : '?';
    }
}

// ICU's answer for one code point:
// - Space: White_Space, so NBSP (U+00A0) and NNBSP (U+202F), which French typography puts
//   in "6 novembre" and "14 h 32", separate like spaces; format characters (soft hyphen,
//   zero-width space) are skipped the same way since they separate nothing a reader sees.
// - Letter: letters and the combining marks of decomposed accents ("e" + U+0301), folded
//   through their compatibility decomposition without the accents (É -> e, ᵉ -> e, ﬁ -> fi).
CodePoint ask_icu(char32_t c) {
    CodePoint cp;
    if (c == text::kReplacementChar) return cp;
    const auto u = static_cast<UChar32>(c);
    if (u_isUWhiteSpace(u) || u_charType(u) == U_FORMAT_CHAR) {
        cp.kind = CodePoint::Space;
        return cp;
    }
    if (!u_isalpha(u) && u_charType(u) != U_NON_SPACING_MARK) return cp;
    cp.kind = CodePoint::Letter;
    std::array<UChar, 32> parts{};
    UErrorCode error = U_ZERO_ERROR;
    const UNormalizer2* n = nfkd();
    const int32_t count = n != nullptr
                              ? unorm2_getDecomposition(n, u, parts.data(),
                                                        static_cast<int32_t>(parts.size()), &error)
                              : -1;
    if (count <= 0 || U_FAILURE(error)) {  // no decomposition: the letter folds alone
        push_folded(cp, u);
        return cp;
    }
    for (int32_t i = 0; i < count;) {
        UChar32 part = 0;
        U16_NEXT(parts.data(), i, count, part);
        push_folded(cp, part);
    }
    return cp;
}

// ASCII, Latin-1 and Latin Extended-A (all of French, œ included) are asked of ICU once and
// kept in a table: they are nearly every code point this file sees.
constexpr char32_t kTableSize = 0x180;

// Returns the table's entry, or fills `other` for a code point beyond it. By reference: a
// 7-byte struct returned by value costs a store-forwarding stall per character.
const CodePoint& classify(char32_t c, CodePoint& other) {
    static const std::array<CodePoint, kTableSize> table = [] {
        std::array<CodePoint, kTableSize> t{};
        for (char32_t i = 0; i < kTableSize; ++i) {
            if (i == ' ' || (i >= '\t' && i <= '\r')) {
                t[i].kind = CodePoint::Space;
            } else if (is_ascii_letter(i)) {
                t[i].kind = CodePoint::Letter;
                t[i].length = 1;
                t[i].folded[0] = static_cast<char>(i | 0x20);
            } else if (i >= 0x80) {
                t[i] = ask_icu(i);
            }
        }
        return t;
    }();
    if (c < kTableSize) return table[c];
    other = ask_icu(c);
    return other;
}

// Decodes the code point at s[i] and advances i; ASCII without a call.
char32_t next_code_point(std::string_view s, std::size_t& i) {
    const auto b = static_cast<unsigned char>(s[i]);
    if (b < 0x80) {
        ++i;
        return b;
    }
    return text::decode_utf8(s, i);
}

// The token starting at or after `pos` (spaces skipped). At the end: an End token.
Token lex(std::string_view s, std::size_t pos) {
    Token t;
    std::size_t next = pos;
    CodePoint scratch;
    CodePoint::Class kind = CodePoint::Other;
    char32_t c = 0;
    while (pos < s.size()) {
        next = pos;
        c = next_code_point(s, next);
        kind = classify(c, scratch).kind;
        if (kind != CodePoint::Space) break;
        pos = next;
    }
    t.begin = t.end = pos;
    if (pos >= s.size()) return t;

    if (is_ascii_digit(c)) {
        t.kind = Kind::Number;
        std::size_t i = pos;
        while (i < s.size() && is_ascii_digit(static_cast<unsigned char>(s[i]))) {
            if (t.digits < 9) t.value = t.value * 10 + (s[i] - '0');
            ++t.digits;
            ++i;
        }
        t.end = i;
    } else if (kind == CodePoint::Letter) {
        t.kind = Kind::Word;
        bool overflow = false;
        std::size_t i = pos;
        while (i < s.size()) {
            std::size_t after = i;
            const CodePoint& letter = classify(next_code_point(s, after), scratch);
            if (letter.kind != CodePoint::Letter) break;
            for (std::uint8_t k = 0; k < letter.length; ++k) {
                if (t.length < t.letters.size()) {
                    t.letters[t.length++] = letter.folded[k];
                } else {
                    overflow = true;
                }
            }
            i = after;
        }
        t.end = i;
        if (overflow) {
            t.length = 0;
        } else {
            name_word(t);
        }
    } else {
        t.kind = Kind::Punct;
        t.mark = c;
        t.end = next;
    }
    return t;
}

// What news sites write before a date. The verb says whether the date is the publication
// or an update; the connector after it is optional ("Publié 6 novembre", "Posted On").
struct LeadInPhrase {
    std::array<std::string_view, 3> words;
    detail::Prefix kind;
};

constexpr LeadInPhrase kLeadIns[] = {
    {{"publie"}, detail::Prefix::Publication},
    {{"publiee"}, detail::Prefix::Publication},
    {{"mis", "en", "ligne"}, detail::Prefix::Publication},
    {{"mise", "en", "ligne"}, detail::Prefix::Publication},
    {{"posted"}, detail::Prefix::Publication},
    {{"mis", "a", "jour"}, detail::Prefix::Update},
    {{"mise", "a", "jour"}, detail::Prefix::Update},
    {{"modifie"}, detail::Prefix::Update},
    {{"modifiee"}, detail::Prefix::Update},
    {{"actualise"}, detail::Prefix::Update},
    {{"actualisee"}, detail::Prefix::Update},
};

constexpr std::string_view kConnectors[] = {"le", "du", "on"};

bool is_connector(const Token& t) {
    if (t.kind != Kind::Word) return false;
    for (std::string_view w : kConnectors) {
        if (t.word() == w) return true;
    }
    return false;
}

// If a lead-in starts at `pos`, returns the position after it (and after a ':' or ','
// following it) and sets `kind`; otherwise returns `pos`.
std::size_t skip_lead_in(std::string_view s, std::size_t pos, detail::Prefix& kind) {
    std::size_t p = pos;
    bool found = false;
    for (const LeadInPhrase& phrase : kLeadIns) {
        std::size_t q = pos;
        bool match = true;
        for (std::string_view w : phrase.words) {
            if (w.empty()) break;
            const Token t = lex(s, q);
            if (!t.is_word(w)) {
                match = false;
                break;
            }
            q = t.end;
        }
        if (match) {
            p = q;
            kind = phrase.kind;
            found = true;
            break;
        }
    }
    Token t = lex(s, p);
    if (found ? is_connector(t) : t.is_word("le")) {
        if (!found) kind = detail::Prefix::LeadIn;
        found = true;
        p = t.end;
        t = lex(s, p);
    }
    if (!found) return pos;
    if (t.is(':') || t.is(',')) p = t.end;
    return p;
}

// ---------------------------------------------------------------------------------------
// Date forms. Each takes the first token of a candidate and returns the date with its range.

struct Match {
    Date date;
    std::size_t begin = 0, end = 0;
};

bool is_dash(const Token& t) { return t.is('-') || t.is(U'\u2013') || t.is(U'\u2014'); }

// A time zone after an ISO time: "Z", "+01:00", "+0100", "-05".
std::size_t skip_zone(std::string_view s, std::size_t pos) {
    const Token z = lex(s, pos);
    if (z.begin != pos) return pos;
    if (z.is_word("z")) return z.end;
    if (!(z.is('+') || z.is('-') || z.is(U'\u2212'))) return pos;
    const Token h = lex(s, z.end);
    if (h.kind != Kind::Number || !adjacent(z, h) || (h.digits != 2 && h.digits != 4)) return pos;
    std::size_t end = h.end;
    const Token colon = lex(s, end);
    if (h.digits == 2 && colon.is(':') && adjacent(h, colon)) {
        const Token m = lex(s, colon.end);
        if (m.kind == Kind::Number && adjacent(colon, m) && m.digits == 2) end = m.end;
    }
    return end;
}

// A time written right after a date: "à 14h32", "à 14 h 32 min", ", 14:32", "- 9h",
// " 14:32:00", and for an ISO date "T14:32:00.000+01:00". Returns where it ends, or `pos`.
std::size_t skip_time(std::string_view s, std::size_t pos, bool iso_date) {
    std::size_t p = pos;
    bool iso_time = false;
    const Token lead = lex(s, p);
    if (iso_date && lead.is_word("t") && lead.begin == pos) {
        iso_time = true;
        p = lead.end;
    } else if (lead.is_word("a") || lead.is(',') || lead.is('|') || is_dash(lead)) {
        p = lead.end;
    }
    const Token hours = lex(s, p);
    if (!hours.is_number(2) || hours.value > 23 || (iso_time && hours.begin != p)) return pos;

    const Token unit = lex(s, hours.end);
    if (!iso_time && (unit.is_word("h") || unit.is_word("heure") || unit.is_word("heures"))) {
        std::size_t end = unit.end;
        const Token minutes = lex(s, end);
        if (minutes.kind == Kind::Number && minutes.digits == 2 && minutes.value <= 59) {
            end = minutes.end;
            const Token word = lex(s, end);
            if (word.is_word("min") || word.is_word("mn") || word.is_word("minute") ||
                word.is_word("minutes")) {
                end = word.end;
            }
        }
        return end;
    }
    if (!unit.is(':') || !adjacent(hours, unit)) return pos;
    const Token minutes = lex(s, unit.end);
    if (minutes.kind != Kind::Number || !adjacent(unit, minutes) || minutes.digits != 2 ||
        minutes.value > 59) {
        return pos;
    }
    std::size_t end = minutes.end;
    const Token colon = lex(s, end);
    if (colon.is(':') && colon.begin == end) {
        const Token seconds = lex(s, colon.end);
        if (seconds.kind == Kind::Number && adjacent(colon, seconds) && seconds.digits == 2 &&
            seconds.value <= 60) {
            end = seconds.end;
            const Token dot = lex(s, end);
            if (iso_date && (dot.is('.') || dot.is(',')) && dot.begin == end) {
                const Token fraction = lex(s, dot.end);
                if (fraction.kind == Kind::Number && adjacent(dot, fraction)) end = fraction.end;
            }
        }
    }
    return iso_date ? skip_zone(s, end) : end;
}

// True when the number ending at `pos` goes on ("2025-2026", "06/11/2025/12", "2025,5"):
// then what looked like a date is a piece of something else.
bool number_goes_on(std::string_view s, std::size_t pos) {
    const Token next = lex(s, pos);
    if (next.begin != pos) return false;
    if (next.kind == Kind::Number) return true;
    if (next.kind != Kind::Punct) return false;
    const Token after = lex(s, next.end);
    return after.kind == Kind::Number && adjacent(next, after);
}

// "2025-11-06", "2025/11/06", "2025-11".
std::optional<Match> match_iso(std::string_view s, const Token& year, YearRange years) {
    const Token sep = lex(s, year.end);
    if (!(sep.is('-') || sep.is('/')) || !adjacent(year, sep)) return {};
    const Token month = lex(s, sep.end);
    if (!month.is_number(2) || !adjacent(sep, month)) return {};
    const Token sep2 = lex(s, month.end);
    if (sep2.is(sep.mark) && adjacent(month, sep2)) {
        const Token day = lex(s, sep2.end);
        if (!day.is_number(2) || !adjacent(sep2, day)) return {};
        const Date d{year.value, month.value, day.value};
        if (!valid(d, years)) return {};
        return Match{d, year.begin, day.end};
    }
    // Year-month only in ISO's own spelling, so "2025/11" (a ratio, a page) is not a date.
    if (!sep.is('-') || month.digits != 2) return {};
    const Date d{year.value, month.value, 0};
    if (!valid(d, years)) return {};
    return Match{d, year.begin, month.end};
}

// "06/11/2025", "6-11-2025", "06.11.2025": always day first, as in France.
std::optional<Match> match_numeric(std::string_view s, const Token& day, YearRange years) {
    const Token sep = lex(s, day.end);
    if (!(sep.is('/') || sep.is('-') || sep.is('.')) || !adjacent(day, sep)) return {};
    const Token month = lex(s, sep.end);
    if (!month.is_number(2) || !adjacent(sep, month)) return {};
    const Token sep2 = lex(s, month.end);
    if (!sep2.is(sep.mark) || !adjacent(month, sep2)) return {};
    const Token year = lex(s, sep2.end);
    if (year.kind != Kind::Number || year.digits != 4 || !adjacent(sep2, year)) return {};
    const Date d{year.value, month.value, day.value};
    if (!valid(d, years)) return {};
    return Match{d, day.begin, year.end};
}

// "[jeudi[,]] 6|1er|premier novembre|nov.|nov 2025", or "novembre 2025".
std::optional<Match> match_french(std::string_view s, const Token& first, YearRange years) {
    Token t = first;
    const bool weekday = t.weekday;
    if (weekday) {
        t = lex(s, t.end);
        if (t.is(',')) t = lex(s, t.end);
    }
    int day = 0;
    if (t.is_number(2)) {
        day = t.value;
        if (day == 0) return {};
        t = lex(s, t.end);
        // "1er", "1ᵉʳ", and "1 er" as OCR splits it in old newspapers.
        if (day == 1 && t.is_word("er")) t = lex(s, t.end);
    } else if (t.is_word("premier")) {
        day = 1;
        t = lex(s, t.end);
    } else if (weekday) {
        return {};  // "jeudi dernier", "jeudi novembre"
    }
    const MonthName* month = t.month;
    if (month == nullptr) return {};
    Token year = lex(s, t.end);
    if (month->abbreviated && year.is('.') && adjacent(t, year)) year = lex(s, year.end);
    if (year.kind != Kind::Number || year.digits != 4) return {};
    const Date d{year.value, month->month, day};
    if (!valid(d, years)) return {};
    return Match{d, first.begin, year.end};
}

// Any date form starting at `first`, with the time that follows a full date.
std::optional<Match> match_date(std::string_view s, const Token& first, YearRange years) {
    std::optional<Match> m;
    bool iso = false;
    if (first.kind == Kind::Number && first.digits == 4) {
        m = match_iso(s, first, years);
        iso = m.has_value();
        if (!m) {
            const Date d{first.value, 0, 0};
            const Token next = lex(s, first.end);
            // A year glued to letters is a code or a quantity: "2025km", "A2025".
            if (valid(d, years) && !(next.kind == Kind::Word && adjacent(first, next))) {
                m = Match{d, first.begin, first.end};
            }
        }
    } else if (first.kind == Kind::Number && first.digits <= 2) {
        m = match_numeric(s, first, years);
        if (!m) m = match_french(s, first, years);
    } else if (first.kind == Kind::Word) {
        m = match_french(s, first, years);
    }
    if (!m) return {};
    if (m->date.day != 0) m->end = skip_time(s, m->end, iso);
    if (number_goes_on(s, m->end)) return {};
    return m;
}

bool has_four_digits(std::string_view s) {
    int run = 0;
    for (const char c : s) {
        run = (c >= '0' && c <= '9') ? run + 1 : 0;
        if (run == 4) return true;
    }
    return false;
}

bool is_day_like(const Token& t) {
    return t.is_number(2) || t.is_word("er") || t.is_word("premier");
}

}  // namespace

std::string Date::iso() const {
    char buffer[16];
    if (month == 0) {
        std::snprintf(buffer, sizeof buffer, "%04d", year);
    } else if (day == 0) {
        std::snprintf(buffer, sizeof buffer, "%04d-%02d", year, month);
    } else {
        std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", year, month, day);
    }
    return buffer;
}

std::optional<Date> parse_french_date(std::string_view text) {
    detail::Prefix lead_in = detail::Prefix::Empty;
    const std::size_t start = skip_lead_in(text, 0, lead_in);
    const Token first = lex(text, start);
    const std::optional<Match> m = match_date(text, first, kParseYears);
    if (!m) return std::nullopt;
    Token rest = lex(text, m->end);
    if (rest.is('.')) rest = lex(text, rest.end);  // "Publié le 6 novembre 2025."
    if (rest.kind != Kind::End) return std::nullopt;
    return m->date;
}

std::optional<FoundDate> find_date(std::string_view text) {
    // Every form has a 4-digit year: most lines of prose have none, and are done with in
    // one pass over their bytes instead of being tokenized.
    if (!has_four_digits(text)) return std::nullopt;
    std::optional<FoundDate> year_only;
    Token before2, before;  // the two tokens before the current one (End at the start)
    for (std::size_t pos = 0;;) {
        const Token t = lex(text, pos);
        if (t.kind == Kind::End) break;
        pos = t.end;

        bool blocked = false;
        if (t.kind == Kind::Number) {
            // Not the tail of a number or code: "1/06/11/2025", "3.2025", "A2025", "n°2025".
            if (adjacent(before, t)) {
                blocked = before.kind == Kind::Word || before.is(U'\u00B0') || before.is('#') ||
                          (before.kind == Kind::Punct && before2.kind == Kind::Number &&
                           adjacent(before2, before));
            }
        } else if (t.month != nullptr) {
            // A day came before the month but made no date ("31 février 2024", "le 6
            // novembre"): do not reread what is left as "février 2024".
            blocked = is_day_like(before);
        } else if (!t.weekday && !t.is_word("premier")) {
            blocked = true;  // no date starts with this token
        }
        if (!blocked) {
            if (std::optional<Match> m = match_date(text, t, kFindYears)) {
                const FoundDate found{m->date, m->begin, m->end};
                if (m->date.month != 0) return found;
                // A bare year right after a month belongs to a date that failed.
                const bool after_month =
                    before.month != nullptr || (before.is('.') && before2.month != nullptr);
                if (!year_only && !after_month) year_only = found;
            }
        }
        before2 = before;
        before = t;
    }
    return year_only;
}

namespace detail {

bool is_valid(const Date& date, int min_year, int max_year) {
    if (date.year < min_year || date.year > max_year) return false;
    if (date.month == 0) return date.day == 0;
    if (date.month < 1 || date.month > 12) return false;
    return date.day >= 0 && date.day <= days_in_month(date.year, date.month);
}

bool is_blank(std::string_view text) {
    for (std::size_t pos = 0;;) {
        const Token t = lex(text, pos);
        if (t.kind == Kind::End) return true;
        if (t.kind != Kind::Punct) return false;
        pos = t.end;
    }
}

Prefix classify_prefix(std::string_view text) {
    // Where each word (or number) of the prefix starts, and whether punctuation comes
    // right before it; a dateline has few words.
    constexpr std::size_t kMaxWords = 12;
    std::array<std::size_t, kMaxWords> starts{};
    std::array<bool, kMaxWords> after_punct{};
    std::size_t count = 0;
    bool punct = false;
    Token first_word;
    for (std::size_t pos = 0;;) {
        const Token t = lex(text, pos);
        if (t.kind == Kind::End) break;
        pos = t.end;
        if (t.kind == Kind::Punct) {
            punct = true;
            continue;
        }
        if (count == 0) first_word = t;
        if (count == kMaxWords) return Prefix::Other;
        after_punct[count] = punct;
        starts[count++] = t.begin;
        punct = false;
    }
    if (count == 0) return Prefix::Empty;

    // The prefix is a lead-in ("Publié le"), or a short dateline ending with one: a verb
    // ("La rédaction Posted On", "Le Monde - Mis à jour le") or a "le" set off by a comma
    // or dash ("Paris, le"), unlike the "le" of a sentence ("ont annoncé le").
    constexpr std::size_t kMaxDatelineWords = 6;
    for (std::size_t i = 0; i < count && (i == 0 || count <= kMaxDatelineWords); ++i) {
        Prefix kind = Prefix::Other;
        const std::size_t end = skip_lead_in(text, starts[i], kind);
        if (end == starts[i] || !is_blank(text.substr(end))) continue;
        if (i > 0 && kind == Prefix::LeadIn && !after_punct[i]) continue;
        return kind;
    }

    constexpr std::size_t kMaxBylineWords = 8;
    constexpr std::size_t kMaxBylineBytes = 80;
    if ((first_word.is_word("par") || first_word.is_word("by")) && count <= kMaxBylineWords &&
        text.size() < kMaxBylineBytes) {
        return Prefix::Byline;
    }
    return Prefix::Other;
}

}  // namespace detail

}  // namespace veille::dates
