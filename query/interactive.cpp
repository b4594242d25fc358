// The prompt glue. Readline runs through its callback interface so that this loop, not
// readline, owns the signals: Ctrl-C while editing abandons the line (the program goes on),
// Ctrl-C while a listing prints stops the listing, Ctrl-Z suspends with the terminal
// restored, a window resize reflows the line. Everything a command means is decided by
// session::Session; this file only reads lines, runs searches and prints.
#include "query/interactive.hpp"

#include <fcntl.h>
#include <langinfo.h>
#include <poll.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <readline/history.h>
#include <readline/readline.h>

#include <cerrno>
#include <clocale>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>

#include "errors.hpp"
#include "output/json_renderer.hpp"
#include "output/terminal_renderer.hpp"
#include "output/thread_renderer.hpp"
#include "output/wrap.hpp"
#include "schema/index_location.hpp"
#include "search/searcher.hpp"
#include "search/thread_reader.hpp"
#include "session/completion.hpp"
#include "session/history.hpp"
#include "session/session.hpp"
#include "text/utf8.hpp"

namespace veille::query {

namespace {

namespace fs = std::filesystem;
using output::Lang;
using output::Msg;

constexpr int kHistoryLines = 1000;
constexpr std::size_t kEntityCandidates = 200;
constexpr std::size_t kListedCandidates = 120;

// ------------------------------------------------------------------ signals

volatile std::sig_atomic_t g_interrupted = 0;
volatile std::sig_atomic_t g_resized = 0;
volatile std::sig_atomic_t g_suspended = 0;
volatile std::sig_atomic_t g_terminated = 0;

void on_signal(int sig) {
    switch (sig) {
        case SIGINT: g_interrupted = 1; break;
        case SIGWINCH: g_resized = 1; break;
        case SIGTSTP: g_suspended = 1; break;
        default: g_terminated = sig; break;
    }
}

// No SA_RESTART: a blocking poll() or write() returns EINTR, so the loop sees the signal.
void catch_signal(int sig) {
    struct sigaction sa {};
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = 0;
    sigaction(sig, &sa, nullptr);
}

void default_signal(int sig) {
    struct sigaction sa {};
    sa.sa_handler = SIG_DFL;
    sigemptyset(&sa.sa_mask);
    sigaction(sig, &sa, nullptr);
}

// ------------------------------------------------------------------ output

// Writes everything unless Ctrl-C comes first; false when it did (or the reader is gone).
bool write_all(int fd, std::string_view data) {
    while (!data.empty()) {
        if (g_interrupted) return false;
        const ssize_t n = ::write(fd, data.data(), data.size());
        if (n < 0) {
            if (errno == EINTR) continue;
            return false;
        }
        data.remove_prefix(static_cast<std::size_t>(n));
    }
    return true;
}

class Screen {
public:
    Screen(Lang lang, bool interactive) : lang_(lang), interactive_(interactive) {}

    output::TerminalStyle style() const {
        output::TerminalStyle s = output::detect_terminal_style(STDOUT_FILENO);
        s.lang = lang_;
        return s;
    }

    // Line by line, so Ctrl-C stops a long listing between two lines.
    void print(std::string_view text) const {
        std::fflush(stdout);
        std::size_t start = 0;
        while (start < text.size()) {
            std::size_t end = text.find('\n', start);
            end = end == std::string_view::npos ? text.size() : end + 1;
            if (!write_all(STDOUT_FILENO, text.substr(start, end - start))) {
                if (g_interrupted) {
                    g_interrupted = 0;
                    const std::string msg = "\n" + styled(output::message(lang_, Msg::Interrupted)) + "\n";
                    write_all(STDOUT_FILENO, msg);
                }
                return;
            }
            start = end;
        }
    }

    // A note from the session, in the warning colour when something was refused.
    void note(std::string_view text, bool error) const {
        print(block(text, error ? output::sgr::kWarning : output::sgr::kDim, 2));
    }

    // Fixed text (several lines) wrapped to the terminal; a wrapped line continues under
    // `hang` columns of indent (or 2 when the terminal is too narrow for that).
    std::string block(std::string_view text, std::string_view style, std::size_t hang) const {
        const auto s = this->style();
        const std::string indent(hang + 20 < s.width ? hang : 2, ' ');
        std::ostringstream out;
        std::size_t start = 0;
        while (start <= text.size()) {
            std::size_t end = text.find('\n', start);
            if (end == std::string_view::npos) end = text.size();
            const std::string_view line = text.substr(start, end - start);
            if (line.find_first_not_of(' ') == std::string_view::npos) {
                out << '\n';
            } else if (text::display_width(line) <= s.width) {
                // As it is: the help's columns keep their spaces.
                out << output::styled(output::one_line(line), style, s.colour && !style.empty()) << '\n';
            } else {
                // Keep the line's own leading spaces (the help's columns).
                const std::size_t lead = line.find_first_not_of(' ');
                output::MarkedText marked;
                marked.append(output::one_line(line.substr(lead)), !style.empty());
                output::write_wrapped(out, marked, s.width, std::string(lead, ' '), indent, s.colour, style);
            }
            if (end == text.size()) break;
            start = end + 1;
        }
        return out.str();
    }

    // Through $PAGER (less -R) when longer than the screen and we are at a terminal.
    void page(std::string_view text) const {
        if (!interactive_ || ::isatty(STDOUT_FILENO) != 1) return print(text);
        winsize ws{};
        const std::size_t rows = ::ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_row > 0 ? ws.ws_row : 24;
        std::size_t lines = 0;
        for (char c : text) lines += c == '\n';
        const char* pager_env = std::getenv("PAGER");
        if (lines + 1 < rows || (pager_env && *pager_env == '\0')) return print(text);
        const std::string pager = pager_env ? pager_env : "less -R";
        std::fflush(stdout);
        FILE* pipe = ::popen(pager.c_str(), "w");
        if (!pipe) {
            note(output::say(lang_, Msg::PagerFailed, {pager}), true);
            return print(text);
        }
        std::fwrite(text.data(), 1, text.size(), pipe);  // a pager quit early: EPIPE, ignored
        const int status = ::pclose(pipe);
        g_interrupted = 0;  // Ctrl-C in the pager was the pager's
        if (status == -1 || (WIFEXITED(status) && WEXITSTATUS(status) == 127)) {
            note(output::say(lang_, Msg::PagerFailed, {pager}), true);
            print(text);
        }
    }

private:
    std::string styled(std::string_view s) const { return output::styled(s, output::sgr::kDim, style().colour); }

    Lang lang_;
    bool interactive_;
};

// ------------------------------------------------------------------ line editor

struct Editor {
    session::CompletionSource source;
    Lang lang = Lang::Fr;
    std::optional<std::string> line;
    bool done = false;
    std::optional<fs::path> history;
    std::string previous;  // the last line kept in the history
};

Editor* g_editor = nullptr;

void on_line(char* line) {
    if (line) {
        g_editor->line = line;
        std::free(line);
    } else {
        g_editor->line.reset();  // Ctrl-D on an empty line
    }
    g_editor->done = true;
    // Removing the handler here keeps readline from printing the next prompt before the
    // command's output.
    rl_callback_handler_remove();
}

std::size_t terminal_width() {
    winsize ws{};
    if (::ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0) return ws.ws_col;
    return 80;
}

void show_candidates(const session::Completion& completion) {
    std::vector<std::string> labels;
    for (const auto& c : completion.candidates) {
        if (labels.size() == kListedCandidates) {
            labels.push_back("\u2026");
            break;
        }
        labels.push_back(output::one_line(c.label));
    }
    std::string text = "\r\n";
    for (const auto& l : session::columns(labels, terminal_width())) text += l + "\r\n";
    std::fflush(rl_outstream);
    std::fputs(text.c_str(), rl_outstream);
    rl_on_new_line();
}

// Tab: our completion on the whole line (readline's word splitting does not know quoted
// entity names), applied in place; the candidates listed when the line cannot say more.
int on_tab(int, int) {
    const std::string line(rl_line_buffer, static_cast<std::size_t>(rl_end));
    const auto completion = session::complete(line, static_cast<std::size_t>(rl_point), g_editor->source, g_editor->lang);
    const auto edit = session::apply_completion(line, static_cast<std::size_t>(rl_point), completion);
    // A second Tab lists what the first one could not decide between (once).
    static bool listed = false;
    const bool again = rl_last_func == on_tab;
    if (edit.changed) {
        rl_replace_line(edit.line.c_str(), 0);
        rl_point = static_cast<int>(edit.cursor);
    } else if (completion.candidates.empty()) {
        rl_ding();
    }
    const bool list = edit.show_list ? !(again && listed)
                                     : again && !listed && !edit.changed && completion.candidates.size() > 1;
    if (list) show_candidates(completion);
    listed = list || (again && listed);
    return 0;
}

// Ctrl-C at the prompt: the line is abandoned (shown ending in ^C), a fresh prompt follows.
void abandon_line() {
    rl_free_line_state();
    rl_callback_sigcleanup();
    rl_point = rl_end;
    rl_redisplay();
    std::fputs("^C\r\n", rl_outstream);
    std::fflush(rl_outstream);
    rl_replace_line("", 0);
    rl_on_new_line();
    rl_redisplay();
}

// Ctrl-Z: give the terminal back, stop, and pick up the line where it was.
void suspend() {
    rl_cleanup_after_signal();
    default_signal(SIGTSTP);
    ::raise(SIGTSTP);
    catch_signal(SIGTSTP);
    rl_reset_after_signal();
    rl_forced_update_display();
}

// One line from the editor; nullopt on Ctrl-D or when the program is told to end.
std::optional<std::string> read_line(const std::string& prompt) {
    g_editor->done = false;
    g_editor->line.reset();
    g_interrupted = 0;
    for (int sig : {SIGTSTP, SIGTERM, SIGHUP}) catch_signal(sig);
    rl_callback_handler_install(prompt.c_str(), on_line);
    while (!g_editor->done) {
        if (g_terminated) {
            rl_callback_handler_remove();
            break;
        }
        if (g_interrupted) {
            g_interrupted = 0;
            abandon_line();
            continue;
        }
        if (g_resized) {
            g_resized = 0;
            rl_resize_terminal();
            continue;
        }
        if (g_suspended) {
            g_suspended = 0;
            suspend();
            continue;
        }
        pollfd pfd{STDIN_FILENO, POLLIN, 0};
        const int ready = ::poll(&pfd, 1, -1);
        if (ready < 0) {
            if (errno == EINTR) continue;
            rl_callback_handler_remove();
            break;
        }
        if (pfd.revents & (POLLIN | POLLHUP | POLLERR)) rl_callback_read_char();
    }
    for (int sig : {SIGTSTP, SIGTERM, SIGHUP}) default_signal(sig);
    if (!g_editor->done || !g_editor->line) {
        std::fputs("\n", rl_outstream);  // leave the shell a clean line
        std::fflush(rl_outstream);
        return std::nullopt;
    }
    return g_editor->line;
}

// The history file, created (0600, in a 0700 folder) so that each line can be appended as
// it is typed: two sessions side by side both keep their lines.
std::optional<fs::path> open_history(const Screen& screen, Lang lang) {
    auto path = session::history_path();
    if (!path) return std::nullopt;
    std::error_code ec;
    fs::create_directories(path->parent_path(), ec);
    if (!ec) fs::permissions(path->parent_path(), fs::perms::owner_all, fs::perm_options::replace, ec);
    const int fd = ::open(path->c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
    if (fd < 0) {
        screen.note(output::say(lang, Msg::HistoryUnavailable, {path->string() + ": " + std::strerror(errno)}), true);
        return std::nullopt;
    }
    ::close(fd);
    read_history(path->c_str());
    if (history_length > 0)
        if (HIST_ENTRY* last = history_get(history_base + history_length - 1)) g_editor->previous = last->line;
    return path;
}

void remember(const std::string& typed, const Screen& screen, Lang lang) {
    if (!session::worth_remembering(typed, g_editor->previous)) return;
    // Without the spaces around it (a completion leaves one at the end).
    const auto b = typed.find_first_not_of(" \t");
    const std::string line = typed.substr(b, typed.find_last_not_of(" \t") - b + 1);
    add_history(line.c_str());
    g_editor->previous = line;
    if (!g_editor->history) return;
    if (const int err = append_history(1, g_editor->history->c_str()); err != 0) {
        screen.note(output::say(lang, Msg::HistoryUnavailable, {g_editor->history->string() + ": " + std::strerror(err)}),
                    true);
        g_editor->history.reset();
    }
}

// Readline needs a UTF-8 locale to edit accented letters as one character each.
void use_utf8_locale() {
    std::setlocale(LC_CTYPE, "");
    const char* codeset = nl_langinfo(CODESET);
    if (codeset && (std::strcmp(codeset, "UTF-8") == 0 || std::strcmp(codeset, "utf8") == 0)) return;
    if (!std::setlocale(LC_CTYPE, "C.UTF-8")) std::setlocale(LC_CTYPE, "en_US.UTF-8");
}

// ------------------------------------------------------------------ the session

class Interactive {
public:
    Interactive(const QueryCommandOptions& options, Lang lang, bool editing)
        : options_(options),
          lang_(lang),
          editing_(editing),
          db_(schema::resolve_index_path(options.db)),
          reader_(db_),
          searcher_(std::in_place, db_),
          session_(lang, options.limit > 0 ? options.limit : 10),
          screen_(lang, editing) {
        session_.set_entity_namer([this](std::string_view name) { return reader_.canonical_entity(name); });
        session_.set_sort(options.sort);
        session_.set_json(options.json);
        session_.set_offset(options.offset);
        session_.set_facet_limit(options.facet_limit);
    }

    // Filters given as options; false (after saying why) when one is bad.
    bool add_option_filters() {
        std::string error;
        bool ok = true;
        for (const auto& e : options_.entities) ok = ok && session_.add_filter(schema::Field::Entity, e, false, &error);
        if (ok && options_.kind)
            ok = session_.add_filter(schema::Field::Kind, documents::kind_name(*options_.kind), false, &error);
        if (ok && !options_.since.empty()) ok = session_.add_filter(schema::Field::Date, options_.since + "..", false, &error);
        if (ok && !options_.until.empty()) ok = session_.add_filter(schema::Field::Date, ".." + options_.until, false, &error);
        if (!ok) std::cerr << "veille-query: " << text::strip_terminal_controls(error) << '\n';
        return ok;
    }

    int run() {
        if (editing_) {
            screen_.print(screen_.block(output::say(lang_, Msg::Banner, {output::group_digits(lang_, reader_.document_count()),
                                                                         db_.string()}),
                                        output::sgr::kDim, 2));
        }
        std::string initial;
        for (const auto& w : options_.words) initial += (initial.empty() ? "" : " ") + w;
        if (!initial.empty()) {
            session::Command search;
            search.kind = session::CommandKind::Search;
            search.text = initial;
            execute(session_.apply(search));
        } else if (session_.has_search()) {
            run_search();
        }

        Editor editor;
        editor.lang = lang_;
        editor.source.entities = [this](std::string_view typed) {
            std::vector<session::NamedCount> out;
            for (auto& e : reader_.entities_starting_with(typed, kEntityCandidates)) out.push_back({e.name, e.documents});
            return out;
        };
        editor.source.years = [this] {
            std::vector<std::string> years;
            if (auto span = reader_.year_span())
                for (int y = span->second; y >= span->first; --y) years.push_back(std::to_string(y));
            return years;
        };
        editor.source.filters = [this] {
            std::vector<std::string> out;
            for (const auto& f : session_.filters()) out.push_back(session::filter_text(f, lang_));
            return out;
        };
        g_editor = &editor;
        if (editing_) {
            rl_readline_name = "veille";
            rl_catch_signals = 0;
            rl_catch_sigwinch = 0;
            rl_change_environment = 0;  // LINES/COLUMNS would go stale for the pager
            rl_outstream = ::isatty(STDOUT_FILENO) ? stdout : stderr;
            rl_initialize();
            rl_bind_key('\t', on_tab);
            using_history();
            editor.history = open_history(screen_, lang_);
        }

        while (true) {
            std::optional<std::string> line;
            if (editing_) {
                line = read_line(prompt());
            } else {
                std::string l;
                if (std::getline(std::cin, l)) line = std::move(l);
            }
            if (!line) break;
            if (editing_) remember(*line, screen_, lang_);
            if (!execute(session_.handle(*line))) break;
            g_interrupted = 0;
        }
        if (editing_ && editor.history) history_truncate_file(editor.history->c_str(), kHistoryLines);
        g_editor = nullptr;
        return g_terminated ? 128 + g_terminated : 0;  // SIGTERM, SIGHUP: as the shell would say
    }

private:
    std::string prompt() const {
        const auto style = screen_.style();
        std::string text(output::message(lang_, Msg::PromptName));
        const std::string filters = session_.filters_text();
        if (!filters.empty())
            text += " [" + output::fit_width(filters, std::max<std::size_t>(20, style.width / 2)) + "]";
        if (!style.colour) return text + "> ";
        // \001 … \002 tell readline the escape sequences take no room.
        return "\001" + std::string(output::sgr::kAccent) + "\002" + text + "\001" + std::string(output::sgr::kReset) +
               "\002> ";
    }

    // False when the session ends.
    bool execute(const session::Session::Step& step) {
        for (const auto& n : step.notes) screen_.note(n, step.error);
        try {
            switch (step.action) {
                case session::Session::Action::None: break;
                case session::Session::Action::Search: run_search(); break;
                case session::Session::Action::Show: show(step.rank); break;
                case session::Session::Action::Like: return like(step.rank);
                case session::Session::Action::Facets: facets(step.facets, step.first_entity); break;
                case session::Session::Action::Help:
                    screen_.page(screen_.block(output::message(lang_, Msg::Help), "", 30));
                    break;
                case session::Session::Action::Quit: return false;
            }
        } catch (const veille::Error& e) {
            screen_.note(output::say(lang_, Msg::Error, {e.what()}), true);
        } catch (const std::exception& e) {
            screen_.note(output::say(lang_, Msg::Error, {e.what()}), true);
        }
        return true;
    }

    // A veille-index that ran meanwhile: search its latest commit.
    void refresh() {
        if (reader_.refresh()) searcher_.emplace(db_);
    }

    void run_search() {
        refresh();
        auto opts = session_.search_options();
        if (options_.facets_only) opts.limit = 0;
        search::SearchResults results = searcher_->search(opts);
        session_.record_total(results.pageable());
        if (results.hits.empty() && opts.offset > 0 && opts.limit > 0) {
            // An estimated total promised another page that is not there.
            session_.page_was_empty();
            return screen_.note(output::message(lang_, Msg::LastPage), false);
        }
        last_ = results;
        const auto style = screen_.style();
        std::ostringstream out;
        if (session_.json()) {
            results.query = session_.effective_query();
            output::render_json(out, results);
            return screen_.print(out.str());
        }
        results.query = session_.description();
        output::render_hits(out, results, style);
        if (results.total > 0) {
            out << '\n';
            output::render_facet_summary(out, results.facets, style);
            if (options_.facets || options_.facets_only) output::render_facets(out, results.facets, style);
            if (!options_.facets_only && session_.page_size() > 0) {
                const std::uint64_t size = session_.page_size();
                const std::uint64_t page = session_.offset() / size + 1;
                const std::uint64_t pages = std::max((results.pageable() + size - 1) / size, page);
                out << output::styled(output::fit_width(output::say(lang_, Msg::PageHint,
                                                                    {std::to_string(page), std::to_string(pages)}),
                                                        style.width),
                                      output::sgr::kDim, style.colour)
                    << '\n';
            }
        }
        screen_.print(out.str());
    }

    // Hit `rank` of the current search: from the page on screen, else searched (nullopt, with
    // a note, when there is no such hit).
    std::optional<search::Hit> hit_at(int rank) {
        for (const auto& h : last_.hits)
            if (h.rank == rank) return h;
        auto one = searcher_->search(session_.hit_options(rank));
        if (one.hits.empty()) {
            screen_.note(output::say(lang_, Msg::NoSuchHit, {std::to_string(rank), std::to_string(one.pageable())}), true);
            return std::nullopt;
        }
        return one.hits.front();
    }

    // :like N: the search becomes the documents similar to hit N.
    bool like(int rank) {
        refresh();
        const auto hit = hit_at(rank);
        if (!hit) return true;
        return execute(session_.like(hit->id, hit->title));
    }

    void show(int rank) {
        refresh();
        const auto hit = hit_at(rank);
        if (!hit) return;
        const std::string article_id = hit->article_id.empty() ? hit->id : hit->article_id;
        const auto thread = reader_.thread(article_id);
        if (!thread) return screen_.note(output::say(lang_, Msg::ThreadMissing, {article_id}), true);
        std::ostringstream out;
        if (session_.json()) {
            output::render_thread_json(out, *thread);
        } else {
            const auto terms = reader_.highlight_terms(session_.effective_query());
            const snippets::SnippetBuilder highlighter(reader_.analyzer(), terms);
            const std::optional<int> focus =
                hit->kind == documents::Kind::Comment ? hit->comment_number : std::optional<int>();
            output::render_thread(out, *thread, &highlighter, focus, screen_.style());
        }
        screen_.page(out.str());
    }

    // :facets: the counts of the current search, its entities from `first_entity` on (a page).
    void facets(session::FacetChoice choice, std::uint64_t first_entity) {
        refresh();
        search::SearchResults results = searcher_->search(session_.facet_options(first_entity));
        session_.record_entity_total(results.facets.entities_total);
        // The index changed under :facets plus and has fewer entities now.
        if (first_entity > 0 && results.facets.entities.empty())
            return screen_.note(output::message(lang_, Msg::FacetsLastPage), false);
        std::ostringstream out;
        if (session_.json()) {
            results.query = session_.effective_query();
            output::render_json(out, results);
            return screen_.page(out.str());
        }
        const auto style = screen_.style();
        out << screen_.block(output::say(lang_, Msg::FacetsHeader,
                                         {output::say(lang_, Msg::Quoted, {output::one_line(session_.description())}),
                                          output::say(lang_, results.total == 1 ? Msg::DocumentOne : Msg::DocumentMany,
                                                      {output::group_digits(lang_, results.total)})}),
                             output::sgr::kBold, 2);
        using session::FacetChoice;
        if (choice != FacetChoice::Dates && choice != FacetChoice::Kinds) {
            const auto& f = results.facets;
            output::render_facet_table(out, f, output::FacetTable::Entities, style);
            // More pages: say how to see the next (this page is full, the next holds as many or fewer).
            const std::uint64_t listed = f.entities_first + f.entities.size();
            if (f.entities_total > listed) {
                const std::uint64_t next = std::min<std::uint64_t>(f.entities_total - listed, f.entities.size());
                const std::string hint = output::say(lang_, Msg::FacetsMoreHint, {output::group_digits(lang_, next)});
                out << "   " << output::styled(hint, output::sgr::kDim, style.colour) << '\n';
            }
        }
        if (choice == FacetChoice::All || choice == FacetChoice::Kinds)
            output::render_facet_table(out, results.facets, output::FacetTable::Kinds, style);
        if (choice == FacetChoice::All || choice == FacetChoice::Dates)
            output::render_facet_table(out, results.facets, output::FacetTable::Dates, style);
        screen_.page(out.str());
    }

    const QueryCommandOptions& options_;
    Lang lang_;
    bool editing_;
    fs::path db_;
    search::ThreadReader reader_;
    std::optional<search::Searcher> searcher_;
    session::Session session_;
    Screen screen_;
    search::SearchResults last_;
};

}  // namespace

int run_interactive(const QueryCommandOptions& options, Lang lang) {
    const bool editing = ::isatty(STDIN_FILENO) == 1;
    if (editing) use_utf8_locale();
    // A pager that quits early closes its pipe: that must not end the session.
    std::signal(SIGPIPE, SIG_IGN);
    catch_signal(SIGINT);
    catch_signal(SIGWINCH);
    try {
        Interactive session(options, lang, editing);
        if (!session.add_option_filters()) return 2;
        return session.run();
    } catch (const veille::Error& e) {
        std::cerr << "veille-query: " << text::strip_terminal_controls(e.what()) << '\n';
        return 1;
    }
}

}  // namespace veille::query
