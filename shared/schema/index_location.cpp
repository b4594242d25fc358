#include "schema/index_location.hpp"

#include <cstdlib>

namespace veille::schema {

std::filesystem::path resolve_index_path(const std::optional<std::filesystem::path>& db_option) {
    if (db_option && !db_option->empty()) return *db_option;
    if (const char* env = std::getenv("VEILLE_DB"); env && *env) return env;
    std::filesystem::path data_home;
    if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg) {
        data_home = xdg;
    } else if (const char* home = std::getenv("HOME"); home && *home) {
        data_home = std::filesystem::path(home) / ".local" / "share";
    } else {
        data_home = ".";
    }
    return data_home / "veille" / "index";
}

}  // namespace veille::schema
