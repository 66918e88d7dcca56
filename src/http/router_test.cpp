#include <gtest/gtest.h>

#include "http/router.hpp"

namespace recirc::http {
namespace {

Route Get(std::string pattern) {
  return {Verb::get, std::move(pattern), identity::Permission::kPublic,
          [](RequestContext&) -> Result<Response> { return Text(200, "text/plain", ""); }};
}

TEST(RouterTest, TailMatchesTheRestOfThePath) {
  auto router =
      Router::Build({Get("/log/tile/{path...}"), Get("/log/tile/x/{id}"), Get("/log/checkpoint")});
  ASSERT_TRUE(router) << router.error().message;
  auto m = router->Match(Verb::get, "/log/tile/0/x001/234.p/5");
  ASSERT_NE(m.route, nullptr);
  EXPECT_EQ(m.route->pattern, "/log/tile/{path...}");
  ASSERT_EQ(m.params.size(), 1u);
  EXPECT_EQ(m.params[0].first, "path");
  EXPECT_EQ(m.params[0].second, "0/x001/234.p/5");
  auto one = router->Match(Verb::get, "/log/tile/entries");
  ASSERT_NE(one.route, nullptr);
  EXPECT_EQ(one.params[0].second, "entries");
  EXPECT_EQ(router->Match(Verb::get, "/log/tile/x/7").route->pattern, "/log/tile/x/{id}")
      << "a fixed number of segments wins over a tail";
  EXPECT_EQ(router->Match(Verb::get, "/log/tile").route, nullptr) << "a tail needs one segment";
  EXPECT_EQ(router->Match(Verb::get, "/log/tile/0//1").route, nullptr) << "no empty segment";
  EXPECT_EQ(router->Match(Verb::get, "/log/tile/0/").route, nullptr);
  EXPECT_TRUE(router->Match(Verb::post, "/log/tile/0/000").method_not_allowed);
}

TEST(RouterTest, RefusesATailBeforeTheLastSegment) {
  EXPECT_FALSE(Router::Build({Get("/a/{rest...}/b")}));
}

TEST(RouterTest, LiteralsWinOverParameters) {
  auto router = Router::Build({Get("/x/{id}"), Get("/x/new")});
  ASSERT_TRUE(router);
  EXPECT_EQ(router->Match(Verb::get, "/x/new").route->pattern, "/x/new");
  EXPECT_EQ(router->Match(Verb::get, "/x/7").params.at(0).second, "7");
}

}  // namespace
}  // namespace recirc::http
