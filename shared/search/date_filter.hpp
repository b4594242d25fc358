// date:…, après:…, avant:… -> an inclusive range over the date value slot.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "schema/schema.hpp"

namespace veille::search {

// Inclusive bounds as "YYYYMMDD" strings (the encoding of schema::kSlotDate); an empty bound
// is open. Documents without a date never pass a date filter.
struct DateRange {
    std::string low;
    std::string high;
};

// Reads the value of a date field:
//   date:2025  date:2025-11  date:2025-11-06  date:novembre-2025  date:"6 novembre 2025"
//   date:2022-01-01..2023-06-30  date:2024..  date:..2025
//   après:2024-01-01 (on or after)  avant:2025 (strictly before 2025)
// nullopt when the value is not a date; the caller reports it.
std::optional<DateRange> parse_date_filter(schema::Field field, std::string_view value);

}  // namespace veille::search
