// RegistryPort as other contexts see it (both databases): an alert raised through the port goes
// to the police of the item's last registration without holding the item, nothing is raised for
// an item never registered, and everything runs in the caller's transaction.
#include "domain/registry/registry_port_impl.hpp"

#include <gtest/gtest.h>

#include "domain/registry/registry_fixture.hpp"

namespace recirc::registry {
namespace {

class RegistryPortTest : public RegistryTest {
 protected:
  Result<std::optional<std::string>> Raise(const std::string& item_id) {
    return storage::WriteValue<std::optional<std::string>>(db(), [&](storage::Session& s) {
      return port_.RaiseAlert(s, clerk_, item_id,
                              {"identifier_changed", 100, "imei changed during repair R1"});
    });
  }

  RegistryPortImpl port_{repo_, journal_, clock_, random_};
};

TEST_P(RegistryPortTest, AnAlertThroughThePortReachesTheRegionsPoliceWithoutAHold) {
  auto receipt = registration_->Register(clerk_, Phone(Imei("35693803564380")));
  ASSERT_TRUE(receipt) << receipt.error().message;
  const int64_t holds = Count("holds");

  auto raised = Raise(receipt->item_id);
  ASSERT_TRUE(raised) << raised.error().message;
  ASSERT_TRUE(*raised);
  auto seen = police_->ListAlerts(chaoyang_, std::nullopt);
  ASSERT_TRUE(seen) << seen.error().message;
  ASSERT_EQ(seen->size(), 1u);
  EXPECT_EQ((*seen)[0].alert.id, **raised);
  EXPECT_EQ((*seen)[0].alert.acquisition_id, receipt->id);
  EXPECT_EQ((*seen)[0].alert.score, 100);
  EXPECT_NE((*seen)[0].alert.reasons.find("identifier_changed"), std::string::npos);
  EXPECT_EQ(ToString((*seen)[0].item.status), "in_stock") << "the police decide; no hold";
  EXPECT_EQ(Count("holds"), holds);
  EXPECT_TRUE(police_->ListAlerts(shenzhen_, std::nullopt)->empty());
}

TEST_P(RegistryPortTest, NoAlertForAnItemNeverRegistered) {
  auto raised = Raise("01JD0000000000000000000000");
  ASSERT_TRUE(raised) << raised.error().message;
  EXPECT_FALSE(*raised);
  EXPECT_EQ(Count("alerts"), 0);
}

TEST_P(RegistryPortTest, TheAlertRollsBackWithTheCallersTransaction) {
  auto receipt = registration_->Register(clerk_, Phone(Imei("35693803564380")));
  ASSERT_TRUE(receipt) << receipt.error().message;
  auto failed = db().Write([&](storage::Session& s) -> Status {
    RECIRC_TRY(auto id, port_.RaiseAlert(s, clerk_, receipt->item_id,
                                         {"identifier_changed", 100, "imei changed"}));
    EXPECT_TRUE(id);
    return Error::InvalidArgument("parts[0].origin", "the caller's own check fails afterwards");
  });
  EXPECT_FALSE(failed);
  EXPECT_EQ(Count("alerts"), 0);
}

RECIRC_BOTH_DATABASES(RegistryPortTest);

}  // namespace
}  // namespace recirc::registry
