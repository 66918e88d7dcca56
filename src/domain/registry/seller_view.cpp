#include "domain/registry/seller_view.hpp"

#include <vector>

#include "core/id.hpp"
#include "domain/identity/directory_service.hpp"
#include "domain/registry/police.hpp"

namespace recirc::registry {
namespace {

// UTF-8 code points of `s` (inputs were validated as UTF-8 text on the way in).
std::vector<std::string> CodePoints(std::string_view s) {
  std::vector<std::string> out;
  for (size_t i = 0; i < s.size();) {
    size_t n = 1;
    const auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0xF0) {
      n = 4;
    } else if (c >= 0xE0) {
      n = 3;
    } else if (c >= 0xC0) {
      n = 2;
    }
    out.emplace_back(s.substr(i, n));
    i += n;
  }
  return out;
}

std::string Keep(std::string_view s, size_t head, size_t tail) {
  const auto cps = CodePoints(s);
  std::string out;
  for (size_t i = 0; i < cps.size(); ++i) {
    out += (i < head || i + tail >= cps.size()) ? cps[i] : "*";
  }
  return out;
}

}  // namespace

std::string MaskName(std::string_view name) {
  const auto cps = CodePoints(name);
  if (cps.size() <= 1) return "*";
  if (cps.size() == 2) return cps[0] + "*";
  return Keep(name, 1, 1);
}
std::string MaskIdNumber(std::string_view id) {
  return id.size() > 10 ? Keep(id, 6, 4) : Keep(id, 1, 1);
}
std::string MaskPhone(std::string_view phone) { return Keep(phone, 3, 4); }
std::string MaskAddress(std::string_view address) {
  const auto cps = CodePoints(address);
  std::string out;
  for (size_t i = 0; i < cps.size() && i < 6; ++i) out += cps[i];
  return cps.size() > 6 ? out + "****" : out;
}

Result<SellerDetails> SellerViewService::ForTransfer(storage::Session& s,
                                                     const storage::AcquisitionRecord& a) const {
  RECIRC_TRY(auto p, repo_.FindParty(s, a.seller_id));
  if (!p) return Error::NotFound("no seller for registration " + a.id);
  return Decrypt(s, *p, a);
}

Result<SellerDetails> SellerViewService::Decrypt(storage::Session& s, const storage::PartyRecord& p,
                                                 const storage::AcquisitionRecord& a) const {
  if (p.name_enc.empty()) {
    return Error::FailedPrecondition(
        "the personal data of this registration was erased after the retention period");
  }
  SellerDetails d;
  const auto open = [&](const std::optional<std::string>& enc,
                        std::string_view field) -> Result<std::optional<std::string>> {
    if (!enc) return std::optional<std::string>();
    RECIRC_TRY(std::string plain,
               cipher_.Decrypt(*enc, "party." + std::string(field) + ":" + p.id));
    return std::optional<std::string>(std::move(plain));
  };
  d.kind = p.kind;
  RECIRC_TRY(d.name, cipher_.Decrypt(p.name_enc, "party.name:" + p.id));
  d.id_type = p.id_type;
  RECIRC_TRY(d.id_number, open(p.id_number_enc, "id_number"));
  d.credit_code = p.credit_code;
  RECIRC_TRY(d.phone, open(p.phone_enc, "phone"));
  RECIRC_TRY(d.address, open(p.address_enc, "address"));
  RECIRC_TRY(d.origin_statement,
             cipher_.Decrypt(a.origin_statement_enc, "acquisition.origin:" + p.id));
  if (a.agent_id) {
    RECIRC_TRY(auto agent, repo_.FindParty(s, *a.agent_id));
    if (!agent) return Error::Internal("registration without its agent");
    RECIRC_TRY(d.agent_name, cipher_.Decrypt(agent->name_enc, "party.name:" + agent->id));
    d.agent_id_type = agent->id_type;
    if (agent->id_number_enc) {
      RECIRC_TRY(d.agent_id_number,
                 cipher_.Decrypt(*agent->id_number_enc, "party.id_number:" + agent->id));
    }
    if (agent->phone_enc) {
      RECIRC_TRY(d.agent_phone, cipher_.Decrypt(*agent->phone_enc, "party.phone:" + agent->id));
    }
    if (a.agent_authority_enc) {
      RECIRC_TRY(d.agent_authority, cipher_.Decrypt(*a.agent_authority_enc,
                                                    "acquisition.agent_authority:" + agent->id));
    }
  }
  d.masked = false;
  return d;
}

Result<SellerDetails> SellerViewService::Masked(const identity::Principal& actor,
                                                const AcquisitionId& acquisition) {
  const std::string acquisition_id = acquisition.ToString();
  if (!actor.Has(identity::Permission::kAcquisitionsWrite)) {
    return Error::PermissionDenied("your role cannot see registrations");
  }
  RECIRC_TRY(
      auto full,
      storage::ReadValue<SellerDetails>(db_, [&](storage::Session& s) -> Result<SellerDetails> {
        RECIRC_TRY(auto a, repo_.FindAcquisition(s, acquisition_id));
        if (!a || !actor.InOrganisation(a->organisation_id)) {
          return Error::NotFound("acquisition " + acquisition_id + " not found");
        }
        RECIRC_TRY(auto p, repo_.FindParty(s, a->seller_id));
        if (!p) return Error::Internal("registration without its seller");
        return Decrypt(s, *p, *a);
      }));
  full.name = MaskName(full.name);
  if (full.id_number) full.id_number = MaskIdNumber(*full.id_number);
  if (full.phone) full.phone = MaskPhone(*full.phone);
  if (full.address) full.address = MaskAddress(*full.address);
  if (full.agent_name) full.agent_name = MaskName(*full.agent_name);
  if (full.agent_id_number) full.agent_id_number = MaskIdNumber(*full.agent_id_number);
  if (full.agent_phone) full.agent_phone = MaskPhone(*full.agent_phone);
  if (full.agent_authority) full.agent_authority = "****";
  full.masked = true;
  return full;
}

Result<SellerDetails> SellerViewService::Full(const identity::Principal& actor,
                                              const AcquisitionId& acquisition,
                                              const std::string& reason) {
  const std::string acquisition_id = acquisition.ToString();
  if (!actor.Has(identity::Permission::kPoliceRead) ||
      (actor.kind != identity::OrganisationKind::kPolice && !actor.SeesAllOrganisations())) {
    return Error::PermissionDenied("only the police see a seller's full details");
  }
  RECIRC_CHECK(identity::CheckText(reason, "reason", 500));
  if (reason.size() < 10) {
    return Error::InvalidArgument("reason",
                                  "state the reason for the full view (case number, purpose)");
  }
  const std::string prefix =
      actor.SeesAllOrganisations() ? "" : JurisdictionPrefix(actor.organisation.region_code);
  return storage::WriteValue<SellerDetails>(db_, [&](storage::Session& s) -> Result<SellerDetails> {
    RECIRC_TRY(auto a, repo_.FindAcquisition(s, acquisition_id));
    if (!a || !a->region_code.starts_with(prefix)) {
      return Error::NotFound("acquisition " + acquisition_id + " not found");
    }
    RECIRC_TRY(auto p, repo_.FindParty(s, a->seller_id));
    if (!p) return Error::Internal("registration without its seller");
    RECIRC_CHECK(repo_.InsertAccessAudit(
        s, {Id::Generate(clock_, random_).ToString(), actor.user_id, actor.organisation.id, p->id,
            a->id, reason, ToUnixMillis(clock_.Now())}));
    return Decrypt(s, *p, *a);
  });
}

}  // namespace recirc::registry
