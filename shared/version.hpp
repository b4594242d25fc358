// What --version prints: Veille's version and the versions of the libraries that decide
// what matches (Xapian, ICU), so a result can be cited with what produced it.
#pragma once

#include <string>

namespace veille {

// "veille-query 0.1.0 (Xapian 1.4.22, ICU 72.1)": the first word names the program (help2man
// takes the man page's name from it).
std::string version_text(const std::string& program);

}  // namespace veille
