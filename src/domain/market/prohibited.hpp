#pragma once
// The prohibited-goods rules engine. Rules are data (data/market/prohibited.v<N>.json, compiled
// in): item categories (optionally only on some channels), Chinese and English keywords, and the
// counterfeit signal from an inspection's authenticity verdict. Evaluate() is pure; the offer
// service records a block with the first rule that applies.
//
// Matching: English keywords case-insensitively as whole words (so "gun" does not match
// "burgundy"); Chinese keywords as substrings (Chinese has no spaces between words).

#include <optional>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/embedded_file.hpp"
#include "core/error.hpp"

namespace recirc::market {

inline constexpr std::string_view kSignalCounterfeit = "authenticity_counterfeit";

struct ProhibitedRule {
  std::string id;
  std::string basis;
  std::vector<std::string> categories;
  std::vector<std::string> channels;  // empty: every channel
  std::vector<std::string> keywords_zh;
  std::vector<std::string> keywords_en;
  std::string signal;  // "" or kSignalCounterfeit
  std::string reason_zh;
  std::string reason_en;
};

// What a listing is checked on.
struct ListingFacts {
  std::string category;
  std::string channel;
  std::string text;  // title, description, brand and model
  bool counterfeit_verdict = false;
};

struct RuleHit {
  const ProhibitedRule* rule = nullptr;
  std::string matched;  // the keyword, category or signal that matched
};

class ProhibitedRules {
 public:
  // Errors name the file and the place ("prohibited.v1.json: rules[2].keywords.zh").
  static Result<ProhibitedRules> Parse(std::string_view text, std::string_view name);
  static Result<ProhibitedRules> FromFiles(std::span<const EmbeddedFile> files);  // newest wins
  static Result<ProhibitedRules> Embedded();

  // The first rule (in file order) that applies, skipping rule ids in `lifted` (a supervisor
  // lifted that block for this offer on appeal).
  std::optional<RuleHit> Evaluate(const ListingFacts& facts,
                                  const std::set<std::string>& lifted = {}) const;
  int64_t version() const { return version_; }
  const std::vector<ProhibitedRule>& rules() const { return rules_; }

 private:
  int64_t version_ = 0;
  std::vector<ProhibitedRule> rules_;
};

// Pure helpers, exposed for tests.
bool ContainsWord(std::string_view text, std::string_view word);  // ASCII case-insensitive

}  // namespace recirc::market
