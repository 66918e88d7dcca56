#pragma once
// `recirc verify` and `recirc log audit`: checks of the item-history log that need nothing of
// this node but the log's verifier key (they run anywhere, against any recirc log).

#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

namespace recirc::app {

struct VerifyRequest {
  std::string file;  // a .tlog-proof file, a passport (JSON) or an inspection report (JSON)
  std::string key;   // the log's verifier key; for a report, the inspection body's key
  std::vector<std::string> witness_keys;
  std::optional<std::string> entry;  // for a .tlog-proof: the leaf, or a passport holding it
};
int RunVerify(const VerifyRequest& request, std::ostream& out);

struct AuditRequest {
  std::string url;                        // http://host:port (the log under /log) or …/log
  std::optional<std::string> key;         // else the key saved in the state file
  std::optional<std::string> state;       // remembers the key and the last checkpoint seen
  std::vector<std::string> witness_keys;  // cosignatures by these keys are checked
};
int RunLogAudit(const AuditRequest& request, std::ostream& out);

}  // namespace recirc::app
