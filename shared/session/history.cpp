#include "session/history.hpp"

#include <cstdlib>

#include "session/command.hpp"

namespace veille::session {

std::optional<std::filesystem::path> history_path() {
    const char* state = std::getenv("XDG_STATE_HOME");
    if (state && *state && std::filesystem::path(state).is_absolute())
        return std::filesystem::path(state) / "veille" / "history";
    const char* home = std::getenv("HOME");
    if (home && *home) return std::filesystem::path(home) / ".local" / "state" / "veille" / "history";
    return std::nullopt;
}

bool worth_remembering(std::string_view line, std::string_view previous) {
    const Command cmd = parse_command(line);
    switch (cmd.kind) {
        case CommandKind::Empty:
        case CommandKind::Next:
        case CommandKind::Previous:
        case CommandKind::Quit:
            return false;
        default:
            break;
    }
    // Compare without the spaces around.
    auto trim = [](std::string_view s) {
        const auto b = s.find_first_not_of(" \t");
        if (b == std::string_view::npos) return std::string_view();
        return s.substr(b, s.find_last_not_of(" \t") - b + 1);
    };
    return trim(line) != trim(previous);
}

}  // namespace veille::session
