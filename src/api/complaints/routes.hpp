#pragma once
// Complaint routes (docs/complaints.md): a buyer files and follows complaints, the operator
// answers, market supervision assigns, asks, decides and reads the statistics.

#include <vector>

#include "domain/complaints/complaint_service.hpp"
#include "http/route.hpp"

namespace recirc::api {

struct ComplaintsApi {
  complaints::ComplaintService& complaints;
};

void AddComplaintRoutes(std::vector<http::Route>& routes, const ComplaintsApi& api);

}  // namespace recirc::api
