// Request bodies read by description (http/describe_json.hpp, api/dto.hpp ReadBody): any bytes as
// the body of an acquisition registration (the deepest request: seller, agent, item, identifiers)
// and of a new organisation. Nothing may crash; a refused body is an InvalidArgument that names a
// field ("body" or a path such as seller.agent.id_type).
#include <boost/json.hpp>

#include <string>

#include "api/dto.hpp"
#include "api/identity/dto.hpp"
#include "api/registry/dto.hpp"
#include "fuzz_check.hpp"

using namespace recirc;

namespace {

template <class T>
void Check(const Result<T>& read) {
  if (read) return;
  FUZZ_CHECK(read.error().code == ErrorCode::kInvalidArgument);
  FUZZ_CHECK(!read.error().field.empty());
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  http::HttpRequest request;
  request.body() = std::string(fuzz::AsText(data, size));
  const http::RequestContext ctx{request};
  Check(api::ReadBody<api::dto::NewAcquisition>(ctx));
  Check(api::ReadBody<api::dto::NewOrganisation>(ctx));
  return 0;
}
