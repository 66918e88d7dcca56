#include "domain/history/witness.hpp"

#include <charconv>

#include "tlog/checkpoint.hpp"
#include "tlog/merkle.hpp"

namespace recirc::history {
namespace {

constexpr size_t kMaxProofHashes = 63;

Error Malformed(const std::string& why) { return Error::InvalidArgument("body", why); }

}  // namespace

Result<AddCheckpointRequest> ParseAddCheckpoint(std::string_view body) {
  AddCheckpointRequest out;
  auto next_line = [&](std::string_view& line) -> bool {
    const size_t nl = body.find('\n');
    if (nl == std::string_view::npos) return false;
    line = body.substr(0, nl);
    body.remove_prefix(nl + 1);
    return true;
  };
  std::string_view line;
  if (!next_line(line) || !line.starts_with("old ")) {
    return Malformed("the first line is not \"old <size>\"");
  }
  const std::string_view digits = line.substr(4);
  auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), out.old_size);
  if (digits.empty() || ec != std::errc() || end != digits.data() + digits.size() ||
      (digits.size() > 1 && digits[0] == '0')) {
    return Malformed("the old size is not a decimal number");
  }
  for (size_t n = 1;; ++n) {
    if (!next_line(line)) return Malformed("no empty line before the checkpoint");
    if (line.empty()) break;
    if (n > kMaxProofHashes) return Malformed("more than 63 consistency proof lines");
    auto h = tlog::HashFromBase64(line, "body");
    if (!h) return Malformed("proof line " + std::to_string(n) + " is not base64 of 32 bytes");
    out.proof.push_back(*h);
  }
  if (body.empty()) return Malformed("no checkpoint after the empty line");
  out.checkpoint = std::string(body);
  return out;
}

std::string FormatAddCheckpoint(const AddCheckpointRequest& request) {
  std::string out = "old " + std::to_string(request.old_size) + "\n";
  for (const auto& h : request.proof) out += tlog::Base64Encode(h) + "\n";
  out += "\n";
  out += request.checkpoint;
  return out;
}

Result<AddCheckpointAnswer> WitnessService::AddCheckpoint(std::string_view body) {
  RECIRC_TRY(auto request, ParseAddCheckpoint(body));
  // The origin picks the log key; the text is everything before the last empty line.
  const size_t split = request.checkpoint.rfind("\n\n");
  if (split == std::string::npos) return Malformed("the checkpoint has no signature lines");
  auto parsed = tlog::ParseCheckpoint(std::string_view(request.checkpoint).substr(0, split + 1));
  if (!parsed) return Malformed("the checkpoint: " + parsed.error().message);
  const WitnessedLog* log = nullptr;
  for (const auto& l : logs_) {
    if (l.origin == parsed->origin) log = &l;
  }
  if (log == nullptr)
    return Error::NotFound("this witness does not know the log " + parsed->origin);
  auto opened = tlog::OpenCheckpoint(request.checkpoint, log->key);
  if (!opened) {
    if (opened.error().code == ErrorCode::kUnauthenticated) {
      return Error::Unauthenticated("the checkpoint is not signed by " + log->key.name() + ": " +
                                    opened.error().message);
    }
    return Malformed("the checkpoint: " + opened.error().message);
  }
  const tlog::Checkpoint& cp = *opened;
  if (request.old_size > cp.size) {
    return Malformed("old size " + std::to_string(request.old_size) +
                     " is larger than the checkpoint's " + std::to_string(cp.size));
  }
  const std::string text = request.checkpoint.substr(0, split + 1);
  return storage::WriteValue<AddCheckpointAnswer>(
      db_, [&](storage::Session& s) -> Result<AddCheckpointAnswer> {
        RECIRC_TRY(auto latest, repo_.Latest(s, cp.origin));
        const uint64_t known = latest ? static_cast<uint64_t>(latest->size) : 0;
        if (request.old_size != known) return AddCheckpointAnswer{true, known, {}};
        tlog::Sha256 sha;
        if (request.old_size == 0) {
          if (!request.proof.empty()) {
            return Error::FailedPrecondition("a consistency proof from size 0 must be empty");
          }
          if (cp.size == 0 && cp.root != tlog::EmptyRoot()) {
            return Error::FailedPrecondition("the empty tree has another root");
          }
        } else {
          RECIRC_TRY(auto old_root, tlog::HashFromBase64(latest->root, "root"));
          if (auto st = tlog::VerifyConsistency(sha, request.old_size, cp.size, request.proof,
                                                old_root, cp.root);
              !st) {
            return Error::FailedPrecondition(
                "the consistency proof from size " + std::to_string(request.old_size) + " to " +
                std::to_string(cp.size) + " does not verify: " + st.error().message);
          }
        }
        const int64_t now = ToUnixMillis(clock_.Now());
        storage::WitnessedCheckpoint record{cp.origin, static_cast<int64_t>(cp.size),
                                            tlog::Base64Encode(cp.root), request.checkpoint, now};
        RECIRC_TRY(bool advanced, repo_.Advance(s, static_cast<int64_t>(request.old_size), record));
        if (!advanced) {
          RECIRC_TRY(auto again, repo_.Latest(s, cp.origin));
          return AddCheckpointAnswer{true, again ? static_cast<uint64_t>(again->size) : 0, {}};
        }
        const auto seconds = static_cast<uint64_t>(now / 1000);
        return AddCheckpointAnswer{false, cp.size, signer_.SignLine(text, seconds)};
      });
}

}  // namespace recirc::history
