#include "search/search_index.hpp"

#include <boost/json.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <map>

#include "core/category.hpp"
#include "core/private_files.hpp"
#include "search/synonyms.hpp"

namespace recirc::search {
namespace {

// Value slots.
constexpr Xapian::valueno kPrice = 0;
constexpr Xapian::valueno kPublished = 1;
constexpr Xapian::valueno kCategory = 2;
constexpr Xapian::valueno kProvince = 3;
constexpr Xapian::valueno kCity = 4;
constexpr Xapian::valueno kCounty = 5;
constexpr Xapian::valueno kGrade = 6;
constexpr Xapian::valueno kSaleMode = 7;
constexpr Xapian::valueno kPriceBand = 8;

// Boolean term prefixes.
constexpr std::string_view kIdPrefix = "Q";
constexpr std::string_view kCategoryPrefix = "XC";
constexpr std::string_view kRegionPrefix = "XR";
constexpr std::string_view kGradePrefix = "XG";
constexpr std::string_view kSaleModePrefix = "XM";
constexpr std::string_view kOrganisationPrefix = "XO";
constexpr std::string_view kOutletPrefix = "XT";

constexpr std::string_view kLastSeqKey = "recirc.last_seq";
constexpr int64_t kMax = std::numeric_limits<int64_t>::max();

constexpr std::array<PriceBand, 6> kBands = {{{"0-100", 0, 10'000},
                                              {"100-500", 10'000, 50'000},
                                              {"500-1000", 50'000, 100'000},
                                              {"1000-3000", 100'000, 300'000},
                                              {"3000-10000", 300'000, 1'000'000},
                                              {"10000+", 1'000'000, kMax}}};

std::string Term(std::string_view prefix, std::string_view value) {
  return std::string(prefix) + std::string(value);
}

// 110108 -> {110000, 110100, 110108}; a province or city code yields fewer levels.
std::vector<std::string> RegionLevels(const std::string& code) {
  std::vector<std::string> out{code.substr(0, 2) + "0000"};
  if (code.substr(2, 2) != "00") out.push_back(code.substr(0, 4) + "00");
  if (code.substr(4, 2) != "00") out.push_back(code);
  return out;
}

std::string_view BandOf(int64_t fen) {
  for (const auto& b : kBands)
    if (fen >= b.lower_fen && fen < b.upper_fen) return b.label;
  return kBands.back().label;
}

// The words a buyer uses for a category (search_words in data/categories.json), indexed with
// every listing of it, so a gaming laptop titled 游戏本 is still found by 笔记本 and a 公路车 by
// 自行车.
std::string_view CategoryWords(std::string_view category) {
  const core::Category* c = core::CategoryVocabulary::Embedded().Find(category);
  return c == nullptr ? std::string_view() : std::string_view(c->search_words);
}

Xapian::Stem Stemmer() { return Xapian::Stem("english"); }

Error FromXapian(const Xapian::Error& e) {
  if (std::string_view(e.get_type()) == "DatabaseLockError") {
    return Error::Unavailable(
        "the search index is locked by another process (one writer per Xapian database; stop the "
        "server before `recirc reindex`)");
  }
  return Error::Internal("search index: " + e.get_description());
}

// Counts the values of a few slots over the first `limit` matches the matcher hands it (every
// match when the match is smaller). One spy for all the facets: each match's values are read once.
class FacetSample final : public Xapian::MatchSpy {
 public:
  FacetSample(std::vector<Xapian::valueno> slots, int64_t limit)
      : slots_(std::move(slots)), counts_(slots_.size()), limit_(limit) {}
  void operator()(const Xapian::Document& doc, double /*weight*/) override {
    if (seen_ >= limit_) return;
    ++seen_;
    for (size_t i = 0; i < slots_.size(); ++i) {
      std::string value = doc.get_value(slots_[i]);
      if (!value.empty()) ++counts_[i][std::move(value)];
    }
  }
  int64_t seen() const { return seen_; }
  // Slot i's counts, largest first; scaled by total/seen (rounded) when a sample was counted.
  std::vector<FacetCount> Counts(size_t i, int64_t total) const {
    std::vector<FacetCount> out;
    for (const auto& [value, n] : counts_[i]) {
      int64_t count = n;
      if (seen_ > 0 && total > seen_) {
        count = static_cast<int64_t>(std::llround(
            static_cast<double>(n) * static_cast<double>(total) / static_cast<double>(seen_)));
      }
      out.push_back({value, count});
    }
    std::stable_sort(out.begin(), out.end(),
                     [](const FacetCount& a, const FacetCount& b) { return a.count > b.count; });
    return out;
  }

 private:
  std::vector<Xapian::valueno> slots_;
  std::vector<std::map<std::string, int64_t>> counts_;
  int64_t limit_;
  int64_t seen_ = 0;
};

Xapian::Document BuildDocument(const ListingDocument& d) {
  Xapian::TermGenerator gen;
  gen.set_stemmer(Stemmer());
  gen.set_stemming_strategy(Xapian::TermGenerator::STEM_SOME);
  gen.set_flags(Xapian::TermGenerator::FLAG_CJK_NGRAM);
  Xapian::Document doc;
  gen.set_document(doc);
  // Titles weigh most, then brand and model, then descriptions; a gap between fields keeps a
  // phrase from spanning two of them.
  const std::pair<const std::string*, Xapian::termcount> fields[] = {
      {&d.title_zh, 3}, {&d.title_en, 3},       {&d.brand, 2},
      {&d.model, 2},    {&d.description_zh, 1}, {&d.description_en, 1}};
  for (const auto& [text, weight] : fields) {
    if (text->empty()) continue;
    gen.index_text(*text, weight);
    gen.increase_termpos(100);
  }
  if (auto words = CategoryWords(d.category); !words.empty()) gen.index_text(std::string(words));
  // `iPhone13` in a title is found by `iphone 13` too (the query side splits `iphone13`).
  for (const std::string* text : {&d.title_zh, &d.title_en, &d.model}) {
    const std::string split = SplitLettersDigits(*text);
    if (split == *text) continue;
    gen.increase_termpos(100);
    gen.index_text(split);
  }
  doc.add_boolean_term(Term(kIdPrefix, d.listing_id));
  doc.add_boolean_term(Term(kCategoryPrefix, d.category));
  const auto levels = RegionLevels(d.region_code);
  for (const auto& level : levels) doc.add_boolean_term(Term(kRegionPrefix, level));
  doc.add_boolean_term(Term(kGradePrefix, d.grade));
  doc.add_boolean_term(Term(kSaleModePrefix, d.sale_mode));
  if (!d.organisation_id.empty())
    doc.add_boolean_term(Term(kOrganisationPrefix, d.organisation_id));
  if (!d.outlet_id.empty()) doc.add_boolean_term(Term(kOutletPrefix, d.outlet_id));
  doc.add_value(kPrice, Xapian::sortable_serialise(static_cast<double>(d.price_fen)));
  doc.add_value(kPublished, Xapian::sortable_serialise(static_cast<double>(d.published_at)));
  doc.add_value(kCategory, d.category);
  doc.add_value(kProvince, levels[0]);
  if (levels.size() > 1) doc.add_value(kCity, levels[1]);
  if (levels.size() > 2) doc.add_value(kCounty, levels[2]);
  doc.add_value(kGrade, d.grade);
  doc.add_value(kSaleMode, d.sale_mode);
  doc.add_value(kPriceBand, std::string(BandOf(d.price_fen)));
  doc.set_data(boost::json::serialize(ListingToJson(d)));
  return doc;
}

Xapian::valueno RegionFacetSlot(const std::string& region) {
  if (region.empty()) return kProvince;
  if (region.substr(2) == "0000") return kCity;
  return kCounty;
}

}  // namespace

std::span<const PriceBand> PriceBands() { return kBands; }

Result<SortOrder> ParseSortOrder(std::string_view text) {
  if (text.empty() || text == "relevance") return SortOrder::kRelevance;
  if (text == "price_asc") return SortOrder::kPriceAsc;
  if (text == "price_desc") return SortOrder::kPriceDesc;
  if (text == "newest") return SortOrder::kNewest;
  return Error::InvalidArgument("sort", "sort must be relevance, price_asc, price_desc or newest");
}

Result<std::unique_ptr<SearchIndex>> SearchIndex::Open(const std::filesystem::path& dir) {
  if (!CreatePrivateDirectories(dir)) {
    return Error::Unavailable("cannot create the search directory " + dir.string());
  }
  auto index = std::unique_ptr<SearchIndex>(new SearchIndex(dir));
  if (!std::filesystem::exists(dir / "iamglass")) {
    try {
      Xapian::WritableDatabase created(dir.string(), Xapian::DB_CREATE_OR_OPEN);
      created.close();
    } catch (const Xapian::Error& e) {
      return FromXapian(e);
    }
  }
  return index;
}

SearchIndex::~SearchIndex() {
  std::lock_guard lock(write_mutex_);
  if (!writer_) return;
  try {
    writer_->close();  // uncommitted changes are dropped: the journal seq says where to resume
  } catch (const Xapian::Error&) {
  }
}

Result<Xapian::WritableDatabase*> SearchIndex::Writer() {
  if (!writer_) {
    try {
      writer_ =
          std::make_unique<Xapian::WritableDatabase>(dir_.string(), Xapian::DB_CREATE_OR_OPEN);
    } catch (const Xapian::Error& e) {
      return FromXapian(e);
    }
  }
  return writer_.get();
}

Status SearchIndex::Put(const ListingDocument& doc) {
  std::lock_guard lock(write_mutex_);
  RECIRC_TRY(auto* w, Writer());
  try {
    w->replace_document(Term(kIdPrefix, doc.listing_id), BuildDocument(doc));
  } catch (const Xapian::Error& e) {
    return FromXapian(e);
  }
  return Ok();
}

Status SearchIndex::Remove(std::string_view listing_id) {
  std::lock_guard lock(write_mutex_);
  RECIRC_TRY(auto* w, Writer());
  try {
    w->delete_document(Term(kIdPrefix, listing_id));
  } catch (const Xapian::Error& e) {
    return FromXapian(e);
  }
  return Ok();
}

Status SearchIndex::SetLastSeq(int64_t seq) {
  std::lock_guard lock(write_mutex_);
  RECIRC_TRY(auto* w, Writer());
  try {
    w->set_metadata(std::string(kLastSeqKey), std::to_string(seq));
  } catch (const Xapian::Error& e) {
    return FromXapian(e);
  }
  return Ok();
}

Status SearchIndex::Commit() {
  std::lock_guard lock(write_mutex_);
  if (!writer_) return Ok();
  try {
    writer_->commit();
  } catch (const Xapian::Error& e) {
    return FromXapian(e);
  }
  return Ok();
}

Status SearchIndex::Clear() {
  std::lock_guard lock(write_mutex_);
  try {
    if (writer_) writer_->close();
    writer_.reset();
    writer_ =
        std::make_unique<Xapian::WritableDatabase>(dir_.string(), Xapian::DB_CREATE_OR_OVERWRITE);
    writer_->commit();
  } catch (const Xapian::Error& e) {
    writer_.reset();
    return FromXapian(e);
  }
  std::lock_guard readers(readers_mutex_);
  readers_.clear();
  return Ok();
}

std::unique_ptr<Xapian::Database> SearchIndex::TakeReader() {
  {
    std::lock_guard lock(readers_mutex_);
    if (!readers_.empty()) {
      auto r = std::move(readers_.back());
      readers_.pop_back();
      return r;
    }
  }
  return std::make_unique<Xapian::Database>(dir_.string());
}

void SearchIndex::ReturnReader(std::unique_ptr<Xapian::Database> reader) {
  std::lock_guard lock(readers_mutex_);
  if (readers_.size() < 8) readers_.push_back(std::move(reader));
}

Result<int64_t> SearchIndex::LastSeq() {
  try {
    auto r = TakeReader();
    r->reopen();
    const std::string v = r->get_metadata(std::string(kLastSeqKey));
    ReturnReader(std::move(r));
    return v.empty() ? int64_t{0} : std::stoll(v);
  } catch (const Xapian::Error& e) {
    return FromXapian(e);
  }
}

Result<int64_t> SearchIndex::Count() {
  try {
    auto r = TakeReader();
    r->reopen();
    const auto n = static_cast<int64_t>(r->get_doccount());
    ReturnReader(std::move(r));
    return n;
  } catch (const Xapian::Error& e) {
    return FromXapian(e);
  }
}

namespace {

// The words of `text` (split on whitespace), each parsed on its own and joined with OP_AND;
// an empty query when none narrows anything.
Xapian::Query AllWords(Xapian::QueryParser& qp, const std::string& text) {
  std::vector<Xapian::Query> parts;
  size_t pos = 0;
  while (pos < text.size()) {
    const size_t start = text.find_first_not_of(" \t\r\n", pos);
    if (start == std::string::npos) break;
    size_t end = text.find_first_of(" \t\r\n", start);
    if (end == std::string::npos) end = text.size();
    const std::string token = text.substr(start, end - start);
    pos = end;
    try {
      Xapian::Query q = qp.parse_query(token, Xapian::QueryParser::FLAG_CJK_NGRAM);
      if (!q.empty()) parts.push_back(std::move(q));
    } catch (const Xapian::QueryParserError&) {
      // A token the parser refuses (punctuation only) narrows nothing.
    }
  }
  if (parts.empty()) return Xapian::Query();
  return Xapian::Query(Xapian::Query::OP_AND, parts.begin(), parts.end());
}

// One word of the buyer's: itself, or its synonyms (data/search_synonyms.json), or the word with
// a synonym inside it replaced (苹果手机 → apple 手机), or split where letters meet digits
// (iphone13 → iphone 13).
Xapian::Query OneWord(Xapian::QueryParser& qp, const std::string& word) {
  const Synonyms& synonyms = Synonyms::Embedded();
  std::vector<std::string> forms{word};
  for (auto& s : synonyms.Of(word)) forms.push_back(std::move(s));
  for (auto& s : synonyms.Rewrites(word)) forms.push_back(std::move(s));
  if (std::string split = SplitLettersDigits(word); split != word) forms.push_back(split);
  std::vector<Xapian::Query> alternatives;
  for (const auto& form : forms) {
    Xapian::Query q = AllWords(qp, form);
    if (!q.empty()) alternatives.push_back(std::move(q));
  }
  if (alternatives.empty()) return Xapian::Query();
  if (alternatives.size() == 1) return alternatives.front();
  return Xapian::Query(Xapian::Query::OP_OR, alternatives.begin(), alternatives.end());
}

}  // namespace

Xapian::Query SearchIndex::ParseText(std::string_view text) {
  Xapian::QueryParser qp;
  qp.set_stemmer(Stemmer());
  qp.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
  std::vector<Xapian::Query> parts;
  size_t pos = 0;
  std::string s(text);
  // The ideographic space (U+3000) that Chinese input methods type separates words too.
  for (size_t at = s.find("\u3000"); at != std::string::npos; at = s.find("\u3000", at)) {
    s.replace(at, 3, " ");
  }
  while (pos < s.size()) {
    const size_t start = s.find_first_not_of(" \t\r\n", pos);
    if (start == std::string::npos) break;
    size_t end = s.find_first_of(" \t\r\n", start);
    if (end == std::string::npos) end = s.size();
    Xapian::Query q = OneWord(qp, s.substr(start, end - start));
    pos = end;
    if (!q.empty()) parts.push_back(std::move(q));
  }
  if (parts.empty()) return Xapian::Query::MatchAll;
  return Xapian::Query(Xapian::Query::OP_AND, parts.begin(), parts.end());
}

Result<SearchResult> SearchIndex::Search(const SearchQuery& query) {
  std::vector<Xapian::Query> filters;
  if (!query.category.empty()) filters.emplace_back(Term(kCategoryPrefix, query.category));
  if (!query.region.empty()) filters.emplace_back(Term(kRegionPrefix, query.region));
  if (!query.grade.empty()) filters.emplace_back(Term(kGradePrefix, query.grade));
  if (!query.sale_mode.empty()) filters.emplace_back(Term(kSaleModePrefix, query.sale_mode));
  if (query.price_min_fen || query.price_max_fen) {
    const double lo = static_cast<double>(query.price_min_fen.value_or(0));
    const double hi = static_cast<double>(query.price_max_fen.value_or(kMax));
    filters.emplace_back(Xapian::Query::OP_VALUE_RANGE, kPrice, Xapian::sortable_serialise(lo),
                         Xapian::sortable_serialise(hi));
  }
  Xapian::Query q = query.text.empty() ? Xapian::Query::MatchAll : ParseText(query.text);
  if (!filters.empty()) {
    q = Xapian::Query(Xapian::Query::OP_FILTER, q,
                      Xapian::Query(Xapian::Query::OP_AND, filters.begin(), filters.end()));
  }
  std::vector<Xapian::Query> hidden;
  for (const auto& id : query.hidden_organisations) {
    hidden.emplace_back(Term(kOrganisationPrefix, id));
  }
  for (const auto& id : query.hidden_outlets) hidden.emplace_back(Term(kOutletPrefix, id));
  if (!hidden.empty()) {
    q = Xapian::Query(Xapian::Query::OP_AND_NOT, q,
                      Xapian::Query(Xapian::Query::OP_OR, hidden.begin(), hidden.end()));
  }
  const bool by_relevance = query.sort == SortOrder::kRelevance && !query.text.empty();
  for (int attempt = 0;; ++attempt) {
    try {
      auto reader = TakeReader();
      reader->reopen();
      Xapian::Enquire enquire(*reader);
      enquire.set_query(q);
      switch (query.sort) {
        case SortOrder::kPriceAsc:
          enquire.set_sort_by_value_then_relevance(kPrice, false);
          break;
        case SortOrder::kPriceDesc:
          enquire.set_sort_by_value_then_relevance(kPrice, true);
          break;
        case SortOrder::kNewest:
          enquire.set_sort_by_value_then_relevance(kPublished, true);
          break;
        case SortOrder::kRelevance:
          if (!by_relevance) enquire.set_sort_by_value_then_relevance(kPublished, true);
          break;
      }
      // Facet slots, in the order of the Facets fields below.
      FacetSample facets({kCategory, RegionFacetSlot(query.region), kGrade, kSaleMode, kPriceBand},
                         std::max(query.facet_sample, 1));
      if (query.facets) enquire.add_matchspy(&facets);
      const Xapian::doccount check =
          query.facets ? std::min<Xapian::doccount>(
                             reader->get_doccount(),
                             static_cast<Xapian::doccount>(std::max(query.facet_sample, 1)))
                       : 0;
      const Xapian::MSet mset =
          enquire.get_mset(static_cast<Xapian::doccount>(query.offset),
                           static_cast<Xapian::doccount>(query.limit + 1), check);
      SearchResult out;
      int rank = static_cast<int>(query.offset);
      for (auto it = mset.begin(); it != mset.end(); ++it) {
        if (static_cast<int>(out.hits.size()) == query.limit) {
          out.next_cursor = std::to_string(query.offset + query.limit);
          break;
        }
        boost::system::error_code ec;
        auto json = boost::json::parse(it.get_document().get_data(), ec);
        if (ec) return Error::Internal("search index: a stored listing is not JSON");
        RECIRC_TRY(auto listing, ListingFromJson(json));
        out.hits.push_back({std::move(listing), ++rank, it.get_weight()});
      }
      out.estimated_total = static_cast<int64_t>(mset.get_matches_estimated());
      if (query.facets) {
        const int64_t total = std::max(out.estimated_total, facets.seen());
        out.facets.exact = facets.seen() >= total;
        out.facets.counted = facets.seen();
        out.facets.category = facets.Counts(0, total);
        out.facets.region = facets.Counts(1, total);
        out.facets.grade = facets.Counts(2, total);
        out.facets.sale_mode = facets.Counts(3, total);
        const auto bands = facets.Counts(4, total);
        for (const auto& b : kBands) {
          int64_t n = 0;
          for (const auto& c : bands)
            if (c.value == b.label) n = c.count;
          out.facets.price_band.push_back({std::string(b.label), n});
        }
      }
      ReturnReader(std::move(reader));
      return out;
    } catch (const Xapian::DatabaseModifiedError& e) {
      if (attempt >= 3) return FromXapian(e);
    } catch (const Xapian::Error& e) {
      return FromXapian(e);
    }
  }
}

}  // namespace recirc::search
