// bench/search: Xapian (CJK n-grams, token-by-token AND) against PostgreSQL full-text search
// (to_tsvector('simple') with a GIN index) and Groonga (in-process libgroonga, TokenBigram +
// NormalizerAuto, groonga_peer.hpp) over the same synthetic corpus, in the same run.
//   search_bench --listings N --queries Q --dir DIR [--postgres URI]
// The corpus: phone and tablet models from data/devices.csv, plus laptops, sofas, bicycles and
// luxury bags, with Chinese titles (half written without spaces, as sellers type them) and English
// ones; deterministic (seed 42). Queries: 2-3 words taken from a random listing's title, with that
// listing's category as a filter. Recall of each engine is measured against the exact answer (every
// listing of the category whose text holds each query word: as a substring for Chinese, as a whole
// word for Latin script), computed by brute force for a subset of the queries.
#include <libpq-fe.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <set>
#include <sstream>

#include "groonga_peer.hpp"
#include "search/search_index.hpp"

namespace {

using recirc::search::ListingDocument;
using Clock = std::chrono::steady_clock;

struct Model {
  std::string category, brand, model;
};

struct Corpus {
  std::vector<ListingDocument> docs;
  std::vector<std::string> text;  // lower-cased title + description, for the exact answer
};

const std::vector<std::string> kColours = {"黑色", "白色", "银色", "金色",
                                           "蓝色", "红色", "灰色", "紫色"};
const std::vector<std::string> kColoursEn = {"black", "white", "silver", "gold",
                                             "blue",  "red",   "grey",   "purple"};
const std::vector<std::string> kStates = {"九成新",   "九五新",   "八成新",   "几乎全新",
                                          "轻微划痕", "功能正常", "电池健康", "原装配件"};
const std::vector<std::string> kStatesEn = {"good",      "like new", "used",  "mint",
                                            "scratched", "working",  "boxed", "cheap"};
const std::vector<std::string> kRegions = {"110108", "110105", "110101", "310104", "310115",
                                           "440305", "440106", "330106", "510107", "420102",
                                           "320102", "430104", "500103"};
const std::vector<std::string> kGrades = {"A/A", "A/B", "B/B", "B/C", "C/C"};
const std::vector<std::string> kModes = {"fixed_price", "fixed_price", "fixed_price", "auction",
                                         "consignment", "rental",      "lot"};

struct Extra {
  std::string category, word_zh, word_en;
  std::vector<std::pair<std::string, std::string>> brands;  // zh, en
  std::vector<std::string> kinds_zh, kinds_en;
};
const std::vector<Extra> kExtras = {
    {"laptop",
     "笔记本电脑",
     "laptop",
     {{"联想", "Lenovo"},
      {"戴尔", "Dell"},
      {"惠普", "HP"},
      {"苹果", "Apple"},
      {"华为", "Huawei"},
      {"华硕", "ASUS"}},
     {"轻薄本", "游戏本", "商务本", "二合一"},
     {"ultrabook", "gaming", "business", "convertible"}},
    {"furniture",
     "沙发",
     "sofa",
     {{"宜家", "IKEA"}, {"顾家", "KUKA"}, {"芝华仕", "Cheers"}, {"林氏", "Linsy"}},
     {"布艺沙发", "真皮沙发", "沙发床", "懒人沙发", "转角沙发"},
     {"fabric", "leather", "bed", "beanbag", "corner"}},
    {"bicycle",
     "自行车",
     "bicycle",
     {{"捷安特", "Giant"},
      {"美利达", "Merida"},
      {"永久", "Forever"},
      {"凤凰", "Phoenix"},
      {"喜德盛", "XDS"}},
     {"山地车", "公路车", "折叠车", "通勤车", "儿童车"},
     {"mountain", "road", "folding", "commuter", "kids"}},
    {"luxury_bag",
     "包",
     "bag",
     {{"路易威登", "Louis Vuitton"},
      {"香奈儿", "Chanel"},
      {"古驰", "Gucci"},
      {"普拉达", "Prada"},
      {"蔻驰", "Coach"}},
     {"手提包", "斜挎包", "双肩包", "托特包", "钱包"},
     {"handbag", "crossbody", "backpack", "tote", "wallet"}},
};

std::vector<Model> ReadModels(const std::string& path) {
  std::ifstream in(path);
  std::vector<Model> out;
  std::string line;
  std::getline(in, line);
  while (std::getline(in, line)) {
    std::stringstream ss(line);
    Model m;
    std::getline(ss, m.category, ',');
    std::getline(ss, m.brand, ',');
    std::getline(ss, m.model);
    if (!m.model.empty() && m.model.find('"') == std::string::npos) out.push_back(m);
  }
  return out;
}

std::string Lower(std::string s) {
  for (auto& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return s;
}

Corpus Build(int64_t n, const std::vector<Model>& models) {
  std::mt19937_64 rng(42);
  auto pick = [&](const auto& v) -> const auto& { return v[rng() % v.size()]; };
  Corpus c;
  c.docs.reserve(n);
  c.text.reserve(n);
  for (int64_t i = 0; i < n; ++i) {
    ListingDocument d;
    d.listing_id = "L" + std::to_string(i);
    d.item_id = "I" + std::to_string(i);
    const bool spaced = rng() % 2 == 0;
    const std::string sep = spaced ? " " : "";
    const std::string colour_i = std::to_string(rng() % kColours.size());
    const size_t ci = std::stoul(colour_i), si = rng() % kStates.size();
    if (rng() % 10 < 6) {  // phones and tablets from the device list
      const Model& m = pick(models);
      d.category = m.category;
      d.brand = m.brand;
      d.model = m.model;
      const std::string word = m.category == "phone" ? "手机" : "平板";
      d.title_zh = m.brand + " " + m.model + sep + word + sep + kColours[ci] + sep + kStates[si];
      d.title_en = m.brand + " " + m.model + " " + (m.category == "phone" ? "phone" : "tablet") +
                   " " + kColoursEn[ci];
    } else {
      const Extra& e = pick(kExtras);
      const size_t bi = rng() % e.brands.size(), ki = rng() % e.kinds_zh.size();
      d.category = e.category;
      d.brand = e.brands[bi].second;
      d.model = e.brands[bi].second.substr(0, 2) + std::to_string(100 + rng() % 900);
      d.title_zh = e.brands[bi].first + sep + e.kinds_zh[ki] + sep + e.word_zh + sep +
                   kColours[ci] + sep + kStates[si];
      d.title_en =
          e.brands[bi].second + " " + e.kinds_en[ki] + " " + e.word_en + " " + kColoursEn[ci];
    }
    d.description_en =
        kStatesEn[rng() % kStatesEn.size()] + ", " + kStatesEn[rng() % kStatesEn.size()];
    d.region_code = pick(kRegions);
    d.grade = pick(kGrades);
    d.price_fen = static_cast<int64_t>(5'000 + rng() % 2'000'000);
    d.sale_mode = pick(kModes);
    d.channel = "online";
    d.published_at = 1'790'000'000'000 + static_cast<int64_t>(rng() % 10'000'000'000ULL);
    c.text.push_back(Lower(d.title_zh + " " + d.title_en + " " + d.description_en + " " + d.brand +
                           " " + d.model));
    c.docs.push_back(std::move(d));
  }
  return c;
}

struct Query {
  std::string text, category;
  std::vector<std::string> words;
};

// 2-3 words of a random listing's title (split on spaces; spaceless Chinese runs are cut into the
// words they were built from by using the spaced English/brand words and the category word).
std::vector<Query> MakeQueries(const Corpus& c, int q) {
  std::mt19937_64 rng(7);
  std::vector<Query> out;
  while (static_cast<int>(out.size()) < q) {
    const auto& d = c.docs[rng() % c.docs.size()];
    std::vector<std::string> pool;
    pool.push_back(d.brand);
    std::stringstream ms(d.model);
    for (std::string w; ms >> w;) pool.push_back(w);
    const std::string zh = d.category == "phone"       ? "手机"
                           : d.category == "tablet"    ? "平板"
                           : d.category == "laptop"    ? "笔记本电脑"
                           : d.category == "furniture" ? "沙发"
                           : d.category == "bicycle"   ? "自行车"
                                                       : "包";
    pool.push_back(zh);
    for (const auto& col : kColours)
      if (d.title_zh.find(col) != std::string::npos) pool.push_back(col);
    std::shuffle(pool.begin() + 1, pool.end(), rng);
    Query query;
    query.category = d.category;
    const size_t words = std::min<size_t>(pool.size(), 2 + rng() % 2);
    std::set<std::string> seen;
    for (size_t i = 0; i < pool.size() && query.words.size() < words; ++i) {
      if (pool[i].find(' ') != std::string::npos || !seen.insert(Lower(pool[i])).second) continue;
      query.words.push_back(pool[i]);
    }
    if (query.words.size() < 2) continue;
    for (const auto& w : query.words) query.text += (query.text.empty() ? "" : " ") + w;
    out.push_back(std::move(query));
  }
  return out;
}

bool IsWordChar(char ch) {
  return (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') ||
         static_cast<unsigned char>(ch) >= 0x80;
}

bool Holds(const std::string& text, const std::string& word) {
  const std::string w = Lower(word);
  const bool ascii = std::all_of(w.begin(), w.end(),
                                 [](char ch) { return static_cast<unsigned char>(ch) < 0x80; });
  for (size_t at = text.find(w); at != std::string::npos; at = text.find(w, at + 1)) {
    if (!ascii) return true;
    const bool left =
        at == 0 || !IsWordChar(text[at - 1]) || static_cast<unsigned char>(text[at - 1]) >= 0x80;
    const size_t end = at + w.size();
    const bool right = end == text.size() || !IsWordChar(text[end]) ||
                       static_cast<unsigned char>(text[end]) >= 0x80;
    if (left && right) return true;
  }
  return false;
}

std::set<std::string> Exact(const Corpus& c, const Query& q) {
  std::set<std::string> out;
  for (size_t i = 0; i < c.docs.size(); ++i) {
    if (c.docs[i].category != q.category) continue;
    bool all = true;
    for (const auto& w : q.words) all = all && Holds(c.text[i], w);
    if (all) out.insert(c.docs[i].listing_id);
  }
  return out;
}

struct Latency {
  std::vector<double> ms;
  void Print(const char* what) {
    std::sort(ms.begin(), ms.end());
    double sum = 0;
    for (double v : ms) sum += v;
    std::printf("%-34s %6.0f queries/s  p50 %7.2f ms  p99 %7.2f ms  (%zu queries, one thread)\n",
                what, 1000.0 * static_cast<double>(ms.size()) / sum, ms[ms.size() / 2],
                ms[ms.size() * 99 / 100], ms.size());
  }
};

double Ms(Clock::time_point a, Clock::time_point b) {
  return std::chrono::duration<double, std::milli>(b - a).count();
}

PGresult* Exec(PGconn* pg, const std::string& sql) {
  PGresult* r = PQexec(pg, sql.c_str());
  const auto st = PQresultStatus(r);
  if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK && st != PGRES_COPY_IN) {
    std::fprintf(stderr, "postgres: %s\n", PQerrorMessage(pg));
    std::exit(1);
  }
  return r;
}

std::string CopyField(const std::string& s) {
  std::string out;
  for (char ch : s) {
    if (ch == '\t' || ch == '\n' || ch == '\\')
      out += ' ';
    else
      out += ch;
  }
  return out;
}

// The same text the PostgreSQL peer indexes.
std::string Body(const ListingDocument& d) {
  return d.title_zh + " " + d.title_en + " " + d.brand + " " + d.model + " " + d.description_en;
}

// Groonga over the same corpus: load + index build, the timed top-20 queries, then recall and
// precision of the full answers (every match) against the exact ones.
template <typename Recall>
bool RunGroonga(const Corpus& corpus, const std::vector<Query>& qs, int rq, const std::string& dir,
                const Recall& recall) {
  std::string error;
  auto t0 = Clock::now();
  auto peer = recirc::bench::GroongaPeer::Create(dir, &error);
  if (!peer) return std::fprintf(stderr, "%s\n", error.c_str()), false;
  for (const auto& d : corpus.docs) {
    if (!peer->Add(d.listing_id, d.category, Body(d)))
      return std::fprintf(stderr, "%s\n", peer->error().c_str()), false;
  }
  if (!peer->FinishLoad()) return std::fprintf(stderr, "%s\n", peer->error().c_str()), false;
  const double load_s = Ms(t0, Clock::now()) / 1000;
  std::printf("groonga load + index: %.0f listings/s (%.1f s)\n",
              static_cast<double>(corpus.docs.size()) / load_s, load_s);

  Latency lat;
  for (const auto& q : qs) {
    const auto a = Clock::now();
    const bool ok = peer->Select(q.words, q.category, 20, nullptr);
    lat.ms.push_back(Ms(a, Clock::now()));
    if (!ok) return std::fprintf(stderr, "%s\n", peer->error().c_str()), false;
  }
  lat.Print("groonga top 20");
  std::vector<std::set<std::string>> sets(rq);
  std::vector<std::string> keys;
  const auto all = static_cast<int64_t>(corpus.docs.size());
  for (int i = 0; i < rq; ++i) {
    if (!peer->Select(qs[i].words, qs[i].category, all, &keys))
      return std::fprintf(stderr, "%s\n", peer->error().c_str()), false;
    sets[i].insert(keys.begin(), keys.end());
  }
  auto [gr, gp] = recall(sets);
  std::printf("groonga recall %.3f, precision %.3f against the exact answer (%d queries)\n", gr, gp,
              rq);
  peer.reset();
  std::filesystem::remove_all(dir);
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  std::setvbuf(stdout, nullptr, _IOLBF, 0);  // progress lines as they happen
  int64_t n = 1'000'000;
  int queries = 1000, recall_queries = 200;
  std::string dir = "/tmp/recirc-search-bench", pg_uri, devices = "data/devices.csv";
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string a = argv[i], v = argv[i + 1];
    if (a == "--listings")
      n = std::stoll(v);
    else if (a == "--queries")
      queries = std::stoi(v);
    else if (a == "--recall-queries")
      recall_queries = std::stoi(v);
    else if (a == "--dir")
      dir = v;
    else if (a == "--postgres")
      pg_uri = v;
    else if (a == "--devices")
      devices = v;
  }
  auto t0 = Clock::now();
  const Corpus corpus = Build(n, ReadModels(devices));
  const auto qs = MakeQueries(corpus, queries);
  std::printf(
      "corpus: %lld listings built in %.1f s; %d queries of 2-3 words with a category filter\n",
      static_cast<long long>(n), Ms(t0, Clock::now()) / 1000, queries);

  std::filesystem::remove_all(dir);
  auto index = recirc::search::SearchIndex::Open(dir);
  if (!index) return std::fprintf(stderr, "%s\n", index.error().message.c_str()), 1;
  t0 = Clock::now();
  for (int64_t i = 0; i < n; ++i) {
    if (!(*index)->Put(corpus.docs[i])) return 1;
    if (i % 100'000 == 99'999 && !(*index)->Commit()) return 1;
  }
  if (!(*index)->Commit()) return 1;
  const double index_s = Ms(t0, Clock::now()) / 1000;
  std::printf("xapian index: %.0f listings/s (%.1f s)\n", static_cast<double>(n) / index_s,
              index_s);

  std::vector<std::set<std::string>> xapian_sets(qs.size());
  for (bool facets : {false, true}) {
    Latency lat;
    for (size_t i = 0; i < qs.size(); ++i) {
      recirc::search::SearchQuery q;
      q.text = qs[i].text;
      q.category = qs[i].category;
      q.facets = facets;
      const auto a = Clock::now();
      auto r = (*index)->Search(q);
      lat.ms.push_back(Ms(a, Clock::now()));
      if (!r) return std::fprintf(stderr, "%s\n", r.error().message.c_str()), 1;
    }
    lat.Print(facets ? "xapian top 20 + 5 facets" : "xapian top 20");
  }
  const int rq = std::min<int>(recall_queries, static_cast<int>(qs.size()));
  for (int i = 0; i < rq; ++i) {
    recirc::search::SearchQuery q;
    q.text = qs[i].text;
    q.category = qs[i].category;
    q.facets = false;
    q.limit = 100'000;
    auto r = (*index)->Search(q);
    for (const auto& h : r->hits) xapian_sets[i].insert(h.listing.listing_id);
  }

  std::vector<std::set<std::string>> exact(rq);
  t0 = Clock::now();
  for (int i = 0; i < rq; ++i) exact[i] = Exact(corpus, qs[i]);
  auto recall = [&](const std::vector<std::set<std::string>>& got) {
    double sum = 0, precision = 0;
    int counted = 0;
    for (int i = 0; i < rq; ++i) {
      if (exact[i].empty()) continue;
      int hit = 0;
      for (const auto& id : got[i]) hit += exact[i].contains(id) ? 1 : 0;
      sum += static_cast<double>(hit) / static_cast<double>(exact[i].size());
      precision +=
          got[i].empty() ? 1.0 : static_cast<double>(hit) / static_cast<double>(got[i].size());
      ++counted;
    }
    return std::pair{sum / counted, precision / counted};
  };
  auto [xr, xp] = recall(xapian_sets);
  std::printf("xapian recall %.3f, precision %.3f against the exact answer (%d queries)\n", xr, xp,
              rq);

  if (!RunGroonga(corpus, qs, rq, dir + "/groonga", recall)) return 1;

  if (pg_uri.empty()) return 0;
  PGconn* pg = PQconnectdb(pg_uri.c_str());
  if (PQstatus(pg) != CONNECTION_OK)
    return std::fprintf(stderr, "postgres: %s\n", PQerrorMessage(pg)), 1;
  PQclear(Exec(pg, "DROP TABLE IF EXISTS bench_listings"));
  PQclear(Exec(pg,
               "CREATE TABLE bench_listings (id text PRIMARY KEY, category text NOT NULL, body "
               "text NOT NULL)"));
  t0 = Clock::now();
  PQclear(Exec(pg, "COPY bench_listings (id, category, body) FROM STDIN"));
  std::string buf;
  for (int64_t i = 0; i < n; ++i) {
    const auto& d = corpus.docs[i];
    buf += d.listing_id + "\t" + d.category + "\t" + CopyField(Body(d)) + "\n";
    if (buf.size() > (1 << 20) || i + 1 == n) {
      PQputCopyData(pg, buf.data(), static_cast<int>(buf.size()));
      buf.clear();
    }
  }
  PQputCopyEnd(pg, nullptr);
  PQclear(PQgetResult(pg));
  PQclear(Exec(pg,
               "ALTER TABLE bench_listings ADD COLUMN doc tsvector GENERATED ALWAYS AS "
               "(to_tsvector('simple', body)) STORED"));
  PQclear(Exec(pg, "CREATE INDEX bench_listings_doc ON bench_listings USING gin (doc)"));
  PQclear(Exec(pg, "CREATE INDEX bench_listings_category ON bench_listings (category)"));
  PQclear(Exec(pg, "ANALYZE bench_listings"));
  const double pg_s = Ms(t0, Clock::now()) / 1000;
  std::printf("postgres load + tsvector + GIN: %.0f listings/s (%.1f s)\n",
              static_cast<double>(n) / pg_s, pg_s);

  auto escape = [&](const std::string& s) {
    char* e = PQescapeLiteral(pg, s.c_str(), s.size());
    std::string out(e);
    PQfreemem(e);
    return out;
  };
  Latency lat;
  for (const auto& q : qs) {
    const std::string sql =
        "SELECT id FROM bench_listings WHERE doc @@ plainto_tsquery('simple', " + escape(q.text) +
        ") AND category = " + escape(q.category) +
        " ORDER BY ts_rank(doc, plainto_tsquery('simple', " + escape(q.text) + ")) DESC LIMIT 20";
    const auto a = Clock::now();
    PQclear(Exec(pg, sql));
    lat.ms.push_back(Ms(a, Clock::now()));
  }
  lat.Print("postgres simple FTS top 20");
  std::vector<std::set<std::string>> pg_sets(rq);
  for (int i = 0; i < rq; ++i) {
    PGresult* r = Exec(pg, "SELECT id FROM bench_listings WHERE doc @@ plainto_tsquery('simple', " +
                               escape(qs[i].text) + ") AND category = " + escape(qs[i].category));
    for (int row = 0; row < PQntuples(r); ++row) pg_sets[i].insert(PQgetvalue(r, row, 0));
    PQclear(r);
  }
  auto [pr, pp] = recall(pg_sets);
  std::printf("postgres recall %.3f, precision %.3f against the exact answer (%d queries)\n", pr,
              pp, rq);
  PQclear(Exec(pg, "DROP TABLE bench_listings"));
  PQfinish(pg);
  return 0;
}
