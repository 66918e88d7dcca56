#include "search/synonyms.hpp"

#include <boost/json.hpp>

#include <cstdio>
#include <cstdlib>
#include <span>

#include "core/embedded_file.hpp"

namespace recirc::search {

// Generated from data/search_synonyms.json (src/search/CMakeLists.txt).
std::span<const EmbeddedFile> SearchSynonymsJson();

namespace {

namespace json = boost::json;

bool IsLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool HasNonAscii(std::string_view s) {
  for (const unsigned char c : s)
    if (c >= 0x80) return true;
  return false;
}

}  // namespace

std::string AsciiLower(std::string_view text) {
  std::string out(text);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

std::string SplitLettersDigits(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 4);
  for (size_t i = 0; i < text.size(); ++i) {
    if (i > 0) {
      const char a = text[i - 1], b = text[i];
      if ((IsLetter(a) && IsDigit(b)) || (IsDigit(a) && IsLetter(b))) out += ' ';
    }
    out += text[i];
  }
  return out;
}

Result<Synonyms> Synonyms::FromJson(std::string_view text) {
  boost::system::error_code ec;
  const json::value doc = json::parse(text, ec);
  if (ec || !doc.is_object()) return Error::InvalidArgument("synonyms", "is a JSON object");
  const json::object& o = doc.as_object();
  const json::value* schema = o.if_contains("schema");
  if (!schema || !schema->is_string() || schema->as_string() != "recirc.search-synonyms.v1") {
    return Error::InvalidArgument("schema", "is recirc.search-synonyms.v1");
  }
  const json::value* groups = o.if_contains("groups");
  if (!groups || !groups->is_array()) return Error::InvalidArgument("groups", "is a list");
  Synonyms out;
  for (size_t g = 0; g < groups->as_array().size(); ++g) {
    const std::string where = "groups[" + std::to_string(g) + "]";
    const json::value& entry = groups->as_array()[g];
    const json::value* words = entry.is_object() ? entry.as_object().if_contains("words") : nullptr;
    if (!words || !words->is_array() || words->as_array().size() < 2) {
      return Error::InvalidArgument(where + ".words", "is a list of at least two words");
    }
    std::vector<std::string> group;
    for (size_t w = 0; w < words->as_array().size(); ++w) {
      const json::value& word = words->as_array()[w];
      if (!word.is_string() || word.as_string().empty()) {
        return Error::InvalidArgument(where + ".words[" + std::to_string(w) + "]",
                                      "is a non-empty string");
      }
      group.push_back(AsciiLower(std::string_view(word.as_string())));
    }
    out.groups_.push_back(std::move(group));
  }
  return out;
}

const Synonyms& Synonyms::Embedded() {
  static const Synonyms kSynonyms = [] {
    auto parsed = FromJson(SearchSynonymsJson().front().content);
    if (!parsed) {
      std::fprintf(stderr, "data/search_synonyms.json: %s: %s\n", parsed.error().field.c_str(),
                   parsed.error().message.c_str());
      std::abort();
    }
    return std::move(*parsed);
  }();
  return kSynonyms;
}

std::vector<std::string> Synonyms::Of(std::string_view word) const {
  const std::string lower = AsciiLower(word);
  std::vector<std::string> out;
  for (const auto& group : groups_) {
    bool member = false;
    for (const auto& w : group) member = member || w == lower;
    if (!member) continue;
    for (const auto& w : group)
      if (w != lower) out.push_back(w);
  }
  return out;
}

std::vector<std::string> Synonyms::Rewrites(std::string_view word) const {
  const std::string lower = AsciiLower(word);
  std::vector<std::string> out;
  for (const auto& group : groups_) {
    for (const auto& part : group) {
      if (!HasNonAscii(part) || part == lower) continue;
      const size_t at = lower.find(part);
      if (at == std::string::npos) continue;
      for (const auto& other : group) {
        if (other == part) continue;
        std::string rewritten =
            lower.substr(0, at) + " " + other + " " + lower.substr(at + part.size());
        out.push_back(std::move(rewritten));
      }
    }
  }
  return out;
}

}  // namespace recirc::search
