#pragma once
// Router: finds the route for a method and a decoded path. Patterns are literal segments and
// "{name}" segments that match any one non-empty segment; the last segment may instead be a tail
// "{name...}", matching one or more segments ("/log/tile/{path...}" matches "/log/tile/0/x001/234"
// with path = "0/x001/234"; no empty segment inside). Literal segments win over parameters
// ("/x/new" before "/x/{id}"), and a fixed number of segments wins over a tail. Construction
// refuses a table with a route declared twice or a tail that is not the last segment.

#include <optional>
#include <string>
#include <vector>

#include "http/route.hpp"

namespace recirc::http {

struct RouteMatch {
  const Route* route = nullptr;     // null: no route
  size_t index = 0;                 // position in the table (metrics)
  bool method_not_allowed = false;  // the path exists with other methods
  std::vector<std::pair<std::string, std::string>> params;
};

class Router {
 public:
  static Result<Router> Build(std::vector<Route> routes);
  RouteMatch Match(Verb method, std::string_view path) const;
  const std::vector<Route>& routes() const { return routes_; }
  // Methods allowed on a path (for the Allow header of a 405).
  std::string AllowedMethods(std::string_view path) const;

 private:
  struct Compiled {
    std::vector<std::string> segments;  // "{name}" for parameters
  };
  static std::vector<std::string_view> Split(std::string_view path);
  bool MatchPattern(const Compiled& c, const std::vector<std::string_view>& segments,
                    std::vector<std::pair<std::string, std::string>>* params) const;

  std::vector<Route> routes_;
  std::vector<Compiled> compiled_;
};

}  // namespace recirc::http
