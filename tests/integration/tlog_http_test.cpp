// The item-history log over HTTP as a verifier would use it: checkpoint, tiles, entry bundles,
// key, passports and tlog-proof files; `recirc verify` and `recirc log audit` against them, and
// both failing, naming the place, when one byte of a stored leaf or tile is changed.
#include <gtest/gtest.h>
#include <unistd.h>

#include <boost/json.hpp>

#include <fstream>
#include <sstream>

#include "app/log_commands.hpp"
#include "domain/inspection/events.hpp"
#include "storage/history/tlog_repository.hpp"
#include "storage/journal_repository.hpp"
#include "storage/row_mapping.hpp"
#include "support/fake_ids.hpp"
#include "support/test_server.hpp"
#include "tlog/checkpoint.hpp"
#include "tlog/tiles.hpp"

namespace recirc::testing {
namespace {

class TlogHttpTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    server_ = TestServer::Start(GetParam());
    if (!server_) GTEST_SKIP() << "database unavailable";
    // ctest runs the SQLite and PostgreSQL cases in parallel processes, whose fixtures can sit
    // at the same address: the process id keeps their files apart.
    dir_ = std::filesystem::temp_directory_path() /
           ("recirc_tlog_http_" + std::to_string(::getpid()) + "_" +
            std::to_string(reinterpret_cast<uintptr_t>(this)));
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  // n item events over `items` items (FakeItemId(0) …), then the sequencer runs.
  void AddItemEvents(int n, int items) {
    SystemClock clock;
    SeededRandom random(9);
    storage::JournalRepository journal(clock, random);
    ASSERT_TRUE(server_->db().Write([&](storage::Session& s) -> Status {
      for (int i = 0; i < n; ++i) {
        RECIRC_TRY(int64_t seq, journal.Append(s, {i < items ? inspection::events::kItemInspected
                                                             : inspection::events::kItemRepaired,
                                                   testing::FakeItemId(i % items), "ORG", "USER",
                                                   R"({"grade":"B"})"}));
        (void)seq;
      }
      return Ok();
    }));
    ASSERT_TRUE(server_->app().RunJournalOnce());
  }
  std::string Key() { return server_->Call({"GET", "/log/key"}).body; }
  std::string Url() { return "http://127.0.0.1:" + std::to_string(server_->port()); }
  std::string Save(const std::string& name, const std::string& content) {
    const auto path = (dir_ / name).string();
    std::ofstream(path, std::ios::binary) << content;
    return path;
  }
  std::pair<int, std::string> Audit(bool with_key = true) {
    std::ostringstream out;
    app::AuditRequest r{Url(), std::nullopt, (dir_ / "audit.state").string()};
    if (with_key) r.key = Key();
    const int rc = app::RunLogAudit(r, out);
    return {rc, out.str()};
  }
  std::pair<int, std::string> Verify(const std::string& file,
                                     std::optional<std::string> entry = std::nullopt) {
    std::ostringstream out;
    const int rc = app::RunVerify({file, Key(), {}, std::move(entry)}, out);
    return {rc, out.str()};
  }
  std::string Passport(const std::string& item) {
    auto r = server_->Call({"GET", "/api/v1/items/" + item + "/passport"});
    EXPECT_EQ(r.status, 200u) << r.body;
    return Save(item + ".json", r.body);
  }
  // Flips one bit of a stored entry or tile, as an operator editing the database would.
  void Tamper(std::string_view table, std::string_view where, int64_t key, size_t byte) {
    const std::string select =
        "SELECT data FROM " + std::string(table) + " WHERE " + std::string(where);
    ASSERT_TRUE(server_->db().Write([&](storage::Session& s) -> Status {
      RECIRC_TRY(auto row, s.QueryOne(select, {key}, "row"));
      std::string data = row.BlobBytes(0);
      data[byte] = static_cast<char>(data[byte] ^ 0x01);
      return storage::Done(
          s.Execute("UPDATE " + std::string(table) + " SET data = $2 WHERE " + std::string(where),
                    {key, storage::Blob{data}}));
    }));
  }

  std::unique_ptr<TestServer> server_;
  std::filesystem::path dir_;
};

TEST_P(TlogHttpTest, ServesCheckpointTilesAndBundlesAsTlogTiles) {
  AddItemEvents(301, 40);
  auto cp = server_->Call({"GET", "/log/checkpoint"});
  ASSERT_EQ(cp.status, 200u);
  EXPECT_EQ(cp.Header("Content-Type"), "text/plain; charset=utf-8");
  auto key = tlog::Verifier::FromKey(Key().substr(0, Key().size() - 1));
  ASSERT_TRUE(key) << Key();
  auto opened = tlog::OpenCheckpoint(cp.body, *key);
  ASSERT_TRUE(opened) << opened.error().message;
  EXPECT_EQ(opened->size, 301u);

  auto full = server_->Call({"GET", "/log/tile/0/000"});
  ASSERT_EQ(full.status, 200u);
  EXPECT_EQ(full.Header("Content-Type"), "application/octet-stream");
  EXPECT_EQ(full.Header("Cache-Control"), "public, max-age=31536000, immutable");
  EXPECT_EQ(full.body.size(), 256u * 32);
  auto partial = server_->Call({"GET", "/log/tile/0/001.p/45"});
  ASSERT_EQ(partial.status, 200u);
  EXPECT_EQ(partial.body.size(), 45u * 32);
  EXPECT_NE(partial.Header("Cache-Control").find("max-age=10"), std::string::npos);
  EXPECT_EQ(server_->Call({"GET", "/log/tile/0/001.p/46"}).status, 404u) << "beyond the tree";
  EXPECT_EQ(server_->Call({"GET", "/log/tile/0/001"}).status, 404u) << "not full yet";
  EXPECT_EQ(server_->Call({"GET", "/log/tile/1/000.p/1"}).status, 200u);
  EXPECT_EQ(server_->Call({"GET", "/log/tile/0/1"}).status, 404u) << "not canonical";
  auto bundle = server_->Call({"GET", "/log/tile/entries/001.p/45"});
  ASSERT_EQ(bundle.status, 200u);
  auto entries = tlog::DecodeEntryBundle(tlog::AsBytes(bundle.body));
  ASSERT_TRUE(entries);
  ASSERT_EQ(entries->size(), 45u);
  tlog::Sha256 sha;
  EXPECT_EQ(sha.LeafHash(entries->back()),
            *tlog::HashFromBytes(tlog::AsBytes(partial.body.substr(44 * 32, 32))))
      << "leaf 300's hash is the last of the level-0 partial tile";
}

TEST_P(TlogHttpTest, PassportAndProofFileVerifyOfflineAndAuditPasses) {
  AddItemEvents(300, 7);
  const std::string passport = Passport(testing::FakeItemId(3));
  std::stringstream text;
  text << std::ifstream(passport).rdbuf();
  auto doc = boost::json::parse(text.str());
  const auto& events = doc.as_object().at("events").as_array();
  EXPECT_GT(events.size(), 40u);
  auto [rc, out] = Verify(passport);
  EXPECT_EQ(rc, 0) << out;
  EXPECT_NE(out.find("of item " + testing::FakeItemId(3)), std::string::npos) << out;

  const auto index = events[2].as_object().at("index").as_int64();
  auto proof = server_->Call({"GET", "/api/v1/items/" + testing::FakeItemId(3) + "/events/" +
                                         std::to_string(index) + "/proof"});
  ASSERT_EQ(proof.status, 200u) << proof.body;
  EXPECT_TRUE(proof.body.starts_with("c2sp.org/tlog-proof@v1\nindex " + std::to_string(index)));
  EXPECT_NE(proof.Header("Content-Disposition").find(".tlog-proof"), std::string::npos);
  const std::string proof_file = Save("leaf.tlog-proof", proof.body);
  auto [prc, pout] = Verify(proof_file, passport);
  EXPECT_EQ(prc, 0) << pout;
  auto [nrc, nout] = Verify(proof_file);
  EXPECT_EQ(nrc, 2) << "a proof file needs its leaf: " << nout;
  EXPECT_EQ(server_
                ->Call({"GET", "/api/v1/items/" + testing::FakeItemId(2) + "/events/" +
                                   std::to_string(index) + "/proof"})
                .status,
            404u)
      << "the leaf is item 3's";

  auto [arc, aout] = Audit();
  EXPECT_EQ(arc, 0) << aout;
  AddItemEvents(5, 7);
  auto [arc2, aout2] = Audit(/*with_key=*/false);
  EXPECT_EQ(arc2, 0) << aout2;
  EXPECT_NE(aout2.find("consistent with the checkpoint saved last time"), std::string::npos)
      << aout2;
}

TEST_P(TlogHttpTest, AChangedLeafByteFailsAuditAndVerifyNamingTheLeaf) {
  AddItemEvents(300, 7);
  ASSERT_EQ(Audit().first, 0);
  Tamper("tlog_entries", "idx = $1", 17, 30);  // leaf 17 is item 3's (17 mod 7)
  auto [rc, out] = Audit();
  EXPECT_EQ(rc, 1);
  EXPECT_NE(out.find("tile/0/000: hash 17"), std::string::npos) << out;
  EXPECT_NE(out.find("leaf index 17"), std::string::npos) << out;
  auto [vrc, vout] = Verify(Passport(testing::FakeItemId(3)));
  EXPECT_EQ(vrc, 1);
  EXPECT_NE(vout.find("leaf index 17"), std::string::npos) << vout;
  EXPECT_EQ(Verify(Passport(testing::FakeItemId(4))).first, 0) << "other items' proofs still hold";
}

TEST_P(TlogHttpTest, AChangedTileByteFailsAuditAndVerifyNamingTheTile) {
  AddItemEvents(300, 7);
  Tamper("tlog_tiles", "level = 0 AND idx = $1", 0, 32 * 9 + 4);  // hash 9 of tile/0/000
  auto [rc, out] = Audit();
  EXPECT_EQ(rc, 1);
  EXPECT_NE(out.find("tile/0/000: hash 9"), std::string::npos) << out;
  // Item 1's first leaf is 1, whose proof holds the hash of leaves 8-15, made from hash 9.
  auto [vrc, vout] = Verify(Passport(testing::FakeItemId(1)));
  EXPECT_EQ(vrc, 1) << vout;
  EXPECT_NE(vout.find("events[0]: the inclusion proof of leaf index 1 "), std::string::npos)
      << vout;
}

INSTANTIATE_TEST_SUITE_P(Db, TlogHttpTest, ::testing::Values(Backend::kSqlite, Backend::kPostgres),
                         BackendName);

}  // namespace
}  // namespace recirc::testing
