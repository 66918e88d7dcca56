// Request bodies and query strings as the handlers read them: the first line is a query string
// (decoded as the dispatcher does, with Boost.URL), the rest the JSON body. Then the DTO readers
// (api/dto.hpp: PageFromQuery, CursorPageFromQuery) and the field readers (http/json_fields.hpp)
// on every field of the body. Errors must name a field; nothing may crash.
#include <boost/json.hpp>
#include <boost/url/parse.hpp>

#include <cstring>
#include <memory>
#include <string>

#include "api/dto.hpp"
#include "fuzz_check.hpp"
#include "http/json_fields.hpp"

using namespace recirc;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text = fuzz::AsText(data, size);
  const size_t nl = text.find('\n');
  const std::string_view query = text.substr(0, nl);
  const std::string_view body = nl == std::string_view::npos ? "" : text.substr(nl + 1);

  http::HttpRequest request;
  request.body() = std::string(body);
  http::RequestContext ctx{request};
  // The request target as the dispatcher sees it (Dispatcher::Plan): a path and the query, in a
  // buffer with no terminating NUL, as Beast's parser hands it over.
  const std::string target = "/api/v1/x?" + std::string(query);
  const std::unique_ptr<char[]> buffer(new char[target.size()]);
  std::memcpy(buffer.get(), target.data(), target.size());
  if (auto url = boost::urls::parse_origin_form(std::string_view(buffer.get(), target.size()))) {
    for (const auto& p : url->params()) ctx.query.emplace_back(p.key, p.value);
  }
  if (auto page = api::PageFromQuery(ctx)) {
    FUZZ_CHECK(page->limit >= 1 && page->limit <= 200);
  } else {
    FUZZ_CHECK(page.error().field == "limit");
  }
  if (auto page = api::CursorPageFromQuery(ctx, 20, 100)) {
    FUZZ_CHECK(page->limit >= 1 && page->limit <= 100);
  } else {
    FUZZ_CHECK(page.error().field == "limit");
  }

  auto object = ctx.JsonObject();
  if (!object) {
    FUZZ_CHECK(object.error().field == "body");
    return 0;
  }
  const http::JsonFields fields(*object);
  (void)fields.OnlyKnown({"name", "limit", "note"});
  std::vector<std::string> keys;
  for (const auto& kv : *object) keys.emplace_back(kv.key());
  keys.emplace_back("absent");
  for (const auto& k : keys) {
    if (auto s = fields.String(k); !s) FUZZ_CHECK(s.error().field == k);
    if (auto s = fields.OptionalString(k); !s) FUZZ_CHECK(s.error().field == k);
    if (auto i = fields.Integer(k); !i) FUZZ_CHECK(i.error().field == k);
    if (auto i = fields.OptionalInteger(k); !i) FUZZ_CHECK(i.error().field == k);
    if (auto b = fields.OptionalBool(k, false); !b) FUZZ_CHECK(b.error().field == k);
  }
  return 0;
}
