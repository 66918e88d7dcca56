#include "api/dto.hpp"

#include <charconv>

namespace recirc::api {
Result<storage::PageRequest> PageFromQuery(const http::RequestContext& ctx) {
  storage::PageRequest page;
  if (auto after = ctx.Query("after")) page.after = *after;
  if (auto limit = ctx.Query("limit")) {
    int n = 0;
    auto [ptr, ec] = std::from_chars(limit->data(), limit->data() + limit->size(), n);
    if (ec != std::errc() || ptr != limit->data() + limit->size() || n < 1 || n > 200) {
      return Error::InvalidArgument("limit", "limit is a whole number from 1 to 200");
    }
    page.limit = n;
  }
  return page;
}

Result<storage::PageRequest> CursorPageFromQuery(const http::RequestContext& ctx, int default_limit,
                                                 int max_limit) {
  storage::PageRequest page{"", default_limit};
  if (auto cursor = ctx.Query("cursor")) page.after = *cursor;
  if (auto limit = ctx.Query("limit")) {
    int n = 0;
    auto [ptr, ec] = std::from_chars(limit->data(), limit->data() + limit->size(), n);
    if (ec != std::errc() || ptr != limit->data() + limit->size() || n < 1 || n > max_limit) {
      return Error::InvalidArgument(
          "limit", "limit is a whole number from 1 to " + std::to_string(max_limit));
    }
    page.limit = n;
  }
  return page;
}

}  // namespace recirc::api
