// The site a page's address names, the way every reader names a source it has no name for.
#pragma once

#include <string>
#include <string_view>

namespace veille::readers {

// "https://www.lopinion.fr/edition/…" -> "lopinion.fr" (lower case, no "www.", no port);
// "" when `url` has no "//".
std::string host_of(std::string_view url);

}  // namespace veille::readers
