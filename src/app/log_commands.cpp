#include "app/log_commands.hpp"

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/json.hpp>
#include <boost/url/parse.hpp>

#include <filesystem>
#include <fstream>
#include <ostream>
#include <sstream>

#include "core/clock.hpp"
#include "domain/history/log_service.hpp"
#include "domain/history/verify.hpp"
#include "domain/inspection/report_service.hpp"
#include "tlog/cosignature.hpp"

namespace recirc::app {
namespace {

namespace beast = boost::beast;
namespace bhttp = beast::http;
using tcp = boost::asio::ip::tcp;

int Fail(const Error& e, std::ostream& out) {
  out << "recirc: " << e.message << "\n";
  return e.code == ErrorCode::kInvalidArgument && e.field.empty() ? 2 : 1;
}

Result<std::string> ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error::NotFound("cannot read " + path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

std::string Trimmed(std::string s) {
  while (!s.empty() && (s.back() == '\n' || s.back() == '\r' || s.back() == ' ')) s.pop_back();
  return s;
}

// The entry for leaf `index`: the file itself, or the matching event of a passport.
Result<std::string> EntryFor(const std::string& text, uint64_t index) {
  boost::system::error_code ec;
  const auto doc = boost::json::parse(text, ec);
  if (!ec && doc.is_object() && doc.as_object().contains("events")) {
    for (const auto& e : doc.as_object().at("events").as_array()) {
      const auto* i = e.as_object().if_contains("index");
      const auto* entry = e.as_object().if_contains("entry");
      if (i && entry && entry->is_string() && i->is_number() &&
          i->to_number<uint64_t>(ec) == index && !ec) {
        return std::string(entry->as_string());
      }
    }
    return Error::NotFound("the passport has no event with leaf index " + std::to_string(index));
  }
  // A leaf is canonical JSON and never ends in a newline; an editor may have added one.
  return Trimmed(text);
}

struct Target {
  std::string host;
  std::string port;
  std::string prefix;  // "/log"
};

Result<Target> ParseUrl(const std::string& url) {
  auto u = boost::urls::parse_uri(url);
  if (!u || u->scheme() != "http" || u->host().empty()) {
    return Error::InvalidArgument("url", "the log URL is http://host:port[/prefix]");
  }
  Target t{std::string(u->host()), u->has_port() ? std::string(u->port()) : "80",
           std::string(u->path())};
  while (!t.prefix.empty() && t.prefix.back() == '/') t.prefix.pop_back();
  if (t.prefix.empty()) t.prefix = "/log";
  return t;
}

Result<std::string> Get(const Target& t, const std::string& path) {
  boost::asio::io_context ioc;
  tcp::resolver resolver(ioc);
  beast::tcp_stream stream(ioc);
  beast::error_code ec;
  auto endpoints = resolver.resolve(t.host, t.port, ec);
  if (!ec) stream.connect(endpoints, ec);
  if (ec) return Error::Unavailable("cannot reach " + t.host + ":" + t.port + ": " + ec.message());
  bhttp::request<bhttp::empty_body> req{bhttp::verb::get, t.prefix + "/" + path, 11};
  req.set(bhttp::field::host, t.host);
  bhttp::write(stream, req, ec);
  beast::flat_buffer buffer;
  bhttp::response_parser<bhttp::string_body> parser;
  parser.body_limit(size_t{64} * 1024 * 1024);
  if (!ec) bhttp::read(stream, buffer, parser, ec);
  if (ec) return Error::Unavailable("GET " + path + ": " + ec.message());
  const unsigned status = parser.get().result_int();
  if (status == 404) return Error::NotFound(path + ": the log says 404 (missing)");
  if (status != 200) return Error::Unavailable(path + ": HTTP " + std::to_string(status));
  return std::move(parser.get().body());
}

// The signed checkpoint a passport or a tlog-proof file carries.
Result<std::string> CheckpointNoteOf(const std::string& text) {
  if (text.starts_with("c2sp.org/tlog-proof@v1\n")) {
    RECIRC_TRY(auto parsed, history::ParseProofFile(text));
    return parsed.checkpoint;
  }
  boost::system::error_code ec;
  const auto doc = boost::json::parse(text, ec);
  const auto* cp = !ec && doc.is_object() ? doc.as_object().if_contains("checkpoint") : nullptr;
  if (cp == nullptr || !cp->is_string()) {
    return Error::InvalidArgument("checkpoint", "the passport has no checkpoint");
  }
  return std::string(cp->as_string());
}

// Every given witness must have a valid cosignature on the checkpoint: one line per witness.
Result<std::string> CheckWitnesses(const std::string& note, const tlog::Verifier& log_key,
                                   const std::vector<tlog::CosignatureVerifier>& witnesses) {
  RECIRC_TRY(auto opened, tlog::Open(note, std::span(&log_key, 1)));
  std::string lines;
  for (const auto& w : witnesses) {
    auto checked = tlog::CheckCosignature(w, opened);
    if (!checked) {
      return Error::Unauthenticated(checked.error().code == ErrorCode::kNotFound
                                        ? "the checkpoint has no cosignature by witness " + w.name()
                                        : checked.error().message);
    }
    lines += "  cosigned by witness " + w.name() + " at " +
             FormatRfc3339(FromUnixMillis(static_cast<int64_t>(checked->timestamp) * 1000)) + "\n";
  }
  return lines;
}

}  // namespace

int RunVerify(const VerifyRequest& request, std::ostream& out) {
  auto key = tlog::Verifier::FromKey(Trimmed(request.key));
  if (!key) return Fail(Error::InvalidArgument("", "--key: " + key.error().message), out);
  std::vector<tlog::CosignatureVerifier> witnesses;
  for (const auto& k : request.witness_keys) {
    auto w = tlog::CosignatureVerifier::FromKey(Trimmed(k));
    if (!w) return Fail(Error::InvalidArgument("", "--witness-key: " + w.error().message), out);
    witnesses.push_back(*w);
  }
  auto text = ReadFile(request.file);
  if (!text) return Fail(text.error(), out);
  // An inspection report as GET /api/v1/reports/{id} answers it: {report, signature, …}.
  boost::system::error_code ec;
  const boost::json::value doc = boost::json::parse(*text, ec);
  if (!ec && doc.is_object() && doc.as_object().contains("report") &&
      doc.as_object().contains("signature")) {
    const auto* signature = doc.as_object().at("signature").if_string();
    const auto checked = inspection::VerifyReportOffline(
        doc.as_object().at("report"), signature ? std::string_view(*signature) : "",
        Trimmed(request.key));
    if (!checked.valid) {
      out << "NOT VERIFIED: inspection report " << checked.report_id.value_or("(no id)") << ": "
          << checked.reason << "\n";
      return 1;
    }
    out << "verified: inspection report " << checked.report_id.value_or("(no id)") << " signed by "
        << key->name() << "\n";
    return 0;
  }
  Result<history::VerifyReport> report = Error::Internal("unreachable");
  if (text->starts_with("c2sp.org/tlog-proof@v1\n")) {
    if (!request.entry) {
      return Fail(Error::InvalidArgument("",
                                         "a .tlog-proof needs its leaf: --entry FILE (the "
                                         "leaf, or the item's passport)"),
                  out);
    }
    auto parsed = history::ParseProofFile(*text);
    if (!parsed) return Fail(parsed.error(), out);
    auto entry_text = ReadFile(*request.entry);
    if (!entry_text) return Fail(entry_text.error(), out);
    auto entry = EntryFor(*entry_text, parsed->index);
    if (!entry) return Fail(entry.error(), out);
    report = history::VerifyProofFile(*text, *entry, *key);
  } else {
    report = history::VerifyPassport(*text, *key);
  }
  if (!report) {
    out << "NOT VERIFIED: " << report.error().message << "\n";
    return 1;
  }
  std::string cosigned;
  if (!witnesses.empty()) {
    auto note = CheckpointNoteOf(*text);
    auto checked =
        note ? CheckWitnesses(*note, *key, witnesses) : Result<std::string>(note.error());
    if (!checked) {
      out << "NOT VERIFIED: " << checked.error().message << "\n";
      return 1;
    }
    cosigned = *checked;
  }
  out << "verified: " << report->leaves.size() << " event(s)";
  if (!report->item_id.empty()) out << " of item " << report->item_id;
  out << " (leaf index";
  for (const auto& l : report->leaves) out << " " << l.index;
  out << ") in " << report->checkpoint.origin << " at tree size " << report->checkpoint.size
      << ", root " << tlog::Base64Encode(report->checkpoint.root) << "\n"
      << cosigned;
  return 0;
}

int RunLogAudit(const AuditRequest& request, std::ostream& out) {
  auto target = ParseUrl(request.url);
  if (!target) return Fail(target.error(), out);
  std::optional<std::string> saved_key;
  std::optional<std::string> saved_checkpoint;
  if (request.state) {
    if (auto saved = ReadFile(*request.state)) {
      const size_t nl = saved->find('\n');
      if (nl == std::string::npos) {
        return Fail(Error::InvalidArgument("", "state file " + *request.state + " is damaged"),
                    out);
      }
      saved_key = saved->substr(0, nl);
      saved_checkpoint = saved->substr(nl + 1);
    }
  }
  std::string key_text;
  if (request.key) {
    key_text = Trimmed(*request.key);
    if (saved_key && *saved_key != key_text) {
      return Fail(Error::InvalidArgument("", "--key differs from the key saved in " +
                                                 *request.state + " (the log changed its key?)"),
                  out);
    }
  } else if (saved_key) {
    key_text = *saved_key;
  } else {
    return Fail(Error::InvalidArgument("",
                                       "give --key (the log's verifier key, from "
                                       "`recirc keys show` or /log/key) the first time"),
                out);
  }
  auto key = tlog::Verifier::FromKey(key_text);
  if (!key) return Fail(Error::InvalidArgument("", "--key: " + key.error().message), out);
  auto report = history::AuditLog([&](const std::string& path) { return Get(*target, path); }, *key,
                                  saved_checkpoint);
  if (!report) {
    out << "AUDIT FAILED: " << report.error().message << "\n";
    return 1;
  }
  out << "audited " << report->checkpoint.origin << ": tree size " << report->checkpoint.size
      << ", root " << tlog::Base64Encode(report->checkpoint.root) << ", " << report->tiles_checked
      << " tiles and bundles recomputed from the entries";
  if (saved_checkpoint) out << ", consistent with the checkpoint saved last time";
  out << "\n";
  // Other signatures on the checkpoint are witnesses' cosignatures (unchecked without keys).
  if (auto opened = tlog::Open(report->checkpoint_note, std::span(&*key, 1))) {
    for (const auto& s : opened->unverified) {
      out << "  cosignature by " << s.name << " (key id " << tlog::KeyIdHex(s.key_id) << ")";
      bool checked = false;
      for (const auto& k : request.witness_keys) {
        auto w = tlog::CosignatureVerifier::FromKey(Trimmed(k));
        if (!w || w->name() != s.name || w->key_id() != s.key_id) continue;
        auto bytes = tlog::Base64Decode(s.base64);
        auto time = bytes ? w->Verify(opened->text, *bytes) : Result<uint64_t>(bytes.error());
        if (!time) {
          out << ": DOES NOT VERIFY\n";
          return 1;
        }
        out << ": verified, at "
            << FormatRfc3339(FromUnixMillis(static_cast<int64_t>(*time) * 1000));
        checked = true;
      }
      if (!checked) out << ": not checked (no --witness-key for it)";
      out << "\n";
    }
  }
  if (request.state) {
    const std::string tmp = *request.state + ".tmp";
    {
      std::ofstream state(tmp, std::ios::trunc | std::ios::binary);
      state << key_text << "\n" << report->checkpoint_note;
      if (!state.flush()) return Fail(Error::Unavailable("cannot write " + tmp), out);
    }
    std::error_code ec;
    std::filesystem::rename(tmp, *request.state, ec);
    if (ec) return Fail(Error::Unavailable("cannot write " + *request.state), out);
  }
  return 0;
}

}  // namespace recirc::app
