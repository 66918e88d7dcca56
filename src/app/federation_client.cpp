#include "app/federation_client.hpp"

#include <charconv>

#include "app/http_post.hpp"

namespace recirc::app {

Result<federation::PostAnswer> PostNote(const std::string& url, const std::string& body,
                                        std::chrono::milliseconds timeout) {
  RECIRC_TRY(HttpReply reply,
             PostPlainText(url, body, timeout, size_t{4} * 1024 * 1024, "federation.city_url"));
  federation::PostAnswer answer{reply.status, std::move(reply.body), std::nullopt};
  const std::string& retry = reply.retry_after;
  int64_t seconds = 0;
  if (!retry.empty() &&
      std::from_chars(retry.data(), retry.data() + retry.size(), seconds).ec == std::errc() &&
      seconds >= 0 && seconds <= 3600) {
    answer.retry_after = std::chrono::seconds(seconds);
  }
  return answer;
}

}  // namespace recirc::app
