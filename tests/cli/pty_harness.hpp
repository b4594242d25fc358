// Runs a program on a pseudo-terminal, types into it and reads what a terminal would show.
// `Terminal` is a small VT100/xterm emulator (what readline and our renderers use: text with
// wide characters and autowrap, CR, LF, BS, TAB, cursor moves, erase in line/display,
// insert/delete characters; colours and modes are read and ignored) with unlimited
// scrollback, so a test asserts on the screen itself rather than on escape sequences.
#pragma once

#include <fcntl.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "text/utf8.hpp"

extern char** environ;

namespace veille::test {

class Terminal {
public:
    Terminal(std::size_t rows, std::size_t cols) : rows_(rows), cols_(cols), lines_(rows) {}

    void feed(std::string_view bytes) {
        pending_ += bytes;
        std::size_t i = 0;
        while (i < pending_.size()) {
            const std::size_t used = step(std::string_view(pending_).substr(i));
            if (used == 0) break;  // an incomplete sequence: wait for more bytes
            i += used;
        }
        pending_.erase(0, i);
    }

    // Every line ever shown (scrollback and screen), trailing spaces dropped.
    std::vector<std::string> lines() const {
        std::vector<std::string> out;
        for (const auto& l : lines_) out.push_back(render(l));
        while (!out.empty() && out.back().empty()) out.pop_back();
        return out;
    }
    // The line the cursor is on: the prompt and what is typed.
    std::string cursor_line() const { return render(lines_[row_]); }
    std::string all() const {
        std::string s;
        for (const auto& l : lines()) s += l + "\n";
        return s;
    }
    std::size_t autowraps() const { return autowraps_; }

private:
    struct Cell {
        std::string ch;  // a code point; "" = the right half of a wide one
    };
    using Line = std::vector<Cell>;

    static std::string render(const Line& l) {
        std::string s;
        for (const auto& c : l) s += c.ch;
        while (!s.empty() && s.back() == ' ') s.pop_back();
        return s;
    }
    std::size_t top() const { return lines_.size() - rows_; }
    Line& line() {
        if (lines_[row_].size() < cols_) lines_[row_].resize(cols_, Cell{" "});
        return lines_[row_];
    }
    void newline() {
        if (row_ + 1 == lines_.size()) lines_.emplace_back();
        ++row_;
    }
    void put(const std::string& ch, std::size_t width) {
        if (wrap_pending_ || col_ + width > cols_) {
            if (wrap_pending_ || col_ > 0) ++autowraps_;
            wrap_pending_ = false;
            col_ = 0;
            newline();
        }
        Line& l = line();
        l[col_].ch = ch;
        if (width == 2 && col_ + 1 < cols_) l[col_ + 1].ch = "";
        col_ += width;
        if (col_ >= cols_) {
            col_ = cols_ - 1;
            wrap_pending_ = true;
        }
    }
    static std::vector<int> params(std::string_view p) {
        std::vector<int> out;
        int v = -1;
        for (char c : p) {
            if (c >= '0' && c <= '9') v = (v < 0 ? 0 : v * 10) + (c - '0');
            else if (c == ';') {
                out.push_back(v);
                v = -1;
            }
        }
        out.push_back(v);
        return out;
    }
    static int arg(const std::vector<int>& p, std::size_t i, int def) {
        return i < p.size() && p[i] > 0 ? p[i] : def;
    }

    void csi(std::string_view p, char final) {
        const auto ps = params(p);
        const int n = arg(ps, 0, 1);
        if (!p.empty() && (p[0] == '?' || p[0] == '>' || p[0] == '=')) return;  // modes
        wrap_pending_ = false;
        Line& l = line();
        switch (final) {
            case 'A': row_ = row_ >= top() + n ? row_ - n : top(); break;
            case 'B': row_ = std::min(row_ + n, lines_.size() - 1); break;
            case 'C': col_ = std::min<std::size_t>(col_ + n, cols_ - 1); break;
            case 'D': col_ = col_ >= static_cast<std::size_t>(n) ? col_ - n : 0; break;
            case 'G': col_ = std::min<std::size_t>(arg(ps, 0, 1) - 1, cols_ - 1); break;
            case 'H':
            case 'f':
                row_ = std::min(top() + arg(ps, 0, 1) - 1, lines_.size() - 1);
                col_ = std::min<std::size_t>(arg(ps, 1, 1) - 1, cols_ - 1);
                break;
            case 'K': {
                const int mode = ps.empty() || ps[0] < 0 ? 0 : ps[0];
                const std::size_t b = mode == 0 ? col_ : 0, e = mode == 1 ? col_ + 1 : cols_;
                for (std::size_t i = b; i < e && i < l.size(); ++i) l[i].ch = " ";
                break;
            }
            case 'J': {
                const int mode = ps.empty() || ps[0] < 0 ? 0 : ps[0];
                if (mode == 0) {
                    for (std::size_t i = col_; i < l.size(); ++i) l[i].ch = " ";
                    for (std::size_t r = row_ + 1; r < lines_.size(); ++r) lines_[r].clear();
                } else if (mode == 2) {
                    for (std::size_t r = top(); r < lines_.size(); ++r) lines_[r].clear();
                }
                break;
            }
            case 'P':
                for (int k = 0; k < n && col_ < l.size(); ++k) {
                    l.erase(l.begin() + static_cast<std::ptrdiff_t>(col_));
                    l.push_back(Cell{" "});
                }
                break;
            case '@':
                for (int k = 0; k < n; ++k) {
                    l.insert(l.begin() + static_cast<std::ptrdiff_t>(col_), Cell{" "});
                    l.pop_back();
                }
                break;
            case 'X':
                for (int k = 0; k < n && col_ + k < l.size(); ++k) l[col_ + k].ch = " ";
                break;
            default: break;  // m (colours), r (scroll region), …: nothing to draw
        }
    }

    // Consumes one character or sequence from `s`; 0 when it is incomplete.
    std::size_t step(std::string_view s) {
        const auto b = static_cast<unsigned char>(s[0]);
        if (b == 0x1b) {
            if (s.size() < 2) return 0;
            if (s[1] == '[') {
                std::size_t i = 2;
                while (i < s.size() && !(s[i] >= 0x40 && s[i] <= 0x7e)) ++i;
                if (i >= s.size()) return 0;
                csi(s.substr(2, i - 2), s[i]);
                return i + 1;
            }
            if (s[1] == ']') {  // OSC … BEL or ST
                for (std::size_t i = 2; i < s.size(); ++i) {
                    if (s[i] == '\x07') return i + 1;
                    if (s[i] == '\x1b' && i + 1 < s.size() && s[i + 1] == '\\') return i + 2;
                }
                return 0;
            }
            if (s[1] == '(' || s[1] == ')') return s.size() < 3 ? 0 : 3;
            return 2;  // ESC = , ESC > , ESC 7 …
        }
        if (b == '\r') {
            col_ = 0;
            wrap_pending_ = false;
            return 1;
        }
        if (b == '\n') {
            wrap_pending_ = false;
            newline();
            return 1;
        }
        if (b == '\b') {
            if (wrap_pending_) wrap_pending_ = false;
            else if (col_ > 0) --col_;
            return 1;
        }
        if (b == '\t') {
            col_ = std::min<std::size_t>((col_ / 8 + 1) * 8, cols_ - 1);
            return 1;
        }
        if (b < 0x20 || b == 0x7f) return 1;  // BEL and other controls
        // A UTF-8 character: wait until it is whole.
        const std::size_t need = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
        if (s.size() < need) return 0;
        const std::string ch(s.substr(0, need));
        const std::size_t width = text::display_width(ch);
        if (width == 0) {  // a combining mark: onto the previous cell
            if (col_ > 0) line()[col_ - 1].ch += ch;
            return need;
        }
        put(ch, width);
        return need;
    }

    std::size_t rows_, cols_;
    std::vector<Line> lines_;
    std::size_t row_ = 0, col_ = 0;
    bool wrap_pending_ = false;
    std::size_t autowraps_ = 0;
    std::string pending_;
};

// A program on a pseudo-terminal of `rows` x `cols`.
class PtySession {
public:
    PtySession(const std::vector<std::string>& argv, const std::vector<std::string>& env, std::size_t rows = 40,
               std::size_t cols = 100)
        : term_(rows, cols) {
        winsize ws{};
        ws.ws_row = static_cast<unsigned short>(rows);
        ws.ws_col = static_cast<unsigned short>(cols);
        std::vector<char*> args;
        for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
        args.push_back(nullptr);
        std::vector<char*> envp;
        for (const auto& kv : env) envp.push_back(const_cast<char*>(kv.c_str()));
        envp.push_back(nullptr);
        pid_ = ::forkpty(&master_, nullptr, nullptr, &ws);
        if (pid_ == 0) {
            ::execve(args[0], args.data(), envp.data());
            ::_exit(127);
        }
        if (master_ >= 0) ::fcntl(master_, F_SETFL, ::fcntl(master_, F_GETFL) | O_NONBLOCK);
    }
    ~PtySession() {
        if (pid_ > 0 && !exited_) {
            ::kill(pid_, SIGKILL);
            ::waitpid(pid_, nullptr, 0);
        }
        if (master_ >= 0) ::close(master_);
    }
    PtySession(const PtySession&) = delete;
    PtySession& operator=(const PtySession&) = delete;

    bool started() const { return pid_ > 0 && master_ >= 0; }

    void type(std::string_view keys) {
        while (!keys.empty()) {
            const ssize_t n = ::write(master_, keys.data(), keys.size());
            if (n <= 0) {
                if (errno == EAGAIN || errno == EINTR) {
                    read_some(50);
                    continue;
                }
                return;
            }
            keys.remove_prefix(static_cast<std::size_t>(n));
        }
    }

    // Reads until `needle` appears in the output (escape sequences and CR removed) after
    // what earlier waits matched; false after `seconds`.
    bool wait_for(std::string_view needle, double seconds = 20) {
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(static_cast<int>(seconds * 1000));
        while (true) {
            const auto at = plain_.find(needle, mark_);
            if (at != std::string::npos) {
                mark_ = at + needle.size();
                return true;
            }
            if (std::chrono::steady_clock::now() >= deadline) return false;
            if (!read_some(100) && exited_) {
                const auto again = plain_.find(needle, mark_);
                if (again == std::string::npos) return false;
                mark_ = again + needle.size();
                return true;
            }
        }
    }

    // Reads for a while, for output that may or may not come.
    void settle(double seconds = 0.3) {
        const auto until = std::chrono::steady_clock::now() + std::chrono::milliseconds(static_cast<int>(seconds * 1000));
        while (std::chrono::steady_clock::now() < until) read_some(50);
    }

    // The exit code once the program ends (-1 on timeout; 128+N when killed by signal N).
    int wait_exit(double seconds = 20) {
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(static_cast<int>(seconds * 1000));
        while (!exited_ && std::chrono::steady_clock::now() < deadline) {
            read_some(50);
            int status = 0;
            if (::waitpid(pid_, &status, WNOHANG) == pid_) {
                exited_ = true;
                status_ = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
            }
        }
        read_some(0);
        return exited_ ? status_ : -1;
    }
    bool running() {
        if (exited_) return false;
        int status = 0;
        if (::waitpid(pid_, &status, WNOHANG) == pid_) {
            exited_ = true;
            status_ = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
        }
        return !exited_;
    }

    const Terminal& screen() const { return term_; }
    const std::string& raw() const { return raw_; }
    // What was shown, escape sequences and CR removed.
    const std::string& plain() const { return plain_; }
    // The plain output after the last match of wait_for.
    std::string since_mark() const { return plain_.substr(std::min(mark_, plain_.size())); }

private:
    // One poll and read; false when nothing came.
    bool read_some(int timeout_ms) {
        pollfd pfd{master_, POLLIN, 0};
        if (::poll(&pfd, 1, timeout_ms) <= 0) return false;
        char buf[8192];
        const ssize_t n = ::read(master_, buf, sizeof buf);
        if (n <= 0) {
            if (n < 0 && errno == EAGAIN) return false;
            // EIO: the program closed the terminal (it ended).
            int status = 0;
            if (!exited_ && ::waitpid(pid_, &status, 0) == pid_) {
                exited_ = true;
                status_ = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
            }
            return false;
        }
        const std::string_view chunk(buf, static_cast<std::size_t>(n));
        raw_.append(chunk);
        term_.feed(chunk);
        strip_into_plain(chunk);
        return true;
    }

    void strip_into_plain(std::string_view chunk) {
        esc_ += chunk;
        std::size_t i = 0;
        while (i < esc_.size()) {
            const char c = esc_[i];
            if (c == '\x1b') {
                if (i + 1 >= esc_.size()) break;
                if (esc_[i + 1] == '[') {
                    std::size_t j = i + 2;
                    while (j < esc_.size() && !(esc_[j] >= 0x40 && esc_[j] <= 0x7e)) ++j;
                    if (j >= esc_.size()) break;
                    i = j + 1;
                    continue;
                }
                if (esc_[i + 1] == ']') {
                    std::size_t j = esc_.find('\x07', i);
                    if (j == std::string::npos) break;
                    i = j + 1;
                    continue;
                }
                i += 2;
                continue;
            }
            if (c != '\r' && c != '\x07' && c != '\b') plain_ += c;
            ++i;
        }
        esc_.erase(0, i);
    }

    Terminal term_;
    int master_ = -1;
    pid_t pid_ = -1;
    bool exited_ = false;
    int status_ = -1;
    std::string raw_, plain_, esc_;
    std::size_t mark_ = 0;
};

}  // namespace veille::test
