#include "indexing/fresh_build.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <chrono>
#include <string>

#include "errors.hpp"
#include "schema/index_location.hpp"

namespace veille::indexing {

namespace fs = std::filesystem;

namespace {

fs::path beside(const fs::path& index, const char* suffix) {
    fs::path p = index;
    if (!p.has_filename()) p = p.parent_path();  // "idx/" -> "idx"
    return p.string() + suffix;
}

// Every part wrote the same run-wide metadata (schema version, gazetteers, page furniture,
// the collection pass's decisions); the files' records are each in one part only.
class PartsCompactor : public Xapian::Compactor {
  public:
    std::string resolve_duplicate_metadata(const std::string&, size_t,
                                           const std::string tags[]) override {
        return tags[0];
    }
};

}  // namespace

void recover_interrupted_build(const fs::path& index) {
    std::error_code ec;
    // The staging folder of a build killed after its swap (or before: it is started again).
    const fs::path staging = beside(index, ".building");
    if (fs::exists(staging, ec)) {
        const fs::path lock = staging / "lock";
        const int fd = ::open(lock.c_str(), O_RDWR | O_CLOEXEC);
        if (fd < 0 || ::flock(fd, LOCK_EX | LOCK_NB) == 0) fs::remove_all(staging, ec);  // nobody's
        if (fd >= 0) ::close(fd);
    }
    const fs::path old = beside(index, ".old");
    if (!schema::is_database(old)) return;
    if (!fs::exists(index, ec) || fs::is_empty(index, ec)) {
        fs::remove(index, ec);  // an empty folder, if any
        fs::rename(old, index, ec);
        if (ec)
            throw IndexError("cannot put back the index left at " + old.string() + ": " +
                             ec.message());
    } else if (schema::is_database(index)) {
        fs::remove_all(old, ec);  // the swap was done, only the removal was not
    }
}

FreshBuild::FreshBuild(const fs::path& index, std::size_t parts)
    : index_(index), staging_(beside(index, ".building")) {
    std::error_code ec;
    fs::create_directories(staging_, ec);
    if (ec) throw IndexError("cannot create " + staging_.string() + ": " + ec.message());
    const fs::path lock = staging_ / "lock";
    lock_fd_ = ::open(lock.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (lock_fd_ < 0) throw IndexError("cannot create " + lock.string());
    if (::flock(lock_fd_, LOCK_EX | LOCK_NB) != 0) {
        ::close(lock_fd_);
        lock_fd_ = -1;
        throw IndexError("index is being written by another process: " + index.string());
    }
    // A rebuild: the index stays searchable meanwhile, and no other writer may change it,
    // since its changes would be lost with it.
    if (schema::is_database(index)) {
        try {
            previous_.emplace(index.string(), Xapian::DB_OPEN);
        } catch (const Xapian::DatabaseLockError&) {
            release();
            throw IndexError("index is being written by another process: " + index.string());
        } catch (const Xapian::Error& e) {
            release();
            throw IndexError("cannot open index " + index.string() + ": " + e.get_description());
        }
    }
    // What a killed build left.
    for (fs::directory_iterator it(staging_, ec), end; !ec && it != end; it.increment(ec))
        if (it->path().filename() != "lock") fs::remove_all(it->path(), ec);
    for (std::size_t k = 0; k < parts; ++k)
        parts_.push_back(staging_ / ("part-" + std::to_string(k)));
}

FreshBuild::~FreshBuild() { release(); }

void FreshBuild::release() {
    if (lock_fd_ < 0) return;
    // Whatever happened, the staging folder is of no further use (a failed build starts
    // again from scratch).
    std::error_code ec;
    for (const auto& p : parts_) fs::remove_all(p, ec);
    fs::remove_all(staging_ / "merged", ec);
    fs::remove(staging_ / "lock", ec);
    fs::remove(staging_, ec);
    ::close(lock_fd_);
    lock_fd_ = -1;
}

std::vector<std::size_t> FreshBuild::assign(const std::vector<WalkedFile>& files) const {
    std::uintmax_t total = 0;
    for (const auto& f : files) total += f.size + 1;  // + 1: an empty file is still work
    std::vector<std::size_t> out;
    out.reserve(files.size());
    std::uintmax_t before = 0;
    const std::size_t n = parts_.size();
    for (const auto& f : files) {
        // The part whose share of the bytes the middle of this file falls in.
        const std::uintmax_t middle = before + (f.size + 1) / 2;
        out.push_back(
            total ? std::min<std::size_t>(n - 1, static_cast<std::size_t>(middle * n / total)) : 0);
        before += f.size + 1;
    }
    return out;
}

double FreshBuild::merge_and_install() {
    const auto started = std::chrono::steady_clock::now();
    const fs::path merged = staging_ / "merged";
    try {
        Xapian::Database all;
        for (const auto& p : parts_) all.add_database(Xapian::Database(p.string()));
        PartsCompactor compactor;
        all.compact(merged.string(), Xapian::DBCOMPACT_MULTIPASS | Xapian::Compactor::FULL, 0,
                    compactor);
    } catch (const Xapian::Error& e) {
        throw IndexError("cannot merge the new index in " + staging_.string() + ": " +
                         e.get_description());
    }
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();

    // The swap: two renames, the previous index's write lock held across them (it follows
    // the renamed folder).
    std::error_code ec;
    const fs::path old = beside(index_, ".old");
    fs::remove_all(old, ec);
    if (previous_) {
        fs::rename(index_, old, ec);
        if (ec) throw IndexError("cannot move " + index_.string() + " aside: " + ec.message());
    } else if (fs::exists(index_, ec)) {
        fs::remove(index_, ec);  // an empty folder: rename() will not replace a non-empty one
    }
    fs::rename(merged, index_, ec);
    if (ec) {
        std::error_code undo;
        if (previous_) fs::rename(old, index_, undo);
        throw IndexError("cannot move the new index to " + index_.string() + ": " + ec.message());
    }
    if (previous_) {
        previous_->close();
        previous_.reset();
        fs::remove_all(old, ec);
    }
    return seconds;
}

}  // namespace veille::indexing
