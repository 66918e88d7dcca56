// Witnesses end to end, on both databases: two recirc servers in one test, a log whose
// [[log.witness]] is the other, and the other witnessing it ([[witness.log]]). Checkpoints get
// cosigned and served with the cosignature; passports and proof files carry it and `recirc
// verify --witness-key` requires it; the witness refuses a fork (same size, another root), a
// stale old size (409 with its size), an unknown origin, a bad signature and a bad proof.
#include <gtest/gtest.h>
#include <unistd.h>

#include <boost/json.hpp>

#include <fstream>
#include <sstream>

#include "app/keys.hpp"
#include "app/log_commands.hpp"
#include "domain/inspection/events.hpp"
#include "storage/journal_repository.hpp"
#include "support/fake_ids.hpp"
#include "support/test_server.hpp"
#include "tlog/checkpoint.hpp"
#include "tlog/cosignature.hpp"

namespace recirc::testing {
namespace {

constexpr std::string_view kOrigin = "log.test/log";
constexpr std::string_view kWitness = "witness.test/w1";

std::string Slurp(const std::filesystem::path& path) {
  std::stringstream text;
  text << std::ifstream(path).rdbuf();
  std::string s = text.str();
  while (!s.empty() && s.back() == '\n') s.pop_back();
  return s;
}

class WitnessHttpTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    const std::string tag =
        std::to_string(::getpid()) + "_" + std::to_string(reinterpret_cast<uintptr_t>(this));
    dir_ = std::filesystem::temp_directory_path() / ("recirc_witness_http_" + tag);
    const auto log_dir = dir_.string() + "_log";
    const auto witness_dir = dir_.string() + "_witness";
    std::filesystem::create_directories(dir_);
    crypto::SecureRandom random;
    ASSERT_TRUE(app::InitKeys(log_dir, std::string(kOrigin), random));
    ASSERT_TRUE(app::InitKeys(witness_dir, "witness.test/own-log", random, std::string(kWitness)));
    log_key_ = *app::LogVerifierKey(log_dir);
    witness_key_ = *app::WitnessVerifierKey(witness_dir);
    log_signer_ = Slurp(std::filesystem::path(log_dir) / "keys" / "log.key");

    app::Config witness_config;
    witness_config.witness_logs.push_back({std::string(kOrigin), log_key_});
    witness_ = TestServer::Start(GetParam(), witness_config, witness_dir);
    if (!witness_) GTEST_SKIP() << "database unavailable";
    app::Config log_config;
    log_config.log_witnesses.push_back(
        {std::string(kWitness), witness_key_,
         "http://127.0.0.1:" + std::to_string(witness_->port()) + "/witness"});
    log_ = TestServer::Start(GetParam(), log_config, log_dir);
    ASSERT_TRUE(log_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  // n item events on the log, sequenced, then one witness round.
  void AddItemEvents(int n) {
    SystemClock clock;
    SeededRandom random(3);
    storage::JournalRepository journal(clock, random);
    ASSERT_TRUE(log_->db().Write([&](storage::Session& s) -> Status {
      for (int i = 0; i < n; ++i) {
        RECIRC_CHECK(
            journal.Append(s, {inspection::events::kItemInspected, testing::FakeItemId(i % 5),
                               "ORG", "USER", R"({"grade":"A"})"}));
      }
      return Ok();
    }));
    ASSERT_TRUE(log_->app().RunJournalOnce());
    auto round = log_->app().RunWitnessesOnce();
    ASSERT_TRUE(round) << round.error().message;
  }
  tlog::Verifier LogKey() { return *tlog::Verifier::FromKey(log_key_); }
  Result<tlog::OpenedNote> OpenWithLogKey(const std::string& note) {
    const auto key = LogKey();
    return tlog::Open(note, std::span(&key, 1));
  }
  tlog::CosignatureVerifier WitnessKey() {
    return *tlog::CosignatureVerifier::FromKey(witness_key_);
  }
  std::string Save(const std::string& name, const std::string& content) {
    const auto path = (dir_ / name).string();
    std::ofstream(path, std::ios::binary) << content;
    return path;
  }
  std::pair<int, std::string> Verify(const std::string& file, std::vector<std::string> witnesses,
                                     std::optional<std::string> entry = std::nullopt) {
    std::ostringstream out;
    const int rc = app::RunVerify({file, log_key_, std::move(witnesses), std::move(entry)}, out);
    return {rc, out.str()};
  }
  // A checkpoint of the given size and root signed by `signer` (the log's key by default).
  std::string Signed(uint64_t size, const tlog::Hash& root, std::string_view origin = kOrigin,
                     std::optional<tlog::Signer> signer = std::nullopt) {
    if (!signer) signer = *tlog::Signer::FromPrivateKey(log_signer_);
    auto body = tlog::FormatCheckpoint({std::string(origin), size, root, {}});
    return *tlog::Sign(*body, std::span(&*signer, 1));
  }
  HttpResult AddCheckpoint(const std::string& body) {
    return witness_->Call(
        {"POST", "/witness/add-checkpoint", body, {{"Content-Type", "text/plain"}}});
  }

  std::filesystem::path dir_;
  std::string log_key_, witness_key_, log_signer_;
  std::unique_ptr<TestServer> witness_, log_;
};

TEST_P(WitnessHttpTest, CheckpointsGetCosignedAndVerifyRequiresTheWitness) {
  AddItemEvents(10);
  auto cp = log_->Call({"GET", "/log/checkpoint"});
  ASSERT_EQ(cp.status, 200u);
  auto opened = OpenWithLogKey(cp.body);
  ASSERT_TRUE(opened) << cp.body;
  EXPECT_TRUE(tlog::ParseCheckpoint(opened->text)->size == 10u) << cp.body;
  auto cosigned = tlog::CheckCosignature(WitnessKey(), *opened);
  ASSERT_TRUE(cosigned) << cosigned.error().message << "\n" << cp.body;

  // A bigger tree: the witness needs (and checks) a consistency proof from 10 to 310.
  AddItemEvents(300);
  cp = log_->Call({"GET", "/log/checkpoint"});
  opened = OpenWithLogKey(cp.body);
  ASSERT_TRUE(opened);
  EXPECT_EQ(tlog::ParseCheckpoint(opened->text)->size, 310u);
  EXPECT_TRUE(tlog::CheckCosignature(WitnessKey(), *opened)) << cp.body;

  auto passport = log_->Call({"GET", "/api/v1/items/" + testing::FakeItemId(2) + "/passport"});
  ASSERT_EQ(passport.status, 200u);
  EXPECT_NE(passport.body.find(std::string(kWitness)), std::string::npos) << "cosigned checkpoint";
  const auto passport_file = Save("item2.json", passport.body);
  auto [rc, out] = Verify(passport_file, {witness_key_});
  EXPECT_EQ(rc, 0) << out;
  EXPECT_NE(out.find("cosigned by witness " + std::string(kWitness)), std::string::npos) << out;
  std::tie(rc, out) = Verify(passport_file, {});
  EXPECT_EQ(rc, 0) << "no witness required: " << out;

  // A witness that did not cosign: verification fails naming it.
  crypto::SecureRandom random;
  std::array<uint8_t, 32> seed{};
  random.Fill(seed);
  const auto stranger =
      tlog::CosignatureSigner(*tlog::Signer::FromSeed("witness.test/absent", seed)).VerifierKey();
  std::tie(rc, out) = Verify(passport_file, {witness_key_, stranger});
  EXPECT_EQ(rc, 1) << out;
  EXPECT_NE(out.find("witness.test/absent"), std::string::npos) << out;

  // The proof file carries the cosigned checkpoint too.
  auto proof = log_->Call({"GET", "/api/v1/items/" + testing::FakeItemId(2) + "/events/2/proof"});
  ASSERT_EQ(proof.status, 200u) << proof.body;
  std::tie(rc, out) = Verify(Save("p.tlog-proof", proof.body), {witness_key_}, passport_file);
  EXPECT_EQ(rc, 0) << out;

  // A cosignature altered in the passport: it no longer verifies.
  std::string altered = passport.body;
  const auto at = altered.find(std::string(kWitness) + " ");
  ASSERT_NE(at, std::string::npos);
  const size_t byte = at + kWitness.size() + 1 + 30;  // inside the signature's base64
  altered[byte] = altered[byte] == 'A' ? 'B' : 'A';
  std::tie(rc, out) = Verify(Save("altered.json", altered), {witness_key_});
  EXPECT_EQ(rc, 1) << out;
  EXPECT_NE(out.find(std::string(kWitness)), std::string::npos) << out;

  // `recirc log audit` reports and checks the cosignature it sees.
  std::ostringstream audit_out;
  app::AuditRequest audit{"http://127.0.0.1:" + std::to_string(log_->port()),
                          log_key_,
                          (dir_ / "audit.state").string(),
                          {witness_key_}};
  EXPECT_EQ(app::RunLogAudit(audit, audit_out), 0) << audit_out.str();
  EXPECT_NE(audit_out.str().find("cosignature by " + std::string(kWitness)), std::string::npos)
      << audit_out.str();
  EXPECT_NE(audit_out.str().find("verified"), std::string::npos) << audit_out.str();
}

TEST_P(WitnessHttpTest, WitnessRefusesForksStaleSizesStrangersAndBadProofs) {
  AddItemEvents(20);
  auto cp = log_->Call({"GET", "/log/checkpoint"});
  auto parsed = tlog::OpenCheckpoint(cp.body, LogKey());
  ASSERT_TRUE(parsed);
  ASSERT_EQ(parsed->size, 20u);

  // The same tree again is cosigned again (old = size, no proof).
  auto again = AddCheckpoint("old 20\n\n" + Signed(20, parsed->root));
  EXPECT_EQ(again.status, 200u) << again.body;
  EXPECT_TRUE(again.body.starts_with("\xE2\x80\x94 " + std::string(kWitness) + " ")) << again.body;

  // A fork: the same size with another root, properly signed by the log's key.
  tlog::Hash other = parsed->root;
  other[0] ^= 0x01;
  auto fork = AddCheckpoint("old 20\n\n" + Signed(20, other));
  EXPECT_EQ(fork.status, 422u) << fork.body;

  // A stale old size: 409 with the size the witness knows.
  auto stale = AddCheckpoint("old 0\n\n" + Signed(20, other));
  EXPECT_EQ(stale.status, 409u) << stale.body;
  EXPECT_EQ(stale.Header("Content-Type"), "text/x.tlog.size");
  EXPECT_EQ(stale.body, "20\n");

  // A larger tree with a proof that does not prove it.
  auto bad_proof =
      AddCheckpoint("old 20\n" + tlog::Base64Encode(other) + "\n\n" + Signed(25, other));
  EXPECT_EQ(bad_proof.status, 422u) << bad_proof.body;

  // Another origin: not witnessed here.
  crypto::SecureRandom random;
  std::array<uint8_t, 32> seed{};
  random.Fill(seed);
  auto stranger =
      AddCheckpoint("old 0\n\n" + Signed(1, other, "other.test/log",
                                         *tlog::Signer::FromSeed("other.test/log", seed)));
  EXPECT_EQ(stranger.status, 404u) << stranger.body;

  // The right origin signed by another key of the same name.
  auto impostor = AddCheckpoint(
      "old 20\n\n" + Signed(20, parsed->root, kOrigin, *tlog::Signer::FromSeed(kOrigin, seed)));
  EXPECT_EQ(impostor.status, 403u) << impostor.body;

  // Malformed: the usual JSON error naming the field.
  auto malformed = AddCheckpoint("hello\n");
  EXPECT_EQ(malformed.status, 400u);
  EXPECT_NE(malformed.body.find("\"field\":\"body\""), std::string::npos) << malformed.body;
  auto bigger_old = AddCheckpoint("old 30\n\n" + Signed(20, parsed->root));
  EXPECT_EQ(bigger_old.status, 400u) << bigger_old.body;

  // None of this moved the witness: the log's real next checkpoint is still cosigned.
  AddItemEvents(5);
  cp = log_->Call({"GET", "/log/checkpoint"});
  auto opened = OpenWithLogKey(cp.body);
  ASSERT_TRUE(opened);
  EXPECT_EQ(tlog::ParseCheckpoint(opened->text)->size, 25u);
  EXPECT_TRUE(tlog::CheckCosignature(WitnessKey(), *opened)) << cp.body;
}

INSTANTIATE_TEST_SUITE_P(Db, WitnessHttpTest,
                         ::testing::Values(Backend::kSqlite, Backend::kPostgres), BackendName);

}  // namespace
}  // namespace recirc::testing
