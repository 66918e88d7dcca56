#pragma once
// The register as a report for the police (an outlet's day, a search result): CSV for machines
// and Excel (XLSX, libxlsxwriter) for people. No seller data: the report lists the register's
// transaction and item facts; a seller's details are a separate, audited full view.

#include <boost/json/object.hpp>

#include <string>
#include <vector>

#include "core/error.hpp"
#include "domain/registry/registry_port.hpp"

namespace recirc::documents {

struct RegisterLine {
  storage::AcquisitionRecord acquisition;
  storage::ItemRecord item;
};

// {"items": [...]}: the JSON form the register search route answers and the daily delivery writes.
boost::json::object RegisterJson(const std::vector<RegisterLine>& lines);
// RFC 4180: CRLF line ends, fields with commas, quotes or line breaks quoted.
std::string RegisterCsv(const std::vector<RegisterLine>& lines);
Result<std::string> RegisterXlsx(const std::vector<RegisterLine>& lines);

}  // namespace recirc::documents
