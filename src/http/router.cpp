#include "http/router.hpp"

#include <algorithm>
#include <limits>
#include <set>

namespace recirc::http {
namespace {

bool IsTail(std::string_view segment) {
  return segment.size() > 5 && segment.front() == '{' && segment.ends_with("...}");
}

}  // namespace

std::vector<std::string_view> Router::Split(std::string_view path) {
  std::vector<std::string_view> out;
  size_t start = 1;
  if (path.empty() || path[0] != '/') return out;
  while (start <= path.size()) {
    const size_t end = path.find('/', start);
    const size_t stop = end == std::string_view::npos ? path.size() : end;
    out.push_back(path.substr(start, stop - start));
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  return out;
}

Result<Router> Router::Build(std::vector<Route> routes) {
  Router r;
  std::set<std::pair<int, std::string>> seen;
  for (const Route& route : routes) {
    if (!seen.insert({static_cast<int>(route.method), route.pattern}).second) {
      return Error::Internal("route declared twice: " + route.pattern);
    }
    if (!route.handler) return Error::Internal("route without handler: " + route.pattern);
    Compiled c;
    for (auto s : Split(route.pattern)) c.segments.emplace_back(s);
    for (size_t i = 0; i + 1 < c.segments.size(); ++i) {
      if (IsTail(c.segments[i])) {
        return Error::Internal("a {name...} segment must come last: " + route.pattern);
      }
    }
    r.compiled_.push_back(std::move(c));
  }
  r.routes_ = std::move(routes);
  return r;
}

bool Router::MatchPattern(const Compiled& c, const std::vector<std::string_view>& segments,
                          std::vector<std::pair<std::string, std::string>>* params) const {
  const bool tail = !c.segments.empty() && IsTail(c.segments.back());
  if (tail ? segments.size() < c.segments.size() : c.segments.size() != segments.size()) {
    return false;
  }
  for (size_t i = 0; i < segments.size(); ++i) {
    const std::string& p = c.segments[std::min(i, c.segments.size() - 1)];
    if (tail && i + 1 >= c.segments.size()) {
      if (segments[i].empty()) return false;
      if (i + 1 == c.segments.size()) {
        std::string rest(segments[i]);
        for (size_t j = i + 1; j < segments.size(); ++j) {
          if (segments[j].empty()) return false;
          rest += "/" + std::string(segments[j]);
        }
        if (params) params->emplace_back(p.substr(1, p.size() - 5), std::move(rest));
      }
      continue;
    }
    if (p.size() > 2 && p.front() == '{' && p.back() == '}') {
      if (segments[i].empty()) return false;
      if (params) params->emplace_back(p.substr(1, p.size() - 2), std::string(segments[i]));
    } else if (p != segments[i]) {
      return false;
    }
  }
  return true;
}

RouteMatch Router::Match(Verb method, std::string_view path) const {
  const auto segments = Split(path);
  RouteMatch best;
  int best_literals = std::numeric_limits<int>::min();
  for (size_t i = 0; i < routes_.size(); ++i) {
    if (!MatchPattern(compiled_[i], segments, nullptr)) continue;
    const bool head_as_get = method == Verb::head && routes_[i].method == Verb::get;
    if (routes_[i].method != method && !head_as_get) {
      best.method_not_allowed = true;
      continue;
    }
    // Literals count twice and a tail once less, so "/a/{x}" beats "/a/{rest...}".
    int literals = 0;
    for (const auto& s : compiled_[i].segments) {
      literals += (s.empty() || s.front() != '{') ? 2 : (IsTail(s) ? -1 : 0);
    }
    if (literals > best_literals) {
      best_literals = literals;
      best.route = &routes_[i];
      best.index = i;
    }
  }
  if (best.route) {
    best.method_not_allowed = false;
    MatchPattern(compiled_[best.index], segments, &best.params);
  }
  return best;
}

std::string Router::AllowedMethods(std::string_view path) const {
  const auto segments = Split(path);
  std::string out;
  for (size_t i = 0; i < routes_.size(); ++i) {
    if (!MatchPattern(compiled_[i], segments, nullptr)) continue;
    if (!out.empty()) out += ", ";
    out += std::string(boost::beast::http::to_string(routes_[i].method));
  }
  return out;
}

}  // namespace recirc::http
