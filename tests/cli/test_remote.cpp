// Shards served by xapian-tcpsrv and searched through a stub file, end to end: the real
// veille-index writes three shards, xapian-tcpsrv serves two of them on 127.0.0.1, and
// veille-query, given a stub listing one local and one remote database, answers exactly as
// from one database: totals, ranked ids, facet counts (Xapian's ValueCountMatchSpy runs on
// the server). Skipped, with a message, when xapian-tcpsrv is not installed.
#include <boost/test/unit_test.hpp>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <map>
#include <thread>

#include "cli/cli_harness.hpp"

namespace fs = std::filesystem;
using nlohmann::json;
using veille::test::RunResult;
using veille::test::ScratchDir;

namespace {

const std::string kIndex = VEILLE_INDEX_BIN;
const std::string kQuery = VEILLE_QUERY_BIN;
const fs::path kCorpora = fs::path(VEILLE_SOURCE_DIR) / "corpora";

std::string find_tcpsrv() {
    for (const char* dir : {"/usr/bin", "/usr/local/bin"}) {
        const fs::path p = fs::path(dir) / "xapian-tcpsrv";
        if (::access(p.c_str(), X_OK) == 0) return p.string();
    }
    return {};
}

struct TcpsrvInstalled {
    boost::test_tools::assertion_result operator()(boost::unit_test::test_unit_id) const {
        boost::test_tools::assertion_result r(!find_tcpsrv().empty());
        r.message() << "xapian-tcpsrv is not installed (Debian package xapian-tools): remote shards not tested";
        return r;
    }
};

// A port nobody listens on now, on the loopback interface.
int free_port() {
    const int s = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    a.sin_port = 0;
    socklen_t len = sizeof a;
    int port = -1;
    if (::bind(s, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0 &&
        ::getsockname(s, reinterpret_cast<sockaddr*>(&a), &len) == 0)
        port = ntohs(a.sin_port);
    ::close(s);
    return port;
}

bool accepts(int port) {
    const int s = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    a.sin_port = htons(static_cast<std::uint16_t>(port));
    const bool ok = ::connect(s, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0;
    ::close(s);
    return ok;
}

// xapian-tcpsrv serving `databases` as one on 127.0.0.1 only, in its own process group, and
// stopped (with the children it forks per connection) when this goes out of scope.
class Tcpsrv {
public:
    Tcpsrv(const std::vector<fs::path>& databases, const fs::path& log) {
        for (int attempt = 0; attempt < 5 && !ready_; ++attempt) {
            port_ = free_port();
            BOOST_TEST_REQUIRE(port_ > 0);
            std::vector<std::string> argv{find_tcpsrv(), "--interface", "127.0.0.1", "--port", std::to_string(port_),
                                          "--idle-timeout", "20000", "--quiet"};
            for (const auto& d : databases) argv.push_back(d.string());
            pid_ = ::fork();
            BOOST_TEST_REQUIRE(pid_ >= 0);
            if (pid_ == 0) {
                ::setpgid(0, 0);
                std::freopen(log.c_str(), "a", stdout);
                std::freopen(log.c_str(), "a", stderr);
                std::vector<char*> args;
                for (auto& a : argv) args.push_back(a.data());
                args.push_back(nullptr);
                ::execv(args[0], args.data());
                ::_exit(127);
            }
            ::setpgid(pid_, pid_);
            // Up to 5 s for it to listen; a port taken meanwhile: try another one.
            for (int i = 0; i < 100 && !ready_; ++i) {
                int status = 0;
                if (::waitpid(pid_, &status, WNOHANG) == pid_) {
                    pid_ = -1;
                    break;
                }
                ready_ = accepts(port_);
                if (!ready_) std::this_thread::sleep_for(std::chrono::milliseconds(50));
            }
            if (!ready_) stop();
        }
        BOOST_TEST_REQUIRE(ready_, "xapian-tcpsrv did not start: " << veille::test::slurp(log));
    }
    ~Tcpsrv() { stop(); }
    int port() const { return port_; }

private:
    void stop() {
        if (pid_ <= 0) return;
        ::kill(-pid_, SIGTERM);
        for (int i = 0; i < 100; ++i) {
            int status = 0;
            if (::waitpid(pid_, &status, WNOHANG) == pid_) {
                pid_ = -1;
                return;
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
        ::kill(-pid_, SIGKILL);
        ::waitpid(pid_, nullptr, 0);
        pid_ = -1;
    }
    pid_t pid_ = -1;
    int port_ = -1;
    bool ready_ = false;
};

json query(const fs::path& db, std::vector<std::string> args, const ScratchDir& dir) {
    std::vector<std::string> argv{kQuery, "--db", db.string(), "--json"};
    argv.insert(argv.end(), args.begin(), args.end());
    const RunResult r = veille::test::run(argv, dir.path());
    BOOST_TEST_REQUIRE(r.exit_code == 0, "veille-query failed: " << r.err);
    return json::parse(r.out);
}

// Hits as (score, id), equal scores in id order (Xapian breaks ties by document number).
std::vector<std::pair<double, std::string>> ranking(const json& results) {
    std::vector<std::pair<double, std::string>> out;
    for (const auto& h : results["hits"])
        out.emplace_back(std::round(h["score"].get<double>() * 1e6) / 1e6, h["id"].get<std::string>());
    std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
        return a.first != b.first ? a.first > b.first : a.second < b.second;
    });
    return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(remote_shards)

BOOST_AUTO_TEST_CASE(a_stub_of_local_and_remote_shards_answers_as_one_index,
                     *boost::unit_test::precondition(TcpsrvInstalled()) *
                         boost::unit_test::timeout(60)) {
    ScratchDir dir;
    const fs::path one = dir / "one", three = dir / "three";
    auto r = veille::test::run({kIndex, "--db", one.string(), kCorpora.string()}, dir.path());
    BOOST_TEST_REQUIRE(r.exit_code == 0, r.err);
    r = veille::test::run({kIndex, "--shards", "3", "--db", three.string(), kCorpora.string()}, dir.path());
    BOOST_TEST_REQUIRE(r.exit_code == 0, r.err);
    BOOST_TEST(r.out.find("in 3 shards") != std::string::npos, r.out);

    // Shards 1 and 2 on the "other machine", shard 0 here.
    Tcpsrv server({three / "shard-1", three / "shard-2"}, dir / "tcpsrv.log");
    const fs::path stub = dir / "mixed.stub";
    std::ofstream(stub) << "auto " << (three / "shard-0").string() << "\nremote 127.0.0.1:" << server.port() << "\n";

    for (std::string q : {"Mali", "securite russie", "type:commentaire", "entité:Russie", "Niger OU Tchad"}) {
        BOOST_TEST_CONTEXT(q) {
            const json a = query(one, {"--facets", "--limit", "10", q}, dir);
            const json b = query(stub, {"--facets", "--limit", "10", q}, dir);
            BOOST_TEST(a["total"] == b["total"]);
            BOOST_TEST(ranking(a) == ranking(b));
            BOOST_TEST(a["facets"]["entity"].size() == b["facets"]["entity"].size());
            std::map<std::string, std::uint64_t> ea, eb;
            for (const auto& e : a["facets"]["entity"]) ea[e["name"].get<std::string>()] = e["count"];
            for (const auto& e : b["facets"]["entity"]) eb[e["name"].get<std::string>()] = e["count"];
            BOOST_TEST(ea == eb);
            BOOST_TEST(a["facets"]["type"] == b["facets"]["type"]);
            BOOST_TEST(a["facets"]["date"] == b["facets"]["date"]);
            BOOST_TEST(a["facets"]["date_unknown"] == b["facets"]["date_unknown"]);
        }
    }
    // Snippets and stored fields come back from the remote shard too.
    const json all = query(stub, {"--limit", "100", "type:article OU type:commentaire"}, dir);
    BOOST_TEST(all["hits"].size() == query(one, {"--limit", "100", "type:article OU type:commentaire"}, dir)["hits"].size());
    for (const auto& h : all["hits"]) BOOST_TEST(!h["path"].get<std::string>().empty());
    BOOST_TEST(!query(stub, {"méharistes"}, dir)["hits"][0]["snippet"].get<std::string>().empty());

    // The stub can be searched; it cannot be written through.
    r = veille::test::run({kIndex, "--db", stub.string(), kCorpora.string()}, dir.path());
    BOOST_TEST(r.exit_code == 1);
    BOOST_TEST(r.err.find("remote shard") != std::string::npos, r.err);
}

BOOST_AUTO_TEST_SUITE_END()
