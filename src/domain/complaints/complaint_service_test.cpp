// Complaints on both databases (docs/complaints.md): a buyer's complaint about an order goes to
// the operator's answer and market supervision's decision through the state machine (illegal
// steps are 409 with a message id); jurisdiction; the operator never sees who complained or
// their contact; contact details are sealed at rest and in no journal event; field errors; a
// listing blocked through the market's port; overdue answers and the statistics.
#include <gtest/gtest.h>

#include "domain/complaints/complaint_service.hpp"
#include "domain/complaints/contact.hpp"
#include "domain/market/complaint_port.hpp"
#include "domain/market/market_fixture.hpp"

namespace recirc::complaints {
namespace {

using identity::OrganisationKind;
using identity::Principal;
using identity::Role;
using market::MarketFixture;
using std::chrono::hours;

constexpr std::string_view kPhone = "13812345678";
constexpr std::string_view kName = "赵小燕";

class ComplaintServiceTest : public MarketFixture {
 protected:
  void SetUp() override {
    MarketFixture::SetUp();
    if (IsSkipped() || HasFailure()) return;
    port_.emplace(*ctx_);
    service_.emplace(db(), repo_, journal_, identity_port_, *port_, cipher_, clock_, random_,
                     ComplaintPolicy{7});
    const auto buyers = *directory_->BuyersOrganisation();
    account_ = As(buyers, Role::kBuyer, OrganisationKind::kBuyers, "UACCOUNT");
    other_account_ = As(buyers, Role::kBuyer, OrganisationKind::kBuyers, "UOTHER");
    other_shop_ = As(Org("operator", "旧物坊", "110105"), Role::kOperatorAdmin,
                     OrganisationKind::kOperator, "UOTHERSHOP");
  }
  // An order the buyer account placed for a freshly published phone.
  storage::OrderRecord AccountOrder(const std::string& imei14) {
    const auto offer = Published(imei14);
    auto order = orders_->Place(
        account_, {Oid(offer.id), std::nullopt, "simulated", *offer.disclosure_version, {}});
    EXPECT_TRUE(order) << order.error().message;
    return *order;
  }
  ComplaintInput About(std::string kind, std::string id) {
    return {std::move(kind),
            std::move(id),
            "not_as_described",
            "refund",
            "收到的手机电池只有 70%，与描述的 86% 不符。",
            std::string(kName),
            std::string(kPhone)};
  }
  static ComplaintId Cid(const ComplaintView& v) {
    return ComplaintId::Parse(v.complaint.id, "id").value();
  }
  static void ExpectIllegal(const Result<ComplaintView>& r) {
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().code, ErrorCode::kConflict);
    EXPECT_EQ(r.error().message_id, "complaint.illegal_transition");
  }

  storage::ComplaintRepository repo_;
  std::optional<market::ComplaintPortImpl> port_;
  std::optional<ComplaintService> service_;
  Principal account_, other_account_, other_shop_;
};

TEST_P(ComplaintServiceTest, AnOrderComplaintGoesFromTheBuyerToTheOperatorToADecision) {
  const auto order = AccountOrder("35693803564510");
  auto filed = service_->File(account_, About("order", order.id));
  ASSERT_TRUE(filed) << filed.error().message;
  EXPECT_EQ(filed->complaint.state, ComplaintState::kFiled);
  EXPECT_EQ(filed->complaint.organisation_id, shop_.id);
  EXPECT_EQ(filed->complaint.region_code, "110105");
  EXPECT_EQ(filed->complaint.answer_due_at,
            ToUnixMillis(clock_.Now()) + int64_t{7} * 24 * 3600 * 1000);
  EXPECT_EQ(filed->complaint.contact_phone, std::string(kPhone)) << "the complainant's own view";
  const ComplaintId id = Cid(*filed);

  // Supervision cannot decide before assigning; the operator answers once.
  ExpectIllegal(service_->Decide(supervisor_, id, {"mediate", "先调解"}));
  auto answered = service_->Answer(clerk_, id, "已联系买家，同意退货退款。");
  ASSERT_TRUE(answered) << answered.error().message;
  EXPECT_EQ(answered->complaint.state, ComplaintState::kAnswered);
  EXPECT_FALSE(answered->answered_late);
  ExpectIllegal(service_->Answer(clerk_, id, "再答一次"));

  auto assigned = service_->Assign(supervisor_, id, std::nullopt);
  ASSERT_TRUE(assigned) << assigned.error().message;
  EXPECT_EQ(assigned->complaint.state, ComplaintState::kInReview);
  EXPECT_EQ(assigned->complaint.assigned_to, supervisor_.user_id);
  auto asked = service_->RequestInfo(supervisor_, id, "complainant", "请提供电池健康截图。");
  ASSERT_TRUE(asked) << asked.error().message;
  EXPECT_EQ(asked->complaint.state, ComplaintState::kInfoRequested);
  ExpectIllegal(service_->Decide(supervisor_, id, {"mediate", "先调解"}));
  auto wrong_party = service_->ProvideInfo(clerk_, id, "我们来答");
  ASSERT_FALSE(wrong_party);
  EXPECT_EQ(wrong_party.error().message_id, "complaint.info_not_asked_of_you");
  auto info = service_->ProvideInfo(account_, id, "截图显示电池健康 70%。");
  ASSERT_TRUE(info) << info.error().message;
  EXPECT_EQ(info->complaint.state, ComplaintState::kInReview);

  auto decided = service_->Decide(supervisor_, id, {"order_refund", "与描述不符，责令退款。"});
  ASSERT_TRUE(decided) << decided.error().message;
  EXPECT_EQ(decided->complaint.state, ComplaintState::kDecided);
  EXPECT_EQ(decided->complaint.outcome, Outcome::kOrderRefund);
  ExpectIllegal(service_->Decide(supervisor_, id, {"dismiss", "改判"}));
  ExpectIllegal(service_->Assign(supervisor_, id, std::nullopt));

  ASSERT_EQ(decided->steps.size(), 6u);
  EXPECT_EQ(decided->steps.back().action, Action::kDecide);
  EXPECT_EQ(decided->steps.back().text, "与描述不符，责令退款。");
  EXPECT_EQ(decided->steps.back().detail, "order_refund");
  const auto events = Events("complaint", decided->complaint.id);
  ASSERT_EQ(events.size(), 6u);
  EXPECT_EQ(events.front().type, "complaint.filed");
  EXPECT_EQ(events.back().type, "complaint.decided");
  EXPECT_EQ(events.back().actor_id, supervisor_.user_id);

  // The buyer follows it.
  auto mine = service_->List(account_, std::nullopt);
  ASSERT_TRUE(mine);
  ASSERT_EQ(mine->size(), 1u);
  EXPECT_EQ(mine->front().complaint.outcome, Outcome::kOrderRefund);
}

TEST_P(ComplaintServiceTest, TheOperatorSeesNeitherWhoComplainedNorTheirContact) {
  const auto order = AccountOrder("35693803564528");
  auto filed = service_->File(account_, About("order", order.id));
  ASSERT_TRUE(filed) << filed.error().message;
  auto seen = service_->Get(clerk_, Cid(*filed));
  ASSERT_TRUE(seen) << seen.error().message;
  EXPECT_EQ(seen->audience, Audience::kOperator);
  EXPECT_TRUE(seen->complaint.complainant_id.empty());
  EXPECT_FALSE(seen->complaint.contact_name);
  EXPECT_FALSE(seen->complaint.contact_phone);
  for (const auto& step : seen->steps) EXPECT_NE(step.actor_id, account_.user_id);
  EXPECT_EQ(seen->complaint.facts, filed->complaint.facts) << "the facts are what it answers";
  auto listed = service_->List(clerk_, std::nullopt);
  ASSERT_TRUE(listed);
  ASSERT_EQ(listed->size(), 1u);
  EXPECT_FALSE(listed->front().complaint.contact_phone);

  // Supervision sees the contact masked.
  auto supervised = service_->Get(supervisor_, Cid(*filed));
  ASSERT_TRUE(supervised);
  EXPECT_EQ(supervised->complaint.contact_phone, "138****5678");
  EXPECT_EQ(supervised->complaint.contact_name, "赵**");

  // Sealed at rest; never in a journal event.
  auto raw = storage::ReadValue<std::optional<storage::ComplaintRecord>>(
      db(), [&](storage::Session& s) { return repo_.Find(s, filed->complaint.id); });
  ASSERT_TRUE(raw && *raw);
  EXPECT_EQ((*raw)->contact_phone->find(kPhone), std::string::npos);
  EXPECT_TRUE((*raw)->contact_phone->starts_with("v1:"));
  for (const auto& e : Events("complaint", filed->complaint.id)) {
    EXPECT_EQ(e.payload.find(kPhone), std::string::npos) << e.type;
    EXPECT_EQ(e.payload.find(kName), std::string::npos) << e.type;
    EXPECT_EQ(e.payload.find("电池"), std::string::npos) << e.type << ": no facts in events";
  }
}

TEST_P(ComplaintServiceTest, OnlyTheRegionsSupervisionAndThePartiesSeeAComplaint) {
  const auto order = AccountOrder("35693803564536");
  auto filed = service_->File(account_, About("order", order.id));
  ASSERT_TRUE(filed) << filed.error().message;
  const ComplaintId id = Cid(*filed);
  for (const Principal* outsider : {&far_supervisor_, &other_shop_, &other_account_}) {
    auto r = service_->Get(*outsider, id);
    ASSERT_FALSE(r) << outsider->user_id;
    EXPECT_EQ(r.error().code, ErrorCode::kNotFound) << outsider->user_id;
    auto list = service_->List(*outsider, std::nullopt);
    ASSERT_TRUE(list) << outsider->user_id;
    EXPECT_TRUE(list->empty()) << outsider->user_id;
  }
  EXPECT_EQ(service_->Assign(far_supervisor_, id, std::nullopt).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(service_->Answer(other_shop_, id, "不是我们").error().code, ErrorCode::kNotFound);
  auto listed = service_->List(supervisor_, std::string("filed"));
  ASSERT_TRUE(listed);
  EXPECT_EQ(listed->size(), 1u);
  EXPECT_EQ(service_->List(supervisor_, std::string("decided"))->size(), 0u);
  // Supervision takes no operator step, the operator none of supervision's.
  EXPECT_EQ(service_->Answer(supervisor_, id, "代答").error().code, ErrorCode::kPermissionDenied);
  EXPECT_EQ(service_->Decide(clerk_, id, {"dismiss", "自己驳回"}).error().code,
            ErrorCode::kPermissionDenied);
}

TEST_P(ComplaintServiceTest, InputErrorsNameTheirField) {
  const auto order = AccountOrder("35693803564544");
  auto field = [&](ComplaintInput in, const Principal& who = Principal()) {
    auto r = service_->File(who.user_id.empty() ? account_ : who, in);
    EXPECT_FALSE(r);
    return r ? std::string() : r.error().field;
  };
  auto in = About("order", order.id);
  in.category = "bogus";
  EXPECT_EQ(field(in), "category");
  in = About("order", order.id);
  in.demand = "revenge";
  EXPECT_EQ(field(in), "demand");
  in = About("order", order.id);
  in.facts = "";
  EXPECT_EQ(field(in), "facts");
  in = About("order", order.id);
  in.contact_phone = "12345";
  EXPECT_EQ(field(in), "contact_phone");
  in = About("parcel", order.id);
  EXPECT_EQ(field(in), "subject_kind");
  EXPECT_EQ(field(About("order", order.id), other_account_), "subject_id")
      << "not the other buyer's order";
  EXPECT_EQ(field(About("organisation", supervisor_.organisation.id)), "subject_id")
      << "supervision is no operator";
  EXPECT_EQ(service_->File(clerk_, About("order", order.id)).error().code,
            ErrorCode::kPermissionDenied);

  auto filed = service_->File(account_, About("order", order.id));
  ASSERT_TRUE(filed);
  const ComplaintId id = Cid(*filed);
  ASSERT_TRUE(service_->Assign(supervisor_, id, std::nullopt));
  EXPECT_EQ(service_->Decide(supervisor_, id, {"mediate", ""}).error().field, "reason");
  EXPECT_EQ(service_->Decide(supervisor_, id, {"jail", "理由"}).error().field, "outcome");
  EXPECT_EQ(service_->Decide(supervisor_, id, {"block_listing", "理由"}).error().field, "outcome")
      << "an order complaint blocks no listing";
  EXPECT_EQ(service_->RequestInfo(supervisor_, id, "police", "问").error().field, "party");
  EXPECT_EQ(service_->Assign(supervisor_, id, std::string("UNOBODY")).error().field, "assignee");
}

TEST_P(ComplaintServiceTest, BlockingTheListingGoesThroughTheMarketsListingBlocks) {
  const auto offer = Published("35693803564551");
  auto filed = service_->File(account_, About("offer", offer.id));
  ASSERT_TRUE(filed) << filed.error().message;
  const ComplaintId id = Cid(*filed);
  ASSERT_TRUE(service_->Assign(supervisor_, id, std::nullopt));
  auto decided = service_->Decide(supervisor_, id, {"block_listing", "虚假宣传电池健康度"});
  ASSERT_TRUE(decided) << decided.error().message;
  EXPECT_EQ(ToString(offers_->Get(&clerk_, Oid(offer.id))->status), "blocked");
  auto blocks = blocks_->List(supervisor_, std::nullopt);
  ASSERT_TRUE(blocks);
  ASSERT_EQ(blocks->size(), 1u);
  EXPECT_EQ(blocks->front().rule_id, "complaint");
  EXPECT_EQ(blocks->front().reason, "虚假宣传电池健康度");
  EXPECT_EQ(blocks->front().region_code, "110105");
  // The operator may appeal it as any block.
  EXPECT_TRUE(blocks_->Appeal(clerk_, ListingBlockId::Parse(blocks->front().id, "id").value(),
                              "已更正描述"));
}

TEST_P(ComplaintServiceTest, LateAnswersAreFlaggedAndCountedInTheStatistics) {
  const auto first = AccountOrder("35693803564569");
  const auto second = AccountOrder("35693803564577");
  auto late = service_->File(account_, About("order", first.id));
  auto prompt = service_->File(account_, About("order", second.id));
  ASSERT_TRUE(late && prompt);
  clock_.Advance(hours(2));
  ASSERT_TRUE(service_->Answer(clerk_, Cid(*prompt), "两小时内答复"));
  clock_.Advance(hours(7 * 24));
  auto overdue = service_->Get(clerk_, Cid(*late));
  ASSERT_TRUE(overdue);
  EXPECT_TRUE(overdue->overdue);
  auto stats = service_->Statistics(supervisor_);
  ASSERT_TRUE(stats) << stats.error().message;
  EXPECT_EQ(stats->total, 2);
  EXPECT_EQ(stats->overdue, 1);
  EXPECT_EQ(stats->answered, 1);
  EXPECT_EQ(stats->answer_minutes_median, 120);
  ASSERT_EQ(stats->by_operator.size(), 1u);
  EXPECT_EQ(stats->by_operator.front().label, shop_.name);
  EXPECT_EQ(stats->by_operator.front().count, 2);

  auto answered = service_->Answer(clerk_, Cid(*late), "迟到的答复");
  ASSERT_TRUE(answered);
  EXPECT_TRUE(answered->answered_late);
  EXPECT_FALSE(answered->overdue);
  EXPECT_EQ(service_->Statistics(clerk_).error().code, ErrorCode::kPermissionDenied);
  EXPECT_EQ(service_->Statistics(far_supervisor_)->total, 0);
}

TEST_P(ComplaintServiceTest, AnyoneMayComplainAboutAListingWithContactDetails) {
  const auto offer = Published("35693803564585");
  auto in = About("offer", offer.id);
  in.contact_phone.reset();
  EXPECT_EQ(service_->FileAnonymously(in, "198.51.100.7").error().field, "contact_phone");
  EXPECT_EQ(service_->FileAnonymously(About("order", "01JB0000000000000000000000"), "198.51.100.7")
                .error()
                .field,
            "subject_kind")
      << "an order needs the buyer's account";
  auto filed = service_->FileAnonymously(About("offer", offer.id), "198.51.100.7");
  ASSERT_TRUE(filed) << filed.error().message;
  EXPECT_TRUE(filed->complaint.complainant_id.empty());
  EXPECT_FALSE(Events("complaint", filed->complaint.id).front().actor_id);
  // Nobody without an account can be asked through the app: supervision calls them.
  ASSERT_TRUE(service_->Assign(supervisor_, Cid(*filed), std::nullopt));
  EXPECT_EQ(service_->RequestInfo(supervisor_, Cid(*filed), "complainant", "请补充").error().field,
            "party");
  EXPECT_EQ(service_->Get(supervisor_, Cid(*filed))->complaint.contact_phone, "138****5678");
  auto seen = service_->Get(clerk_, Cid(*filed));
  ASSERT_TRUE(seen);
  EXPECT_FALSE(seen->complaint.contact_phone);
  // A few per address and window, then 429.
  Result<ComplaintView> last = filed;
  for (int i = 0; i < 5 && last; ++i) {
    last = service_->FileAnonymously(About("offer", offer.id), "198.51.100.7");
  }
  ASSERT_FALSE(last);
  EXPECT_EQ(last.error().message_id, "complaint.too_many");
  EXPECT_TRUE(service_->FileAnonymously(About("offer", offer.id), "203.0.113.9"));
}

TEST(ComplaintStateMachine, OnlyTheListedStepsAreAllowed) {
  using S = ComplaintState;
  EXPECT_EQ(Next(S::kFiled, Action::kAnswer), S::kAnswered);
  EXPECT_EQ(Next(S::kFiled, Action::kAssign), S::kInReview);
  EXPECT_EQ(Next(S::kInReview, Action::kAssign), S::kInReview);
  EXPECT_EQ(Next(S::kInReview, Action::kRequestInfo), S::kInfoRequested);
  EXPECT_EQ(Next(S::kInfoRequested, Action::kProvideInfo), S::kInReview);
  EXPECT_EQ(Next(S::kInReview, Action::kDecide), S::kDecided);
  EXPECT_FALSE(Next(S::kAnswered, Action::kAnswer));
  EXPECT_FALSE(Next(S::kAnswered, Action::kDecide));
  EXPECT_FALSE(Next(S::kInfoRequested, Action::kDecide));
  for (Action a : {Action::kFile, Action::kAnswer, Action::kAssign, Action::kRequestInfo,
                   Action::kProvideInfo, Action::kDecide}) {
    EXPECT_FALSE(Next(S::kDecided, a)) << ToString(a);
  }
}

TEST(ComplaintStatisticsTest, PercentilesAreNearestRank) {
  EXPECT_FALSE(Percentile({}, 50));
  EXPECT_EQ(Percentile({30}, 90), 30);
  EXPECT_EQ(Percentile({10, 20, 30, 40}, 50), 20);
  EXPECT_EQ(Percentile({40, 10, 30, 20, 50, 60, 70, 80, 90, 100}, 90), 90);
  EXPECT_EQ(MaskPhone("13812345678"), "138****5678");
}

RECIRC_BOTH_DATABASES(ComplaintServiceTest);

}  // namespace
}  // namespace recirc::complaints
