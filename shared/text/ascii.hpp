// ASCII case, for what machines write: tag and attribute names, class tokens, HTTP and WARC
// headers, charset labels, file extensions. Words never go through here: they fold through
// text/fold, which knows accents and every script.
#pragma once

#include <string>
#include <string_view>

namespace veille::text {

inline char ascii_lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

inline std::string ascii_lower(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = ascii_lower(c);
    return out;
}

// Whether `s` starts with `lower_prefix` (written in lower case), ASCII case aside.
inline bool ascii_starts_with(std::string_view s, std::string_view lower_prefix) {
    if (s.size() < lower_prefix.size()) return false;
    for (std::size_t i = 0; i < lower_prefix.size(); ++i)
        if (ascii_lower(s[i]) != lower_prefix[i]) return false;
    return true;
}

}  // namespace veille::text
