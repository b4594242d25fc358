// Page furniture: line shapes, their counts per group, and the binary form they are kept in.
#include "documents/furniture.hpp"

#include <unicode/uchar.h>

#include <algorithm>
#include <array>
#include <iterator>
#include <memory>

#include "text/fold.hpp"
#include "text/utf8.hpp"

namespace veille::documents {

namespace {

using text::append_utf8;
using text::decode_utf8;

// ---------------------------------------------------------------------------------------
// Shapes

constexpr std::string_view kMonth = "<mois>";
constexpr std::string_view kWeekday = "<jour>";

// Folded (lower case, no accents) month names and the abbreviations French and English
// sources print: "5 avr. 2013", "12 déc 2014", "Apr 5, 2013", "juill. 2019".
constexpr std::string_view kMonths[] = {
    "janvier", "janv", "jan", "fevrier", "fevr", "fev", "mars", "avril", "avr", "mai", "juin",
    "juillet", "juil", "juill", "aout", "septembre", "sept", "sep", "octobre", "oct", "novembre",
    "nov", "decembre", "dec", "january", "february", "feb", "march", "mar", "april", "apr",
    "may", "june", "jun", "july", "jul", "august", "aug", "september", "october", "november",
    "december"};
// Full weekday names only: their abbreviations (mer, sam, sun, sat…) are also words.
constexpr std::string_view kWeekdays[] = {
    "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};

template <std::size_t N>
bool contains(const std::string_view (&words)[N], std::string_view word) {
    return std::find(std::begin(words), std::end(words), word) != std::end(words);
}

// The placeholder a folded word stands for, or the word itself.
std::string_view placeholder(std::string_view word) {
    if (word.size() < 3 || word.size() > 9) return word;
    if (contains(kMonths, word)) return kMonth;
    if (contains(kWeekdays, word)) return kWeekday;
    return word;
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v'; }

std::string_view trim(std::string_view s) {
    while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
    while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
    return s;
}

// Writes the shape of `line` to `shape`. With `limited`, gives up (returns false) as soon as
// the line is too long to be a candidate; an empty shape is never a candidate either.
bool make_shape(std::string_view raw_line, std::string& shape, bool limited) {
    shape.clear();
    raw_line = trim(raw_line);
    if (limited && raw_line.size() > FurnitureDetector::kMaxLineBytes) return false;
    // A link is one word whatever it points to: promotions differ only by their tracking URL.
    std::string without_links;
    for (std::size_t at = 0; at < raw_line.size();) {
        std::size_t link = std::string_view::npos;
        for (std::string_view start : {"http://", "https://", "www."}) link = std::min(link, raw_line.find(start, at));
        without_links.append(raw_line.substr(at, link == std::string_view::npos ? link : link - at));
        if (link == std::string_view::npos) break;
        without_links.append(" url ");
        at = raw_line.find_first_of(" \t", link);  // the link runs to the next space
    }
    const std::string_view line = without_links;

    std::size_t words = 0;
    std::string token;    // the current run of letters and digits, shaped
    std::string letters;  // the current run of letters, folded
    bool in_digits = false;
    auto end_letters = [&] {
        if (letters.empty()) return;
        token += placeholder(letters);
        letters.clear();
    };
    auto end_token = [&] {
        end_letters();
        in_digits = false;
        if (token.empty()) return;
        if (!shape.empty()) shape += ' ';
        shape += token;
        token.clear();
        ++words;
    };

    for (std::size_t i = 0; i < line.size();) {
        const char32_t c = decode_utf8(line, i);
        if (c < 0x80) {
            if (c >= '0' && c <= '9') {
                end_letters();
                if (!in_digits) token += '0';
                in_digits = true;
            } else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
                in_digits = false;
                letters += static_cast<char>(c | 0x20);
            } else {
                end_token();
            }
        } else if (text::is_mark(c)) {
            continue;  // accents are removed, whether precomposed or combining
        } else if (u_isdigit(static_cast<UChar32>(c))) {
            end_letters();
            if (!in_digits) token += '0';
            in_digits = true;
        } else if (c != text::kReplacementChar && u_isalpha(static_cast<UChar32>(c))) {
            in_digits = false;
            std::string exact;  // not wanted here
            text::fold_code_point(c, exact, letters);
        } else {
            end_token();
        }
        if (limited && words > FurnitureDetector::kMaxLineWords) return false;
    }
    end_token();
    if (limited && words > FurnitureDetector::kMaxLineWords) return false;
    return !shape.empty();
}

// ---------------------------------------------------------------------------------------
// Hashes: stable across runs and machines, since they are saved.

std::uint64_t fnv1a(std::string_view s, std::uint64_t h = 0xcbf29ce484222325ULL) {
    for (unsigned char c : s) {
        h ^= c;
        h *= 0x100000001b3ULL;
    }
    return h;
}

// MurmurHash3's finaliser: every input bit reaches every output bit.
std::uint64_t mix(std::uint64_t h) {
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdULL;
    h ^= h >> 33;
    h *= 0xc4ceb9fe1a85ec53ULL;
    h ^= h >> 33;
    return h;
}

std::uint64_t group_seed(std::string_view name) { return mix(fnv1a(name) ^ 0x5a17e9b3c0ffee01ULL); }

std::uint64_t shape_key(std::uint64_t seed, std::string_view shape) {
    std::uint64_t key = mix(fnv1a(shape) + seed * 0x9e3779b97f4a7c15ULL);
    return key == 0 ? 1 : key;  // 0 marks an empty slot
}

// The lines of a body, each with its '\n' when it has one.
template <typename F>
void for_each_line(std::string_view body, F&& f) {
    std::size_t start = 0;
    while (start < body.size()) {
        std::size_t nl = body.find('\n', start);
        std::size_t end = nl == std::string_view::npos ? body.size() : nl + 1;
        f(body.substr(start, end - start));
        start = end;
    }
}

// ---------------------------------------------------------------------------------------
// Binary form

constexpr std::string_view kMagic = "VFUR";
constexpr unsigned char kVersion = 1;

void put_varint(std::string& out, std::uint64_t v) {
    while (v >= 0x80) {
        out += static_cast<char>((v & 0x7f) | 0x80);
        v >>= 7;
    }
    out += static_cast<char>(v);
}

void put_u64(std::string& out, std::uint64_t v) {
    for (int i = 0; i < 8; ++i) out += static_cast<char>((v >> (8 * i)) & 0xff);
}

struct Reader {
    std::string_view in;
    std::size_t pos = 0;
    bool ok = true;

    std::uint64_t varint() {
        std::uint64_t v = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (pos >= in.size()) break;
            auto b = static_cast<unsigned char>(in[pos++]);
            if (shift == 63 && b > 1) break;  // more than 64 bits
            v |= static_cast<std::uint64_t>(b & 0x7f) << shift;
            if (!(b & 0x80)) return v;
        }
        ok = false;
        return 0;
    }
    std::string_view bytes(std::uint64_t n) {
        if (n > in.size() - pos) {
            ok = false;
            return {};
        }
        auto s = in.substr(pos, n);
        pos += n;
        return s;
    }
    std::size_t left() const { return in.size() - pos; }
};

}  // namespace

std::string line_shape(std::string_view line) {
    std::string shape;
    make_shape(line, shape, false);
    return shape;
}

// ---------------------------------------------------------------------------------------
// KeyTable

std::size_t FurnitureDetector::KeyTable::find(std::uint64_t key) const {
    if (keys_.empty()) return npos;
    const std::size_t mask = keys_.size() - 1;
    for (std::size_t i = mix(key) & mask;; i = (i + 1) & mask) {
        if (keys_[i] == key) return i;
        if (keys_[i] == 0) return npos;
    }
}

std::pair<std::size_t, bool> FurnitureDetector::KeyTable::insert(std::uint64_t key) {
    // At most 4/5 full: linear probing stays short, and the table stays small.
    if ((size_ + 1) * 5 > keys_.size() * 4) grow(std::max<std::size_t>(64, keys_.size() * 2));
    const std::size_t mask = keys_.size() - 1;
    for (std::size_t i = mix(key) & mask;; i = (i + 1) & mask) {
        if (keys_[i] == key) return {i, false};
        if (keys_[i] == 0) {
            keys_[i] = key;
            ++size_;
            return {i, true};
        }
    }
}

void FurnitureDetector::KeyTable::reserve(std::size_t keys) {
    std::size_t capacity = 64;
    while (keys * 5 > capacity * 4) capacity *= 2;
    if (capacity > keys_.size()) grow(capacity);
}

void FurnitureDetector::KeyTable::add(std::size_t slot, std::uint64_t n) {
    std::uint64_t sum = counts_[slot] + n;
    counts_[slot] = static_cast<std::uint32_t>(std::min<std::uint64_t>(sum, UINT32_MAX));
}

void FurnitureDetector::KeyTable::grow(std::size_t capacity) {
    std::vector<std::uint64_t> keys(capacity, 0);
    std::vector<std::uint32_t> counts(counted_ ? capacity : 0, 0);
    const std::size_t mask = capacity - 1;
    for (std::size_t j = 0; j < keys_.size(); ++j) {
        if (keys_[j] == 0) continue;
        std::size_t i = mix(keys_[j]) & mask;
        while (keys[i] != 0) i = (i + 1) & mask;
        keys[i] = keys_[j];
        if (counted_) counts[i] = counts_[j];
    }
    keys_ = std::move(keys);
    counts_ = std::move(counts);
}

std::size_t FurnitureDetector::KeyTable::memory_usage() const {
    return keys_.capacity() * sizeof(std::uint64_t) + counts_.capacity() * sizeof(std::uint32_t);
}

std::vector<std::uint64_t> FurnitureDetector::KeyTable::sorted_keys() const {
    std::vector<std::uint64_t> keys;
    keys.reserve(size_);
    for (std::uint64_t k : keys_)
        if (k != 0) keys.push_back(k);
    std::sort(keys.begin(), keys.end());
    return keys;
}

// ---------------------------------------------------------------------------------------
// FurnitureDetector

FurnitureDetector::Group& FurnitureDetector::group_for(std::string_view name) {
    auto it = groups_.find(name);
    if (it == groups_.end()) it = groups_.emplace(std::string(name), Group{group_seed(name), 0}).first;
    return it->second;
}

const FurnitureDetector::Group* FurnitureDetector::find_group(std::string_view name) const {
    auto it = groups_.find(name);
    return it == groups_.end() ? nullptr : &it->second;
}

void FurnitureDetector::add_key(std::uint64_t key, std::uint64_t n) {
    if (n == 0) return;
    if (seen_.insert(key).second) {
        if (n > 1) repeated_.add(repeated_.insert(key).first, n);
        return;
    }
    auto [slot, inserted] = repeated_.insert(key);
    repeated_.add(slot, inserted ? n + 1 : n);  // a key absent from repeated_ was seen once
}

std::uint64_t FurnitureDetector::key_count(std::uint64_t key) const {
    if (std::size_t slot = repeated_.find(key); slot != KeyTable::npos) return repeated_.count(slot);
    return seen_.find(key) != KeyTable::npos ? 1 : 0;
}

void FurnitureDetector::observe(std::string_view group_name, std::string_view body) {
    Group& group = group_for(group_name);
    ++group.documents;
    std::vector<std::uint64_t> keys;
    std::string shape;
    for_each_line(body, [&](std::string_view line) {
        if (make_shape(line, shape, true)) keys.push_back(shape_key(group.seed, shape));
    });
    std::sort(keys.begin(), keys.end());
    keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
    for (std::uint64_t key : keys) add_key(key, 1);
}

void FurnitureDetector::merge(const FurnitureDetector& other) {
    if (&other == this) {
        const FurnitureDetector copy = other;
        merge(copy);
        return;
    }
    // Keys mix in the group's name, not an id, so they mean the same in both detectors.
    for (const auto& [name, group] : other.groups_) group_for(name).documents += group.documents;
    seen_.reserve(seen_.size() + other.seen_.size());
    for (std::uint64_t key : other.seen_.sorted_keys()) add_key(key, other.key_count(key));
}

bool FurnitureDetector::is_furniture(const Group& group, std::string_view line, std::string& shape) const {
    if (!make_shape(line, shape, true)) return false;
    const std::uint64_t needed = std::max(kMinDocuments, (group.documents * kMinDocumentsPerMille + 999) / 1000);
    std::size_t slot = repeated_.find(shape_key(group.seed, shape));
    return slot != KeyTable::npos && repeated_.count(slot) >= needed;
}

bool FurnitureDetector::is_furniture(std::string_view group_name, std::string_view line) const {
    const Group* group = find_group(group_name);
    std::string shape;
    return group && is_furniture(*group, line, shape);
}

CleanedBody FurnitureDetector::clean(std::string_view group_name, std::string_view body,
                                     const std::function<bool(std::string_view line)>& keep) const {
    CleanedBody result;
    const Group* group = find_group(group_name);
    if (!group) {
        result.text = body;
        return result;
    }
    result.text.reserve(body.size());
    std::string shape;
    bool content_left = false;
    for_each_line(body, [&](std::string_view line) {
        if (is_furniture(*group, line, shape) && !(keep && keep(line))) {
            ++result.removed;
        } else {
            result.text += line;
            content_left = content_left || !trim(line).empty();
        }
    });
    // A text that is nothing but such lines (a one-line dispatch, a tweet, a brief whose
    // wording is the source's template) is the document itself, not furniture around it.
    if (!content_left && result.removed > 0) {
        result.text = body;
        result.removed = 0;
    }
    return result;
}

std::uint64_t FurnitureDetector::documents(std::string_view group_name) const {
    const Group* group = find_group(group_name);
    return group ? group->documents : 0;
}

std::uint64_t FurnitureDetector::threshold(std::string_view group_name) const {
    return std::max(kMinDocuments, (documents(group_name) * kMinDocumentsPerMille + 999) / 1000);
}

std::size_t FurnitureDetector::memory_usage() const { return seen_.memory_usage() + repeated_.memory_usage(); }

// Layout (version 1), integers as LEB128 varints:
//   "VFUR" 0x01
//   groups: count, then per group sorted by name: name length, name, documents
//   keys seen in one document: count, then the sorted keys as deltas from the previous one
//   keys seen in several: count, then per key sorted: delta, documents
//   FNV-1a 64 of everything before, 8 bytes little-endian
std::string FurnitureDetector::serialize() const {
    std::string out(kMagic);
    out += static_cast<char>(kVersion);

    std::vector<std::pair<std::string_view, std::uint64_t>> groups;
    groups.reserve(groups_.size());
    for (const auto& [name, group] : groups_) groups.emplace_back(name, group.documents);
    std::sort(groups.begin(), groups.end());
    put_varint(out, groups.size());
    for (const auto& [name, documents] : groups) {
        put_varint(out, name.size());
        out += name;
        put_varint(out, documents);
    }

    // Keys seen once, then the others with their counts: one sorted list, read twice.
    const std::vector<std::uint64_t> keys = seen_.sorted_keys();
    put_varint(out, seen_.size() - repeated_.size());
    std::uint64_t previous = 0;
    for (std::uint64_t key : keys) {
        if (repeated_.find(key) != KeyTable::npos) continue;
        put_varint(out, key - previous);
        previous = key;
    }
    put_varint(out, repeated_.size());
    previous = 0;
    for (std::uint64_t key : keys) {
        std::size_t slot = repeated_.find(key);
        if (slot == KeyTable::npos) continue;
        put_varint(out, key - previous);
        put_varint(out, repeated_.count(slot));
        previous = key;
    }
    put_u64(out, fnv1a(out));
    return out;
}

FurnitureDetector FurnitureDetector::parse(std::string_view blob) noexcept {
    try {
        if (blob.size() < kMagic.size() + 1 + 8 || blob.substr(0, kMagic.size()) != kMagic ||
            static_cast<unsigned char>(blob[kMagic.size()]) != kVersion) {
            return {};
        }
        std::string_view payload = blob.substr(0, blob.size() - 8);
        std::uint64_t checksum = 0;
        for (int i = 0; i < 8; ++i)
            checksum |= static_cast<std::uint64_t>(static_cast<unsigned char>(blob[payload.size() + i])) << (8 * i);
        if (checksum != fnv1a(payload)) return {};

        FurnitureDetector d;
        Reader r{payload, kMagic.size() + 1};
        // Every count is checked against the bytes left, so a forged count cannot make us
        // allocate more than the blob could describe.
        std::uint64_t n = r.varint();
        if (!r.ok || n > r.left()) return {};
        for (std::uint64_t i = 0; i < n; ++i) {
            std::string_view name = r.bytes(r.varint());
            std::uint64_t documents = r.varint();
            if (!r.ok || d.groups_.count(name)) return {};
            d.group_for(name).documents = documents;
        }

        n = r.varint();
        if (!r.ok || n > r.left()) return {};
        d.seen_.reserve(n);
        std::uint64_t key = 0;
        for (std::uint64_t i = 0; i < n; ++i) {
            std::uint64_t delta = r.varint();
            if (!r.ok || delta == 0 || key + delta < key) return {};
            key += delta;
            d.seen_.insert(key);
        }

        n = r.varint();
        if (!r.ok || n > r.left()) return {};
        d.seen_.reserve(d.seen_.size() + n);
        d.repeated_.reserve(n);
        key = 0;
        for (std::uint64_t i = 0; i < n; ++i) {
            std::uint64_t delta = r.varint();
            std::uint64_t count = r.varint();
            if (!r.ok || delta == 0 || key + delta < key || count < 2 || count > UINT32_MAX) return {};
            key += delta;
            if (!d.seen_.insert(key).second) return {};  // also in the list of keys seen once
            d.repeated_.add(d.repeated_.insert(key).first, count);
        }
        if (r.left() != 0) return {};
        return d;
    } catch (...) {  // std::bad_alloc on a huge but well-formed blob
        return {};
    }
}

}  // namespace veille::documents
