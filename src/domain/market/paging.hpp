#pragma once
// Cursor paging of the market's lists (newest first): the cursor is the last id of the previous
// page, and a full page gives the next one.

#include <optional>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "core/id.hpp"
#include "storage/page_request.hpp"

namespace recirc::market {

// The operator's lists (offers, orders): 50 by default, at most 200.
inline constexpr int kOperatorPageDefault = 50;
inline constexpr int kOperatorPageMax = 200;
// A buyer's own lists (orders/mine, best-offers/mine): 20 by default, at most 100.
inline constexpr int kBuyerPageDefault = 20;
inline constexpr int kBuyerPageMax = 100;

// A limit outside 1..max is refused naming `limit`; a cursor that is not an id naming `cursor`.
inline Status CheckPage(const storage::PageRequest& page, int max_limit) {
  if (page.limit < 1 || page.limit > max_limit) {
    return Error::InvalidArgument("limit",
                                  "limit is a whole number from 1 to " + std::to_string(max_limit));
  }
  if (!page.after.empty()) RECIRC_CHECK(Id::Parse(page.after, "cursor"));
  return Ok();
}

// The cursor after `items` read with `limit`: the last id of a full page, none at the end.
template <class T, class IdOf>
std::optional<std::string> NextCursor(const std::vector<T>& items, int limit, IdOf id_of) {
  if (items.empty() || static_cast<int>(items.size()) < limit) return std::nullopt;
  return id_of(items.back());
}

}  // namespace recirc::market
