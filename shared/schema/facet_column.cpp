#include "schema/facet_column.hpp"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstring>
#include <string>
#include <unordered_map>

#include "errors.hpp"

namespace veille::schema {

namespace fs = std::filesystem;

namespace {

constexpr char kMagic[17] = "veille-facets v3";

std::size_t padded(std::size_t n) { return (n + 7) & ~std::size_t(7); }

void put(std::string& out, const void* p, std::size_t n) {
    out.append(static_cast<const char*>(p), n);
}
template <typename T>
void put(std::string& out, T v) {
    put(out, &v, sizeof v);
}
void pad(std::string& out) { out.resize(padded(out.size()), '\0'); }

// Reads a T at `at` when the file is long enough, moving past it.
template <typename T>
bool get(const char* base, std::size_t size, std::size_t& at, T& v) {
    if (at > size || size - at < sizeof v) return false;
    std::memcpy(&v, base + at, sizeof v);
    at += sizeof v;
    return true;
}

struct SlotHeader {
    std::uint32_t slot = 0, distinct = 0;
    std::uint64_t numbers_at = 0, dictionary_at = 0, dictionary_bytes = 0;
    // The entity slot only (0 elsewhere): how many distinct parts, where the parts of each
    // value are listed, and the parts' own dictionary.
    std::uint32_t parts = 0, unused = 0;
    std::uint64_t lists_at = 0, parts_at = 0, parts_bytes = 0;
};

// Strings numbered from 1 as they come, laid out as the file stores them: where each ends
// (u32 × (n + 1), the first 0), then their bytes end to end.
class DictionaryWriter {
public:
    // The number of `value`, given it the first time.
    std::uint32_t number(std::string_view value) {
        auto [it, fresh] = numbers_.emplace(std::string(value), static_cast<std::uint32_t>(numbers_.size() + 1));
        if (fresh) {
            bytes_ += value;
            ends_.push_back(static_cast<std::uint32_t>(bytes_.size()));
        }
        return it->second;
    }
    std::uint32_t size() const { return static_cast<std::uint32_t>(numbers_.size()); }
    std::string_view operator[](std::uint32_t n) const {
        return std::string_view(bytes_).substr(ends_[n - 1], ends_[n] - ends_[n - 1]);
    }
    bool fits() const { return bytes_.size() <= UINT32_MAX; }
    std::string encoded() const {
        std::string out;
        put(out, ends_.data(), ends_.size() * sizeof(std::uint32_t));
        return out + bytes_;
    }

private:
    std::unordered_map<std::string, std::uint32_t> numbers_;
    std::string bytes_;
    std::vector<std::uint32_t> ends_{0};
};

// The size of the ends before `distinct` numbered things (a dictionary's values, the entity
// lists): one u32 each, and a first 0.
std::size_t ends_bytes(std::uint32_t distinct) { return (std::size_t(distinct) + 1) * sizeof(std::uint32_t); }

// Whether a dictionary of `distinct` strings at `at` (`bytes` long) lies within the file.
bool dictionary_fits(std::size_t size, std::uint64_t at, std::uint64_t bytes, std::uint32_t distinct) {
    return at % 8 == 0 && at <= size && size - at >= bytes && bytes >= ends_bytes(distinct);
}

}  // namespace

bool write_facet_column(const fs::path& db) {
    const fs::path file = db / kFacetColumnFile;
    std::string out;
    try {
        Xapian::Database d(db.string());
        const std::uint64_t revision = d.get_revision();
        const std::string uuid = d.get_uuid();
        const Xapian::docid last = d.get_lastdocid();
        if (auto current = FacetColumn::open(db, d)) return false;

        std::vector<std::vector<std::uint32_t>> numbers;
        std::vector<std::string> dictionaries, lists, part_dictionaries;
        std::vector<std::uint32_t> distinct, parts;
        for (Xapian::valueno slot : kFacetColumnSlots) {
            std::vector<std::uint32_t> of(std::size_t(last) + 1, 0);
            DictionaryWriter values;
            for (auto v = d.valuestream_begin(slot); v != d.valuestream_end(slot); ++v)
                of[v.get_docid()] = values.number(*v);
            // The entities of each combination, numbered on their own: counting them then
            // costs a few additions per combination a query matched, no string work.
            DictionaryWriter part_values;
            std::string list;
            if (slot == kSlotEntities) {
                std::vector<std::uint32_t> list_ends{0}, part_numbers;
                for (std::uint32_t n = 1; n <= values.size(); ++n) {
                    for (const auto part : entity_parts(values[n])) part_numbers.push_back(part_values.number(part));
                    list_ends.push_back(static_cast<std::uint32_t>(part_numbers.size()));
                }
                put(list, list_ends.data(), list_ends.size() * sizeof(std::uint32_t));
                put(list, part_numbers.data(), part_numbers.size() * sizeof(std::uint32_t));
            }
            if (!values.fits() || !part_values.fits())
                throw IndexError("cannot write the facet column of " + db.string() + ": slot " +
                                 std::to_string(slot) + " holds more than 4 GB of values");
            numbers.push_back(std::move(of));
            distinct.push_back(values.size());
            dictionaries.push_back(values.encoded());
            parts.push_back(part_values.size());
            lists.push_back(std::move(list));
            part_dictionaries.push_back(slot == kSlotEntities ? part_values.encoded() : std::string());
        }

        put(out, kMagic, 16);
        put(out, revision);
        put(out, static_cast<std::uint32_t>(last));
        put(out, static_cast<std::uint32_t>(kFacetColumnSlots.size()));
        put(out, static_cast<std::uint32_t>(uuid.size()));
        out += uuid;
        pad(out);
        const std::size_t table_at = out.size();
        out.resize(table_at + kFacetColumnSlots.size() * sizeof(SlotHeader), '\0');
        std::vector<SlotHeader> table(kFacetColumnSlots.size());
        for (std::size_t i = 0; i < kFacetColumnSlots.size(); ++i) {
            table[i].slot = kFacetColumnSlots[i];
            table[i].distinct = distinct[i];
            table[i].numbers_at = out.size();
            put(out, numbers[i].data(), numbers[i].size() * sizeof(std::uint32_t));
            pad(out);
        }
        for (std::size_t i = 0; i < kFacetColumnSlots.size(); ++i) {
            table[i].dictionary_at = out.size();
            table[i].dictionary_bytes = dictionaries[i].size();
            out += dictionaries[i];
            pad(out);
            if (lists[i].empty()) continue;
            table[i].parts = parts[i];
            table[i].lists_at = out.size();
            out += lists[i];
            pad(out);
            table[i].parts_at = out.size();
            table[i].parts_bytes = part_dictionaries[i].size();
            out += part_dictionaries[i];
            pad(out);
        }
        std::memcpy(out.data() + table_at, table.data(), table.size() * sizeof(SlotHeader));
    } catch (const Xapian::Error& e) {
        throw IndexError("cannot read " + db.string() +
                         " to write its facet column: " + e.get_description());
    }

    const fs::path tmp = db / (std::string(kFacetColumnFile) + ".tmp");
    const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    bool ok = fd >= 0;
    for (std::size_t at = 0; ok && at < out.size();) {
        const ssize_t n = ::write(fd, out.data() + at, out.size() - at);
        if (n <= 0)
            ok = false;
        else
            at += static_cast<std::size_t>(n);
    }
    ok = ok && ::fsync(fd) == 0;
    if (fd >= 0) ::close(fd);
    std::error_code ec;
    if (ok) fs::rename(tmp, file, ec);
    if (!ok || ec) {
        fs::remove(tmp, ec);
        throw IndexError("cannot write " + file.string());
    }
    return true;
}

std::shared_ptr<const FacetColumn> FacetColumn::open(const fs::path& db,
                                                     const Xapian::Database& database) {
    const fs::path file = db / kFacetColumnFile;
    const int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return nullptr;
    struct stat st {};
    if (::fstat(fd, &st) != 0 || st.st_size < 48) {
        ::close(fd);
        return nullptr;
    }
    const std::size_t size = static_cast<std::size_t>(st.st_size);
    void* map = ::mmap(nullptr, size, PROT_READ, MAP_SHARED, fd, 0);
    ::close(fd);
    if (map == MAP_FAILED) return nullptr;
    std::shared_ptr<FacetColumn> column(new FacetColumn);
    column->map_ = map;
    column->size_ = size;

    const char* base = static_cast<const char*>(map);
    if (std::memcmp(base, kMagic, 16) != 0) return nullptr;
    std::size_t at = 16;
    std::uint32_t last = 0, slots = 0, uuid_size = 0;
    if (!get(base, size, at, column->revision_) || !get(base, size, at, last) ||
        !get(base, size, at, slots) || !get(base, size, at, uuid_size) || slots > 64 ||
        uuid_size > 256 || size - at < uuid_size)
        return nullptr;
    column->uuid_.assign(base + at, uuid_size);
    at = padded(at + uuid_size);
    column->last_docid_ = last;
    column->documents_ = std::size_t(last) + 1;
    if (!column->current_for(database)) return nullptr;
    for (std::uint32_t i = 0; i < slots; ++i) {
        SlotHeader h;
        if (!get(base, size, at, h)) return nullptr;
        const std::size_t numbers_bytes = column->documents_ * sizeof(std::uint32_t);
        if (h.numbers_at % 8 || h.numbers_at > size || size - h.numbers_at < numbers_bytes)
            return nullptr;
        if (!dictionary_fits(size, h.dictionary_at, h.dictionary_bytes, h.distinct)) return nullptr;
        column->slots_.push_back(h.slot);
        column->numbers_.push_back(reinterpret_cast<const std::uint32_t*>(base + h.numbers_at));
        // The values are not read here: a query that counts a few matches reads a few of them.
        column->dictionaries_.push_back(Dictionary::at(base, h.dictionary_at, h.dictionary_bytes, h.distinct));
        Lists lists;
        if (h.parts > 0) {
            // The parts of value k are numbers[ends[k - 1] .. ends[k]) after the ends.
            const std::size_t list_ends = ends_bytes(h.distinct);
            if (h.lists_at % 8 || h.lists_at > h.parts_at || h.parts_at - h.lists_at < list_ends ||
                !dictionary_fits(size, h.parts_at, h.parts_bytes, h.parts))
                return nullptr;
            lists.ends = reinterpret_cast<const std::uint32_t*>(base + h.lists_at);
            lists.numbers = lists.ends + h.distinct + 1;
            lists.count = (h.parts_at - h.lists_at - list_ends) / sizeof(std::uint32_t);
            lists.parts = Dictionary::at(base, h.parts_at, h.parts_bytes, h.parts);
        }
        column->lists_.push_back(lists);
    }
    return column;
}

FacetColumn::~FacetColumn() {
    if (map_) ::munmap(map_, size_);
}

bool FacetColumn::current_for(const Xapian::Database& database) const {
    try {
        return database.get_revision() == revision_ && database.get_lastdocid() == last_docid_ &&
               database.get_uuid() == uuid_;
    } catch (const Xapian::Error&) {
        return false;  // several databases (shards): no single revision to match
    }
}

FacetColumn::Dictionary FacetColumn::Dictionary::at(const char* base, std::uint64_t at, std::uint64_t bytes,
                                                    std::uint32_t distinct) {
    const std::size_t ends = ends_bytes(distinct);
    return {reinterpret_cast<const std::uint32_t*>(base + at), base + at + ends, distinct,
            static_cast<std::size_t>(bytes - ends)};
}

std::optional<std::string_view> FacetColumn::Dictionary::operator[](std::uint32_t n) const {
    if (n == 0 || n > distinct) return std::nullopt;
    const std::uint32_t begin = ends[n - 1], end = ends[n];
    if (begin > end || end > bytes) return std::nullopt;  // a damaged file
    return std::string_view(values + begin, end - begin);
}

std::optional<std::string_view> FacetColumn::value(std::size_t index, std::uint32_t n) const {
    return dictionaries_[index][n];
}

std::span<const std::uint32_t> FacetColumn::parts_of(std::size_t index, std::uint32_t n) const {
    const Lists& l = lists_[index];
    if (!l.ends || n == 0 || n > dictionaries_[index].distinct) return {};
    const std::uint32_t begin = l.ends[n - 1], end = l.ends[n];
    if (begin > end || end > l.count) return {};  // a damaged file
    return {l.numbers + begin, l.numbers + end};
}

std::optional<std::string_view> FacetColumn::part(std::size_t index, std::uint32_t p) const {
    return lists_[index].parts[p];
}

std::optional<std::size_t> FacetColumn::slot_index(Xapian::valueno slot) const {
    for (std::size_t i = 0; i < slots_.size(); ++i)
        if (slots_[i] == slot) return i;
    return std::nullopt;
}

}  // namespace veille::schema
