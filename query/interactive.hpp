// veille-query's interactive prompt: readline (line editing, history, Tab completion),
// signals (Ctrl-C abandons the line or a listing, never the program; Ctrl-Z; window
// resizes), the pager for long views. The logic it drives lives in shared/session.
#pragma once

#include "output/messages.hpp"
#include "query/options.hpp"

namespace veille::query {

// Runs the prompt until :quit or Ctrl-D; the exit code (0, or 1 when the index cannot be
// opened). Reads lines with the line editor when stdin is a terminal, plain lines
// otherwise (a script piped to `veille-query -i`).
int run_interactive(const QueryCommandOptions& options, output::Lang lang);

}  // namespace veille::query
