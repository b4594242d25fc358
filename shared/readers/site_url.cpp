#include "readers/site_url.hpp"

namespace veille::readers {

std::string host_of(std::string_view url) {
    const auto scheme = url.find("//");
    if (scheme == std::string_view::npos) return {};
    url.remove_prefix(scheme + 2);
    std::string host(url.substr(0, url.find_first_of("/?#:")));
    for (char& c : host)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (host.starts_with("www.")) host.erase(0, 4);
    return host;
}

}  // namespace veille::readers
