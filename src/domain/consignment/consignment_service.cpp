#include "domain/consignment/consignment_service.hpp"

#include <fmt/format.h>
#include <boost/json.hpp>

#include "core/id.hpp"
#include "core/money.hpp"
#include "core/validators.hpp"
#include "domain/consignment/terms_json.hpp"
#include "domain/identity/text.hpp"
#include "domain/registry/seller_view.hpp"

namespace recirc::consignment {
namespace {

namespace json = boost::json;
constexpr int64_t kDayMs = 86'400'000;

Status CheckConsignor(const ConsignorInput& in) {
  RECIRC_CHECK(identity::CheckText(in.name, "consignor.name", 100));
  if (in.kind == "individual") {
    if (!in.id_type || !in.id_number) {
      return Error::InvalidArgument("consignor.id_number", "an individual shows an ID document")
          .Id("registration.id_document_required");
    }
    if (*in.id_type == "resident_id") {
      RECIRC_CHECK(core::ValidateResidentId(core::NormaliseIdentifier(*in.id_number),
                                            "consignor.id_number"));
    } else if (*in.id_type == "passport" || *in.id_type == "other") {
      RECIRC_CHECK(identity::CheckText(*in.id_number, "consignor.id_number", 32));
    } else {
      return Error::InvalidArgument("consignor.id_type",
                                    "the ID type is resident_id, passport or other")
          .Id("registration.id_type");
    }
  } else if (in.kind == "business") {
    if (!in.credit_code) {
      return Error::InvalidArgument("consignor.credit_code", "a business gives its credit code")
          .Id("registration.credit_code_required");
    }
    RECIRC_CHECK(core::ValidateCreditCode(core::NormaliseIdentifier(*in.credit_code),
                                          "consignor.credit_code"));
  } else {
    return Error::InvalidArgument("consignor.kind", "the consignor is individual or business")
        .Id("consignment.consignor_kind");
  }
  if (in.phone) {
    const std::string& p = *in.phone;
    if (p.size() != 11 || p[0] != '1' || p.find_first_not_of("0123456789") != std::string::npos) {
      return Error::InvalidArgument("consignor.phone",
                                    "a mobile number has 11 digits starting with 1")
          .Id("registration.phone");
    }
  }
  return Ok();
}

Account AccountOf(std::string_view name) {
  for (Account a :
       {Account::kCash, Account::kConsignorPayable, Account::kShopCommission, Account::kShopFees}) {
    if (AccountName(a) == name) return a;
  }
  return Account::kCash;
}

}  // namespace

Status MayConsign(const identity::Principal& actor) {
  if (actor.kind != identity::OrganisationKind::kOperator ||
      !actor.Has(identity::Permission::kAcquisitionsWrite)) {
    return Error::PermissionDenied("only a shop's staff manage its consignments")
        .Id("consignment.forbidden");
  }
  return Ok();
}

Result<AgreementView> ToView(const storage::AgreementRecord& r, int64_t now) {
  boost::system::error_code ec;
  const json::value terms = json::parse(r.terms, ec);
  if (ec || !terms.is_object()) return Error::Internal("stored consignment terms are not JSON");
  RECIRC_TRY(Agreement agreement, TermsFromJson(terms.as_object()));
  AgreementView v{r.id,      r.consignor_id,   r.item_id,          r.acquisition_id,
                  agreement, r.list_price_fen, r.markdown_percent, 0,
                  r.status,  r.intake_at,      r.closed_at};
  const int64_t percent = r.status == "active"
                              ? MarkdownPercentAt(agreement, (now - r.intake_at) / kDayMs)
                              : r.markdown_percent;
  v.current_price_fen = MarkedDownFen(r.list_price_fen, percent);
  return v;
}

Result<std::string> ConsignmentService::Open(const std::optional<std::string>& sealed,
                                             std::string_view field, const std::string& id) const {
  if (!sealed) return std::string();
  return cipher_.Decrypt(*sealed, fmt::format("consignor.{}:{}", field, id));
}

Result<storage::ConsignorRecord> ConsignmentService::OwnConsignor(storage::Session& s,
                                                                  const identity::Principal& actor,
                                                                  const std::string& id,
                                                                  bool lock) const {
  RECIRC_TRY(auto found, lock ? repo_.LockConsignor(s, id) : repo_.FindConsignor(s, id));
  if (!found || found->organisation_id != actor.organisation.id) {
    return Error::NotFound("no such consignor").Id("consignment.consignor_not_found");
  }
  return std::move(*found);
}

Result<storage::AgreementRecord> ConsignmentService::OwnAgreement(
    storage::Session& s, const identity::Principal& actor, const std::string& item_id) const {
  RECIRC_TRY(auto found, repo_.FindAgreementOfItem(s, item_id));
  if (!found || found->organisation_id != actor.organisation.id) {
    return Error::NotFound("the item is not consigned at this shop")
        .Id("consignment.not_consigned");
  }
  return std::move(*found);
}

Result<Balances> ConsignmentService::BalancesOf(storage::Session& s,
                                                const std::string& consignor_id) const {
  RECIRC_TRY(auto sums, repo_.Sums(s, consignor_id));
  Balances b;
  for (const auto& p : sums) {
    switch (AccountOf(p.account)) {
      case Account::kCash:
        b.cash = p.amount_fen;
        break;
      case Account::kConsignorPayable:
        b.payable = -p.amount_fen;
        break;
      case Account::kShopCommission:
        b.commission = -p.amount_fen;
        break;
      case Account::kShopFees:
        b.fees = -p.amount_fen;
        break;
    }
  }
  return b;
}

Result<ConsignorView> ConsignmentService::ViewOf(storage::Session& s,
                                                 const storage::ConsignorRecord& r) const {
  ConsignorView v;
  v.id = r.id;
  v.kind = r.kind;
  RECIRC_TRY(std::string name, Open(r.name_enc, "name", r.id));
  v.name_masked = registry::MaskName(name);
  if (r.id_number_enc) {
    RECIRC_TRY(std::string number, Open(r.id_number_enc, "id_number", r.id));
    v.id_number_masked = registry::MaskIdNumber(number);
  }
  v.credit_code = r.credit_code;
  if (r.phone_enc) {
    RECIRC_TRY(std::string phone, Open(r.phone_enc, "phone", r.id));
    v.phone_masked = registry::MaskPhone(phone);
  }
  RECIRC_TRY(v.balances, BalancesOf(s, r.id));
  v.created_at = r.created_at;
  return v;
}

Result<ConsignorView> ConsignmentService::AddConsignor(const identity::Principal& actor,
                                                       const ConsignorInput& in) {
  RECIRC_CHECK(MayConsign(actor));
  RECIRC_CHECK(CheckConsignor(in));
  storage::ConsignorRecord r;
  r.id = Id::Generate(clock_, random_).ToString();
  r.organisation_id = actor.organisation.id;
  r.kind = in.kind;
  const auto seal = [&](std::string_view field, std::string_view value) {
    return cipher_.Encrypt(value, fmt::format("consignor.{}:{}", field, r.id), random_);
  };
  RECIRC_TRY(r.name_enc, seal("name", in.name));
  if (in.kind == "individual") {
    const std::string number = core::NormaliseIdentifier(*in.id_number);
    r.id_type = in.id_type;
    RECIRC_TRY(std::string enc, seal("id_number", number));
    r.id_number_enc = std::move(enc);
    r.id_number_index = index_.Of(*in.id_type, number);
  } else {
    r.credit_code = core::NormaliseIdentifier(*in.credit_code);
  }
  if (in.phone) {
    RECIRC_TRY(std::string enc, seal("phone", *in.phone));
    r.phone_enc = std::move(enc);
    r.phone_index = index_.Of("phone", *in.phone);
  }
  r.created_at = ToUnixMillis(clock_.Now());
  return storage::WriteValue<ConsignorView>(db_, [&](storage::Session& s) -> Result<ConsignorView> {
    RECIRC_CHECK(repo_.InsertConsignor(s, r));
    return ViewOf(s, r);
  });
}

Result<std::vector<ConsignorView>> ConsignmentService::Consignors(
    const identity::Principal& actor) {
  RECIRC_CHECK(MayConsign(actor));
  return storage::ReadValue<std::vector<ConsignorView>>(
      db_, [&](storage::Session& s) -> Result<std::vector<ConsignorView>> {
        RECIRC_TRY(auto records, repo_.ConsignorsOf(s, actor.organisation.id));
        std::vector<ConsignorView> out;
        for (const auto& r : records) {
          RECIRC_TRY(auto v, ViewOf(s, r));
          out.push_back(std::move(v));
        }
        return out;
      });
}

Result<Statement> ConsignmentService::StatementOf(const identity::Principal& actor,
                                                  const std::string& consignor_id) {
  RECIRC_CHECK(MayConsign(actor));
  const int64_t now = ToUnixMillis(clock_.Now());
  return storage::ReadValue<Statement>(db_, [&](storage::Session& s) -> Result<Statement> {
    RECIRC_TRY(auto consignor, OwnConsignor(s, actor, consignor_id, false));
    Statement out;
    RECIRC_TRY(out.consignor, ViewOf(s, consignor));
    RECIRC_TRY(auto agreements, repo_.AgreementsOfConsignor(s, consignor_id));
    for (const auto& a : agreements) {
      RECIRC_TRY(auto v, ToView(a, now));
      out.agreements.push_back(std::move(v));
    }
    RECIRC_TRY(out.entries, repo_.EntriesOf(s, consignor_id));
    return out;
  });
}

}  // namespace recirc::consignment
