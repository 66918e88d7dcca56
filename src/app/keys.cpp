#include "app/keys.hpp"

#include <sys/stat.h>

#include <algorithm>
#include <array>
#include <fstream>
#include <sstream>

#include "tlog/cosignature.hpp"
#include "tlog/note.hpp"

namespace recirc::app {
namespace {

Status WriteSecret(const std::filesystem::path& path, const std::string& content) {
  const std::filesystem::path tmp = path.string() + ".tmp";
  {
    std::ofstream out(tmp, std::ios::trunc);
    if (!out) return Error::Unavailable("cannot write " + tmp.string());
    ::chmod(tmp.c_str(), 0600);
    out << content << "\n";
    if (!out.flush()) return Error::Unavailable("cannot write " + tmp.string());
  }
  std::error_code ec;
  std::filesystem::rename(tmp, path, ec);
  if (ec) return Error::Unavailable("cannot create " + path.string() + ": " + ec.message());
  return Ok();
}

Result<std::string> ReadFirstLine(const std::filesystem::path& path) {
  std::ifstream in(path);
  if (!in) return Error::NotFound("no key file " + path.string() + "; run `recirc keys init`");
  std::string line;
  std::getline(in, line);
  return line;
}

}  // namespace

Result<KeyInitReport> InitKeys(const std::filesystem::path& data_dir, const std::string& origin,
                               Random& random, const std::string& witness_name) {
  std::error_code ec;
  const auto dir = std::filesystem::absolute(data_dir, ec) / "keys";  // reports name it in full
  if (ec) return Error::Unavailable("cannot resolve " + data_dir.string() + ": " + ec.message());
  std::filesystem::create_directories(dir, ec);
  if (ec) return Error::Unavailable("cannot create " + dir.string() + ": " + ec.message());
  ::chmod(dir.c_str(), 0700);
  KeyInitReport report;

  for (const auto& [file, name] :
       {std::pair{"log.key", &origin}, std::pair{"witness.key", &witness_name}}) {
    const auto path = dir / file;
    if (std::filesystem::exists(path)) {
      report.kept.push_back(path.string());
      continue;
    }
    std::array<uint8_t, tlog::kEd25519SeedSize> seed{};
    random.Fill(seed);
    RECIRC_TRY(auto signer, tlog::Signer::FromSeed(*name, seed));
    RECIRC_CHECK(WriteSecret(path, signer.PrivateKey()));
    report.created.push_back(path.string());
  }

  // data.key: "<key id>:<hex>" lines, the last one current (crypto::FieldCipher::FromKeyFile).
  // index.key: the blind-index key, hex (crypto::BlindIndex).
  for (const auto& [file, prefix] : {std::pair{"data.key", "k1:"}, std::pair{"index.key", ""}}) {
    const auto path = dir / file;
    if (std::filesystem::exists(path)) {
      report.kept.push_back(path.string());
      continue;
    }
    std::array<uint8_t, 32> key{};
    random.Fill(key);
    std::ostringstream hex;
    for (uint8_t b : key) hex << "0123456789abcdef"[b >> 4] << "0123456789abcdef"[b & 15];
    RECIRC_CHECK(WriteSecret(path, prefix + hex.str()));
    report.created.push_back(path.string());
  }
  return report;
}

Result<std::string> RotateDataKey(const std::filesystem::path& data_dir, Random& random) {
  const auto path = data_dir / "keys" / "data.key";
  std::ifstream in(path);
  if (!in) return Error::NotFound("no key file " + path.string() + "; run `recirc keys init`");
  std::string content, line;
  int64_t highest = 0;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    const auto colon = line.find(':');
    if (colon != std::string::npos && line.size() > 1 && line[0] == 'k') {
      highest = std::max<int64_t>(highest, std::atoll(line.substr(1, colon - 1).c_str()));
    }
    content += line + "\n";
  }
  std::array<uint8_t, 32> key{};
  random.Fill(key);
  std::ostringstream hex;
  for (uint8_t b : key) hex << "0123456789abcdef"[b >> 4] << "0123456789abcdef"[b & 15];
  const std::string id = "k" + std::to_string(highest + 1);
  RECIRC_CHECK(WriteSecret(path, content + id + ":" + hex.str()));
  return id;
}

Result<std::string> LogVerifierKey(const std::filesystem::path& data_dir) {
  RECIRC_TRY(std::string line, ReadFirstLine(data_dir / "keys" / "log.key"));
  RECIRC_TRY(auto signer, tlog::Signer::FromPrivateKey(line));
  return signer.VerifierKey();
}

Result<std::string> WitnessVerifierKey(const std::filesystem::path& data_dir) {
  RECIRC_TRY(std::string line, ReadFirstLine(data_dir / "keys" / "witness.key"));
  RECIRC_TRY(auto signer, tlog::Signer::FromPrivateKey(line));
  return tlog::CosignatureSigner(signer).VerifierKey();
}

}  // namespace recirc::app
