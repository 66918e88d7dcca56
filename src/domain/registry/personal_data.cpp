#include "domain/registry/personal_data.hpp"

#include <chrono>

namespace recirc::registry {
namespace {

std::string KeyPrefix(const crypto::FieldCipher& c) { return "v1:" + c.current_key_id() + ":"; }

}  // namespace

int64_t YearsBefore(int64_t now_ms, int64_t years) {
  using namespace std::chrono;
  const sys_time<milliseconds> now{milliseconds(now_ms)};
  const sys_days day = floor<days>(now);
  const milliseconds time_of_day = now - day;
  year_month_day ymd{day};
  ymd = year_month_day{ymd.year() - std::chrono::years(years), ymd.month(), ymd.day()};
  if (!ymd.ok()) ymd = year_month_day{ymd.year() / ymd.month() / last};
  return (sys_days(ymd) + time_of_day).time_since_epoch().count();
}

Result<std::optional<std::string>> PersonalDataService::Renew(
    const std::optional<std::string>& stored, const std::string& context) const {
  if (!stored || stored->empty() ||
      crypto::FieldCipher::KeyIdOf(*stored) == cipher_.current_key_id()) {
    return stored;
  }
  RECIRC_TRY(std::string plain, cipher_.Decrypt(*stored, context));
  RECIRC_TRY(std::string fresh, cipher_.Encrypt(plain, context, random_));
  return std::optional<std::string>(std::move(fresh));
}

Result<ReencryptReport> PersonalDataService::Reencrypt(int64_t batch_size) {
  const std::string prefix = KeyPrefix(cipher_);
  ReencryptReport report;
  // Parties, one batch per transaction, in id order.
  for (std::string after;;) {
    RECIRC_TRY(auto rows,
               storage::ReadValue<std::vector<storage::PartyRecord>>(db_, [&](storage::Session& s) {
                 return repo_.PartiesNotUnder(s, prefix, after, batch_size);
               }));
    if (rows.empty()) break;
    std::vector<std::pair<storage::PartyRecord, storage::PartyRecord>> swaps;
    for (const auto& old : rows) {
      storage::PartyRecord fresh = old;
      RECIRC_TRY(auto name, Renew(old.name_enc, "party.name:" + old.id));
      fresh.name_enc = *name;
      RECIRC_TRY(fresh.id_number_enc, Renew(old.id_number_enc, "party.id_number:" + old.id));
      RECIRC_TRY(fresh.phone_enc, Renew(old.phone_enc, "party.phone:" + old.id));
      RECIRC_TRY(fresh.address_enc, Renew(old.address_enc, "party.address:" + old.id));
      swaps.emplace_back(old, std::move(fresh));
    }
    RECIRC_CHECK(db_.Write([&](storage::Session& s) -> Status {
      for (const auto& [old, fresh] : swaps) {
        RECIRC_TRY(bool swapped, repo_.SwapPartyCiphertexts(s, old, fresh));
        swapped ? ++report.parties : ++report.skipped;
      }
      return Ok();
    }));
    after = rows.back().id;
  }
  // The registrations' own encrypted fields (statement of origin, agent's authority).
  for (std::string after;;) {
    RECIRC_TRY(auto rows, storage::ReadValue<std::vector<storage::SealedAcquisition>>(
                              db_, [&](storage::Session& s) {
                                return repo_.AcquisitionsNotUnder(s, prefix, after, batch_size);
                              }));
    if (rows.empty()) break;
    std::vector<std::pair<storage::SealedAcquisition, storage::SealedAcquisition>> swaps;
    for (const auto& old : rows) {
      storage::SealedAcquisition fresh = old;
      RECIRC_TRY(auto origin,
                 Renew(old.origin_statement_enc, "acquisition.origin:" + old.seller_id));
      fresh.origin_statement_enc = *origin;
      if (old.agent_id) {
        RECIRC_TRY(fresh.agent_authority_enc,
                   Renew(old.agent_authority_enc, "acquisition.agent_authority:" + *old.agent_id));
      }
      swaps.emplace_back(old, std::move(fresh));
    }
    RECIRC_CHECK(db_.Write([&](storage::Session& s) -> Status {
      for (const auto& [old, fresh] : swaps) {
        RECIRC_TRY(bool swapped, repo_.SwapAcquisitionCiphertexts(s, old, fresh));
        swapped ? ++report.acquisitions : ++report.skipped;
      }
      return Ok();
    }));
    after = rows.back().id;
  }
  return report;
}

Result<int64_t> PersonalDataService::Remaining() {
  const std::string prefix = KeyPrefix(cipher_);
  return storage::ReadValue<int64_t>(
      db_, [&](storage::Session& s) { return repo_.CountNotUnder(s, prefix); });
}

Result<int64_t> PersonalDataService::EraseExpired(int64_t retention_years, int64_t batch_size) {
  if (retention_years < kMinRetentionYears) {
    return Error::InvalidArgument("retention_years",
                                  "registers are kept at least 2 years (DOMAIN.md retention)");
  }
  const int64_t now = ToUnixMillis(clock_.Now());
  const int64_t before = YearsBefore(now, retention_years);
  int64_t erased = 0;
  for (;;) {
    // Look before writing: an hourly run with nothing to erase commits nothing.
    RECIRC_TRY(bool any, storage::ReadValue<bool>(db_, [&](storage::Session& s) -> Result<bool> {
                 RECIRC_TRY(auto rows, repo_.ExpiredAcquisitions(s, before, 1));
                 return !rows.empty();
               }));
    if (!any) break;
    RECIRC_TRY(int64_t n,
               storage::WriteValue<int64_t>(db_, [&](storage::Session& s) -> Result<int64_t> {
                 RECIRC_TRY(auto rows, repo_.ExpiredAcquisitions(s, before, batch_size));
                 for (const auto& a : rows) RECIRC_CHECK(repo_.Erase(s, a, now));
                 return static_cast<int64_t>(rows.size());
               }));
    erased += n;
    if (n < batch_size) break;
  }
  return erased;
}

}  // namespace recirc::registry
