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

constexpr char kMagic[17] = "veille-facets v2";

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
};

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
        std::vector<std::string> dictionaries;
        std::vector<std::uint32_t> distinct;
        for (Xapian::valueno slot : kFacetColumnSlots) {
            std::vector<std::uint32_t> of(std::size_t(last) + 1, 0);
            std::unordered_map<std::string, std::uint32_t> number_of;
            std::string bytes;
            std::vector<std::uint32_t> ends{0};  // where value k ends in `bytes`: ends[k]
            for (auto v = d.valuestream_begin(slot); v != d.valuestream_end(slot); ++v) {
                const std::string value = *v;
                auto [it, fresh] =
                    number_of.emplace(value, static_cast<std::uint32_t>(number_of.size() + 1));
                if (fresh) {
                    bytes += value;
                    ends.push_back(static_cast<std::uint32_t>(bytes.size()));
                }
                of[v.get_docid()] = it->second;
            }
            if (bytes.size() > UINT32_MAX)
                throw IndexError("cannot write the facet column of " + db.string() + ": slot " +
                                 std::to_string(slot) + " holds more than 4 GB of values");
            numbers.push_back(std::move(of));
            distinct.push_back(static_cast<std::uint32_t>(number_of.size()));
            std::string dictionary;
            put(dictionary, ends.data(), ends.size() * sizeof(std::uint32_t));
            dictionary += bytes;
            dictionaries.push_back(std::move(dictionary));
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
        if (h.dictionary_at > size || size - h.dictionary_at < h.dictionary_bytes) return nullptr;
        const std::size_t ends_bytes = (std::size_t(h.distinct) + 1) * sizeof(std::uint32_t);
        if (h.dictionary_at % 8 || h.dictionary_bytes < ends_bytes) return nullptr;
        column->slots_.push_back(h.slot);
        column->numbers_.push_back(reinterpret_cast<const std::uint32_t*>(base + h.numbers_at));
        // The values are not read here: a query that counts a few matches reads a few of them.
        column->dictionaries_.push_back({reinterpret_cast<const std::uint32_t*>(base + h.dictionary_at),
                                         base + h.dictionary_at + ends_bytes, h.distinct,
                                         h.dictionary_bytes - ends_bytes});
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

std::optional<std::string_view> FacetColumn::value(std::size_t index, std::uint32_t n) const {
    const Dictionary& d = dictionaries_[index];
    if (n == 0 || n > d.distinct) return std::nullopt;
    const std::uint32_t begin = d.ends[n - 1], end = d.ends[n];
    if (begin > end || end > d.bytes) return std::nullopt;  // a damaged file
    return std::string_view(d.values + begin, end - begin);
}

std::optional<std::size_t> FacetColumn::slot_index(Xapian::valueno slot) const {
    for (std::size_t i = 0; i < slots_.size(); ++i)
        if (slots_[i] == slot) return i;
    return std::nullopt;
}

}  // namespace veille::schema
