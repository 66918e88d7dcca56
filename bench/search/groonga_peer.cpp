#include "groonga_peer.hpp"

#include <filesystem>

namespace recirc::bench {
namespace {

constexpr size_t kChunkBytes = 1 << 20;

void AppendJsonString(std::string* out, const std::string& s) {
  *out += '"';
  for (char ch : s) {
    if (ch == '"' || ch == '\\') {
      *out += '\\';
      *out += ch;
    } else if (static_cast<unsigned char>(ch) < 0x20) {
      *out += ' ';
    } else {
      *out += ch;
    }
  }
  *out += '"';
}

// A value inside a single-quoted command argument: quotes and backslashes escaped.
std::string CommandQuoted(const std::string& s) {
  std::string out = "'";
  for (char ch : s) {
    if (ch == '\'' || ch == '\\') out += '\\';
    out += ch;
  }
  return out + "'";
}

// A phrase of Groonga's query syntax: "word", with its quotes and backslashes escaped.
std::string QueryPhrase(const std::string& word) {
  std::string out = "\"";
  for (char ch : word) {
    if (ch == '"' || ch == '\\') out += '\\';
    out += ch;
  }
  return out + "\"";
}

// The string values of a select answer's rows, [[[count],[["_key","ShortText"]],["L1"],...]]:
// every quoted string after the column definitions (keys are listing ids, never escaped).
std::vector<std::string> Keys(const std::string& answer) {
  std::vector<std::string> out;
  size_t at = answer.find("]]");  // end of the column definitions
  if (at == std::string::npos) return out;
  for (at = answer.find('"', at); at != std::string::npos; at = answer.find('"', at)) {
    const size_t end = answer.find('"', at + 1);
    if (end == std::string::npos) break;
    out.push_back(answer.substr(at + 1, end - at - 1));
    at = end + 1;
  }
  return out;
}

}  // namespace

std::unique_ptr<GroongaPeer> GroongaPeer::Create(const std::string& dir, std::string* error) {
  std::error_code ec;
  std::filesystem::remove_all(dir, ec);
  std::filesystem::create_directories(dir, ec);
  if (ec) return *error = "groonga: cannot create " + dir + ": " + ec.message(), nullptr;
  if (grn_init() != GRN_SUCCESS) return *error = "groonga: grn_init failed", nullptr;
  std::unique_ptr<GroongaPeer> peer(new GroongaPeer);
  if (grn_ctx_init(&peer->ctx_, 0) != GRN_SUCCESS)
    return *error = "groonga: grn_ctx_init failed", nullptr;
  peer->ctx_ready_ = true;
  const std::string path = dir + "/db";
  peer->db_ = grn_db_create(&peer->ctx_, path.c_str(), nullptr);
  if (peer->db_ == nullptr)
    return *error = "groonga: grn_db_create " + path + ": " + peer->ctx_.errbuf, nullptr;
  std::string out;
  for (const char* command : {"table_create Listings TABLE_HASH_KEY ShortText",
                              "column_create Listings category COLUMN_SCALAR ShortText",
                              "column_create Listings body COLUMN_SCALAR Text"}) {
    if (!peer->Command(command, &out)) return *error = peer->error_, nullptr;
  }
  return peer;
}

GroongaPeer::~GroongaPeer() {
  if (db_ != nullptr) grn_obj_close(&ctx_, db_);
  if (ctx_ready_) grn_ctx_fin(&ctx_);
  grn_fin();
}

bool GroongaPeer::Command(const std::string& command, std::string* out) {
  out->clear();
  grn_ctx_send(&ctx_, command.data(), static_cast<unsigned int>(command.size()), 0);
  char* part = nullptr;
  unsigned int len = 0;
  int flags = 0;
  do {
    grn_ctx_recv(&ctx_, &part, &len, &flags);
    out->append(part, len);
  } while ((flags & GRN_CTX_MORE) != 0);
  if (ctx_.rc != GRN_SUCCESS) {
    error_ = "groonga: " + command.substr(0, 80) + ": " + ctx_.errbuf;
    return false;
  }
  return true;
}

bool GroongaPeer::SendChunk() {
  std::string out;
  const bool ok = Command(chunk_, &out);
  chunk_.clear();
  return ok;
}

bool GroongaPeer::Add(const std::string& key, const std::string& category,
                      const std::string& body) {
  std::string out;
  if (!load_started_) {
    if (!Command("load --table Listings", &out)) return false;
    load_started_ = true;
    chunk_ = "[";
  } else {
    chunk_ += ',';
  }
  chunk_ += "{\"_key\":";
  AppendJsonString(&chunk_, key);
  chunk_ += ",\"category\":";
  AppendJsonString(&chunk_, category);
  chunk_ += ",\"body\":";
  AppendJsonString(&chunk_, body);
  chunk_ += '}';
  return chunk_.size() < kChunkBytes || SendChunk();
}

bool GroongaPeer::FinishLoad() {
  if (!load_started_) return true;
  chunk_ += ']';
  if (!SendChunk()) return false;
  load_started_ = false;
  std::string out;
  for (const char* command :
       {"table_create Terms TABLE_PAT_KEY ShortText --default_tokenizer TokenBigram "
        "--normalizer NormalizerAuto",
        "column_create Terms listings_body COLUMN_INDEX|WITH_POSITION Listings body",
        "table_create Categories TABLE_HASH_KEY ShortText",
        "column_create Categories listings_category COLUMN_INDEX Listings category"}) {
    if (!Command(command, &out)) return false;
  }
  return true;
}

bool GroongaPeer::Select(const std::vector<std::string>& words, const std::string& category,
                         int64_t limit, std::vector<std::string>* keys) {
  std::string query;
  for (const auto& w : words) query += (query.empty() ? "" : " ") + QueryPhrase(w);
  const std::string command =
      "select Listings --match_columns body --query " + CommandQuoted(query) + " --filter " +
      CommandQuoted("category == " + QueryPhrase(category)) +
      " --sort_keys -_score --output_columns _key --limit " + std::to_string(limit);
  std::string out;
  if (!Command(command, &out)) return false;
  if (keys != nullptr) *keys = Keys(out);
  return true;
}

}  // namespace recirc::bench
