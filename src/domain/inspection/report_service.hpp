#pragma once
// InspectionService: signed inspection reports.
//
// An inspector of an inspection-body organisation submits the results of the checklist of the
// item's category; the service validates them (errors name the check), computes the grade by the
// published rule, and signs the public report with the body's Ed25519 key over its canonical
// JSON (canonical_json.hpp), prefixed with kReportSignatureContext. A report is a third party's
// statement, except for self-inspection: in a category that data/categories.json marks
// `self_allowed` (clothing, books, ...), the staff of the shop that acquired the item may file the
// report with the shop's own key; it says `"self_inspection": true` and buyers see it labelled so
// (docs/inspection.md "Self-inspection"). Other categories refuse it, naming item.category.
//
// Each body has one key, made on its first report and kept in inspection_keys, its private half
// encrypted with the node's data key. Anyone can check a report without an account: Verify takes
// the report JSON and signature and answers valid or invalid with the reason.

#include <boost/json/object.hpp>

#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/ids.hpp"
#include "core/random.hpp"
#include "crypto/field_cipher.hpp"
#include "domain/identity/principal.hpp"
#include "domain/inspection/checklist.hpp"
#include "domain/inspection/grading.hpp"
#include "domain/registry/registry_port.hpp"
#include "storage/inspection/inspection_repository.hpp"
#include "storage/journal_repository.hpp"

namespace recirc::inspection {

inline constexpr std::string_view kReportSignatureContext = "recirc inspection report v1\n";

struct AuthenticityInput {
  std::string verdict;  // genuine, counterfeit, cannot_determine
  std::string evidence;
};

struct InspectionInput {
  std::optional<int64_t> checklist_version;  // the newest when absent
  boost::json::object results;               // check id -> value
  std::optional<AuthenticityInput> authenticity;
  std::vector<std::string> defects;  // known defects in words (public)
};

struct SignedReport {
  std::string id;
  std::string item_id;
  boost::json::object report;  // the public report that was signed
  std::string signature;       // base64 Ed25519 signature
  std::string verifier_key;    // C2SP signed-note verifier key of the body
};

struct Verification {
  bool valid = false;
  std::string reason;  // empty when valid; malformed_report, malformed_signature, unknown_key,
                       // key_not_of_body, signature_mismatch
  std::optional<std::string> report_id;
};

// The offline part of a report check, for `recirc verify`: the Ed25519 signature over the
// report's canonical JSON under `key` (the inspection body's verifier key, obtained out of band),
// and the report naming that same key. Reasons: malformed_report, malformed_signature,
// key_not_of_body (the report names another key), signature_mismatch.
Verification VerifyReportOffline(const boost::json::value& report, std::string_view signature,
                                 std::string_view key);

enum class InspectorKind { kThirdParty, kSelf };
// Who the actor inspects as: an inspector of an inspection body, or an operator's staff with
// kItemsService (self-inspection); anyone else is refused (inspection.sign_forbidden).
Result<InspectorKind> InspectorKindOf(const identity::Principal& actor);

struct Difference {
  std::string what;  // "check" or "grade"
  std::string id;    // check id or scale id
  boost::json::value before;
  boost::json::value after;
};

class InspectionService {
 public:
  InspectionService(storage::Database& db, const Catalogue& catalogue,
                    const storage::InspectionRepository& repo,
                    const registry::RegistryPort& registry,
                    const storage::JournalRepository& journal, const crypto::FieldCipher& cipher,
                    const Clock& clock, Random& random)
      : db_(db),
        catalogue_(catalogue),
        repo_(repo),
        registry_(registry),
        journal_(journal),
        cipher_(cipher),
        clock_(clock),
        random_(random) {}

  Result<SignedReport> Submit(const identity::Principal& actor, const ItemId& item,
                              const InspectionInput& in);
  // Public: no account needed.
  Result<SignedReport> Get(const InspectionReportId& id);
  Result<std::vector<SignedReport>> OfItem(const ItemId& item);
  Verification Verify(const boost::json::value& report, std::string_view signature);
  // Check by check (and grade by grade) differences from report `with` (earlier) to `id`;
  // `with` is required (kInvalidArgument naming "with" when absent).
  Result<std::vector<Difference>> Compare(const InspectionReportId& id,
                                          const std::optional<InspectionReportId>& with);

 private:
  Status CheckSelfInspection(storage::Session& s, const identity::Principal& actor,
                             const storage::ItemRecord& item) const;
  Result<std::string> SignerKeyOf(storage::Session& s, const std::string& organisation_id,
                                  int64_t now);

  storage::Database& db_;
  const Catalogue& catalogue_;
  const storage::InspectionRepository& repo_;
  const registry::RegistryPort& registry_;
  const storage::JournalRepository& journal_;
  const crypto::FieldCipher& cipher_;
  const Clock& clock_;
  Random& random_;
};

}  // namespace recirc::inspection
