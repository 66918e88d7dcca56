// The JSON error body: the code, the message, the field and, when the error has one, the message
// id with its named parameters (docs/api.md "Message ids").
#include "http/response.hpp"

#include <gtest/gtest.h>
#include <boost/json.hpp>

namespace recirc::http {
namespace {

boost::json::object ErrorBody(const Response& r) {
  return boost::json::parse(r.body).as_object().at("error").as_object();
}

TEST(ErrorResponseTest, CarriesTheMessageIdAndItsParams) {
  const Response r = ErrorResponse(Error::FailedPrecondition("item_held: in its hold period")
                                       .Id("hold.period")
                                       .Param("until", "2026-12-14T00:47:41.312Z"),
                                   "req-1");
  EXPECT_EQ(r.status, 422u);
  const auto e = ErrorBody(r);
  EXPECT_EQ(e.at("code").as_string(), "failed_precondition");
  EXPECT_EQ(e.at("message").as_string(), "item_held: in its hold period");
  EXPECT_EQ(e.at("message_id").as_string(), "hold.period");
  EXPECT_EQ(e.at("params").as_object().at("until").as_string(), "2026-12-14T00:47:41.312Z");
  EXPECT_EQ(e.at("request_id").as_string(), "req-1");
}

TEST(ErrorResponseTest, KeepsTheFieldNextToTheId) {
  const auto e = ErrorBody(
      ErrorResponse(Error::InvalidArgument("password", "a password has at least 10 characters")
                        .Id("password.too_short")
                        .Param("min", "10"),
                    ""));
  EXPECT_EQ(e.at("field").as_string(), "password");
  EXPECT_EQ(e.at("message_id").as_string(), "password.too_short");
  EXPECT_EQ(e.at("params").as_object().at("min").as_string(), "10");
}

TEST(ErrorResponseTest, AnErrorWithoutIdHasNoIdNorParams) {
  const auto e = ErrorBody(ErrorResponse(Error::NotFound("item x not found"), ""));
  EXPECT_FALSE(e.contains("message_id"));
  EXPECT_FALSE(e.contains("params"));
}

}  // namespace
}  // namespace recirc::http
