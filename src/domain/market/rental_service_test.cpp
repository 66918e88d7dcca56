// Rentals on both databases: a rental offer published through the ordinary publishing rules,
// bookings at the cheapest period price, overlap refused naming the field, cancellation freeing
// the dates, pick-up and a late, damaged return settled against the deposit, the passport's
// rental events without the renter, and random bookings through the service never overlapping.
#include <gtest/gtest.h>

#include <map>
#include <random>

#include "domain/market/market_fixture.hpp"
#include "domain/market/rental_service.hpp"

namespace recirc::market {
namespace {

using rental::Day;
using rental::Span;

class RentalServiceTest : public MarketFixture {
 protected:
  void SetUp() override {
    MarketFixture::SetUp();
    if (IsSkipped() || HasFailure()) return;
    rentals_.emplace(*ctx_, *offers_, rental_repo_);
  }
  Principal Buyer(std::string user) {
    auto buyers = directory_->BuyersOrganisation();
    EXPECT_TRUE(buyers) << buyers.error().message;
    return As(*buyers, Role::kBuyer, OrganisationKind::kBuyers, std::move(user));
  }
  static rental::RentalTerms RentTerms() {
    rental::RentalTerms t;
    t.prices = {Money::Fen(5000), Money::Fen(25000), Money::Fen(80000)};
    t.deposit = Money::Fen(100000);
    t.min_days = 1;
    t.max_days = 60;
    t.damage_per_step = Money::Fen(20000);
    return t;
  }
  // A phone inspected, sanitized and published for rent.
  storage::OfferRecord RentalOffer(const std::string& imei14) {
    const std::string item = Register(Imei(imei14));
    Inspect(item);
    Sanitize(item);
    auto offer = rentals_->Create(clerk_, Terms(item), RentTerms());
    EXPECT_TRUE(offer) << offer.error().message;
    auto published = offers_->Publish(clerk_, Oid(offer->id), std::nullopt);
    EXPECT_TRUE(published) << published.error().message;
    return published->offer;
  }
  Day Today() { return rental::DayOf(clock_.Now()); }
  static RentalBookingId Rid(const std::string& text) {
    return RentalBookingId::Parse(text, "id").value();
  }
  static ConditionInput Condition(std::string functional, std::string cosmetic) {
    return {{{"functional", std::move(functional)}, {"cosmetic", std::move(cosmetic)}}, "检查"};
  }

  storage::RentalRepository rental_repo_;
  std::optional<RentalService> rentals_;
};

TEST_P(RentalServiceTest, PublishedWithTheOfferRulesAndBookedAtTheCheapestPrice) {
  // The ordinary publishing checks apply: without sanitization a phone is not published.
  const std::string bare = Register(Imei("35693803565410"));
  Inspect(bare);
  auto draft = rentals_->Create(clerk_, Terms(bare), RentTerms());
  ASSERT_TRUE(draft) << draft.error().message;
  EXPECT_EQ(draft->sale_mode, SaleMode::kRental);
  auto refused = offers_->Publish(clerk_, Oid(draft->id), std::nullopt);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().message.rfind("sanitization_required", 0), 0u)
      << refused.error().message;

  auto bad = RentTerms();
  bad.max_days = 0;
  EXPECT_EQ(rentals_->Create(clerk_, Terms(bare), bad).error().field, "max_days");

  const auto offer = RentalOffer("35693803565428");
  const Principal a = Buyer("URENTERA");
  auto booked = rentals_->Book(a, Oid(offer.id), "", {Today() + 2, Today() + 8});  // six days
  ASSERT_TRUE(booked) << booked.error().message;
  EXPECT_EQ(booked->price_fen, 25000);  // a week costs less than six days
  EXPECT_EQ(booked->deposit_fen, 100000);
  EXPECT_EQ(ToString(booked->status), "booked");

  // Not for sale: an order on a rental offer is refused naming the rule.
  auto order = orders_->Place(a, {Oid(offer.id), std::nullopt, "simulated", 1, {}});
  ASSERT_FALSE(order);
  EXPECT_EQ(order.error().message.rfind("rental_offer", 0), 0u) << order.error().message;

  auto cal = rentals_->Calendar(nullptr, Oid(offer.id));
  ASSERT_TRUE(cal) << cal.error().message;
  ASSERT_EQ(cal->taken.size(), 1u);
  EXPECT_EQ(cal->taken[0].start, Today() + 2);
  EXPECT_EQ(cal->terms.deposit.fen(), 100000);
}

TEST_P(RentalServiceTest, OverlapIsRefusedNamingTheFieldAndCancellationFreesTheDates) {
  const auto offer = RentalOffer("35693803565436");
  const Principal a = Buyer("URENTERA");
  const Principal b = Buyer("URENTERB");
  auto first = rentals_->Book(a, Oid(offer.id), "", {Today() + 1, Today() + 5});
  ASSERT_TRUE(first) << first.error().message;

  auto clash = rentals_->Book(b, Oid(offer.id), "", {Today() + 4, Today() + 9});
  ASSERT_FALSE(clash);
  EXPECT_EQ(clash.error().code, ErrorCode::kConflict);
  EXPECT_EQ(clash.error().field, "start");
  EXPECT_EQ(clash.error().message.rfind("rental_dates_taken", 0), 0u) << clash.error().message;
  EXPECT_TRUE(rentals_->Book(b, Oid(offer.id), "", {Today() + 5, Today() + 6}));  // back to back

  // Only the renter's side cancels; another buyer sees nothing.
  EXPECT_EQ(rentals_->Cancel(b, Rid(first->id), "plans changed").error().code,
            ErrorCode::kNotFound);
  auto cancelled = rentals_->Cancel(a, Rid(first->id), "plans changed");
  ASSERT_TRUE(cancelled) << cancelled.error().message;
  EXPECT_EQ(ToString(cancelled->status), "cancelled");
  EXPECT_FALSE(rentals_->Cancel(a, Rid(first->id), "plans changed"));  // once
  auto again = rentals_->Book(b, Oid(offer.id), "", {Today() + 1, Today() + 5});
  EXPECT_TRUE(again) << again.error().message;
}

TEST_P(RentalServiceTest, LateDamagedReturnSettlesTheDepositAndThePassportNamesNoRenter) {
  const auto offer = RentalOffer("35693803565444");
  const Principal a = Buyer("URENTERA");
  auto booked = rentals_->Book(a, Oid(offer.id), "", {Today() + 1, Today() + 4});
  ASSERT_TRUE(booked) << booked.error().message;

  auto early = rentals_->PickUp(clerk_, Rid(booked->id), Condition("0", "B"));
  ASSERT_FALSE(early);
  EXPECT_EQ(early.error().message.rfind("rental_not_started", 0), 0u);
  clock_.Advance(hours(24));
  EXPECT_EQ(rentals_->PickUp(a, Rid(booked->id), Condition("0", "B")).error().code,
            ErrorCode::kPermissionDenied);  // the shop hands over, not the renter
  EXPECT_EQ(rentals_->PickUp(clerk_, Rid(booked->id), Condition("0", "Z")).error().field,
            "grades.cosmetic");
  auto picked = rentals_->PickUp(clerk_, Rid(booked->id), Condition("0", "B"));
  ASSERT_TRUE(picked) << picked.error().message;
  EXPECT_EQ(ToString(picked->status), "picked_up");
  EXPECT_FALSE(
      rentals_->Cancel(a, Rid(booked->id), "plans changed"));  // picked up: no longer cancellable

  clock_.Advance(hours(24 * 5));  // due back after 3 days, back after 5: 2 days late
  auto back = rentals_->Return(clerk_, Rid(booked->id), Condition("1", "D"));
  ASSERT_TRUE(back) << back.error().message;
  EXPECT_EQ(ToString(back->status), "returned");
  EXPECT_EQ(*back->late_days, 2);
  EXPECT_EQ(*back->late_fen, 10000);              // 2 x 50 yuan
  EXPECT_EQ(*back->damage_steps, 3);              // functional 0 -> 1, cosmetic B -> D
  EXPECT_EQ(*back->damage_fen, 60000);            // 3 x 200 yuan
  EXPECT_EQ(*back->deposit_released_fen, 30000);  // 1000 - 100 - 600 yuan
  EXPECT_EQ(*back->owed_fen, 0);

  const auto history = Events("item", offer.item_id);
  std::vector<std::string> rental_events;
  for (const auto& e : history) {
    if (e.type != "item.rental_started" && e.type != "item.rented") continue;
    rental_events.push_back(e.type);
    EXPECT_EQ(e.payload.find("URENTERA"), std::string::npos) << e.payload;
    EXPECT_EQ(e.payload.find("user:"), std::string::npos) << e.payload;
    if (e.type == "item.rented") {
      const json::object p = json::parse(e.payload).as_object();
      EXPECT_EQ(p.at("from").as_string(), rental::FormatDay(Today() - 5));
      EXPECT_EQ(p.at("to").as_string(), rental::FormatDay(Today()));
      EXPECT_EQ(p.at("grade").at("cosmetic").as_string(), "D");
    }
  }
  EXPECT_EQ(rental_events, (std::vector<std::string>{"item.rental_started", "item.rented"}));
  for (const auto& e : Events("rental_booking", booked->id)) {
    EXPECT_EQ(e.payload.find("URENTERA"), std::string::npos) << e.type << e.payload;
  }
}

TEST_P(RentalServiceTest, ChargesAboveTheDepositAreOwed) {
  const auto offer = RentalOffer("35693803565451");
  const Principal a = Buyer("URENTERA");
  auto booked = rentals_->Book(a, Oid(offer.id), "", {Today(), Today() + 2});
  ASSERT_TRUE(booked) << booked.error().message;
  ASSERT_TRUE(rentals_->PickUp(clerk_, Rid(booked->id), Condition("0", "B")));
  clock_.Advance(hours(24 * 12));  // ten days late: 500 yuan; 9 + 2 steps: 2,200 yuan
  auto back = rentals_->Return(clerk_, Rid(booked->id), Condition("9", "D"));
  ASSERT_TRUE(back) << back.error().message;
  EXPECT_EQ(*back->deposit_released_fen, 0);
  EXPECT_EQ(*back->damage_steps, 11);  // functional 0 -> 9, cosmetic B -> D
  EXPECT_EQ(*back->owed_fen, 50000 + 220000 - 100000);
}

// Random bookings and cancellations through the service (the offer's lock, the stored rows)
// against a day-set reference: the same decisions, and the calendar never shows an overlap.
TEST_P(RentalServiceTest, RandomBookingsThroughTheServiceNeverOverlap) {
  const auto offer = RentalOffer("35693803565469");
  const Principal a = Buyer("URENTERA");
  std::mt19937_64 rng(1807);
  std::map<std::string, Span> kept;
  std::map<Day, std::string> reference;
  for (int op = 0; op < 120; ++op) {
    if (!kept.empty() && rng() % 4 == 0) {
      auto it = kept.begin();
      std::advance(it, static_cast<long>(rng() % kept.size()));
      ASSERT_TRUE(rentals_->Cancel(a, Rid(it->first), "plans changed"));
      for (Day d = it->second.start; d < it->second.end; ++d) reference.erase(d);
      kept.erase(it);
      continue;
    }
    const Day start = Today() + static_cast<Day>(rng() % 30);
    const Span wanted{start, start + 1 + static_cast<Day>(rng() % 8)};
    bool free = true;
    for (Day d = wanted.start; d < wanted.end; ++d) free = free && !reference.contains(d);
    auto r = rentals_->Book(a, Oid(offer.id), "", wanted);
    ASSERT_EQ(static_cast<bool>(r), free) << "op " << op;
    if (!r) {
      EXPECT_EQ(r.error().field, "start");
      continue;
    }
    kept[r->id] = wanted;
    for (Day d = wanted.start; d < wanted.end; ++d) reference[d] = r->id;
  }
  auto cal = rentals_->Calendar(nullptr, Oid(offer.id));
  ASSERT_TRUE(cal);
  ASSERT_EQ(cal->taken.size(), kept.size());
  for (size_t i = 1; i < cal->taken.size(); ++i) {
    EXPECT_LE(cal->taken[i - 1].end, cal->taken[i].start);
  }
}

RECIRC_BOTH_DATABASES(RentalServiceTest);

}  // namespace
}  // namespace recirc::market
