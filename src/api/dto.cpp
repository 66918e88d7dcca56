#include "api/dto.hpp"

#include <charconv>

namespace recirc::api {

Result<std::optional<int64_t>> WholeQuery(const http::RequestContext& ctx, const std::string& name,
                                          int64_t min, int64_t max) {
  auto text = ctx.Query(name);
  if (!text) return std::optional<int64_t>();
  int64_t n = 0;
  auto [ptr, ec] = std::from_chars(text->data(), text->data() + text->size(), n);
  if (ec != std::errc() || ptr != text->data() + text->size() || n < min || n > max) {
    std::string message = name;
    message.append(" is a whole number from ")
        .append(std::to_string(min))
        .append(" to ")
        .append(std::to_string(max));
    return Error::InvalidArgument(name, message);
  }
  return std::optional<int64_t>(n);
}

Result<storage::PageRequest> PageFromQuery(const http::RequestContext& ctx) {
  storage::PageRequest page;
  if (auto after = ctx.Query("after")) page.after = *after;
  RECIRC_TRY(auto limit, WholeQuery(ctx, "limit", 1, 200));
  if (limit) page.limit = static_cast<int>(*limit);
  return page;
}

Result<storage::PageRequest> CursorPageFromQuery(const http::RequestContext& ctx, int default_limit,
                                                 int max_limit) {
  storage::PageRequest page{"", default_limit};
  if (auto cursor = ctx.Query("cursor")) page.after = *cursor;
  RECIRC_TRY(auto limit, WholeQuery(ctx, "limit", 1, max_limit));
  if (limit) page.limit = static_cast<int>(*limit);
  return page;
}

}  // namespace recirc::api
