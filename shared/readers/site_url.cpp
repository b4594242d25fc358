#include "readers/site_url.hpp"

#include "text/ascii.hpp"

namespace veille::readers {

std::string host_of(std::string_view url) {
    const auto scheme = url.find("//");
    if (scheme == std::string_view::npos) return {};
    url.remove_prefix(scheme + 2);
    std::string host = text::ascii_lower(url.substr(0, url.find_first_of("/?#:")));
    if (host.starts_with("www.")) host.erase(0, 4);
    return host;
}

}  // namespace veille::readers
