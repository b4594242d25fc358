// readers/file_reader: the front door. Which files are read, which are skipped and why, and
// the warnings that name the file when its bytes had to be repaired.
#include <sys/stat.h>
#include <unistd.h>

#include <boost/test/unit_test.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include "readers/file_reader.hpp"
#include "shared_corpora.hpp"

namespace fs = std::filesystem;
using veille::documents::Severity;
using veille::readers::FileContents;
using veille::readers::format_name;
using veille::readers::read_contents;
using veille::readers::read_file;

namespace {

const fs::path kFixtures = fs::path(VEILLE_TEST_DATA_DIR) / "readers";
const fs::path kSeedDir = fs::path(VEILLE_SOURCE_DIR) / "corpora" / "seed";

std::string slurp(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

bool contains(const std::string& haystack, const std::string& needle) {
    return haystack.find(needle) != std::string::npos;
}

// A fresh directory under the system temp dir, removed with everything in it.
class TempDir {
  public:
    TempDir() {
        std::string pattern = (fs::temp_directory_path() / "veille-readers-XXXXXX").string();
        BOOST_REQUIRE(::mkdtemp(pattern.data()) != nullptr);
        path_ = pattern;
    }
    ~TempDir() {
        std::error_code ec;
        fs::permissions(path_, fs::perms::owner_all, fs::perm_options::add, ec);
        fs::remove_all(path_, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;

    fs::path write(const std::string& name, const std::string& bytes) const {
        const fs::path p = path_ / name;
        std::ofstream(p, std::ios::binary) << bytes;
        return p;
    }
    const fs::path& path() const { return path_; }

  private:
    fs::path path_;
};

}  // namespace

BOOST_AUTO_TEST_SUITE(readers)

BOOST_AUTO_TEST_CASE(detect_format_by_name) {
    // clang-format off
    const struct {
        const char* name;
        const char* format;
    } cases[] = {
        {"mali-russie.txt", "text"},
        {"ARTICLE.TXT", "text"},
        {"notes.text", "text"},
        // Documentation beside the articles (README.md, SOURCE.md, LICENSE) is not news.
        {"revue-de-presse.md", "unsupported"},
        {"LICENSE", "unsupported"},
        {"corpus/2024/niger", "unsupported"},
        {"rapport.pdf", "unsupported"},
        {"page.html", "html"},
        {"PAGE.HTM", "html"},
        {"page.xhtml", "html"},
        {"articles.jsonl", "jsonl"},
        {"articles.ndjson", "jsonl"},
        {"scrapy.jl", "jsonl"},
        {"export.json", "unsupported"},  // looked at, see detect_format_by_content
        {"archive.tar.gz", "unsupported"},
    };
    // clang-format on
    for (const auto& c : cases) {
        BOOST_TEST_CONTEXT(c.name) {
            BOOST_TEST(format_name(veille::readers::detect_format(c.name)) ==
                       std::string(c.format));
        }
    }
}

// The content wins over the name when it is clear.
BOOST_AUTO_TEST_CASE(detect_format_by_content) {
    using veille::readers::detect_format;
    // clang-format off
    const struct {
        const char* name;
        std::string head;
        const char* format;
    } cases[] = {
        {"page.html", "<!DOCTYPE html><html><body><p>x</p></body></html>", "html"},
        {"page.html", "<p>un fragment</p>", "html"},
        {"page.html", "Du texte copié dans un fichier .html\n\nSans balise aucune.", "text"},
        {"article.txt", "<!DOCTYPE html>\n<html lang=\"fr\">", "html"},
        {"article.txt", "  \n<html>\n<head>", "html"},
        {"article.txt", "\xEF\xBB\xBF<!-- saved from url=(0042)https://x.example/ -->\n<html>", "html"},
        {"article.txt", "<?xml version=\"1.0\"?>\n<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0\">", "html"},
        {"article.txt", "{\"id\":\"a\",\"title\":\"T\"}\n{\"id\":\"b\"}\n", "jsonl"},
        {"article.txt", "Titre\n\n<p> n'est pas au début : du texte.", "text"},
        {"article.txt", "{Brouillon} un titre entre accolades\n\nCorps.", "text"},
        {"article.txt", "<htmlx>", "text"},
        {"export.jsonl", "<!doctype html><title>t</title>", "html"},
        {"export.jsonl", "ceci n'est pas du JSON", "jsonl"},  // its lines are then reported
        {"sans-extension", "<!DOCTYPE html><html>", "html"},
        {"sans-extension", "{\"title\":\"T\",\"text\":\"x\"}", "jsonl"},
        {"LICENSE", "MIT License\n\nCopyright (c) 2019", "unsupported"},
        {"export.json", "{\n  \"id\": 1,\n  \"title\": \"joli JSON\"\n}", "unsupported"},
        {"export.json", "{\"id\": 1}\n{\"id\": 2}", "jsonl"},
        {"index.php", "<html><body>page dynamique</body></html>", "html"},
    };
    // clang-format on
    for (const auto& c : cases) {
        BOOST_TEST_CONTEXT(c.name << ": " << c.head) {
            BOOST_TEST(format_name(detect_format(c.name, c.head)) == std::string(c.format));
        }
    }
    BOOST_TEST(veille::readers::worth_sniffing("sans-extension"));
    BOOST_TEST(veille::readers::worth_sniffing("page.php"));
    BOOST_TEST(!veille::readers::worth_sniffing("rapport.pdf"));
    BOOST_TEST(!veille::readers::worth_sniffing("README.md"));
}

BOOST_AUTO_TEST_CASE(read_contents_skips_with_a_reason) {
    // clang-format off
    const struct {
        const char* name;
        const char* path;
        std::string bytes;
        std::uintmax_t limit;
        std::string reason;
    } cases[] = {
        {"unsupported format", "rapport.pdf", "%PDF-1.7", 1024, "unsupported format (.pdf)"},
        {"empty file", "vide.txt", "", 1024, "empty file"},
        {"whitespace only", "blanc.txt", "  \n\t\r\n\n", 1024, "empty file"},
        {"BOM only", "bom.txt", "\xEF\xBB\xBF\n", 1024, "empty file"},
        {"controls only", "esc.txt", "\x1B[0m\n", 1024, "empty file"},
        {"NUL bytes", "image.txt", std::string("\x89PNG\r\n\x1A\n\0\0\0\rIHDR", 16), 1024,
         "binary file"},
        {"too large (bytes)", "gros.txt", std::string(2000, 'a'), 1000,
         "file too large (2 KB > 1000 bytes limit)"},
        {"too large (MB)", "enorme.txt", std::string(3 * 1024 * 1024, 'a'), 2 * 1024 * 1024,
         "file too large (3 MB > 2 MB limit)"},
        {"too large (decimals)", "lourd.txt", std::string(1536 * 1024, 'a'), 1024 * 1024,
         "file too large (1.5 MB > 1 MB limit)"},
        {"front matter only", "meta.txt", "---\ndate: 2024-03-12\n---\n", 1024, "no text"},
        {"plain text without extension", "LICENSE", "MIT License\n", 1024, "unsupported format (no extension)"},
        {"pretty-printed JSON", "export.json", "{\n  \"id\": 1\n}\n", 1024, "unsupported format (.json)"},
        {"NUL bytes in a page", "page.html", std::string("<html>\0\0\0\0\0\0", 12), 1024, "binary file"},
        {"a page too large", "page.html", std::string(2000, 'a'), 1000, "file too large (2 KB > 1000 bytes limit)"},
    };
    // clang-format on
    for (const auto& c : cases) {
        BOOST_TEST_CONTEXT(c.name) {
            const FileContents r = read_contents(c.path, c.bytes, {c.limit});
            BOOST_TEST(r.skipped);
            BOOST_TEST(r.skip_reason == c.reason);
            BOOST_TEST(r.articles.empty());
        }
    }
}

BOOST_AUTO_TEST_CASE(seed_document_reads_cleanly) {
    const FileContents r = read_file(kSeedDir / "mali-russie.txt");
    BOOST_TEST(!r.skipped);
    BOOST_TEST(format_name(r.format) == std::string("text"));
    BOOST_TEST(r.diagnostics.empty());
    BOOST_TEST_REQUIRE(r.articles.size() == 1u);
    BOOST_TEST(r.articles[0].title == "Sécurité au Mali : pour la France, la Russie a échoué");
    BOOST_TEST(r.articles[0].comments.size() == 7u);
    BOOST_TEST(r.articles[0].first_line == 1u);
}

BOOST_AUTO_TEST_CASE(seed_is_a_byte_for_byte_copy, veille::test::needs_shared_corpus("seed")) {
    const fs::path shared = veille::test::kSharedCorpora / "seed" / "mali-russie.txt";
    BOOST_TEST(slurp(kSeedDir / "mali-russie.txt") == slurp(shared));
}

BOOST_AUTO_TEST_CASE(every_sample_article_reads_without_warnings) {
    std::size_t files = 0;
    for (const auto& entry : fs::directory_iterator(kSeedDir)) {
        BOOST_TEST_CONTEXT(entry.path().filename()) {
            const FileContents r = read_file(entry.path());
            BOOST_TEST(!r.skipped, r.skip_reason);
            BOOST_TEST(r.diagnostics.empty());
            BOOST_TEST_REQUIRE(r.articles.size() == 1u);
            BOOST_TEST(!r.articles[0].title.empty());
            BOOST_TEST(!r.articles[0].body.empty());
            ++files;
        }
    }
    BOOST_TEST(files >= 5u);
}

BOOST_AUTO_TEST_CASE(plain_article_fixture) {
    const FileContents r = read_file(kFixtures / "plain-article.txt");
    BOOST_TEST(r.diagnostics.empty());
    BOOST_TEST_REQUIRE(r.articles.size() == 1u);
    BOOST_TEST(r.articles[0].title == "Burkina Faso : Ouagadougou se tourne vers Moscou");
    BOOST_TEST(r.articles[0].body.starts_with("Le capitaine Ibrahim Traoré"));
    BOOST_TEST(r.articles[0].comments.empty());
}

BOOST_AUTO_TEST_CASE(front_matter_fixture) {
    const fs::path path = kFixtures / "front-matter.txt";
    const FileContents r = read_file(path);
    BOOST_TEST_REQUIRE(r.articles.size() == 1u);
    const auto& a = r.articles[0];
    BOOST_TEST(a.title == "Niger : la junte suspend la coopération avec Paris");
    BOOST_TEST(a.meta.date == "2023-08-03");
    BOOST_TEST(a.meta.source == "Veille Sahel (exemple)");
    BOOST_TEST(a.meta.url == "https://exemple.org/niger-cooperation");
    BOOST_TEST(a.meta.author == "Awa Traoré");
    BOOST_TEST(a.body.starts_with("Ligne qui n'est pas un titre\n\n"));
    BOOST_TEST_REQUIRE(r.diagnostics.size() == 2u);
    BOOST_TEST(r.diagnostics[0].to_string() ==
               path.string() +
                   ":7: unknown front-matter key 'tags' ignored (known: title, date, url, "
                   "source, author)");
    BOOST_TEST(
        r.diagnostics[1].to_string() ==
        path.string() +
            ":8: malformed front-matter line (expected 'key: value'): ceci n'est pas une clé");
}

BOOST_AUTO_TEST_CASE(invalid_utf8_is_replaced_and_reported) {
    const fs::path path = kFixtures / "invalid-utf8.txt";
    const FileContents r = read_file(path);
    BOOST_TEST(!r.skipped);
    BOOST_TEST_REQUIRE(r.articles.size() == 1u);
    BOOST_TEST(r.articles[0].title ==
               "S\xEF\xBF\xBD"
               "curit\xEF\xBF\xBD au Mali");
    BOOST_TEST_REQUIRE(r.diagnostics.size() == 1u);
    const auto& d = r.diagnostics[0];
    BOOST_TEST((d.severity == Severity::Warning));
    BOOST_TEST(d.line == 0u);
    BOOST_TEST(d.path == path.string());
    BOOST_TEST(d.to_string() ==
               path.string() + ": invalid UTF-8: 6 sequences replaced with U+FFFD");
}

BOOST_AUTO_TEST_CASE(terminal_escapes_are_removed_and_reported) {
    const FileContents r = read_file(kFixtures / "ansi-escapes.txt");
    BOOST_TEST_REQUIRE(r.articles.size() == 1u);
    const auto& a = r.articles[0];
    BOOST_TEST(a.title == "ALERTE Bamako : le blocus continue");
    BOOST_TEST(a.body == "Les camions-citernes arrivent sous escorte.\nLire la suite");
    BOOST_TEST(!contains(a.title + a.body, "\x1B"));
    BOOST_TEST(!contains(a.body, "piégé"));  // an OSC window title is not text
    BOOST_TEST_REQUIRE(r.diagnostics.size() == 1u);
    BOOST_TEST(r.diagnostics[0].message == "removed 5 control characters");
}

BOOST_AUTO_TEST_CASE(crlf_and_nfd_fixtures) {
    const FileContents crlf = read_file(kFixtures / "crlf.txt");
    BOOST_TEST_REQUIRE(crlf.articles.size() == 1u);
    BOOST_TEST(crlf.articles[0].title == "Titre Windows");
    BOOST_TEST(crlf.articles[0].body ==
               "Premier paragraphe\nsur deux lignes.\n\nSecond paragraphe.");
    BOOST_TEST(crlf.diagnostics.empty());

    const FileContents nfd = read_file(kFixtures / "nfd.txt");
    BOOST_TEST_REQUIRE(nfd.articles.size() == 1u);
    BOOST_TEST(nfd.articles[0].title == "Sécurité au Sahel");  // precomposed é
    BOOST_TEST(nfd.articles[0].body == "Le régime malien a été salué à Niamey.");
    BOOST_TEST(nfd.diagnostics.empty());
}

BOOST_AUTO_TEST_CASE(skipped_fixtures) {
    // clang-format off
    const struct {
        const char* file;
        const char* reason;
    } cases[] = {
        {"empty.txt", "empty file"},
        {"blank.txt", "empty file"},
        {"binary.txt", "binary file"},
    };
    // clang-format on
    for (const auto& c : cases) {
        BOOST_TEST_CONTEXT(c.file) {
            const FileContents r = read_file(kFixtures / c.file);
            BOOST_TEST(r.skipped);
            BOOST_TEST(r.skip_reason == c.reason);
        }
    }
}

BOOST_AUTO_TEST_CASE(size_limit_is_checked_before_reading) {
    const TempDir dir;
    const fs::path big = dir.write("gros.txt", std::string(4096, 'a'));
    const FileContents r = read_file(big, {1024});
    BOOST_TEST(r.skipped);
    BOOST_TEST(r.skip_reason == "file too large (4 KB > 1 KB limit)");
}

BOOST_AUTO_TEST_CASE(unreadable_files_are_skipped_with_errno) {
    const TempDir dir;

    // A file that vanished between the directory walk and the read.
    const FileContents vanished = read_file(dir.path() / "disparu.txt");
    BOOST_TEST(vanished.skipped);
    BOOST_TEST(vanished.skip_reason == "cannot read: No such file or directory");

    // A directory whose name looks like a text file.
    fs::create_directory(dir.path() / "dossier.txt");
    const FileContents directory = read_file(dir.path() / "dossier.txt");
    BOOST_TEST(directory.skipped);
    BOOST_TEST(directory.skip_reason == "cannot read: Is a directory");

    // No read permission. root reads anything, so the check only means something otherwise.
    const fs::path locked = dir.write("verrouille.txt", "Titre\n\nCorps.\n");
    fs::permissions(locked, fs::perms::none);
    const FileContents r = read_file(locked);
    if (::geteuid() == 0) {
        BOOST_TEST_MESSAGE("running as root: permission check skipped");
    } else {
        BOOST_TEST(r.skipped);
        BOOST_TEST(r.skip_reason == "cannot read: Permission denied");
    }
}

BOOST_AUTO_TEST_CASE(unsupported_file_is_not_opened) {
    // Even a missing .pdf is "unsupported": the name decides before any I/O.
    const FileContents r = read_file("/nonexistent/rapport.pdf");
    BOOST_TEST(r.skipped);
    BOOST_TEST(r.skip_reason == "unsupported format (.pdf)");
    BOOST_TEST(format_name(r.format) == std::string("unsupported"));
}

BOOST_AUTO_TEST_SUITE_END()
