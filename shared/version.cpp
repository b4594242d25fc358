#include "version.hpp"

#include <unicode/uversion.h>
#include <xapian.h>

namespace veille {

std::string version_text(const std::string& program) {
    UVersionInfo icu;
    u_getVersion(icu);
    char icu_text[U_MAX_VERSION_STRING_LENGTH];
    u_versionToString(icu, icu_text);
    return program + " " + VEILLE_VERSION + " (Xapian " + Xapian::version_string() + ", ICU " + icu_text + ")";
}

}  // namespace veille
