#include "domain/market/prohibited.hpp"

#include <boost/json.hpp>

#include <algorithm>
#include <cctype>

namespace recirc::market {

std::span<const EmbeddedFile> ProhibitedRuleFiles();

namespace {

namespace json = boost::json;

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool IsWordChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }

Error Bad(std::string_view name, const std::string& where, const std::string& what) {
  return Error::InvalidArgument(where, std::string(name) + ": " + where + " " + what);
}

Result<std::vector<std::string>> Strings(const json::object& o, std::string_view key,
                                         std::string_view name, const std::string& where) {
  std::vector<std::string> out;
  const json::value* v = o.if_contains(key);
  if (v == nullptr) return out;
  if (!v->is_array()) return Bad(name, where, "is an array of strings");
  for (const auto& x : v->as_array()) {
    if (!x.is_string() || x.as_string().empty()) {
      return Bad(name, where, "is an array of non-empty strings");
    }
    out.emplace_back(x.as_string());
  }
  return out;
}

Result<std::string> Text(const json::object& o, std::string_view key, std::string_view name,
                         const std::string& where) {
  const json::value* v = o.if_contains(key);
  if (v == nullptr || !v->is_string() || v->as_string().empty()) {
    return Bad(name, where, "is a required text");
  }
  return std::string(v->as_string());
}

bool Contains(const std::vector<std::string>& set, std::string_view v) {
  return std::find(set.begin(), set.end(), v) != set.end();
}

}  // namespace

bool ContainsWord(std::string_view text, std::string_view word) {
  const std::string t = Lower(text);
  const std::string w = Lower(word);
  if (w.empty()) return false;
  for (size_t pos = t.find(w); pos != std::string::npos; pos = t.find(w, pos + 1)) {
    const bool start_ok = pos == 0 || !IsWordChar(t[pos - 1]) || !IsWordChar(w.front());
    const size_t end = pos + w.size();
    const bool end_ok = end == t.size() || !IsWordChar(t[end]) || !IsWordChar(w.back());
    if (start_ok && end_ok) return true;
  }
  return false;
}

Result<ProhibitedRules> ProhibitedRules::Parse(std::string_view text, std::string_view name) {
  boost::system::error_code ec;
  json::value doc = json::parse(text, ec);
  if (ec || !doc.is_object()) return Bad(name, "document", "is not a JSON object");
  const json::object& root = doc.as_object();
  for (const auto& [key, value] : root) {
    if (key != "schema" && key != "version" && key != "published" && key != "note" &&
        key != "rules") {
      return Bad(name, std::string(key), "is not a known field");
    }
  }
  if (root.if_contains("schema") == nullptr ||
      root.at("schema") != json::value("recirc.prohibited_rules.v1")) {
    return Bad(name, "schema", "is recirc.prohibited_rules.v1");
  }
  ProhibitedRules out;
  if (root.if_contains("version") == nullptr || !root.at("version").is_int64() ||
      root.at("version").as_int64() < 1) {
    return Bad(name, "version", "is a whole number from 1");
  }
  out.version_ = root.at("version").as_int64();
  const json::value* rules = root.if_contains("rules");
  if (rules == nullptr || !rules->is_array() || rules->as_array().empty()) {
    return Bad(name, "rules", "is a non-empty array");
  }
  std::set<std::string> ids;
  for (size_t i = 0; i < rules->as_array().size(); ++i) {
    const std::string at = "rules[" + std::to_string(i) + "]";
    const json::value& rv = rules->as_array()[i];
    if (!rv.is_object()) return Bad(name, at, "is an object");
    const json::object& r = rv.as_object();
    for (const auto& [key, value] : r) {
      if (key != "id" && key != "basis" && key != "categories" && key != "channels" &&
          key != "keywords" && key != "signal" && key != "reason") {
        return Bad(name, at + "." + std::string(key), "is not a known field");
      }
    }
    ProhibitedRule rule;
    RECIRC_TRY(rule.id, Text(r, "id", name, at + ".id"));
    if (!ids.insert(rule.id).second) return Bad(name, at + ".id", "repeats " + rule.id);
    RECIRC_TRY(rule.basis, Text(r, "basis", name, at + ".basis"));
    RECIRC_TRY(rule.categories, Strings(r, "categories", name, at + ".categories"));
    RECIRC_TRY(rule.channels, Strings(r, "channels", name, at + ".channels"));
    if (const json::value* k = r.if_contains("keywords")) {
      if (!k->is_object()) return Bad(name, at + ".keywords", "is {zh: [..], en: [..]}");
      RECIRC_TRY(rule.keywords_zh, Strings(k->as_object(), "zh", name, at + ".keywords.zh"));
      RECIRC_TRY(rule.keywords_en, Strings(k->as_object(), "en", name, at + ".keywords.en"));
    }
    if (r.if_contains("signal") != nullptr) {
      RECIRC_TRY(rule.signal, Text(r, "signal", name, at + ".signal"));
      if (rule.signal != kSignalCounterfeit) {
        return Bad(name, at + ".signal", "is " + std::string(kSignalCounterfeit));
      }
    }
    const json::value* reason = r.if_contains("reason");
    if (reason == nullptr || !reason->is_object()) {
      return Bad(name, at + ".reason", "is {zh, en}");
    }
    RECIRC_TRY(rule.reason_zh, Text(reason->as_object(), "zh", name, at + ".reason.zh"));
    RECIRC_TRY(rule.reason_en, Text(reason->as_object(), "en", name, at + ".reason.en"));
    if (rule.categories.empty() && rule.keywords_zh.empty() && rule.keywords_en.empty() &&
        rule.signal.empty()) {
      return Bad(name, at, "names categories, keywords or a signal");
    }
    out.rules_.push_back(std::move(rule));
  }
  return out;
}

Result<ProhibitedRules> ProhibitedRules::FromFiles(std::span<const EmbeddedFile> files) {
  std::optional<ProhibitedRules> newest;
  for (const auto& f : files) {
    RECIRC_TRY(auto rules, Parse(f.content, f.name));
    const std::string expected = "prohibited.v" + std::to_string(rules.version()) + ".json";
    if (f.name != expected) {
      return Error::InvalidArgument("version",
                                    std::string(f.name) + ": should be named " + expected);
    }
    if (!newest || rules.version() > newest->version()) newest = std::move(rules);
  }
  if (!newest) return Error::Internal("no prohibited-goods rules compiled in");
  return std::move(*newest);
}

Result<ProhibitedRules> ProhibitedRules::Embedded() { return FromFiles(ProhibitedRuleFiles()); }

std::optional<RuleHit> ProhibitedRules::Evaluate(const ListingFacts& facts,
                                                 const std::set<std::string>& lifted) const {
  for (const auto& rule : rules_) {
    if (lifted.contains(rule.id)) continue;
    if (!rule.channels.empty() && !Contains(rule.channels, facts.channel)) continue;
    if (!rule.categories.empty()) {
      if (!Contains(rule.categories, facts.category)) continue;
      // A category rule without keywords or signal applies to the whole category.
      if (rule.keywords_zh.empty() && rule.keywords_en.empty() && rule.signal.empty()) {
        return RuleHit{&rule, "category " + facts.category};
      }
    }
    if (rule.signal == kSignalCounterfeit && facts.counterfeit_verdict) {
      return RuleHit{&rule, std::string(kSignalCounterfeit)};
    }
    for (const auto& k : rule.keywords_zh) {
      if (facts.text.find(k) != std::string::npos) return RuleHit{&rule, k};
    }
    for (const auto& k : rule.keywords_en) {
      if (ContainsWord(facts.text, k)) return RuleHit{&rule, k};
    }
  }
  return std::nullopt;
}

}  // namespace recirc::market
