#pragma once
// Synonyms: the brand and model names a buyer types in either language (苹果 = apple, 华为 =
// huawei), one file, data/search_synonyms.json, compiled into the binary (recirc_embed) like the
// category vocabulary (data/README.md). The search expands a query word into its group at query
// time, so a change needs no reindex.
//
// SplitLettersDigits: `iphone13` → `iphone 13`, `mate40pro` → `mate 40 pro`; buyers leave out the
// space that listing titles have (and the other way round: titles are indexed split too).

#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"

namespace recirc::search {

class Synonyms {
 public:
  // Parses a `recirc.search-synonyms.v1` document; errors name the place ("groups[3].words[0]").
  // Words are stored lower-case (ASCII letters).
  static Result<Synonyms> FromJson(std::string_view text);
  // data/search_synonyms.json as compiled in; aborts on a broken file (a build mistake, checked by
  // synonyms_test.cpp).
  static const Synonyms& Embedded();

  // The other words of the groups `word` belongs to (compared lower-case); empty when none.
  std::vector<std::string> Of(std::string_view word) const;
  // For a word with a non-ASCII synonym inside it (苹果手机 holds 苹果): the word with that part
  // replaced by each of its synonyms, space-separated (`apple 手机`). Empty when none.
  std::vector<std::string> Rewrites(std::string_view word) const;

 private:
  std::vector<std::vector<std::string>> groups_;
};

// ASCII letters lower-cased; other bytes unchanged.
std::string AsciiLower(std::string_view text);
// Inserts a space where an ASCII letter meets an ASCII digit; the text itself when there is none.
std::string SplitLettersDigits(std::string_view text);

}  // namespace recirc::search
