// Where the index lives when the user does not say: --db, else $VEILLE_DB, else
// $XDG_DATA_HOME/veille/index (XDG_DATA_HOME defaulting to ~/.local/share).
#pragma once

#include <filesystem>
#include <optional>

namespace veille::schema {

std::filesystem::path resolve_index_path(const std::optional<std::filesystem::path>& db_option);

}  // namespace veille::schema
