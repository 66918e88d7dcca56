#include "documents/report_delivery.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <boost/json/serialize.hpp>

#include <chrono>
#include <cstdio>
#include <functional>
#include <thread>

#include "core/private_files.hpp"
#include "documents/register_report.hpp"

namespace recirc::documents {
namespace {

constexpr int64_t kDayMs = 86'400'000;
constexpr int64_t kChinaOffsetMs = int64_t{8} * 3'600'000;  // UTC+8, no daylight saving time

// Days since 1970-01-01 in China Standard Time.
int64_t ChinaDayNumber(int64_t unix_ms) {
  const int64_t local = unix_ms + kChinaOffsetMs;
  return local >= 0 ? local / kDayMs : (local - kDayMs + 1) / kDayMs;
}

std::string DayName(int64_t day_number) {
  const std::chrono::year_month_day ymd{std::chrono::sys_days{std::chrono::days{day_number}}};
  char out[16];
  std::snprintf(out, sizeof out, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
  return out;
}

// "YYYY-MM-DD" back to its day number; nullopt if it is not such a date.
std::optional<int64_t> DayNumber(const std::string& day) {
  int y = 0;
  unsigned m = 0, d = 0;
  if (std::sscanf(day.c_str(), "%4d-%2u-%2u", &y, &m, &d) != 3) return std::nullopt;
  const std::chrono::year_month_day ymd{std::chrono::year{y}, std::chrono::month{m},
                                        std::chrono::day{d}};
  if (!ymd.ok()) return std::nullopt;
  return std::chrono::sys_days{ymd}.time_since_epoch().count();
}

Status Fail(const std::filesystem::path& path, const char* what) {
  return Error::Unavailable(std::string("cannot ") + what + " " + path.string());
}

// Temporary file, fsync, rename, fsync of the directory: a reader never sees half a report.
Status WriteAtomically(const std::filesystem::path& path, std::string_view bytes) {
  if (!CreatePrivateDirectories(path.parent_path())) return Fail(path.parent_path(), "create");
  // A name of its own per writer: two servers (or two passes) delivering the same day at once
  // each rename a complete file of the same content into place.
  const std::filesystem::path tmp =
      path.string() + ".tmp." + std::to_string(::getpid()) + "." +
      std::to_string(std::hash<std::thread::id>{}(std::this_thread::get_id()));
  const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (fd < 0) return Fail(tmp, "create");
  size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n <= 0) {
      ::close(fd);
      return Fail(tmp, "write");
    }
    done += static_cast<size_t>(n);
  }
  if (::fsync(fd) != 0 || ::close(fd) != 0) return Fail(tmp, "sync");
  if (::rename(tmp.c_str(), path.c_str()) != 0) return Fail(path, "rename into");
  const int dir = ::open(path.parent_path().c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dir >= 0) {
    ::fsync(dir);
    ::close(dir);
  }
  return Ok();
}

}  // namespace

std::string ChinaDay(int64_t unix_ms) { return DayName(ChinaDayNumber(unix_ms)); }

Result<DeliveryReport> ReportDelivery::DeliverDue() {
  const int64_t now = ToUnixMillis(clock_.Now());
  const int64_t yesterday = ChinaDayNumber(now) - 1;
  RECIRC_TRY(auto last,
             storage::ReadValue<std::optional<std::string>>(
                 db_, [&](storage::Session& s) { return deliveries_.LastDelivered(s); }));
  int64_t next = yesterday;
  if (last) {
    const auto n = DayNumber(*last);
    if (!n) return Error::Internal("report_deliveries holds a bad day " + *last);
    next = *n + 1;
  }
  DeliveryReport report;
  for (int64_t day = next; day <= yesterday; ++day) {
    const std::string name = DayName(day);
    int64_t outlets = 0;
    RECIRC_TRY(int64_t files, DeliverDay(name, day * kDayMs - kChinaOffsetMs, outlets));
    RECIRC_CHECK(db_.Write([&](storage::Session& s) {
      return deliveries_.MarkDelivered(s, name, outlets, ToUnixMillis(clock_.Now()));
    }));
    report.days.push_back(name);
    report.files += files;
  }
  return report;
}

Result<int64_t> ReportDelivery::DeliverDay(const std::string& day, int64_t day_start,
                                           int64_t& outlets) {
  struct OutletDay {
    storage::OutletRegion outlet;
    std::vector<RegisterLine> lines;
  };
  RECIRC_TRY(auto all,
             storage::ReadValue<std::vector<OutletDay>>(
                 db_, [&](storage::Session& s) -> Result<std::vector<OutletDay>> {
                   RECIRC_TRY(auto list, deliveries_.AllOutlets(s));
                   std::vector<OutletDay> out;
                   for (auto& o : list) {
                     RECIRC_TRY(auto found, registry_.AcquisitionsOfOutlet(s, o.id, day_start,
                                                                           day_start + kDayMs));
                     OutletDay od{std::move(o), {}};
                     for (auto& a : found) {
                       RECIRC_TRY(auto item, registry_.FindItem(s, a.item_id));
                       if (!item) {
                         return Error::Internal("registration " + a.id + " lost its item");
                       }
                       od.lines.push_back({std::move(a), std::move(*item)});
                     }
                     out.push_back(std::move(od));
                   }
                   return out;
                 }));
  int64_t files = 0;
  for (const auto& od : all) {
    const auto dir = root_ / od.outlet.region_code / day;
    RECIRC_CHECK(WriteAtomically(dir / (od.outlet.id + ".json"),
                                 boost::json::serialize(RegisterJson(od.lines)) + "\n"));
    RECIRC_CHECK(WriteAtomically(dir / (od.outlet.id + ".csv"), RegisterCsv(od.lines)));
    RECIRC_TRY(std::string xlsx, RegisterXlsx(od.lines));
    RECIRC_CHECK(WriteAtomically(dir / (od.outlet.id + ".xlsx"), xlsx));
    files += 3;
  }
  outlets = static_cast<int64_t>(all.size());
  return files;
}

}  // namespace recirc::documents
