#include "text/fold.hpp"

#include <algorithm>
#include <array>
#include <atomic>
#include <cstdint>
#include <mutex>

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include "text/utf8.hpp"

namespace veille::text {

namespace {

constexpr char32_t kTableSize = 0x2200;
// Tables are filled a block at a time, when a code point of the block is first folded: a
// French text uses a handful of blocks (Latin-1, Latin Extended-A, General Punctuation), and
// filling all 8,704 code points at start-up cost veille-query 2-4 ms (ICU for each, and the
// page faults of a 550 KB table of strings on this VM; bench/startup.sh).
constexpr char32_t kBlockSize = 64;

// One code point's two folds, held inline so that a filled block is 1 KB and nothing else.
struct Folds {
    std::uint8_t exact_size = 0;
    std::uint8_t folded_size = 0;
    bool fits = false;  // false: longer than the arrays, folded with ICU at each use
    char exact[3];      // u_foldCase of one code point below U+2200: 3 bytes of UTF-8 at most
    char folded[12];    // ICU 72's longest: U+2057 QUADRUPLE PRIME, four primes
};

// c case-folded with its accents (`exact`) and without (`folded`), from ICU.
void fold_with_icu(char32_t c, std::string& exact, std::string& folded) {
    char32_t lower = static_cast<char32_t>(u_foldCase(static_cast<UChar32>(c), U_FOLD_CASE_DEFAULT));
    append_utf8(exact, lower);
    if (is_mark(c)) return;  // combining marks vanish when folded
    // Ligatures French actually uses, and ß, fold to their letters.
    switch (lower) {
        case U'œ': folded += "oe"; return;
        case U'æ': folded += "ae"; return;
        case U'ß': folded += "ss"; return;
        default: break;
    }
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfkd = icu::Normalizer2::getNFKDInstance(status);
    icu::UnicodeString decomposed;
    status = U_ZERO_ERROR;
    if (nfkd) nfkd->normalize(icu::UnicodeString(static_cast<UChar32>(lower)), decomposed, status);
    std::string out;
    if (U_SUCCESS(status)) {
        for (int32_t i = 0; i < decomposed.length();) {
            UChar32 d = decomposed.char32At(i);
            i += U16_LENGTH(d);
            if (is_mark(static_cast<char32_t>(d))) continue;
            append_utf8(out, static_cast<char32_t>(u_foldCase(d, U_FOLD_CASE_DEFAULT)));
        }
    }
    if (out.empty()) append_utf8(out, lower);
    folded += out;
}

// Filled on demand by any thread: a block is published with a release store once written,
// so readers check one flag and read without a lock.
class FoldTable {
public:
    // Null when c's folds do not fit the table's arrays (then fold_with_icu decides).
    const Folds* find(char32_t c) {
        const std::size_t block = c / kBlockSize;
        if (!ready_[block].load(std::memory_order_acquire)) fill(block);
        const Folds& f = folds_[c];
        return f.fits ? &f : nullptr;
    }

private:
    void fill(std::size_t block) {
        std::lock_guard<std::mutex> lock(mutex_);
        if (ready_[block].load(std::memory_order_relaxed)) return;
        for (char32_t c = static_cast<char32_t>(block * kBlockSize); c < (block + 1) * kBlockSize; ++c) {
            std::string exact, folded;
            fold_with_icu(c, exact, folded);
            Folds& f = folds_[c];
            f.fits = exact.size() <= sizeof f.exact && folded.size() <= sizeof f.folded;
            if (!f.fits) continue;
            f.exact_size = static_cast<std::uint8_t>(exact.size());
            f.folded_size = static_cast<std::uint8_t>(folded.size());
            std::copy(exact.begin(), exact.end(), f.exact);
            std::copy(folded.begin(), folded.end(), f.folded);
        }
        ready_[block].store(true, std::memory_order_release);
    }

    std::array<Folds, kTableSize> folds_{};
    std::array<std::atomic<bool>, kTableSize / kBlockSize> ready_{};
    std::mutex mutex_;
};

// Constant-initialised (zeroes in .bss): no guard on the hot path, and the pages of blocks
// never filled are never touched.
constinit FoldTable fold_table;

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
        if (const Folds* f = fold_table.find(c)) {
            exact.append(f->exact, f->exact_size);
            folded.append(f->folded, f->folded_size);
        } else {
            fold_with_icu(c, exact, folded);
        }
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

}  // namespace veille::text
