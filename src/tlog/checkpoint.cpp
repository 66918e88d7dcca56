#include "tlog/checkpoint.hpp"

#include <charconv>

namespace recirc::tlog {
namespace {

Error Malformed(std::string why) {
  return Error::InvalidArgument("checkpoint", "malformed checkpoint: " + std::move(why));
}

// Non-empty, valid UTF-8 and no control characters; the note rules, line by line.
bool IsTextLine(std::string_view line) {
  if (line.empty() || line.find('\n') != std::string_view::npos) {
    return false;
  }
  std::string text(line);
  text += '\n';
  return IsValidNoteText(text);
}

}  // namespace

Result<std::string> FormatCheckpoint(const Checkpoint& checkpoint) {
  if (!IsValidKeyName(checkpoint.origin)) {
    return Error::InvalidArgument("origin", "the origin must be a valid key name (no spaces or +)");
  }
  std::string body = checkpoint.origin + "\n" + std::to_string(checkpoint.size) + "\n" +
                     Base64Encode(checkpoint.root) + "\n";
  for (const std::string& line : checkpoint.extensions) {
    if (!IsTextLine(line)) {
      return Error::InvalidArgument("extensions", "an extension line must be non-empty text");
    }
    body += line + "\n";
  }
  return body;
}

Result<Checkpoint> ParseCheckpoint(std::string_view body) {
  if (body.empty() || body.back() != '\n') {
    return Malformed("does not end in a newline");
  }
  if (!IsValidNoteText(body)) {
    return Malformed("invalid UTF-8 or a control character");
  }
  std::vector<std::string_view> lines;
  for (std::string_view rest = body; !rest.empty();) {
    std::size_t end = rest.find('\n');
    lines.push_back(rest.substr(0, end));
    rest.remove_prefix(end + 1);
  }
  if (lines.size() < 3) {
    return Malformed("fewer than three lines");
  }
  Checkpoint checkpoint;
  if (lines[0].empty()) {
    return Error::InvalidArgument("origin", "the origin is empty");
  }
  checkpoint.origin = std::string(lines[0]);

  std::string_view size = lines[1];
  bool digits = !size.empty() && size.find_first_not_of("0123456789") == std::string_view::npos;
  if (!digits || (size.size() > 1 && size[0] == '0')) {
    return Error::InvalidArgument("size", "tree size must be decimal without leading zeros");
  }
  auto [end, ec] = std::from_chars(size.data(), size.data() + size.size(), checkpoint.size);
  if (ec != std::errc() || end != size.data() + size.size()) {
    return Error::InvalidArgument("size", "tree size does not fit in 64 bits");
  }
  RECIRC_TRY(checkpoint.root, HashFromBase64(lines[2], "root"));
  for (std::size_t i = 3; i < lines.size(); ++i) {
    if (lines[i].empty()) {
      return Malformed("empty extension line");
    }
    checkpoint.extensions.emplace_back(lines[i]);
  }
  return checkpoint;
}

Result<Checkpoint> OpenCheckpoint(std::string_view note, const Verifier& log_key) {
  RECIRC_TRY(OpenedNote opened, Open(note, std::span(&log_key, 1)));
  RECIRC_TRY(Checkpoint checkpoint, ParseCheckpoint(opened.text));
  if (checkpoint.origin != log_key.name()) {
    return Error::InvalidArgument("origin", "checkpoint origin \"" + checkpoint.origin +
                                                "\" is not the log key's name \"" + log_key.name() +
                                                "\"");
  }
  return checkpoint;
}

}  // namespace recirc::tlog
