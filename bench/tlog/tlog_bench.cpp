// bench/tlog: leaves sequenced per second (tiles, entries and a signed checkpoint per batch,
// committed) and inclusion-proof latency at a given tree size, next to the SHA-256 ceiling
// (leaf hashes per second of tlog::Sha256) measured in the same run.
//   recirc_tlog_bench --database URL [--leaves N] [--batch B] [--proofs P]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/random.hpp"
#include "domain/history/leaf.hpp"
#include "domain/history/log_service.hpp"
#include "domain/history/sequencer.hpp"
#include "domain/inspection/events.hpp"
#include "domain/registry/events.hpp"
#include "journal/runner.hpp"
#include "storage/history/tlog_repository.hpp"
#include "storage/migrations.hpp"

namespace {

// Item n's id: well-formed (the log service takes ItemIds), the number readable at its end.
std::string BenchItem(int64_t n) {
  std::string digits = std::to_string(n);
  return std::string(26 - digits.size(), '0') + digits;
}

using Steady = std::chrono::steady_clock;
double Seconds(Steady::duration d) { return std::chrono::duration<double>(d).count(); }

[[noreturn]] void Die(const std::string& what, const recirc::Error& e) {
  std::fprintf(stderr, "%s: %s\n", what.c_str(), e.message.c_str());
  std::exit(1);
}

}  // namespace

int main(int argc, char** argv) {
  std::setvbuf(stdout, nullptr, _IOLBF, 0);  // progress shows while it runs
  std::string url;
  int64_t leaves = 1'000'000;
  int batch = 1000;
  int proofs = 2000;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string flag = argv[i];
    if (flag == "--database")
      url = argv[i + 1];
    else if (flag == "--leaves")
      leaves = std::atoll(argv[i + 1]);
    else if (flag == "--batch")
      batch = std::atoi(argv[i + 1]);
    else if (flag == "--proofs")
      proofs = std::atoi(argv[i + 1]);
  }
  if (url.empty()) {
    std::fprintf(stderr, "usage: recirc_tlog_bench --database URL [--leaves N] [--batch B]\n");
    return 2;
  }
  using namespace recirc;
  const int64_t items = std::max<int64_t>(1, leaves / 4);
  const std::string sample_payload =
      R"({"acquisition_id":"01KB0ZJ5Y6W3Q1V9T8R7P6N5M4","brand":"Apple","category":"phone",)"
      R"("channel":"walk_in","kind":"purchase","model":"iPhone 13","outlet_id":"01KB0ZJ5Y6W3Q1V9T8R7P6N5M5"})";

  // The ceiling: SHA-256 leaf hashes of a typical leaf, one thread.
  {
    storage::EventRecord e{1,
                           "01KB0ZJ5Y6W3Q1V9T8R7P6N5M3",
                           1'795'000'000'000,
                           "item.acquired",
                           "item",
                           "01KB0ZJ5Y6W3Q1V9T8R7P6N5M2",
                           "01KB0ZJ5Y6W3Q1V9T8R7P6N5M1",
                           std::nullopt,
                           sample_payload};
    const std::string leaf = *history::MakeLeaf(e, 12345);
    tlog::Sha256 sha;
    int64_t n = 0;
    const auto start = Steady::now();
    tlog::Hash h{};
    while (Steady::now() - start < std::chrono::seconds(2)) {
      for (int i = 0; i < 10'000; ++i) h = sha.LeafHash(tlog::AsBytes(leaf));
      n += 10'000;
    }
    std::printf("SHA-256 ceiling: %.0f leaf hashes/s (%zu-byte leaf, one core; last byte %d)\n",
                static_cast<double>(n) / Seconds(Steady::now() - start), leaf.size(), h[0]);
  }

  SystemClock clock;
  SeededRandom random(1);
  auto db = storage::OpenDatabase(url, 4);
  if (!db) Die("open", db.error());
  if (auto m = storage::Migrate(**db, clock); !m) Die("migrate", m.error());
  storage::JournalRepository journal(clock, random);
  storage::TlogRepository repo;
  std::array<uint8_t, tlog::kEd25519SeedSize> seed{};
  random.Fill(seed);
  auto signer = tlog::Signer::FromSeed("bench.example/log", seed);
  history::Sequencer sequencer(repo, *signer, clock);
  if (auto st = (*db)->Write([&](storage::Session& s) { return sequencer.PublishInitial(s); }); !st)
    Die("initial checkpoint", st.error());

  const auto fill_start = Steady::now();
  for (int64_t done = 0; done < leaves;) {
    const int64_t n = std::min<int64_t>(20'000, leaves - done);
    auto st = (*db)->Write([&](storage::Session& s) -> Status {
      for (int64_t i = done; i < done + n; ++i) {
        RECIRC_TRY(int64_t seq,
                   journal.Append(s, {i < items ? registry::events::kItemAcquired
                                                : inspection::events::kItemInspected,
                                      BenchItem(i % items), "ORG", "USER", sample_payload}));
        (void)seq;
      }
      return Ok();
    });
    if (!st) Die("journal", st.error());
    done += n;
  }
  std::printf("journal filled with %lld item events in %.1f s (not part of the figure)\n",
              static_cast<long long>(leaves), Seconds(Steady::now() - fill_start));

  journal::JournalRunner runner(**db, journal, {&sequencer}, batch);
  const auto seq_start = Steady::now();
  auto applied = runner.RunOnce();
  if (!applied) Die("sequence", applied.error());
  const double seq_seconds = Seconds(Steady::now() - seq_start);
  std::printf(
      "sequenced %lld leaves in %.1f s: %.0f leaves/s durable (batch %d: entries, tiles "
      "and a signed checkpoint per committed batch)\n",
      static_cast<long long>(*applied), seq_seconds, static_cast<double>(*applied) / seq_seconds,
      batch);

  history::LogService service(**db, repo, signer->VerifierKey());
  std::vector<double> micros;
  micros.reserve(static_cast<size_t>(proofs));
  uint64_t state = 88172645463325252ULL;
  for (int i = 0; i < proofs; ++i) {
    state ^= state << 13;
    state ^= state >> 7;
    state ^= state << 17;
    const auto index = static_cast<int64_t>(state % static_cast<uint64_t>(leaves));
    const auto start = Steady::now();
    auto file =
        service.ProofFile(ItemId::Stored(BenchItem(index % items)), static_cast<uint64_t>(index));
    micros.push_back(Seconds(Steady::now() - start) * 1e6);
    if (!file) Die("proof", file.error());
  }
  std::sort(micros.begin(), micros.end());
  std::printf(
      "inclusion proof (tlog-proof file from stored tiles) at %lld leaves: p50 %.0f us, "
      "p99 %.0f us over %d random leaves\n",
      static_cast<long long>(leaves), micros[micros.size() / 2], micros[micros.size() * 99 / 100],
      proofs);
  return 0;
}
