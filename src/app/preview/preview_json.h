#pragma once
// The little JSON the preview's API answers with, written by hand: UTF-8
// passes through as is (Poco's writer would \u-escape it).
#include <string>

namespace app::preview {

// A JSON string literal, quotes included.
std::string json_string(const std::string& v);
// A number with at most two decimals ("12.5", "3").
std::string json_number(double v);

}  // namespace app::preview
