#pragma once
// An agreement's terms as stored (consignment_agreements.terms) and shown: one JSON object.

#include <boost/json/object.hpp>

#include "domain/consignment/agreement.hpp"

namespace recirc::consignment {

boost::json::object TermsJson(const Agreement& a);
// Reads what TermsJson wrote; kInternal on a malformed stored value.
Result<Agreement> TermsFromJson(const boost::json::object& o);

}  // namespace recirc::consignment
