#include "schema/schema.hpp"

#include <cstdint>

namespace veille::schema {

namespace {
bool iequals_ascii(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        unsigned char x = a[i], y = b[i];
        if (x >= 'A' && x <= 'Z') x += 32;
        if (y >= 'A' && y <= 'Z') y += 32;
        if (x != y) return false;
    }
    return true;
}
}  // namespace

std::optional<Term> field_by_name(std::string_view name) {
    for (const auto& s : kTerms) {
        if (s.kind == FieldKind::Internal && s.field_fr.empty()) continue;
        if ((!s.field_fr.empty() && iequals_ascii(name, s.field_fr)) ||
            (!s.field_en.empty() && iequals_ascii(name, s.field_en)))
            return s.term;
    }
    return std::nullopt;
}

std::string hash_hex(std::string_view bytes) {
    std::uint64_t h = 1469598103934665603ull;
    for (unsigned char c : bytes) {
        h ^= c;
        h *= 1099511628211ull;
    }
    static const char* digits = "0123456789abcdef";
    std::string out(16, '0');
    for (int i = 15; i >= 0; --i) {
        out[i] = digits[h & 0xF];
        h >>= 4;
    }
    return out;
}

}  // namespace veille::schema
