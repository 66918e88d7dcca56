// The witness role (C2SP tlog-witness v1.0.0): POST /witness/add-checkpoint, public (logs are
// not users of this node). Answers exactly as the spec says, in plain text: 200 with the
// cosignature line, 409 with the known size (text/x.tlog.size), 404 unknown origin, 403 bad
// log signature, 422 bad consistency proof, 400 malformed (the usual JSON error).
#include "api/history/routes.hpp"
#include "domain/history/witness.hpp"
#include "http/openapi_schema.hpp"

namespace recirc::api {
namespace {

// A request is a few proof lines and a checkpoint with at most 100 signature lines.
constexpr size_t kAddCheckpointLimit = size_t{16} * 1024;

http::Response Plain(unsigned status, std::string body) {
  return http::Text(status, "text/plain; charset=utf-8", std::move(body));
}

Result<http::Response> AddCheckpoint(const HistoryApi& d, http::RequestContext& c) {
  auto answer = d.witness.AddCheckpoint(c.request.body());
  if (!answer) {
    const Error& e = answer.error();
    switch (e.code) {
      // 400 as every other route answers it: JSON naming the field ("body").
      case ErrorCode::kNotFound:
        return Plain(404, e.message + "\n");
      case ErrorCode::kUnauthenticated:
        return Plain(403, e.message + "\n");
      case ErrorCode::kFailedPrecondition:
        return Plain(422, e.message + "\n");
      default:
        return e;
    }
  }
  if (answer->conflict) {
    return http::Text(409, "text/x.tlog.size", std::to_string(answer->known_size) + "\n");
  }
  return Plain(200, std::move(answer->cosignature));
}

}  // namespace

void AddWitnessRoutes(std::vector<http::Route>& routes, const HistoryApi& d) {
  routes.push_back({http::Verb::post, "/witness/add-checkpoint", identity::Permission::kPublic,
                    [&d](http::RequestContext& c) { return AddCheckpoint(d, c); },
                    kAddCheckpointLimit});
  http::Describe(
      routes, http::Verb::post, "/witness/add-checkpoint",
      http::Document<void, void>(
          "C2SP tlog-witness add-checkpoint: cosign a configured log's checkpoint if it "
          "is consistent with the last one this witness cosigned",
          "transparency log")
          .Body(
              "text/plain",
              R"js({"type": "string", "description": "old <size>, up to 63 base64 consistency-proof lines, an empty line, the signed checkpoint (at most 16 KiB)"})js")
          .Ok("The witness's cosignature line (tlog-cosignature v1)")
          .Returns(200, "", "text/plain; charset=utf-8", R"js({"type": "string"})js")
          .Returns(400, "Malformed request")
          .Returns(403, "The checkpoint is not signed by the log's key")
          .Returns(404, "This witness does not witness that origin")
          .Returns(409,
                   "The old size is not the size this witness last cosigned; the body is that size",
                   "text/x.tlog.size", R"js({"type": "string"})js")
          .Returns(422, "The consistency proof does not verify"));
}

}  // namespace recirc::api
