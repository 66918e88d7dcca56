#pragma once
// The inspection context's services, handed to the API as one bundle.

#include "domain/inspection/checklist.hpp"
#include "domain/inspection/disclosure.hpp"
#include "domain/inspection/queue.hpp"
#include "domain/inspection/repair.hpp"
#include "domain/inspection/report_service.hpp"
#include "domain/inspection/sanitization.hpp"

namespace recirc::inspection {

struct InspectionServices {
  const Catalogue& catalogue;
  InspectionService& reports;
  SanitizationService& sanitization;
  RepairService& repairs;
  DisclosureService& disclosure;
  InspectionQueueService& queue;
};

}  // namespace recirc::inspection
