#include "schema/stored_data.hpp"

#include "schema/schema.hpp"

namespace veille::schema {

std::string encode_stored_data(const nlohmann::json& fields, std::string_view text) {
    std::string out = fields.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    out.reserve(out.size() + 1 + text.size());
    out += '\n';
    out += text;
    return out;
}

nlohmann::json decode_stored_fields(std::string_view raw) {
    return std::move(decode_stored_data(raw).fields);
}

StoredData decode_stored_data(std::string_view raw) {
    StoredData out;
    const auto newline = raw.find('\n');
    const std::string_view head = newline == std::string_view::npos ? raw : raw.substr(0, newline);
    out.fields = nlohmann::json::parse(head, nullptr, false);
    if (!out.fields.is_object()) {
        out.fields = nlohmann::json(nlohmann::json::value_t::discarded);
        return out;
    }
    if (newline != std::string_view::npos) {
        out.text = raw.substr(newline + 1);
    } else if (auto it = out.fields.find(data::kText); it != out.fields.end() && it->is_string()) {
        // Before schema 5 the text was a field: it lives in the JSON, the view points there.
        out.text = it->get_ref<const std::string&>();
    }
    return out;
}

}  // namespace veille::schema
