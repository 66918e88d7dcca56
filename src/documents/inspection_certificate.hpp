#pragma once
// The PDF certificate of a signed inspection report, for people: the report's facts in Chinese
// and English (item, inspection body, every check with its result, the grade per scale with its
// plain name, defects, authenticity), the signature and verifier key, and a QR code of the public
// verification page. Drawn with cairo and pango (font WenQuanYi Micro Hei, fonts-wqy-microhei);
// the QR code by libqrencode. The PDF is a rendering only: the signed JSON report stays the thing
// a buyer verifies (the QR code leads to that check).

#include <boost/json/object.hpp>

#include <string>

#include "core/error.hpp"
#include "domain/inspection/checklist.hpp"

namespace recirc::documents {

struct CertificateInput {
  const boost::json::object& report;       // the signed public report
  std::string signature;                   // base64
  std::string verifier_key;                // the body's signed-note verifier key
  std::string verify_url;                  // the public page the QR code points to
  const inspection::Checklist* checklist;  // the report's checklist version (names); may be null
};

Result<std::string> InspectionCertificatePdf(const CertificateInput& in);

}  // namespace recirc::documents
