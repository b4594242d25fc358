#include "schema/index_location.hpp"

#include <cstdlib>
#include <fstream>

#include "errors.hpp"

namespace veille::schema {

namespace fs = std::filesystem;

fs::path resolve_index_path(const std::optional<fs::path>& db_option) {
    if (db_option && !db_option->empty()) return *db_option;
    if (const char* env = std::getenv("VEILLE_DB"); env && *env) return env;
    fs::path data_home;
    if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg) {
        data_home = xdg;
    } else if (const char* home = std::getenv("HOME"); home && *home) {
        data_home = fs::path(home) / ".local" / "share";
    } else {
        data_home = ".";
    }
    return data_home / "veille" / "index";
}

std::optional<fs::path> stub_file(const fs::path& db) {
    std::error_code ec;
    if (fs::is_regular_file(db, ec)) return db;
    if (fs::is_directory(db, ec) && fs::is_regular_file(db / kStubFileName, ec)) return db / kStubFileName;
    return std::nullopt;
}

std::vector<StubEntry> read_stub(const fs::path& stub) {
    std::ifstream in(stub);
    if (!in) throw IndexError("cannot read the stub file " + stub.string());
    std::vector<StubEntry> out;
    std::size_t line_no = 0;
    for (std::string line; std::getline(in, line);) {
        ++line_no;
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.empty() || line[0] == '#') continue;
        const auto space = line.find(' ');
        StubEntry e;
        e.type = line.substr(0, space);
        e.argument = space == std::string::npos ? std::string() : line.substr(space + 1);
        if (e.type.empty() || e.argument.empty())
            throw IndexError(stub.string() + ":" + std::to_string(line_no) +
                             ": not a stub line (expected `auto PATH` or `remote HOST:PORT`)");
        // Xapian resolves relative paths against the stub's own folder; so do we.
        if (!e.remote()) e.path = fs::path(e.argument).is_absolute() ? fs::path(e.argument) : stub.parent_path() / e.argument;
        out.push_back(std::move(e));
    }
    return out;
}

bool has_remote_shard(const fs::path& db) noexcept {
    try {
        if (auto stub = stub_file(db))
            for (const auto& e : read_stub(*stub))
                if (e.remote()) return true;
    } catch (...) {
        // A single-file database is a regular file too, and no stub: not remote.
    }
    return false;
}

bool is_database(const fs::path& dir) {
    std::error_code ec;
    return fs::exists(dir / "iamglass", ec);
}

std::uintmax_t bytes_on_disk(const fs::path& dir) {
    std::uintmax_t total = 0;
    std::error_code ec;
    for (fs::recursive_directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec))
        if (it->is_regular_file(ec)) total += it->file_size(ec);
    return total;
}

fs::path shard_path(const fs::path& folder, std::size_t i) { return folder / ("shard-" + std::to_string(i)); }

void write_stub(const fs::path& folder, std::size_t shards) {
    const fs::path stub = folder / kStubFileName;
    const fs::path tmp = folder / (std::string(kStubFileName) + ".tmp");
    {
        std::ofstream out(tmp, std::ios::trunc);
        out << "# Veille index of " << shards << " shards (veille-index --shards " << shards
            << "); Xapian opens this folder as one database.\n";
        for (std::size_t i = 0; i < shards; ++i) out << "auto " << shard_path({}, i).string() << '\n';
        out.flush();
        if (!out) throw IndexError("cannot write the stub file " + tmp.string());
    }
    std::error_code ec;
    fs::rename(tmp, stub, ec);
    if (ec) throw IndexError("cannot write the stub file " + stub.string() + ": " + ec.message());
}

}  // namespace veille::schema
