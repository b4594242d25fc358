#include "config/config.hpp"

#include <cstdlib>

#define TOML_EXCEPTIONS 1
#define TOML_HEADER_ONLY 1  // see shared/CMakeLists.txt
#include <toml++/toml.h>

namespace veille::config {

namespace fs = std::filesystem;

namespace {

fs::path expand_home(const std::string& p) {
    if (p.rfind("~/", 0) == 0)
        if (const char* home = std::getenv("HOME"); home && *home) return fs::path(home) / p.substr(2);
    return p;
}

}  // namespace

fs::path default_config_path() {
    fs::path base;
    if (const char* xdg = std::getenv("XDG_CONFIG_HOME"); xdg && *xdg)
        base = xdg;
    else if (const char* home = std::getenv("HOME"); home && *home)
        base = fs::path(home) / ".config";
    else
        base = ".";
    return base / "veille" / "config.toml";
}

Config load_config(const fs::path& path, std::vector<documents::Diagnostic>& diagnostics) {
    Config config;
    std::error_code ec;
    if (!fs::exists(path, ec)) return config;
    auto warn = [&](std::size_t line, std::string message) {
        diagnostics.push_back({documents::Severity::Warning, path.string(), line, std::move(message)});
    };
    toml::table table;
    try {
        table = toml::parse_file(path.string());
    } catch (const toml::parse_error& e) {
        warn(e.source().begin.line, std::string(e.description()) + ": configuration ignored");
        return config;
    }
    for (auto&& [key, node] : table) {
        const std::size_t line = node.source().begin.line;
        const std::string k(key.str());
        if (k == "index") {
            if (auto v = node.value<std::string>()) config.index = expand_home(*v);
            else warn(line, "index: expected a path in quotes");
        } else if (k == "entities") {
            if (auto* arr = node.as_array()) {
                for (auto&& item : *arr) {
                    if (auto v = item.value<std::string>()) config.entities.push_back(expand_home(*v));
                    else warn(item.source().begin.line, "entities: expected paths in quotes");
                }
            } else if (auto v = node.value<std::string>()) {
                config.entities.push_back(expand_home(*v));
            } else {
                warn(line, "entities: expected a list of paths");
            }
        } else if (k == "limit") {
            auto v = node.value<std::int64_t>();
            if (v && *v > 0 && *v <= 10000) config.limit = static_cast<unsigned>(*v);
            else warn(line, "limit: expected a whole number from 1 to 10000");
        } else if (k == "colour" || k == "color" || k == "couleur") {
            auto v = node.value<std::string>();
            if (v && *v == "auto") config.colour = Colour::Auto;
            else if (v && (*v == "always" || *v == "toujours")) config.colour = Colour::Always;
            else if (v && (*v == "never" || *v == "jamais")) config.colour = Colour::Never;
            else warn(line, k + ": expected \"auto\", \"always\" or \"never\"");
        } else if (k == "lang" || k == "langue") {
            auto v = node.value<std::string>();
            if (v && (*v == "fr" || *v == "en")) config.lang = *v;
            else warn(line, k + ": expected \"fr\" or \"en\"");
        } else {
            warn(line, "unknown setting \"" + k + "\" (index, entities, limit, colour, lang): ignored");
        }
    }
    return config;
}

}  // namespace veille::config
