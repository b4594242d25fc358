#include "indexing/file_walker.hpp"

#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <set>
#include <utility>

namespace veille::indexing {

namespace fs = std::filesystem;

namespace {

using DirKey = std::pair<dev_t, ino_t>;

std::int64_t mtime_ns(const struct stat& st) {
    return static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1'000'000'000 + st.st_mtim.tv_nsec;
}

void warn(std::vector<documents::Diagnostic>& diags, const fs::path& p, std::string message) {
    diags.push_back({documents::Severity::Warning, p.string(), 0, std::move(message)});
}

void walk_dir(const fs::path& dir, std::set<DirKey>& visited, std::vector<WalkedFile>& out,
              std::vector<documents::Diagnostic>& diags) {
    std::error_code ec;
    fs::directory_iterator it(dir, fs::directory_options::none, ec);
    if (ec) {
        warn(diags, dir, "cannot list folder: " + ec.message());
        return;
    }
    std::vector<fs::path> entries;
    for (; it != fs::directory_iterator(); it.increment(ec)) {
        if (ec) {
            warn(diags, dir, "cannot list folder: " + ec.message());
            break;
        }
        const auto name = it->path().filename().string();
        if (name.empty() || name[0] == '.') continue;  // hidden
        entries.push_back(it->path());
    }
    std::sort(entries.begin(), entries.end());
    for (const auto& p : entries) {
        struct stat st {};
        if (::stat(p.c_str(), &st) != 0) {
            // A dangling symlink, or a file that vanished since the listing.
            warn(diags, p, std::string("skipped: ") + std::strerror(errno));
            continue;
        }
        if (S_ISDIR(st.st_mode)) {
            if (!visited.insert({st.st_dev, st.st_ino}).second) {
                warn(diags, p, "skipped: folder already visited (symlink loop)");
                continue;
            }
            walk_dir(p, visited, out, diags);
        } else if (S_ISREG(st.st_mode)) {
            out.push_back({p, static_cast<std::uintmax_t>(st.st_size), mtime_ns(st)});
        }
        // Sockets, fifos and devices are never documents: passed over silently.
    }
}

}  // namespace

fs::path normalise_path(const fs::path& p) {
    std::error_code ec;
    fs::path abs = fs::absolute(p, ec);
    if (ec) abs = p;
    abs = abs.lexically_normal();
    // "dir/" normalises to "dir/" with an empty filename: drop the trailing separator.
    if (!abs.has_filename() && abs.has_parent_path() && abs != abs.root_path()) abs = abs.parent_path();
    return abs;
}

std::vector<WalkedFile> walk_files(const std::vector<fs::path>& roots,
                                   std::vector<documents::Diagnostic>& diagnostics) {
    std::vector<WalkedFile> out;
    std::set<DirKey> visited;
    for (const auto& root : roots) {
        fs::path p = normalise_path(root);
        struct stat st {};
        if (::stat(p.c_str(), &st) != 0) {
            diagnostics.push_back({documents::Severity::Error, root.string(), 0,
                                   std::string("cannot read: ") + std::strerror(errno)});
            continue;
        }
        if (S_ISDIR(st.st_mode)) {
            if (visited.insert({st.st_dev, st.st_ino}).second) walk_dir(p, visited, out, diagnostics);
        } else if (S_ISREG(st.st_mode)) {
            out.push_back({p, static_cast<std::uintmax_t>(st.st_size), mtime_ns(st)});
        } else {
            warn(diagnostics, p, "skipped: not a regular file or folder");
        }
    }
    std::sort(out.begin(), out.end(),
              [](const WalkedFile& a, const WalkedFile& b) { return a.path < b.path; });
    out.erase(std::unique(out.begin(), out.end(),
                          [](const WalkedFile& a, const WalkedFile& b) { return a.path == b.path; }),
              out.end());
    return out;
}

}  // namespace veille::indexing
