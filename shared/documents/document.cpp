#include "documents/document.hpp"

namespace veille::documents {

const char* kind_name(Kind kind) { return kind == Kind::Article ? "article" : "comment"; }

std::string Diagnostic::to_string() const {
    std::string out = path;
    if (line) out += ":" + std::to_string(line);
    out += ": ";
    out += message;
    return out;
}

}  // namespace veille::documents
