// Where the prompt's history lives and which lines are worth keeping in it.
#pragma once

#include <filesystem>
#include <optional>
#include <string_view>

namespace veille::session {

// $XDG_STATE_HOME/veille/history when XDG_STATE_HOME is an absolute path (the XDG spec
// ignores relative ones), else $HOME/.local/state/veille/history; nullopt without either.
std::optional<std::filesystem::path> history_path();

// Blank lines, paging and quitting (:n, :p, :q…) and a repeat of the previous line are not
// kept: the history holds the searches and commands worth recalling.
bool worth_remembering(std::string_view line, std::string_view previous);

}  // namespace veille::session
