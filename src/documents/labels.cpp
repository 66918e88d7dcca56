#include "documents/labels.hpp"

#include <fmt/format.h>

#include <array>
#include <chrono>
#include <utility>

#include "core/category.hpp"

namespace recirc::documents {
namespace {

constexpr std::array<std::pair<std::string_view, std::string_view>, 13> kRegisterZh = {{
    {"purchase", "收购"},
    {"trade_in", "以旧换新"},
    {"buy_back", "回购"},
    {"consignment_intake", "寄卖"},
    {"donation", "捐赠"},
    {"store", "到店"},
    {"online", "线上"},
    {"door_to_door", "上门"},
    {"registered", "已登记"},
    {"held", "扣留"},
    {"held_for_verification", "待核查"},
    {"in_stock", "在库"},
    {"seized", "已扣押"},
}};

}  // namespace

std::string RegisterZh(std::string_view code) {
  for (const auto& [c, label] : kRegisterZh) {
    if (c == code) return std::string(label);
  }
  return std::string(code);
}

std::string CategoryZh(const std::string& code) {
  const auto* c = core::CategoryVocabulary::Embedded().Find(code);
  return c ? c->label_zh : code;
}

std::string ChinaTime(TimePoint t) {
  const auto local = std::chrono::floor<std::chrono::minutes>(t + std::chrono::hours(8));
  const auto day = std::chrono::floor<std::chrono::days>(local);
  const std::chrono::year_month_day ymd{day};
  const std::chrono::hh_mm_ss hms{local - day};
  return fmt::format("{:04}-{:02}-{:02} {:02}:{:02}", static_cast<int>(ymd.year()),
                     static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
                     hms.hours().count(), hms.minutes().count());
}

}  // namespace recirc::documents
