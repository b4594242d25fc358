#include "schema/schema.hpp"

#include <algorithm>
#include <cstdint>

namespace veille::schema {

std::optional<Field> field_by_name(std::string_view name) {
    // Fold ASCII capitals and the É of ENTITÉ/APRÈS typed in capitals.
    std::string folded;
    for (std::size_t i = 0; i < name.size(); ++i) {
        unsigned char c = name[i];
        if (c >= 'A' && c <= 'Z') c += 32;
        if (c == 0xC3 && i + 1 < name.size()) {
            unsigned char d = name[i + 1];
            if (d == 0x89 || d == 0x88) {  // É È -> é è
                folded += static_cast<char>(0xC3);
                folded += static_cast<char>(d + 0x20);
                ++i;
                continue;
            }
        }
        folded += static_cast<char>(c);
    }
    for (const auto& f : kFields) {
        std::string_view names = f.names;
        while (!names.empty()) {
            auto bar = names.find('|');
            if (names.substr(0, bar) == folded) return f.field;
            if (bar == std::string_view::npos) break;
            names.remove_prefix(bar + 1);
        }
    }
    return std::nullopt;
}

std::uint64_t hash64(std::string_view bytes) {
    std::uint64_t h = 1469598103934665603ull;
    for (unsigned char c : bytes) {
        h ^= c;
        h *= 1099511628211ull;
    }
    return h;
}

std::string short_key(std::uint64_t key) {
    // Digits and lower case first: the first character (4 bits) is never a capital, so a term
    // "XD" + key keeps Xapian's prefix convention without a ':'.
    static constexpr char kDigits[] = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_-";
    std::string out(11, '0');
    for (int i = 10; i >= 0; --i) {
        out[static_cast<std::size_t>(i)] = kDigits[key & 0x3F];
        key >>= 6;
    }
    return out;
}

std::string hash_hex(std::string_view bytes) {
    std::uint64_t h = hash64(bytes);
    static const char* digits = "0123456789abcdef";
    std::string out(16, '0');
    for (int i = 15; i >= 0; --i) {
        out[i] = digits[h & 0xF];
        h >>= 4;
    }
    return out;
}

std::string link_term(Term t, std::string_view link_key) {
    constexpr std::size_t kMaxKeyBytes = 200;  // Xapian refuses terms over 245 bytes
    if (link_key.size() <= kMaxKeyBytes) return term(t, link_key);
    std::string shortened(link_key.substr(0, kMaxKeyBytes - 17));
    shortened += '#';
    shortened += hash_hex(link_key);
    return term(t, shortened);
}

std::string entity_entry(std::string_view type, std::string_view name) {
    std::string out(type);
    out += kEntityTypeSeparator;
    out += name;
    return out;
}

std::string entity_value(std::vector<std::string> entries) {
    std::sort(entries.begin(), entries.end());
    entries.erase(std::unique(entries.begin(), entries.end()), entries.end());
    std::string value;
    for (const auto& e : entries) {
        if (!value.empty()) value += kEntitySeparator;
        value += e;
    }
    return value;
}

std::vector<std::string_view> entity_parts(std::string_view value) {
    std::vector<std::string_view> out;
    for (std::size_t start = 0; start < value.size();) {
        auto end = value.find(kEntitySeparator, start);
        if (end == std::string_view::npos) end = value.size();
        if (end > start) out.push_back(value.substr(start, end - start));
        start = end + 1;
    }
    return out;
}

std::vector<std::pair<std::string, std::string>> entity_entries(std::string_view value) {
    std::vector<std::pair<std::string, std::string>> out;
    for (const std::string_view one : entity_parts(value))
        if (const auto sep = one.find(kEntityTypeSeparator); sep != std::string_view::npos)
            out.emplace_back(std::string(one.substr(0, sep)), std::string(one.substr(sep + 1)));
    return out;
}

}  // namespace veille::schema
