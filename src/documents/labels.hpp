#pragma once
// Chinese words for the codes printed documents show (the web app's zh-CN catalogues say the
// same): a document for people never prints `purchase` or `held` where a Chinese reader expects
// 收购 and 扣留. CSV files for machines keep the codes.

#include <string>
#include <string_view>

#include "core/clock.hpp"

namespace recirc::documents {

// The register's codes: acquisition kinds, channels and statuses (registry.zh-CN.js); the code
// itself when it has no label.
std::string RegisterZh(std::string_view code);
// A category's Chinese label from data/categories.json; the code when it is unknown.
std::string CategoryZh(const std::string& code);
// "2026-12-01 18:00" in China Standard Time (UTC+8, no daylight saving).
std::string ChinaTime(TimePoint t);

}  // namespace recirc::documents
