// The cases that read the real collections in ../shared/corpora (beside the checkout on CI
// and the developers' machines, absent from a plain clone). Each such case is declared with
//
//     BOOST_AUTO_TEST_CASE(name, veille::test::needs_shared_corpus("fresada"))
//
// which labels it `shared_corpora`: CMake runs those cases as their own CTest entry
// (`<folder>_shared_corpora`), reported "skipped" with the reason when the corpus is absent,
// and leaves them out of the folder's main entry (see tests/CMakeLists.txt).
#pragma once

#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <string>

namespace veille::test {

inline const std::filesystem::path kSharedCorpora = VEILLE_SHARED_CORPORA_DIR;

struct SharedCorpusPresent {
    std::string folder;
    boost::test_tools::assertion_result operator()(boost::unit_test::test_unit_id) const {
        boost::test_tools::assertion_result present(std::filesystem::exists(kSharedCorpora / folder));
        present.message() << (kSharedCorpora / folder).string() << " not found (../shared beside the checkout)";
        return present;
    }
};

inline boost::unit_test::decorator::collector_t& needs_shared_corpus(const std::string& folder) {
    return *boost::unit_test::precondition(SharedCorpusPresent{folder}) * boost::unit_test::label("shared_corpora");
}

}  // namespace veille::test
