#include "app/demo.hpp"

#include "core/validators.hpp"
#include "storage/identity/identity_repository.hpp"

namespace recirc::app {
namespace {

struct DemoOrg {
  const char* kind;
  const char* name;
  const char* credit_base;  // 17 characters; the check character is computed
  const char* region;
  std::vector<std::tuple<const char*, const char*, const char*>> outlets;  // name, region, address
  std::vector<std::tuple<const char*, const char*, const char*>> users;    // username, name, role
};

std::vector<DemoOrg> DemoOrganisations() {
  return {
      {"platform",
       "recirc 平台管理",
       "12110105MB0000001",
       "110000",
       {},
       {{"admin", "平台管理员", "platform_admin"}}},
      {"operator",
       "绿循环回收 Green Loop Recycling",
       "91110105MA0000001",
       "110105",
       {{"朝阳门店", "110105", "北京市朝阳区建国路 88 号"},
        {"海淀社区寄卖店", "110108", "北京市海淀区中关村大街 1 号"}},
       {{"shop.admin", "王店长", "operator_admin"}, {"shop.clerk", "李店员", "operator_staff"}}},
      {"inspection_body",
       "华检二手商品鉴定中心",
       // In Beijing, where the demo shop's outlets are: its inspectors' queue covers them.
       "91110000MA0000002",
       "110000",
       {},
       {{"inspection.admin", "刘主任", "inspection_admin"},
        {"inspector", "陈检测师", "inspector"}}},
      {"police",
       "北京市公安局朝阳分局",
       "11110105000000003",
       "110105",
       {},
       // The administrator first: officers are created by their organisation's police_admin.
       {{"police.admin", "郑科长", "police_admin"},
        {"police.chaoyang", "赵警官", "police_officer"},
        {"police.supervisor", "吴督察", "police_supervisor"}}},
      // A second district, so that "only the police of the outlet's district see it" can be tried.
      {"police",
       "北京市公安局海淀分局",
       "11110108000000006",
       "110108",
       {},
       {{"police.haidian", "钱警官", "police_officer"}}},
      {"commerce_authority",
       "北京市商务局",
       "11110000000000004",
       "110000",
       {},
       {{"commerce", "孙处长", "commerce_official"}}},
      {"market_supervision",
       "北京市市场监督管理局",
       "11110000000000005",
       "110000",
       {},
       {{"market", "周科长", "market_supervisor"}}},
  };
}

}  // namespace

Result<std::vector<DemoLogin>> SeedDemo(identity::DirectoryService& directory,
                                        storage::Database& db) {
  const identity::Principal system = identity::Principal::System();
  const storage::IdentityRepository repo;
  std::vector<DemoLogin> logins;
  for (const DemoOrg& d : DemoOrganisations()) {
    RECIRC_TRY(char check, core::CreditCodeCheckChar(d.credit_base));
    const std::string credit = std::string(d.credit_base) + check;
    // Find the organisation by its credit code, or create it.
    std::string org_id;
    RECIRC_TRY(auto page, directory.ListOrganisations(system, {"", 200}));
    for (const auto& o : page.items) {
      if (o.credit_code == credit) org_id = o.id;
    }
    if (org_id.empty()) {
      RECIRC_TRY(auto org,
                 directory.CreateOrganisation(system, {d.kind, d.name, credit, d.region}));
      org_id = org.id;
      for (const auto& [name, region, address] : d.outlets) {
        RECIRC_TRY(auto outlet, directory.CreateOutlet(system, OrganisationId::Stored(org_id),
                                                       {name, region, address}));
        (void)outlet;
      }
    }
    for (const auto& [username, display, role] : d.users) {
      RECIRC_TRY(auto existing, storage::ReadValue<std::optional<storage::UserRecord>>(
                                    db, [&, u = username](storage::Session& s) {
                                      return repo.FindUserByUsername(s, u);
                                    }));
      if (!existing) {
        RECIRC_TRY(auto user,
                   directory.CreateUser(system, OrganisationId::Stored(org_id),
                                        {username, display, role, std::string(kDemoPassword)}));
        (void)user;
      }
      logins.push_back({username, role, d.name});
    }
  }
  // An individual buyer, in the node-wide buyers organisation (as POST /api/v1/buyers makes).
  RECIRC_TRY(auto buyers, directory.BuyersOrganisation());
  RECIRC_TRY(auto existing_buyer,
             storage::ReadValue<std::optional<storage::UserRecord>>(
                 db, [&](storage::Session& s) { return repo.FindUserByUsername(s, "buyer"); }));
  if (!existing_buyer) {
    RECIRC_TRY(auto user,
               directory.CreateUser(system, OrganisationId::Stored(buyers.id),
                                    {"buyer", "演示买家", "buyer", std::string(kDemoPassword)}));
    (void)user;
  }
  logins.push_back({"buyer", "buyer", buyers.name});
  return logins;
}

}  // namespace recirc::app
