#include "documents/article_link.hpp"

#include <algorithm>

#include "text/ascii.hpp"

namespace veille::documents {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// WordPress's "comment-page-2": the second page of a post's comments is still the post.
bool is_comment_page(std::string_view segment) {
    if (!segment.starts_with("comment-page-")) return false;
    const std::string_view n = segment.substr(13);
    return !n.empty() && std::all_of(n.begin(), n.end(), is_digit);
}

// "mali/comment-page-2" -> "mali".
std::string_view without_comment_page(std::string_view path) {
    const auto slash = path.rfind('/');
    const std::string_view last = slash == std::string_view::npos ? path : path.substr(slash + 1);
    if (!is_comment_page(last)) return path;
    path.remove_suffix(last.size());
    while (path.ends_with('/')) path.remove_suffix(1);
    return path;
}

}  // namespace

std::string article_address(std::string_view link) {
    std::string url(link.substr(0, link.find('#')));
    std::string_view path = url;
    if (path.ends_with('/')) path.remove_suffix(1);
    const auto slash = path.rfind('/');
    if (slash != std::string_view::npos && is_comment_page(path.substr(slash + 1))) url.resize(slash + 1);
    return url;
}

std::string url_link_key(std::string_view url) {
    url = url.substr(0, url.find('#'));
    if (url.empty()) return {};
    if (const auto scheme = url.find("://"); scheme != std::string_view::npos && scheme < 10)
        url.remove_prefix(scheme + 3);
    const auto host_end = std::min(url.find_first_of("/?"), url.size());
    std::string host = text::ascii_lower(url.substr(0, host_end));
    if (host.starts_with("www.")) host.erase(0, 4);
    std::string_view rest = url.substr(host_end);
    const auto query = rest.find('?');
    std::string_view path = rest.substr(0, query);
    while (path.ends_with('/')) path.remove_suffix(1);
    path = without_comment_page(path);

    std::string key = "url:" + host;
    key += path;
    if (query == std::string_view::npos) return key;
    char separator = '?';
    std::string_view params = rest.substr(query + 1);
    while (!params.empty()) {
        const auto amp = params.find('&');
        const std::string_view param = params.substr(0, amp);
        params = amp == std::string_view::npos ? std::string_view{} : params.substr(amp + 1);
        if (param.empty() || param.starts_with("utm_")) continue;
        key += separator;
        key += param;
        separator = '&';
    }
    return key;
}

std::string link_key(const ArticleName& name) {
    if (name.value.empty()) return {};
    if (name.by == ArticleName::By::Url) return url_link_key(name.value);
    return "id:" + name.value;
}

}  // namespace veille::documents
