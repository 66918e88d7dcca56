#include "app/node_keys.hpp"

#include <spdlog/spdlog.h>

#include <fstream>
#include <optional>
#include <set>
#include <sstream>
#include <vector>

#include "app/keys.hpp"
#include "storage/history/tlog_repository.hpp"
#include "storage/node_key_repository.hpp"
#include "tlog/checkpoint.hpp"

namespace recirc::app {
namespace {

constexpr std::string_view kLog = "log";
constexpr std::string_view kData = "data";
constexpr std::string_view kIndex = "index";

Result<std::string> ReadKeyFile(const std::filesystem::path& path) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) return Error::NotFound(path.string() + " does not exist");
  std::ifstream in(path);
  if (!in) return Error::Unavailable("cannot read " + path.string());
  std::stringstream text;
  text << in.rdbuf();
  std::string out = text.str();
  while (!out.empty() && (out.back() == '\n' || out.back() == '\r' || out.back() == ' ')) {
    out.pop_back();
  }
  return out;
}

// A key file that exists but does not parse is named with the parser's reason.
Error InFile(const std::filesystem::path& path, const Error& e) {
  if (e.code == ErrorCode::kNotFound) return e;
  return Error::InvalidArgument(path.filename().string(), path.string() + ": " + e.message);
}

Result<tlog::Signer> ReadSigner(const std::filesystem::path& path) {
  RECIRC_TRY(std::string text, ReadKeyFile(path));
  auto signer = tlog::Signer::FromPrivateKey(text);
  if (!signer) return InFile(path, signer.error());
  return signer;
}

Result<crypto::FieldCipher> ReadCipher(const std::filesystem::path& path) {
  RECIRC_TRY(std::string text, ReadKeyFile(path));
  auto cipher = crypto::FieldCipher::FromKeyFile(text);
  if (!cipher) return InFile(path, cipher.error());
  return cipher;
}

Result<crypto::BlindIndex> ReadIndex(const std::filesystem::path& path) {
  RECIRC_TRY(std::string hex, ReadKeyFile(path));
  std::string key;
  for (size_t i = 0; hex.size() == 64 && i < 64; i += 2) {
    const auto byte = hex.substr(i, 2);
    if (byte.find_first_not_of("0123456789abcdefABCDEF") != std::string::npos) break;
    key.push_back(static_cast<char>(std::stoi(byte, nullptr, 16)));
  }
  if (key.size() != 32) {
    return Error::InvalidArgument("index.key", path.string() + " is not 64 hex digits");
  }
  return crypto::BlindIndex::Create(std::move(key));
}

// The three keys a database is made with, each as read from its file (or why it could not be).
struct KeyFiles {
  Result<tlog::Signer> log;
  Result<crypto::FieldCipher> data;
  Result<crypto::BlindIndex> index;
};

KeyFiles ReadKeyFiles(const std::filesystem::path& dir) {
  return {ReadSigner(dir / "log.key"), ReadCipher(dir / "data.key"), ReadIndex(dir / "index.key")};
}

// Recorded keys against the files; the problems found, none if the files hold the keys.
Result<std::vector<std::string>> CheckRecorded(storage::Session& s,
                                               const storage::NodeKeyRepository& repo,
                                               const std::vector<storage::NodeKeyRecord>& recorded,
                                               const KeyFiles& files) {
  std::vector<std::string> problems;
  std::vector<std::string> data_ids;
  for (const auto& r : recorded) {
    if (r.kind == kLog) {
      if (!files.log) {
        problems.push_back("log key: this database's checkpoints are signed by " + r.fingerprint +
                           ", and " + files.log.error().message);
      } else if (files.log->VerifierKey() != r.fingerprint) {
        problems.push_back("log key: log.key holds " + files.log->VerifierKey() + ", not " +
                           r.fingerprint + ", which signed this database's checkpoints");
      }
    } else if (r.kind == kIndex) {
      if (!files.index) {
        problems.push_back("index key: this database's blind indexes were made with index key " +
                           r.fingerprint + " (fingerprint), and " + files.index.error().message);
      } else if (files.index->Fingerprint() != r.fingerprint) {
        problems.push_back("index key: index.key (fingerprint " + files.index->Fingerprint() +
                           ") is not the index key " + r.fingerprint +
                           " this database's blind indexes were made with");
      }
    } else if (r.kind == kData) {
      data_ids.push_back(r.key_id);
    }
  }
  if (data_ids.empty()) return problems;
  std::string ids;
  for (const auto& id : data_ids) ids += (ids.empty() ? "" : ", ") + id;
  if (!files.data) {
    problems.push_back(
        "field cipher key: this database's personal data is encrypted with data key " + ids +
        ", and " + files.data.error().message);
    return problems;
  }
  const auto have = files.data->Fingerprints();
  for (const auto& r : recorded) {
    if (r.kind != kData) continue;
    const auto it = have.find(r.key_id);
    if (it != have.end()) {
      if (it->second != r.fingerprint) {
        problems.push_back("field cipher key " + r.key_id + ": data.key's " + r.key_id +
                           " is another key than the " + r.key_id +
                           " that encrypted this database's personal data");
      }
      continue;
    }
    RECIRC_TRY(bool used, repo.UsesDataKey(s, r.key_id));
    if (used) {
      problems.push_back("field cipher key " + r.key_id +
                         ": this database holds values encrypted with it, and data.key has no " +
                         r.key_id);
    }
  }
  return problems;
}

// A database with data but no record: the files must exist and open what is stored.
Result<std::vector<std::string>> CheckUnrecorded(storage::Session& s,
                                                 const storage::NodeKeyRepository& repo,
                                                 const KeyFiles& files) {
  std::vector<std::string> problems;
  if (!files.log) {
    problems.push_back("log key: this database holds signed checkpoints, and " +
                       files.log.error().message);
  } else {
    RECIRC_TRY(auto latest, storage::TlogRepository().LatestCheckpoint(s));
    if (latest && !tlog::OpenCheckpoint(latest->note, files.log->ToVerifier())) {
      problems.push_back("log key: log.key holds " + files.log->VerifierKey() +
                         ", which did not sign this database's checkpoints");
    }
  }
  if (!files.data) {
    problems.push_back("field cipher key: this database may hold encrypted personal data, and " +
                       files.data.error().message);
  }
  if (!files.index) {
    problems.push_back("index key: this database may hold blind indexes, and " +
                       files.index.error().message);
  }
  RECIRC_TRY(auto party, repo.AnySealedParty(s));
  if (!party || !files.data) return problems;
  if (auto name = files.data->Decrypt(party->name_enc, "party.name:" + party->id); !name) {
    problems.push_back("field cipher key " + crypto::FieldCipher::KeyIdOf(party->name_enc) +
                       ": data.key does not open this database's personal data (" +
                       name.error().message + ")");
    return problems;
  }
  if (!files.index || !party->phone_enc || !party->phone_index) return problems;
  auto phone = files.data->Decrypt(*party->phone_enc, "party.phone:" + party->id);
  if (phone && files.index->Of("phone", *phone) != *party->phone_index) {
    problems.push_back("index key: index.key did not make this database's blind indexes");
  }
  return problems;
}

// Records the keys not yet recorded and forgets the data keys no longer in data.key (checked
// unused by CheckRecorded).
Status Record(storage::Session& s, const storage::NodeKeyRepository& repo,
              const std::vector<storage::NodeKeyRecord>& recorded, const KeyFiles& files,
              int64_t now) {
  std::vector<storage::NodeKeyRecord> wanted{
      {std::string(kLog), files.log->name(), files.log->VerifierKey(), now},
      {std::string(kIndex), std::string(kIndex), files.index->Fingerprint(), now}};
  const auto data = files.data->Fingerprints();
  for (const auto& [id, fingerprint] : data)
    wanted.push_back({std::string(kData), id, fingerprint, now});
  std::set<std::pair<std::string, std::string>> have;
  for (const auto& r : recorded) {
    have.insert({r.kind, r.key_id});
    if (r.kind == kData && !data.contains(r.key_id)) {
      RECIRC_CHECK(repo.Delete(s, r.kind, r.key_id));
      spdlog::info("data key {} is no longer in data.key and no value uses it", r.key_id);
    }
  }
  for (const auto& w : wanted) {
    if (!have.contains({w.kind, w.key_id})) RECIRC_CHECK(repo.Insert(s, w));
  }
  return Ok();
}

Error Refusal(const std::filesystem::path& dir, const std::vector<std::string>& problems) {
  std::string message = "refusing to start: the key files in " + dir.string() +
                        " are not the keys this database was made with: ";
  for (size_t i = 0; i < problems.size(); ++i) message += (i ? "; " : "") + problems[i];
  message +=
      ". Start with the data dir that holds its keys (--data-dir, RECIRC_DATA_DIR or data_dir in "
      "the config file); keys are created only for an empty database";
  return Error::FailedPrecondition(std::move(message));
}

}  // namespace

Result<NodeKeys> LoadNodeKeys(storage::Database& db, const std::filesystem::path& data_dir,
                              const std::string& origin, const Clock& clock, Random& random) {
  std::error_code ec;
  const auto dir = std::filesystem::absolute(data_dir, ec) / "keys";
  if (ec) return Error::Unavailable("cannot resolve " + data_dir.string() + ": " + ec.message());
  const storage::NodeKeyRepository repo;
  std::optional<NodeKeys> keys;
  RECIRC_CHECK(db.Write([&](storage::Session& s) -> Status {
    RECIRC_TRY(auto recorded, repo.All(s));
    std::vector<std::string> problems;
    if (recorded.empty()) {
      RECIRC_TRY(bool holds_data, repo.HoldsKeyedData(s));
      if (holds_data) {
        RECIRC_TRY(problems, CheckUnrecorded(s, repo, ReadKeyFiles(dir)));
      }
    } else {
      RECIRC_TRY(problems, CheckRecorded(s, repo, recorded, ReadKeyFiles(dir)));
    }
    if (!problems.empty()) return Refusal(dir, problems);
    // The keys are those of this database (or it is empty): create what is missing, which is
    // everything for a new node and the witness key for nodes made before witnesses.
    RECIRC_TRY(auto report, InitKeys(data_dir, origin, random));
    for (const auto& created : report.created) spdlog::info("created key file {}", created);
    KeyFiles files = ReadKeyFiles(dir);
    if (!files.log) return files.log.error();
    if (!files.data) return files.data.error();
    if (!files.index) return files.index.error();
    RECIRC_TRY(auto witness, ReadSigner(dir / "witness.key"));
    RECIRC_CHECK(Record(s, repo, recorded, files, ToUnixMillis(clock.Now())));
    keys.emplace(NodeKeys{*files.data, *files.index, *files.log, witness});
    return Ok();
  }));
  return std::move(*keys);
}

}  // namespace recirc::app
