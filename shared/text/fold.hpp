// Case folding of code points, with and without accents: the one definition the analyser's
// tokens and the furniture detector's line shapes share ("É" -> "é" exact, "e" folded;
// "œ" -> "oe"). Tables are filled from ICU, a block of code points at a time on first use, for
// the range where Latin, Greek and Cyrillic letters live (thread-safe); beyond it letters are
// only case-folded.
#pragma once

#include <string>

namespace veille::text {

// A combining mark (accents written apart: "e" + U+0301).
bool is_mark(char32_t c);

// The apostrophes (' ’ ʼ ‘) and hyphens (- ‐ ‑) that split French words: "l’armée",
// "russo-malien". The analyser and the gazetteer's names agree on them.
inline bool is_apostrophe(char32_t c) { return c == U'\'' || c == U'\u2019' || c == U'\u02BC' || c == U'\u2018'; }
inline bool is_hyphen(char32_t c) { return c == U'-' || c == U'\u2010' || c == U'\u2011'; }

// Appends c case-folded with its accents (`exact`) and without them (`folded`); ligatures
// French uses (œ, æ) and ß fold to their letters; a combining mark vanishes from `folded`.
void fold_code_point(char32_t c, std::string& exact, std::string& folded);

}  // namespace veille::text
