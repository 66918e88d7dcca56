#include "app/witness_client.hpp"

#include "app/http_post.hpp"

namespace recirc::app {

Result<history::PostAnswer> PostText(const std::string& url, const std::string& body,
                                     std::chrono::milliseconds timeout) {
  RECIRC_TRY(HttpReply reply, PostPlainText(url, body, timeout, size_t{64} * 1024, "url"));
  return history::PostAnswer{reply.status, std::move(reply.content_type), std::move(reply.body)};
}

}  // namespace recirc::app
