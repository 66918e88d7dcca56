#pragma once
// History routes: the public transparency log (checkpoint, tiles, key), item passports and proof
// files, and this node as a witness of other logs.

#include <vector>

#include "domain/history/log_service.hpp"
#include "domain/history/witness.hpp"
#include "http/route.hpp"

namespace recirc::api {

struct HistoryApi {
  history::LogService& log;
  history::WitnessService& witness;
};

void AddLogRoutes(std::vector<http::Route>& routes, const HistoryApi& api);
void AddWitnessRoutes(std::vector<http::Route>& routes, const HistoryApi& api);

}  // namespace recirc::api
