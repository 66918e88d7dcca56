#pragma once
// Consumer complaints (docs/complaints.md, DOMAIN.md "Complaints"): a buyer files a complaint
// about an order, a listing or an operator; the operator answers within [complaints] answer_days;
// market supervision of the operator's region assigns it, asks the operator or the complainant
// for information, and decides (dismiss, mediate, order a refund, block the listing, warn the
// operator) with a reason. Every step is a complaint_steps row and a complaint.* journal event in
// the same transaction; a step the state does not allow is 409 complaint.illegal_transition.
//
// Who sees what: the complainant their own complaints with their contact details; the operator
// the complaints about it without the complainant's account or contact details; market
// supervision the complaints of its region (prefix of its organisation's region code) with the
// contact details masked.

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/event_type.hpp"
#include "core/ids.hpp"
#include "core/random.hpp"
#include "crypto/field_cipher.hpp"
#include "domain/complaints/complaint_statistics.hpp"
#include "domain/complaints/statuses.hpp"
#include "domain/identity/identity_port.hpp"
#include "domain/identity/login_limiter.hpp"
#include "domain/identity/principal.hpp"
#include "domain/market/complaint_port.hpp"
#include "storage/complaints/complaint_repository.hpp"
#include "storage/journal_repository.hpp"

namespace recirc::complaints {

struct ComplaintPolicy {
  int64_t answer_days = 7;  // [complaints] answer_days: the operator's time to answer
};

struct ComplaintInput {
  std::string subject_kind;  // order, offer, organisation
  std::string subject_id;
  std::string category;
  std::string demand;
  std::string facts;
  std::optional<std::string> contact_name;
  std::optional<std::string> contact_phone;  // 11-digit mainland mobile number
};

// Whose view of a complaint an answer is.
enum class Audience { kComplainant, kOperator, kSupervision };

struct ComplaintView {
  // For the operator, complainant_id is empty and the contact fields are nullopt; the contact
  // fields are opened (the complainant) or opened and masked (supervision), never sealed text.
  storage::ComplaintRecord complaint;
  std::vector<storage::ComplaintStepRecord> steps;  // actor ids of complainant steps hidden too
  std::string organisation_name;
  bool overdue = false;        // not answered and past answer_due_at
  bool answered_late = false;  // answered after answer_due_at
  Audience audience = Audience::kComplainant;
};

struct DecisionInput {
  std::string outcome;
  std::string reason;
};

class ComplaintService {
 public:
  ComplaintService(storage::Database& db, const storage::ComplaintRepository& repo,
                   const storage::JournalRepository& journal,
                   const identity::IdentityPort& identity, const market::ComplaintPort& market,
                   const crypto::FieldCipher& cipher, const Clock& clock, Random& random,
                   ComplaintPolicy policy)
      : db_(db),
        repo_(repo),
        journal_(journal),
        identity_(identity),
        market_(market),
        cipher_(cipher),
        clock_(clock),
        random_(random),
        policy_(policy) {}

  // A buyer account files a complaint (403 for other roles). An order must be the buyer's own;
  // an organisation must be an operator.
  Result<ComplaintView> File(const identity::Principal& actor, const ComplaintInput& in);
  // Anyone without an account files about a listing or an operator (an order needs the buyer's
  // account), giving a name and a phone to be reached at. At most LoginLimiter::kMaxPerPair a
  // window per client address `source` (429 complaint.too_many). Such a complaint has no
  // complainant account: supervision reaches them by phone, and only supervision may follow it.
  Result<ComplaintView> FileAnonymously(const ComplaintInput& in, const std::string& source);
  // The complaints the caller may see, newest first: a buyer's own, an operator's, or those of
  // supervision's region; none for other roles. `state` filters (an unknown one is 400 naming
  // it).
  Result<std::vector<ComplaintView>> List(const identity::Principal& actor,
                                          const std::optional<std::string>& state);
  Result<ComplaintView> Get(const identity::Principal& actor, const ComplaintId& id);

  // The operator's answer (market.manage in the organisation complained of).
  Result<ComplaintView> Answer(const identity::Principal& actor, const ComplaintId& id,
                               const std::string& text);
  // Market supervision assigns (or re-assigns) to one of its supervisors; the caller if none.
  Result<ComplaintView> Assign(const identity::Principal& actor, const ComplaintId& id,
                               const std::optional<std::string>& assignee);
  Result<ComplaintView> RequestInfo(const identity::Principal& actor, const ComplaintId& id,
                                    const std::string& party, const std::string& question);
  // The party asked (the operator's staff or the complainant) gives the information.
  Result<ComplaintView> ProvideInfo(const identity::Principal& actor, const ComplaintId& id,
                                    const std::string& text);
  Result<ComplaintView> Decide(const identity::Principal& actor, const ComplaintId& id,
                               const DecisionInput& in);

  // Market supervision's figures over the complaints of its region (the platform: all).
  Result<ComplaintStatistics> Statistics(const identity::Principal& actor);

  const ComplaintPolicy& policy() const { return policy_; }

 private:
  struct Subject {
    std::string organisation_id;
    std::string region_code;
  };
  // `complainant_id`: the account filing ("" without one), whose order an order must be.
  Result<Subject> ResolveSubject(storage::Session& s, const std::string& complainant_id,
                                 SubjectKind kind, const std::string& subject_id) const;
  Result<ComplaintView> FileAs(const std::string& complainant_id, const ComplaintInput& in);
  std::optional<Audience> AudienceOf(const identity::Principal& actor,
                                     const storage::ComplaintRecord& c) const;
  Result<ComplaintView> ViewOf(storage::Session& s, storage::ComplaintRecord c,
                               Audience audience) const;
  // What a step did: the row of its history and the journal event.
  struct Effect {
    std::string party;  // complainant, operator, supervision
    std::string text;
    std::string detail;
    const EventType* event = nullptr;
    std::string payload;  // the event's JSON payload
  };
  using Apply = std::function<Result<Effect>(storage::Session&, storage::ComplaintRecord&)>;
  // Loads the complaint `actor` may see as `audience` (404 otherwise), checks that `action` is
  // allowed in its state (409), runs `apply`, and writes the complaint, its step and the event.
  Result<ComplaintView> Step(const identity::Principal& actor, const ComplaintId& id, Action action,
                             Audience audience, const Apply& apply);

  storage::Database& db_;
  const storage::ComplaintRepository& repo_;
  const storage::JournalRepository& journal_;
  const identity::IdentityPort& identity_;
  const market::ComplaintPort& market_;
  const crypto::FieldCipher& cipher_;
  const Clock& clock_;
  Random& random_;
  ComplaintPolicy policy_;
  identity::LoginLimiter limiter_{clock_};  // anonymous filing per client address
};

// "110000" → "11", "110100" → "1101", "110105" → "110105": a supervision office's jurisdiction.
std::string RegionPrefix(const std::string& region_code);

}  // namespace recirc::complaints
