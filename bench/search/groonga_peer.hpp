// bench/search: Groonga (libgroonga, in-process) as a peer of the Xapian index, driven through its
// command interface (grn_ctx_send / grn_ctx_recv) so that no command-line round trip is timed.
// Schema: Listings (TABLE_HASH_KEY ShortText) with category (ShortText) and body (Text); a lexicon
// Terms (TABLE_PAT_KEY, TokenBigram, NormalizerAuto) indexing Listings.body WITH_POSITION; a
// Categories table indexing Listings.category. The indexes are built after the load (offline
// construction, Groonga's fastest path). Single-threaded; one instance per process.
#pragma once

#include <groonga.h>

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace recirc::bench {

class GroongaPeer {
 public:
  // Creates a new database under dir (created if missing). Null on failure, with *error set.
  static std::unique_ptr<GroongaPeer> Create(const std::string& dir, std::string* error);
  ~GroongaPeer();
  GroongaPeer(const GroongaPeer&) = delete;
  GroongaPeer& operator=(const GroongaPeer&) = delete;

  // Buffers one listing; sends the buffer to `load --table Listings` in chunks of about 1 MiB.
  bool Add(const std::string& key, const std::string& category, const std::string& body);
  // Ends the load and builds the body and category indexes.
  bool FinishLoad();
  // The keys of the listings of `category` whose body matches every word (Groonga query syntax,
  // each word a quoted phrase, joined by spaces = AND), best score first, at most `limit`.
  bool Select(const std::vector<std::string>& words, const std::string& category, int64_t limit,
              std::vector<std::string>* keys);
  const std::string& error() const { return error_; }

 private:
  GroongaPeer() = default;
  bool Command(const std::string& command, std::string* out);
  bool SendChunk();

  grn_ctx ctx_{};
  grn_obj* db_ = nullptr;
  std::string chunk_, error_;
  bool load_started_ = false, ctx_ready_ = false;
};

}  // namespace recirc::bench
