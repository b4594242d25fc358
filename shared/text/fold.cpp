#include "text/fold.hpp"

#include <array>

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include "text/utf8.hpp"

namespace veille::text {

namespace {

constexpr char32_t kTableSize = 0x2200;

struct FoldTables {
    std::array<std::string, kTableSize> exact;   // case fold, accents kept
    std::array<std::string, kTableSize> folded;  // case fold, accents and ligatures removed

    FoldTables() {
        UErrorCode status = U_ZERO_ERROR;
        const icu::Normalizer2* nfkd = icu::Normalizer2::getNFKDInstance(status);
        for (char32_t c = 0; c < kTableSize; ++c) {
            char32_t lower = static_cast<char32_t>(u_foldCase(static_cast<UChar32>(c), U_FOLD_CASE_DEFAULT));
            append_utf8(exact[c], lower);
            if (is_mark(c)) continue;  // combining marks vanish when folded
            // Ligatures French actually uses, and ß, fold to their letters.
            switch (lower) {
                case U'œ': folded[c] = "oe"; continue;
                case U'æ': folded[c] = "ae"; continue;
                case U'ß': folded[c] = "ss"; continue;
                default: break;
            }
            icu::UnicodeString decomposed;
            status = U_ZERO_ERROR;
            if (nfkd) nfkd->normalize(icu::UnicodeString(static_cast<UChar32>(lower)), decomposed, status);
            if (U_FAILURE(status) || decomposed.isEmpty()) {
                folded[c] = exact[c];
                continue;
            }
            std::string out;
            for (int32_t i = 0; i < decomposed.length();) {
                UChar32 d = decomposed.char32At(i);
                i += U16_LENGTH(d);
                if (is_mark(static_cast<char32_t>(d))) continue;
                append_utf8(out, static_cast<char32_t>(u_foldCase(d, U_FOLD_CASE_DEFAULT)));
            }
            folded[c] = out.empty() ? exact[c] : out;
        }
    }
};

const FoldTables& fold_tables() {
    static const FoldTables tables;
    return tables;
}

}  // namespace

bool is_mark(char32_t c) {
    if (c < 0x300) return false;
    auto t = u_charType(static_cast<UChar32>(c));
    return t == U_NON_SPACING_MARK || t == U_COMBINING_SPACING_MARK || t == U_ENCLOSING_MARK;
}

void fold_code_point(char32_t c, std::string& exact, std::string& folded) {
    if (c < 0x80) {
        char ch = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
        exact += ch;
        folded += ch;
        return;
    }
    if (c < kTableSize) {
        const auto& t = fold_tables();
        exact += t.exact[c];
        folded += t.folded[c];
        return;
    }
    if (is_mark(c)) {
        append_utf8(exact, c);
        return;
    }
    char32_t lower = static_cast<char32_t>(u_foldCase(static_cast<UChar32>(c), U_FOLD_CASE_DEFAULT));
    append_utf8(exact, lower);
    append_utf8(folded, lower);
}

void warm_fold_tables() { fold_tables(); }

}  // namespace veille::text
