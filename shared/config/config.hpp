// The configuration file: plain settings, each optional (the command line overrides them).
//
//   index = "~/veille/index"              # default index (else $VEILLE_DB, else XDG)
//   entities = ["~/veille/mes-entites.tsv"]  # added to the built-in gazetteer
//   limit = 20                            # hits per page
//   colour = "auto"                       # "auto" | "always" | "never"
//   lang = "fr"                           # "fr" | "en"
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "documents/document.hpp"

namespace veille::config {

enum class Colour { Auto, Always, Never };

struct Config {
    std::optional<std::filesystem::path> index;
    std::vector<std::filesystem::path> entities;
    std::optional<unsigned> limit;
    Colour colour = Colour::Auto;
    std::optional<std::string> lang;
};

// $XDG_CONFIG_HOME/veille/config.toml, XDG_CONFIG_HOME defaulting to ~/.config.
std::filesystem::path default_config_path();

// Reads `path`; a missing file gives the defaults. Problems (syntax errors, wrong types,
// unknown keys) are reported in `diagnostics` with the file and line; a file that does not
// parse is ignored whole, a bad value alone is ignored alone. "~/" is expanded.
Config load_config(const std::filesystem::path& path, std::vector<documents::Diagnostic>& diagnostics);

}  // namespace veille::config
