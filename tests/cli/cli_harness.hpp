// Runs the built veille-index / veille-query in a scratch folder and captures what they say.
#pragma once

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

extern char** environ;

namespace veille::test {

struct RunResult {
    int exit_code = -1;
    std::string out;
    std::string err;
};

inline std::string slurp(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

// A fresh folder under the system temp dir, removed (with everything in it) at the end.
class ScratchDir {
public:
    ScratchDir() {
        std::random_device rd;
        path_ = std::filesystem::temp_directory_path() / ("veille-test-" + std::to_string(rd()));
        std::filesystem::create_directories(path_);
    }
    ~ScratchDir() {
        std::error_code ec;
        // Restore rights first so files made unreadable by a test can be removed.
        for (auto it = std::filesystem::recursive_directory_iterator(path_, ec);
             it != std::filesystem::recursive_directory_iterator(); it.increment(ec))
            std::filesystem::permissions(it->path(), std::filesystem::perms::owner_all,
                                         std::filesystem::perm_options::add, ec);
        std::filesystem::remove_all(path_, ec);
    }
    const std::filesystem::path& path() const { return path_; }
    std::filesystem::path operator/(const std::string& name) const { return path_ / name; }

    void write(const std::string& name, const std::string& content) const {
        auto p = path_ / name;
        std::filesystem::create_directories(p.parent_path());
        std::ofstream(p, std::ios::binary) << content;
    }

private:
    std::filesystem::path path_;
};

// The environment a tool runs in under test: never the user's desktop (their index, folders,
// colours, pager, width or language). HOME is the scratch folder; what a test depends on it
// sets in extra_env ("NAME=value", replacing any other). Messages are French unless it sets LANG.
inline std::vector<std::string> test_environment(const std::filesystem::path& scratch,
                                                 const std::vector<std::string>& extra_env = {}) {
    const auto ours = [](std::string_view kv) {
        for (std::string_view name : {"VEILLE_", "XDG_", "HOME=", "NO_COLOR=", "PAGER=", "COLUMNS=", "LINES=",
                                      "TERM=", "LANG=", "LANGUAGE=", "LC_"})
            if (kv.substr(0, name.size()) == name) return true;
        return false;
    };
    std::vector<std::string> env{"HOME=" + scratch.string()};
    for (char** e = environ; *e; ++e)
        if (!ours(*e)) env.emplace_back(*e);
    for (const auto& kv : extra_env) {
        const auto name = kv.substr(0, kv.find('=') + 1);
        std::erase_if(env, [&](const std::string& have) { return have.rfind(name, 0) == 0; });
        env.push_back(kv);
    }
    return env;
}

// Runs `argv` with stdout and stderr captured to files (no pipe deadlocks), stdin closed.
inline RunResult run(const std::vector<std::string>& argv, const std::filesystem::path& scratch,
                     const std::vector<std::string>& extra_env = {}) {
    static int counter = 0;
    const auto out_path = scratch / ("out." + std::to_string(++counter));
    const auto err_path = scratch / ("err." + std::to_string(counter));
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 1, out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawn_file_actions_addopen(&actions, 2, err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    std::vector<char*> args;
    for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    std::vector<std::string> env_strings = test_environment(scratch, extra_env);
    std::vector<char*> env;
    for (auto& kv : env_strings) env.push_back(kv.data());
    env.push_back(nullptr);
    pid_t pid = 0;
    RunResult r;
    if (posix_spawn(&pid, args[0], &actions, nullptr, args.data(), env.data()) == 0) {
        int status = 0;
        waitpid(pid, &status, 0);
        r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    }
    posix_spawn_file_actions_destroy(&actions);
    r.out = slurp(out_path);
    r.err = slurp(err_path);
    return r;
}

}  // namespace veille::test
