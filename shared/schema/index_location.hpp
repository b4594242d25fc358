// Where the index lives when the user does not say: --db, else $VEILLE_DB, else
// $XDG_DATA_HOME/veille/index (XDG_DATA_HOME defaulting to ~/.local/share).
//
// An index is one Xapian database, or several (shards) listed by a Xapian stub file: a
// sharded index written by `veille-index --shards N` is a folder holding shard-0 …
// shard-(N-1) and a stub named XAPIANDB with one line per shard ("auto shard-0"); Xapian opens
// such a folder, or any stub file, as one database. A stub written by hand may also list
// shards served by xapian-tcpsrv on other machines: "remote HOST:PORT".
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace veille::schema {

std::filesystem::path resolve_index_path(const std::optional<std::filesystem::path>& db_option);

inline constexpr const char* kStubFileName = "XAPIANDB";

// One line of a stub file.
struct StubEntry {
    std::string type;             // "auto", "glass", "remote", ...
    std::string argument;         // the rest of the line: a path, or HOST:PORT for "remote"
    std::filesystem::path path;   // a local database's path, resolved against the stub's folder
    bool remote() const { return type == "remote"; }
};

// The stub file behind an index location: the location itself when it is a file, its
// XAPIANDB when it is a folder holding one; nullopt for a plain database or nothing at all.
std::optional<std::filesystem::path> stub_file(const std::filesystem::path& db);

// The databases a stub lists, in order (blank lines and # comments skipped). Throws
// IndexError naming the file and line when it cannot be read or a line is not
// "TYPE ARGUMENT".
std::vector<StubEntry> read_stub(const std::filesystem::path& stub);

// Whether the stub behind `db` lists a database served by xapian-tcpsrv. False for a plain
// database, and for anything that cannot be read as a stub.
bool has_remote_shard(const std::filesystem::path& db) noexcept;

// Whether `dir` holds a committed Xapian (glass) database: its revision file, iamglass.
bool is_database(const std::filesystem::path& dir);

// The i-th shard's database in a sharded index folder: FOLDER/shard-i.
std::filesystem::path shard_path(const std::filesystem::path& folder, std::size_t i);

// The bytes an index takes on disk: every file under `dir` (a database, or a folder of shards).
std::uintmax_t bytes_on_disk(const std::filesystem::path& dir);

// Writes FOLDER/XAPIANDB listing shard-0 … shard-(shards-1), atomically (a temporary file
// renamed over it), so a reader never sees half a list. Throws IndexError.
void write_stub(const std::filesystem::path& folder, std::size_t shards);

}  // namespace veille::schema
