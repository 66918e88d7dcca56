// ConsignmentService: intake, counter sale, reversal, payout and the clock's job. The lookups and
// views are in consignment_service.cpp.
#include <fmt/format.h>
#include <boost/json.hpp>

#include "core/id.hpp"
#include "core/money.hpp"
#include "domain/consignment/consignment_service.hpp"
#include "domain/consignment/events.hpp"
#include "domain/consignment/terms_json.hpp"
#include "domain/market/offer.hpp"

namespace recirc::consignment {
namespace {

namespace json = boost::json;
constexpr int64_t kDayMs = 86'400'000;

Status Publish(const storage::JournalRepository& journal, storage::Session& s,
               const EventType& type, const storage::AgreementRecord& a,
               const std::optional<std::string>& actor, json::object payload) {
  payload["agreement_id"] = a.id;
  RECIRC_TRY(int64_t seq, journal.Append(s, {type, a.item_id, a.organisation_id, actor,
                                             json::serialize(payload)}));
  (void)seq;
  return Ok();
}

Result<Agreement> TermsOf(const storage::AgreementRecord& a) {
  boost::system::error_code ec;
  const json::value v = json::parse(a.terms, ec);
  if (ec || !v.is_object()) return Error::Internal("stored consignment terms are not JSON");
  return TermsFromJson(v.as_object());
}

Error NotActive(const storage::AgreementRecord& a) {
  return Error::FailedPrecondition(fmt::format("the consignment is {}", a.status))
      .Id("consignment.not_active")
      .Param("status", a.status);
}

}  // namespace

Status ConsignmentService::Post(storage::Session& s, const storage::AgreementRecord& a,
                                const std::string& actor_id, const Entry& e, int64_t now) {
  RECIRC_TRY(Balances before, BalancesOf(s, a.consignor_id));
  RECIRC_TRY(Balances after, Apply(before, e));
  (void)after;
  storage::EntryRecord r{Id::Generate(clock_, random_).ToString(),
                         a.organisation_id,
                         a.consignor_id,
                         std::string(EntryKindName(e.kind)),
                         a.id.empty() ? std::nullopt : std::optional<std::string>(a.id),
                         actor_id,
                         now,
                         {}};
  for (const auto& p : e.postings)
    r.postings.push_back({std::string(AccountName(p.account)), p.amount_fen});
  return repo_.InsertEntry(s, r);
}

Result<IntakeResult> ConsignmentService::Intake(const identity::Principal& actor,
                                                const IntakeInput& in) {
  RECIRC_CHECK(MayConsign(actor));
  RECIRC_CHECK(Validate(in.agreement));
  RECIRC_CHECK(CheckFen(in.list_price_fen, "list_price_fen"));
  if (in.list_price_fen == 0) {
    return Error::InvalidArgument("list_price_fen", "a consigned item has a price")
        .Id("consignment.list_price");
  }
  // The consignor is the acquisition's seller: the law's record names who brought the item.
  RECIRC_TRY(auto seller, storage::ReadValue<registry::SellerInput>(
                              db_, [&](storage::Session& s) -> Result<registry::SellerInput> {
                                RECIRC_TRY(auto c, OwnConsignor(s, actor, in.consignor_id, false));
                                registry::SellerInput out;
                                out.kind = c.kind == "business" ? "company" : "individual";
                                RECIRC_TRY(out.name, Open(c.name_enc, "name", c.id));
                                out.id_type = c.id_type;
                                if (c.id_number_enc) {
                                  RECIRC_TRY(out.id_number,
                                             Open(c.id_number_enc, "id_number", c.id));
                                }
                                out.credit_code = c.credit_code;
                                if (c.phone_enc) {
                                  RECIRC_TRY(out.phone, Open(c.phone_enc, "phone", c.id));
                                }
                                return out;
                              }));
  registry::AcquisitionInput acquisition;
  acquisition.outlet_id = in.outlet_id;
  acquisition.kind = "consignment_intake";
  acquisition.channel = in.channel;
  acquisition.price_fen = 0;  // nothing is paid at intake; the consignor is paid from the sale
  acquisition.payment_method = "none";
  acquisition.person_matches_id = in.person_matches_id;
  acquisition.origin_statement = in.origin_statement;
  acquisition.seller = std::move(seller);
  acquisition.item = in.item;
  RECIRC_TRY(auto receipt, registrar_.Register(actor, acquisition));

  const int64_t now = ToUnixMillis(clock_.Now());
  storage::AgreementRecord a{Id::Generate(clock_, random_).ToString(),
                             actor.organisation.id,
                             in.consignor_id,
                             receipt.item_id,
                             receipt.id,
                             json::serialize(TermsJson(in.agreement)),
                             in.list_price_fen,
                             0,
                             "active",
                             now,
                             std::nullopt};
  RECIRC_CHECK(db_.Write([&](storage::Session& s) -> Status {
    RECIRC_CHECK(repo_.InsertAgreement(s, a));
    json::array markdowns;
    for (const auto& m : in.agreement.markdowns)
      markdowns.push_back({{"after_days", m.after_days}, {"percent", m.percent}});
    return Publish(journal_, s, events::kItemConsigned, a, actor.user_id,
                   {{"period_days", in.agreement.period_days},
                    {"markdowns", markdowns},
                    {"do_not_discount", in.agreement.do_not_discount},
                    {"price_band", market::PriceBand(in.list_price_fen)}});
  }));
  RECIRC_TRY(auto view, ToView(a, now));
  return IntakeResult{receipt, view};
}

Result<AgreementView> ConsignmentService::AgreementOfItem(const identity::Principal& actor,
                                                          const ItemId& item) {
  RECIRC_CHECK(MayConsign(actor));
  const int64_t now = ToUnixMillis(clock_.Now());
  return storage::ReadValue<AgreementView>(db_, [&](storage::Session& s) -> Result<AgreementView> {
    RECIRC_TRY(auto a, OwnAgreement(s, actor, item.ToString()));
    return ToView(a, now);
  });
}

Result<SaleResult> ConsignmentService::RecordSale(const identity::Principal& actor,
                                                  const ItemId& item) {
  RECIRC_CHECK(MayConsign(actor));
  const int64_t now = ToUnixMillis(clock_.Now());
  return storage::WriteValue<SaleResult>(db_, [&](storage::Session& s) -> Result<SaleResult> {
    RECIRC_TRY(auto a, OwnAgreement(s, actor, item.ToString()));
    RECIRC_TRY(auto consignor, OwnConsignor(s, actor, a.consignor_id, true));
    (void)consignor;
    if (a.status != "active") return NotActive(a);
    RECIRC_CHECK(sellable_.CheckSellable(s, a.item_id));
    RECIRC_TRY(Agreement terms, TermsOf(a));
    // The markdown in force now, whether or not the job has published it yet.
    a.markdown_percent =
        std::max(a.markdown_percent, MarkdownPercentAt(terms, (now - a.intake_at) / kDayMs));
    const SaleSplit split = SplitSale(terms, MarkedDownFen(a.list_price_fen, a.markdown_percent));
    RECIRC_CHECK(Post(s, a, actor.user_id, SaleEntry(split), now));
    a.status = "sold";
    a.closed_at = now;
    RECIRC_CHECK(repo_.UpdateAgreement(s, a));
    RECIRC_CHECK(Publish(journal_, s, events::kItemConsignmentSold, a, actor.user_id,
                         {{"price_band", market::PriceBand(split.sale_fen)}}));
    RECIRC_TRY(auto view, ToView(a, now));
    return SaleResult{view, split};
  });
}

Result<AgreementView> ConsignmentService::ReverseSale(const identity::Principal& actor,
                                                      const ItemId& item) {
  RECIRC_CHECK(MayConsign(actor));
  const int64_t now = ToUnixMillis(clock_.Now());
  return storage::WriteValue<AgreementView>(db_, [&](storage::Session& s) -> Result<AgreementView> {
    RECIRC_TRY(auto a, OwnAgreement(s, actor, item.ToString()));
    RECIRC_TRY(auto consignor, OwnConsignor(s, actor, a.consignor_id, true));
    (void)consignor;
    if (a.status != "sold") return NotActive(a);
    // The newest sale entry of this agreement, negated posting by posting.
    RECIRC_TRY(auto entries, repo_.EntriesOf(s, a.consignor_id));
    const storage::EntryRecord* sale = nullptr;
    for (const auto& e : entries)
      if (e.agreement_id == a.id && e.kind == "sale") sale = &e;
    if (sale == nullptr) return Error::Internal("a sold consignment has no sale entry");
    Entry reversal{EntryKind::kReversal, {}};
    for (const auto& p : sale->postings) {
      for (Account acc : {Account::kCash, Account::kConsignorPayable, Account::kShopCommission,
                          Account::kShopFees}) {
        if (AccountName(acc) == p.account) reversal.postings.push_back({acc, -p.amount_fen});
      }
    }
    auto posted = Post(s, a, actor.user_id, reversal, now);
    if (!posted) {
      if (posted.error().message_id == "consignment.overdrawn") {
        return Error::FailedPrecondition(
                   "the consignor has been paid this sale's share already; settle it with them "
                   "before reversing")
            .Id("consignment.reversal_after_payout");
      }
      return posted.error();
    }
    a.status = "active";
    a.closed_at = std::nullopt;
    RECIRC_CHECK(repo_.UpdateAgreement(s, a));
    RECIRC_CHECK(Publish(journal_, s, events::kItemConsignmentSaleReversed, a, actor.user_id, {}));
    return ToView(a, now);
  });
}

Result<ConsignorView> ConsignmentService::Payout(const identity::Principal& actor,
                                                 const std::string& consignor_id,
                                                 int64_t amount_fen, const std::string& method) {
  RECIRC_CHECK(MayConsign(actor));
  if (method != "cash" && method != "simulated") {
    return Error::InvalidArgument("method", "a payout is by cash or simulated")
        .Id("consignment.payout_method");
  }
  RECIRC_CHECK(CheckFen(amount_fen, "amount_fen"));
  if (amount_fen == 0) {
    return Error::InvalidArgument("amount_fen", "a payout is more than 0")
        .Id("consignment.payout_zero");
  }
  const int64_t now = ToUnixMillis(clock_.Now());
  return storage::WriteValue<ConsignorView>(db_, [&](storage::Session& s) -> Result<ConsignorView> {
    RECIRC_TRY(auto consignor, OwnConsignor(s, actor, consignor_id, true));
    RECIRC_TRY(Balances b, BalancesOf(s, consignor_id));
    RECIRC_TRY(auto agreements, repo_.AgreementsOfConsignor(s, consignor_id));
    int64_t minimum = 0;
    if (!agreements.empty()) {
      RECIRC_TRY(Agreement newest, TermsOf(agreements.back()));
      minimum = newest.minimum_payout_fen;
    }
    if (amount_fen > b.payable) {
      return Error::FailedPrecondition("the payout is more than the consignor's balance")
          .Id("consignment.overdrawn");
    }
    if (amount_fen < minimum && amount_fen != b.payable) {
      return Error::InvalidArgument("amount_fen", "below the agreed minimum payout")
          .Id("consignment.below_minimum")
          .Param("min", Money::Fen(minimum).ToYuanString());
    }
    storage::AgreementRecord none;
    none.organisation_id = consignor.organisation_id;
    none.consignor_id = consignor_id;
    RECIRC_CHECK(Post(s, none, actor.user_id, PayoutEntry(amount_fen), now));
    RECIRC_TRY(
        int64_t seq,
        journal_.Append(
            s, {events::kConsignorPaid, consignor_id, consignor.organisation_id, actor.user_id,
                json::serialize(json::object{{"amount_fen", amount_fen}, {"method", method}})}));
    (void)seq;
    return ViewOf(s, consignor);
  });
}

Status ConsignmentService::RunOne(storage::Session& s, storage::AgreementRecord a, int64_t now,
                                  DueReport& report) {
  RECIRC_TRY(Agreement terms, TermsOf(a));
  const int64_t days = (now - a.intake_at) / kDayMs;
  const int64_t percent = MarkdownPercentAt(terms, days);
  if (percent > a.markdown_percent) {
    a.markdown_percent = percent;
    RECIRC_CHECK(repo_.UpdateAgreement(s, a));
    RECIRC_CHECK(
        Publish(journal_, s, events::kItemMarkedDown, a, std::nullopt,
                {{"percent", percent},
                 {"price_band", market::PriceBand(MarkedDownFen(a.list_price_fen, percent))}}));
    report.marked_down++;
  }
  if (days < ExpiryDay(terms)) return Ok();
  a.closed_at = now;
  switch (terms.expiry_action) {
    case ExpiryAction::kReturn:
      a.status = "returned";
      RECIRC_CHECK(Publish(journal_, s, events::kItemReturnedToConsignor, a, std::nullopt, {}));
      break;
    case ExpiryAction::kDonate:
      a.status = "donated";
      RECIRC_CHECK(Publish(journal_, s, events::kItemDonated, a, std::nullopt, {}));
      break;
    case ExpiryAction::kConvertToStock: {
      RECIRC_TRY(auto locked, repo_.LockConsignor(s, a.consignor_id));
      (void)locked;
      const int64_t price = terms.convert_price_fen.value_or(0);
      RECIRC_CHECK(Post(s, a, "system", ConversionEntry(price), now));
      a.status = "converted";
      RECIRC_CHECK(Publish(journal_, s, events::kItemConvertedToStock, a, std::nullopt,
                           {{"price_band", market::PriceBand(price)}}));
      break;
    }
  }
  RECIRC_CHECK(repo_.UpdateAgreement(s, a));
  report.expired++;
  return Ok();
}

Result<DueReport> ConsignmentService::RunDue() {
  constexpr int kBatch = 100;
  const int64_t now = ToUnixMillis(clock_.Now());
  DueReport report;
  int64_t after_intake = -1;
  std::string after_id;
  for (;;) {
    RECIRC_TRY(
        int64_t n, storage::WriteValue<int64_t>(db_, [&](storage::Session& s) -> Result<int64_t> {
          RECIRC_TRY(auto due, repo_.ActiveAgreements(s, now, after_intake, after_id, kBatch));
          for (auto& a : due) {
            after_intake = a.intake_at;
            after_id = a.id;
            RECIRC_CHECK(RunOne(s, a, now, report));
          }
          return static_cast<int64_t>(due.size());
        }));
    if (n < kBatch) return report;
  }
}

}  // namespace recirc::consignment
